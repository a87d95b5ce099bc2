/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-library.h"
#include <stdio.h>


/* For the crash test: adds findings to a library as fast as it can, printing
 * each one's id only once it is committed, until it is killed. */
int
main (int   argc,
      char *argv[])
{
  static const char * const cohorts[] = { "care_leavers", "leadership", NULL };
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-child LIBRARY SHA256\n");
      return 2;
    }

  if (!(library = pb_library_open (argv[1], &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; ; i++)
    {
      g_autoptr(PbFinding) finding = pb_finding_new ();
      g_autofree char *note = g_strdup_printf ("note %u", i);
      PbAnchor anchor = { 1, { 72, 90 + i % 40, 300, 104 + i % 40 } };
      gint64 id;

      pb_finding_set_report_sha256 (finding, argv[2]);
      pb_finding_set_anchors (finding, &anchor, 1);
      pb_finding_set_quote (finding, "Children in care live in stable homes");
      pb_finding_set_cohorts (finding, cohorts);
      pb_finding_set_note (finding, note);

      if (!(id = pb_library_add_finding (library, finding, &error)))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      printf ("%" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
}
