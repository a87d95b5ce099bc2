/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "pb-backup.h"
#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-library-archive.h"
#include "pb-library.h"
#include "pb-restore.h"

/* A second process for the library-safety tests: it does one kind of work on
 * a library and prints a line each time it reaches a new state, so that the
 * test can wait on those lines (never on time) and kill it at a random one.
 *
 *   library-child import LIBRARY PDF…     imports, printing "page" lines as
 *                                         pages are read and "done ID" after
 *                                         each file
 *   library-child backup LIBRARY N        takes N backups, "done PATH" each
 *   library-child restore LIBRARY BACKUP… restores each in turn, "done" each
 *   library-child archive LIBRARY ARCHIVE… opens each library archive into
 *                                         it, printing "part" lines as it
 *                                         goes and "done" after each
 *   library-child hold LIBRARY            opens it, prints "open", and keeps
 *                                         it open until standard input closes
 *   library-child import-then-die LIBRARY PDF…
 *                                         as import, then exits without
 *                                         closing the library
 *   library-child finding LIBRARY SHA256  adds one finding, prints "done ID"
 *                                         and exits without closing the
 *                                         library (as a process that is killed)
 */

static void
page_read_cb (double   fraction,
              gpointer user_data)
{
  printf ("page %.3f\n", fraction);
  fflush (stdout);
}

static int
fail (const GError *error)
{
  fprintf (stderr, "%s\n", error->message);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *mode;

  if (argc < 3)
    {
      fprintf (stderr, "usage: library-child MODE LIBRARY …\n");
      return 2;
    }
  mode = argv[1];

  if (g_str_equal (mode, "archive"))
    {
      for (int i = 3; i < argc; i++)
        {
          PbArchiveImport result = { 0 };

          if (!pb_library_import_archive (argv[2], argv[i], &result, NULL, page_read_cb, NULL, &error))
            return fail (error);
          pb_archive_import_clear (&result);
          printf ("done\n");
          fflush (stdout);
        }
      return 0;
    }

  if (g_str_equal (mode, "restore"))
    {
      for (int i = 3; i < argc; i++)
        {
          if (!pb_library_restore (argv[2], argv[i], NULL, &error))
            return fail (error);
          printf ("done\n");
          fflush (stdout);
        }
      return 0;
    }

  {
    g_autoptr(PbLibrary) library = pb_library_open (argv[2], &error);

    if (library == NULL)
      return fail (error);

    if (g_str_equal (mode, "import") || g_str_equal (mode, "import-then-die"))
      {
        for (int i = 3; i < argc; i++)
          {
            g_autoptr(GFile) file = g_file_new_for_path (argv[i]);
            gint64 id = 0;

            if (!pb_import_file (library, file, NULL, NULL, page_read_cb, NULL, NULL, &id, &error))
              return fail (error);
            printf ("done %" G_GINT64_FORMAT "\n", id);
            fflush (stdout);
          }
        /* Gone without closing anything, as a process that is killed. */
        if (g_str_equal (mode, "import-then-die"))
          _exit (0);
      }
    else if (g_str_equal (mode, "backup") && argc == 4)
      {
        for (int i = 0; i < atoi (argv[3]); i++)
          {
            g_autofree char *path = pb_library_backup (library, PB_BACKUP_BY_HAND, &error);

            if (path == NULL)
              return fail (error);
            printf ("done %s\n", path);
            fflush (stdout);
          }
      }
    else if (g_str_equal (mode, "hold"))
      {
        char buffer[64];

        printf ("open\n");
        fflush (stdout);
        while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
          ;
      }
    else if (g_str_equal (mode, "finding") && argc == 4)
      {
        static const char * const cohorts[] = { "care_leavers", NULL };
        g_autoptr(PbFinding) finding = pb_finding_new ();
        PbAnchor anchor = { 1, { 72, 90, 300, 104 } };
        gint64 id;

        pb_finding_set_report_sha256 (finding, argv[3]);
        pb_finding_set_anchors (finding, &anchor, 1);
        pb_finding_set_quote (finding, "A finding made just before the end");
        pb_finding_set_cohorts (finding, cohorts);
        if (!(id = pb_library_add_finding (library, finding, &error)))
          return fail (error);
        printf ("done %" G_GINT64_FORMAT "\n", id);
        fflush (stdout);
        /* Gone without closing anything, as a process that is killed. */
        _exit (0);
      }
    else
      {
        fprintf (stderr, "library-child: unknown mode %s\n", mode);
        return 2;
      }
  }

  return 0;
}
