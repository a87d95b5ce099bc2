/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-library-check"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "pb-db.h"
#include "pb-import-private.h"
#include "pb-library-check-private.h"
#include "pb-library-private.h"
#include "pb-pdf-text.h"
#include "pb-report-insert.h"
#include "pb-report-store.h"

/* Orphans: PDFs in reports/ that the database does not list. What Check
 * Library says of one, and what Repair does with it, depend on what the file
 * is, so each is looked at first: hashed (is it the file its name says?) and
 * opened (what is its title? does it need a password?).
 *
 *   a report under its own name    re-attached (imported from its own file)
 *   a report under another name    re-attached under its real checksum if
 *                                  the library lacks it; the misnamed file is
 *                                  moved aside either way
 *   not a report Panel Brief reads moved aside
 *   a report that needs a password re-attached only when one of the
 *                                  passwords given opens it
 *
 * Nothing is deleted: a file moved aside keeps its bytes under a new name
 * (reports/<name>.misnamed-<UTC time>, .unreadable-…), which is no report's
 * name, so Check Library stops listing it. */

typedef enum
{
  ORPHAN_REPORT,          /* its content is its name's, and it opens */
  ORPHAN_MISNAMED,        /* a report, under a checksum not its own */
  ORPHAN_SECOND_COPY,     /* misnamed, and the library lists its real one */
  ORPHAN_NOT_A_REPORT,    /* it does not open as a PDF */
  ORPHAN_NEEDS_PASSWORD,  /* encrypted, and no password given opens it */
} OrphanState;

typedef struct
{
  OrphanState  state;
  char        *path;
  char        *title;      /* when it opened */
  const char  *password;   /* the one that opened it, or NULL */
  gint64       listed_id;  /* for a second copy: the report it copies */
} Orphan;

static void
orphan_clear (Orphan *orphan)
{
  g_clear_pointer (&orphan->path, g_free);
  g_clear_pointer (&orphan->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Orphan, orphan_clear)

/* Opens @path with no password, then with each of @passwords; the title as
 * import would give it. */
static OrphanState
open_orphan (Orphan             *orphan,
             const char * const *passwords)
{
  g_autofree char *uri = g_filename_to_uri (orphan->path, NULL, NULL);
  g_autofree char *metadata = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  gboolean encrypted;

  if (uri == NULL)
    return ORPHAN_NOT_A_REPORT;

  document = poppler_document_new_from_file (uri, NULL, &error);
  encrypted = g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
  for (guint i = 0; document == NULL && encrypted && passwords != NULL && passwords[i] != NULL; i++)
    {
      g_clear_error (&error);
      if ((document = poppler_document_new_from_file (uri, passwords[i], &error)) != NULL)
        orphan->password = passwords[i];
    }

  if (document == NULL)
    return encrypted ? ORPHAN_NEEDS_PASSWORD : ORPHAN_NOT_A_REPORT;
  if (poppler_document_get_n_pages (document) < 1)
    {
      g_object_unref (document);
      return ORPHAN_NOT_A_REPORT;
    }

  metadata = poppler_document_get_title (document);
  orphan->title = pb_pdf_clean_title (metadata);
  if (orphan->title == NULL)
    {
      PopplerPage *page = poppler_document_get_page (document, 0);

      if (page != NULL)
        {
          orphan->title = pb_pdf_page_guess_heading (page);
          g_object_unref (page);
        }
    }
  g_object_unref (document);
  return ORPHAN_REPORT;
}

/* Looks at reports/<@sha256>.pdf: hashed when @hash (else taken to be what
 * its name says), and opened. */
static gboolean
inspect_orphan (PbLibrary          *library,
                sqlite3            *db,
                const char         *sha256,
                gboolean            hash,
                const char * const *passwords,
                GCancellable       *cancellable,
                Orphan             *orphan,
                GError            **error)
{
  g_autofree char *actual = NULL;
  g_autoptr(GError) hash_error = NULL;
  OrphanState opened;

  orphan->path = pb_library_dup_report_path (library, sha256);
  orphan->listed_id = 0;

  if (hash && !(actual = _pb_import_hash_file (orphan->path, cancellable, &hash_error)) &&
      g_error_matches (hash_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&hash_error));
      return FALSE;
    }

  opened = open_orphan (orphan, passwords);
  if (actual != NULL && !g_str_equal (actual, sha256))
    {
      gint64 listed = _pb_library_lookup_report (db, actual, NULL);

      /* Its real report is listed: a second copy, whatever it holds. */
      if (listed > 0)
        {
          orphan->state = ORPHAN_SECOND_COPY;
          orphan->listed_id = listed;
          return TRUE;
        }
      orphan->state = opened == ORPHAN_REPORT ? ORPHAN_MISNAMED : opened;
      return TRUE;
    }

  orphan->state = opened;
  return TRUE;
}

