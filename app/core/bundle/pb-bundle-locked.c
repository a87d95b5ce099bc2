/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "pb-bundle-private.h"
#include "pb-document.h"
#include "pb-finding-store.h"
#include "pb-pack-store.h"
#include "pb-pdf-open.h"
#include "pb-report-store.h"

/* Reports protected by a password, in a pack's bundle.
 *
 * A report imported with a password is stored as it came, still
 * encrypted, and its password is kept for the session only.  A member who
 * opened such a report from a bundle would be asked for a password nobody
 * gave them, so the bundle carries what is needed instead: an exempt
 * pack's bundle holds the report with its password taken off, inside the
 * bundle's own AES-256, which only the pack's passphrase opens.  The
 * officer gives the report's password once, when exporting; it goes
 * nowhere.  A public pack's bundle is not encrypted, so such a report
 * cannot go in one, and the export says so, naming it. */

/* Whether @path needs a password to be opened (an owner password alone,
 * which limits only editing, needs none). */
static gboolean
needs_password (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;
  gboolean needs_none = FALSE;

  if (uri == NULL)
    return FALSE;
  document = G_OBJECT (pb_pdf_open_poppler (uri, NULL, &needs_none, &error));
  return document == NULL && g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
}

static void
wipe (char *password)
{
  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
}

/**
 * pb_library_list_locked_pack_reports:
 * @library: an officer's library
 * @pack_id: a pack
 * @error: a #GError, or %NULL
 *
 * The reports the pack cites that are protected by a password not yet
 * given in this session: what pb_library_export_bundle() would stop at.
 * Give each one's password with pb_library_unlock_report() first.
 *
 * Returns: (transfer container) (element-type PbReport): the reports, in
 *   the order first cited, perhaps none; %NULL with @error set
 *   (%PB_PACKS_ERROR_NOT_FOUND, %PB_DB_ERROR)
 */
GPtrArray *
pb_library_list_locked_pack_reports (PbLibrary  *library,
                                     gint64      pack_id,
                                     GError    **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) locked = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  if (!(sections = pb_library_get_pack_sections (library, pack_id, error)))
    return NULL;
  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          g_autoptr(PbFinding) finding = NULL;
          g_autoptr(PbReport) report = NULL;
          g_autofree char *path = NULL;
          gint64 report_id;

          if (item->kind != PB_PACK_ITEM_FINDING ||
              !(finding = pb_library_get_finding (library, item->finding_id, NULL)))
            continue;
          report_id = pb_finding_get_report_id (finding);
          if (g_hash_table_contains (seen, &report_id))
            continue;
          g_hash_table_add (seen, g_memdup2 (&report_id, sizeof report_id));
          if (!(report = pb_library_get_report (library, report_id, NULL)) ||
              !(path = pb_library_locate_report_file (library, pb_report_get_sha256 (report), NULL)))
            continue;
          if (!pb_pdf_has_password (path) && needs_password (path))
            g_ptr_array_add (locked, g_steal_pointer (&report));
        }
    }
  return g_steal_pointer (&locked);
}

/**
 * pb_library_unlock_report:
 * @library: a library
 * @sha256: the report's checksum
 * @password: the password that opens its file
 * @error: a #GError, or %NULL
 *
 * Gives the password of a report protected by one, for the rest of the
 * session (in memory only, as pb_pdf_remember_password() keeps it): its
 * bundle can then be written, and its file read.
 *
 * Returns: %TRUE when @password opens the report; else %FALSE with @error
 *   set (%PB_DOCUMENT_ERROR_WRONG_PASSWORD, naming the report;
 *   %PB_LIBRARY_ERROR_MISSING_FILE; %PB_DOCUMENT_ERROR_DAMAGED)
 */
gboolean
pb_library_unlock_report (PbLibrary   *library,
                          const char  *sha256,
                          const char  *password,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);

  if (!(path = pb_library_locate_report_file (library, sha256, error)))
    return FALSE;
  /* A password given now replaces any kept before, right or wrong. */
  pb_pdf_remember_password (path, NULL);
  document = G_OBJECT (pb_pdf_open (path, password != NULL && *password != '\0' ? password : NULL, &local_error));
  if (document != NULL)
    return TRUE;

  report = pb_library_find_report (library, sha256, NULL);
  if (g_error_matches (local_error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD) ||
      g_error_matches (local_error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_NEEDS_PASSWORD))
    g_set_error (error, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_WRONG_PASSWORD,
                 /* Translators: %s is a report's title */
                 _("That password does not open “%s”."),
                 report ? pb_report_get_title (report) : _("the report"));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Writes @source, opened with @password, to @dest with no password. */
static gboolean
write_unlocked (const char  *source,
                const char  *password,
                const char  *dest,
                GError     **error)
{
  qpdf_data qpdf = qpdf_init ();
  gboolean ok;

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  ok = !(qpdf_read (qpdf, source, password) & QPDF_ERRORS);
  if (ok)
    {
      ok = !(qpdf_init_write (qpdf, dest) & QPDF_ERRORS);
      if (ok)
        {
          qpdf_set_preserve_encryption (qpdf, QPDF_FALSE);
          /* The same file from the same report each time, so that a member
           * who opens a newer bundle of the pack keeps the one report. */
          qpdf_set_deterministic_ID (qpdf, QPDF_TRUE);
          ok = !(qpdf_write (qpdf) & QPDF_ERRORS);
        }
    }
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                 qpdf_has_error (qpdf) ? qpdf_get_error_full_text (qpdf, qpdf_get_error (qpdf)) : "qpdf");
  qpdf_cleanup (&qpdf);
  return ok;
}

/* For a report whose file needs a password: puts a copy without it into
 * @dir for an exempt pack's bundle, and makes it the report the bundle
 * carries (its entry's checksum, and its findings'); refuses for a public
 * pack, or when no password has been given, naming the report. */
gboolean
_pb_bundle_unlock_report_copy (BundleContents  *contents,
                               BundleReport    *report,
                               const char      *dir,
                               guint            n,
                               GError         **error)
{
  g_autofree char *password = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!needs_password (report->source_path))
    return TRUE;

  if (!contents->exempt)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED,
                   /* Translators: %s is a report's title */
                   _("“%s” is protected by a password, and a public pack’s bundle is not encrypted, so it "
                     "cannot carry it. Mark the pack exempt to send it encrypted, or take that report’s "
                     "findings out."), report->title);
      return FALSE;
    }
  if (!(password = pb_pdf_dup_password (report->source_path)))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED,
                   /* Translators: %s is a report's title */
                   _("“%s” is protected by a password. Give its password to put it in the pack; members "
                     "will not need it."), report->title);
      return FALSE;
    }

  dest = g_strdup_printf ("%s/unlocked-%u.pdf", dir, n);
  if (!write_unlocked (report->source_path, password, dest, &local_error))
    {
      wipe (g_steal_pointer (&password));
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_REPORT_LOCKED,
                   /* Translators: the first %s is a report's title, the second why */
                   _("“%s” could not be put in the pack without its password: %s."), report->title,
                   local_error->message);
      return FALSE;
    }
  wipe (g_steal_pointer (&password));
  if (!(sha = _pb_bundle_hash_file (dest, NULL, error)))
    return FALSE;

  for (guint i = 0; i < contents->findings->len; i++)
    {
      BundleFinding *finding = g_ptr_array_index (contents->findings, i);

      if (g_str_equal (finding->report_sha256, report->sha256))
        {
          g_free (finding->report_sha256);
          finding->report_sha256 = g_strdup (sha);
        }
    }
  g_free (report->sha256);
  report->sha256 = g_steal_pointer (&sha);
  g_free (report->source_path);
  report->source_path = g_steal_pointer (&dest);
  return TRUE;
}