/* The report's title for a sentence, or the file's own short name. */
static char *
name_orphan (PbLibrary    *library,
             const Orphan *orphan,
             const char   *sha256)
{
  if (orphan->listed_id > 0)
    {
      g_autoptr(PbReport) report = pb_library_get_report (library, orphan->listed_id, NULL);

      if (report != NULL)
        return g_strdup (pb_report_get_title (report));
    }
  if (orphan->title != NULL)
    return g_strdup (orphan->title);
  /* Translators: a report file known only by the start of its checksum */
  return g_strdup_printf (_("reports/%.12s…"), sha256);
}

/**
 * _pb_check_orphans:
 *
 * Adds one problem for each orphan in reports/, saying what it is and what
 * Repair will do with it.
 */
gboolean
_pb_check_orphans (PbLibrary           *library,
                   gboolean             verify_checksums,
                   const char * const  *passwords,
                   GCancellable        *cancellable,
                   PbCheckResult       *result,
                   GError             **error)
{
  g_autoptr(GPtrArray) orphans = NULL;
  sqlite3 *db;

  if (!(orphans = pb_import_list_orphans (library, error)))
    return FALSE;
  if (orphans->len == 0)
    return TRUE;
  if (!(db = _pb_library_open_reader (library, error)))
    return FALSE;

  for (guint i = 0; i < orphans->len; i++)
    {
      const char *sha256 = g_ptr_array_index (orphans, i);
      g_auto(Orphan) orphan = { 0 };
      g_autofree char *name = NULL;
      gboolean repairable = TRUE;
      char *message;

      if (!inspect_orphan (library, db, sha256, verify_checksums, passwords, cancellable, &orphan, error))
        {
          pb_db_close (db);
          return FALSE;
        }
      name = name_orphan (library, &orphan, sha256);

      switch (orphan.state)
        {
        case ORPHAN_REPORT:
          message = g_strdup_printf (_("“%s” is in the library folder but not in its list. Repair "
                                       "re-attaches it."), name);
          break;
        case ORPHAN_MISNAMED:
          message = g_strdup_printf (_("“%s” is in the library folder under a name that is not its "
                                       "own, and not in its list. Repair re-attaches it under its own "
                                       "name and moves the misnamed file aside."), name);
          break;
        case ORPHAN_SECOND_COPY:
          message = g_strdup_printf (_("The library folder holds a second copy of “%s” under a name "
                                       "that is not its own. Repair moves it aside."), name);
          break;
        case ORPHAN_NEEDS_PASSWORD:
          repairable = FALSE;
          message = g_strdup_printf (_("A report protected by a password (%s) is in the library "
                                       "folder but not in its list. Repair re-attaches it when given "
                                       "its password (“panel-brief check --repair --password "
                                       "PASSWORD”)."), name);
          break;
        case ORPHAN_NOT_A_REPORT:
        default:
          message = g_strdup_printf (_("reports/%s.pdf is in the library folder but is not a report "
                                       "Panel Brief can read. Repair moves it aside."), sha256);
          break;
        }
      _pb_check_add_problem (result, PB_CHECK_ORPHAN, sha256, 0, repairable, message);
    }

  pb_db_close (db);
  return TRUE;
}

/* Moves @path aside as "<path>.<label>-<UTC time>"; the new file name, or
 * NULL when it could not be moved. */
static char *
move_aside (const char *path,
            const char *label)
{
  g_autofree char *aside = _pb_import_aside_path (path, label);

  if (g_rename (path, aside) != 0)
    return NULL;
  return g_path_get_basename (aside);
}

/* Imports @orphan's file; the report's title, or NULL with @error set. */
static char *
import_orphan (PbLibrary     *library,
               const Orphan  *orphan,
               GCancellable  *cancellable,
               GArray        *added,
               guint         *out_pages,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (orphan->path);
  g_autoptr(PbReport) report = NULL;
  gint64 report_id = 0;

  /* It was in the library once: a report with the same pages is no reason
   * to leave it out. */
  if (!pb_import_file_full (library, file, orphan->password, PB_IMPORT_ANYWAY, cancellable, NULL, NULL,
                            NULL, &report_id, error) ||
      !(report = pb_library_get_report (library, report_id, error)))
    return NULL;
  if (added != NULL)
    g_array_append_val (added, report_id);
  *out_pages = pb_report_get_page_count (report);
  return g_strdup (pb_report_get_title (report));
}

/**
 * _pb_repair_orphan:
 *
 * @added: (element-type gint64) (nullable): gets the id of a report it
 *   re-attaches, for the caller to announce (report-added) on its own thread
 *
 * Mends one orphan as _pb_check_orphans () said it would, hashing it first
 * whatever the check did.
 *
 * Returns: one sentence saying what was done, or why not
 */
char *
_pb_repair_orphan (PbLibrary          *library,
                   const char         *sha256,
                   const char * const *passwords,
                   GCancellable       *cancellable,
                   GArray             *added)
{
  g_auto(Orphan) orphan = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *aside = NULL;
  sqlite3 *db;
  guint pages = 0;
  gboolean ok;

  if (!(db = _pb_library_open_reader (library, &error)))
    return g_strdup (error->message);
  ok = inspect_orphan (library, db, sha256, TRUE, passwords, cancellable, &orphan, &error);
  pb_db_close (db);
  if (!ok)
    return g_strdup (error->message);
  name = name_orphan (library, &orphan, sha256);

  switch (orphan.state)
    {
    case ORPHAN_REPORT:
      if (!(title = import_orphan (library, &orphan, cancellable, added, &pages, &error)))
        return g_strdup_printf (_("Could not re-attach “%s”: %s"), name, error->message);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Re-attached “%s” (%u page).",
                                           "Re-attached “%s” (%u pages).", pages), title, pages);

    case ORPHAN_MISNAMED:
      if (!(title = import_orphan (library, &orphan, cancellable, added, &pages, &error)))
        return g_strdup_printf (_("Could not re-attach “%s”: %s"), name, error->message);
      if (!(aside = move_aside (orphan.path, "misnamed")))
        return g_strdup_printf (_("Re-attached “%s”, but could not move its misnamed file aside."),
                                title);
      return g_strdup_printf (_("Re-attached “%s” under its own name; the misnamed file is kept as "
                                "reports/%s."), title, aside);

    case ORPHAN_SECOND_COPY:
      /* Imported first: if the listed copy is missing or changed, this one
       * takes its place (the import mends it). */
      g_free (import_orphan (library, &orphan, cancellable, added, &pages, NULL));
      if (!(aside = move_aside (orphan.path, "misnamed")))
        return g_strdup_printf (_("Could not move aside the second copy of “%s”."), name);
      return g_strdup_printf (_("Moved aside a second copy of “%s” that had a name not its own; it "
                                "is kept as reports/%s."), name, aside);

    case ORPHAN_NEEDS_PASSWORD:
      return g_strdup_printf (_("Could not re-attach the report protected by a password (%s): give "
                                "its password with --password."), name);

    case ORPHAN_NOT_A_REPORT:
    default:
      if (!(aside = move_aside (orphan.path, "unreadable")))
        return g_strdup_printf (_("Could not move aside reports/%s.pdf."), sha256);
      return g_strdup_printf (_("Moved aside reports/%s.pdf, which is not a report Panel Brief can "
                                "read; it is kept as reports/%s."), sha256, aside);
    }
}
