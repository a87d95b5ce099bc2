/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pb-backup.h"
#include "pb-bundle-private.h"
#include "pb-import.h"
#include "pb-report-store.h"

/* Opening a bundle in a member's library.
 *
 * Everything is checked before anything is kept: the manifest (decrypted
 * and authenticated by AES for an exempt pack), every entry against its
 * checksum, each report's file against the checksum the pack names it by,
 * and pack.json for its shape (pb-bundle-contents-read.c).  A bundle that
 * fails any of it is refused whole, and the library is as it was.  Then
 * the reports are imported as any PDF is (a report the member has already
 * is shared, being the same file), and the pack is written in one
 * transaction, apart from the member's own packs. */

typedef struct
{
  PbBundleProgressFunc  func;
  gpointer              data;
  double                start;
  double                share;
} Progress;

static void
report_progress (Progress *progress,
                 double    fraction)
{
  if (progress->func != NULL)
    progress->func (progress->start + progress->share * CLAMP (fraction, 0, 1), progress->data);
}

static void
import_progress_cb (double   fraction,
                    gpointer data)
{
  report_progress (data, fraction);
}

static zip_t *
open_zip (const char  *path,
          GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  int code = 0;
  zip_t *zip;

  if (!(zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &code)))
    {
      if (code == ZIP_ER_NOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not exist."), display);
      else if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be read."), display);
      else
        g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_A_BUNDLE,
                     _("“%s” is not a Panel Brief pack, or it is damaged."), display);
    }
  return zip;
}

/**
 * pb_bundle_peek:
 * @path: (type filename): a file, perhaps a bundle
 * @out_encrypted: (out) (optional): whether it is encrypted: whether to
 *   ask for a passphrase before pb_library_open_bundle()
 * @error: a #GError, or %NULL
 *
 * Reads only what a bundle says of itself in the clear.
 *
 * Returns: %TRUE when @path is a bundle this Panel Brief can open; else
 *   %FALSE with @error set (%PB_BUNDLE_ERROR_NOT_A_BUNDLE,
 *   %PB_BUNDLE_ERROR_NEWER, %PB_BUNDLE_ERROR_NO_ENCRYPTION, %G_IO_ERROR)
 */
gboolean
pb_bundle_peek (const char  *path,
                gboolean    *out_encrypted,
                GError     **error)
{
  gboolean encrypted = FALSE;
  zip_t *zip;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(zip = open_zip (path, error)))
    return FALSE;
  if (!_pb_bundle_read_marker (zip, &encrypted, error))
    {
      zip_discard (zip);
      return FALSE;
    }
  zip_discard (zip);
  if (encrypted && !pb_bundle_can_encrypt ())
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NO_ENCRYPTION,
                   _("This pack is encrypted, and this copy of Panel Brief cannot read encrypted packs: "
                     "its zip library was built without AES-256."));
      return FALSE;
    }
  if (out_encrypted != NULL)
    *out_encrypted = encrypted;
  return TRUE;
}

/**
 * pb_bundle_open_result_clear:
 * @result: a result filled in by pb_library_open_bundle()
 */
void
pb_bundle_open_result_clear (PbBundleOpenResult *result)
{
  g_clear_pointer (&result->title, g_free);
}

static gboolean
damaged (GError **error)
{
  g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
               _("The pack file has been changed since it was made, or is damaged: its reports do not "
                 "match their checksums. It was not opened. Ask for a fresh copy."));
  return FALSE;
}

/* A name for the report's file while it is imported: the name it had when
 * the officer imported it (a report with no title of its own is listed by
 * it), never a path. */
static char *
import_name (BundleReport *report)
{
  g_autofree char *base = g_path_get_basename (report->file_name);

  if (*base == '\0' || *base == '.' || strchr (base, G_DIR_SEPARATOR) != NULL ||
      !g_utf8_validate (base, -1, NULL) || strlen (base) > 200)
    return g_strdup ("report.pdf");
  return g_steal_pointer (&base);
}

/* Takes each report out into @dir, checked against the manifest and
 * against the checksum the pack gives it, and checks each highlighted
 * copy, so that nothing of a changed bundle is used. */
static gboolean
take_out (zip_t           *zip,
          GHashTable      *manifest,
          BundleContents  *contents,
          const char      *dir,
          GCancellable    *cancellable,
          Progress        *progress,
          GError         **error)
{
  for (guint i = 0; i < contents->reports->len; i++)
    {
      BundleReport *report = g_ptr_array_index (contents->reports, i);
      const char *sha = g_hash_table_lookup (manifest, report->entry);
      const char *highlighted_sha = report->highlighted ? g_hash_table_lookup (manifest, report->highlighted) : NULL;
      g_autofree char *folder = g_strdup_printf ("%s/%u", dir, i + 1);
      g_autofree char *name = import_name (report);

      if (sha == NULL || !g_str_equal (sha, report->sha256) || (report->highlighted && highlighted_sha == NULL))
        return damaged (error);
      if (g_mkdir (folder, 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The pack’s reports could not be taken out."));
          return FALSE;
        }
      report->source_path = g_build_filename (folder, name, NULL);
      if (!_pb_bundle_copy_entry (zip, report->entry, sha, report->source_path, cancellable, error) ||
          (highlighted_sha != NULL &&
           !_pb_bundle_copy_entry (zip, report->highlighted, highlighted_sha, NULL, cancellable, error)))
        return FALSE;
      report_progress (progress, (double)(i + 1) / contents->reports->len);
    }
  return TRUE;
}

/* Reads and checks the whole bundle: its contents, with every report
 * taken out into @dir.  Nothing of the library is touched. */
static BundleContents *
read_bundle (const char    *path,
             const char    *passphrase,
             const char    *dir,
             GCancellable  *cancellable,
             Progress      *progress,
             GError       **error)
{
  g_autoptr(BundleContents) contents = NULL;
  g_autoptr(GHashTable) manifest = NULL;
  g_autoptr(GBytes) pack = NULL;
  gboolean encrypted = FALSE;
  zip_t *zip;

  if (!(zip = open_zip (path, error)))
    return NULL;
  if (!_pb_bundle_read_marker (zip, &encrypted, error))
    goto fail;
  if (encrypted)
    {
      if (!pb_bundle_can_encrypt ())
        {
          g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NO_ENCRYPTION,
                       _("This pack is encrypted, and this copy of Panel Brief cannot read encrypted "
                         "packs: its zip library was built without AES-256."));
          goto fail;
        }
      if (passphrase == NULL || *passphrase == '\0')
        {
          g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
                       _("This pack is exempt and encrypted: enter the passphrase the officer gave you."));
          goto fail;
        }
      zip_set_default_password (zip, passphrase);
    }

  if (!(manifest = _pb_bundle_read_manifest (zip, error)) ||
      !(pack = _pb_bundle_read_entry (zip, BUNDLE_PACK_NAME, g_hash_table_lookup (manifest, BUNDLE_PACK_NAME),
                                      error)) ||
      !(contents = _pb_bundle_contents_from_json (g_bytes_get_data (pack, NULL), g_bytes_get_size (pack), error)))
    goto fail;

  /* Panel Brief never writes an exempt pack in the clear. */
  if (contents->exempt && !encrypted)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                   _("This pack is marked exempt but is not encrypted, so Panel Brief did not make it as "
                     "it is. It was not opened."));
      goto fail;
    }

  if (!take_out (zip, manifest, contents, dir, cancellable, progress, error))
    goto fail;

  zip_discard (zip);
  return g_steal_pointer (&contents);

fail:
  zip_discard (zip);
  return NULL;
}

static gboolean
import_reports (PbLibrary       *library,
                BundleContents  *contents,
                GCancellable    *cancellable,
                Progress        *progress,
                guint           *out_added,
                GError         **error)
{
  double start = progress->start, share = progress->share;

  for (guint i = 0; i < contents->reports->len; i++)
    {
      BundleReport *report = g_ptr_array_index (contents->reports, i);
      g_autoptr(GFile) file = g_file_new_for_path (report->source_path);
      PbImportStatus status = PB_IMPORT_STATUS_FAILED;

      progress->start = start + share * i / contents->reports->len;
      progress->share = share / contents->reports->len;
      /* Listed first, so that a kill mid-import leaves it to be swept. */
      {
        g_autoptr(PbReport) had = pb_library_find_report (library, report->sha256, NULL);

        if (had == NULL && !_pb_bundle_opening_add (library, report->sha256, error))
          return FALSE;
      }
      if (!pb_import_file (library, file, NULL, cancellable, import_progress_cb, progress, &status, NULL, error))
        return FALSE;
      if (status == PB_IMPORT_STATUS_IMPORTED)
        {
          (*out_added)++;
          if (!_pb_bundle_store_origin (library, report->sha256, contents, report->exempt, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Which copy of a pack is newer: by the officer's library's count of its
 * bundles when both have one (a clock set wrong, or a second machine,
 * cannot put them out of order), else by when each was written. */
static int
compare_copies (BundleContents *contents,
                const char     *had_exported_at,
                gint64          had_revision)
{
  if (contents->revision > 0 && had_revision > 0 && contents->revision != had_revision)
    return contents->revision < had_revision ? -1 : 1;
  return _pb_bundle_compare_times (contents->exported_at, had_exported_at);
}

/* A full disk, said as what the member can act on: the pack (not one of
 * its reports, which they never chose), about how much room it needs, and
 * that nothing of it was kept. */
static void
explain_no_space (PbLibrary       *library,
                  BundleContents  *contents,
                  GError         **error)
{
  g_autofree char *size = NULL;
  guint64 total = 0;

  if (error == NULL || *error == NULL ||
      !(g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
        g_error_matches (*error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE)))
    return;
  for (guint i = 0; i < contents->reports->len; i++)
    {
      BundleReport *report = g_ptr_array_index (contents->reports, i);
      GStatBuf st;

      if (report->source_path != NULL && g_stat (report->source_path, &st) == 0)
        total += (guint64)st.st_size;
    }
  /* A report that could not be stored for want of room, and no other
   * reason: the import says which only in words. */
  if (g_error_matches (*error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (pb_library_get_path (library));
      g_autoptr(GFileInfo) info = g_file_query_filesystem_info (folder, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);

      if (info == NULL ||
          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) >= total * 2)
        return;
    }
  /* Each report is kept as it came, and its pages' text and pictures
   * beside it: about twice its size is a fair guess. */
  size = g_format_size (total * 2);
  g_clear_error (error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               /* Translators: the first %s is a pack's title, the second a size such as "12 MB" */
               _("There is not enough free disk space to open the pack “%s”: it needs about %s. Nothing of "
                 "it was kept. Free some space on the disk that holds your library (%s) and open it again."),
               contents->title, size, pb_library_get_path (library));
}

/**
 * pb_library_open_bundle:
 *
 * As pb_library_open_bundle_full() with %PB_BUNDLE_OPEN_DEFAULT.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
pb_library_open_bundle (PbLibrary             *library,
                        const char            *path,
                        const char            *passphrase,
                        PbBundleOpenResult    *out_result,
                        GCancellable          *cancellable,
                        PbBundleProgressFunc   progress_func,
                        gpointer               progress_data,
                        GError               **error)
{
  return pb_library_open_bundle_full (library, path, passphrase, PB_BUNDLE_OPEN_DEFAULT, out_result, cancellable,
                                      progress_func, progress_data, error);
}

/**
 * pb_library_open_bundle_full:
 * @library: a member's library; it may hold nothing else
 * @path: (type filename): a bundle (.panelpack)
 * @passphrase: (nullable): for an encrypted bundle, the passphrase it was
 *   written with (pb_bundle_peek() says whether one is needed); used to
 *   read this bundle and kept nowhere
 * @flags: %PB_BUNDLE_OPEN_REPLACE_NEWER to open a copy older than the
 *   one the library has, in its place (the member's choice, when told
 *   %PB_BUNDLE_ERROR_OLDER)
 * @out_result: (out caller-allocates) (optional): what was opened; clear
 *   it with pb_bundle_open_result_clear()
 * @cancellable: (nullable): to stop, keeping nothing of the bundle
 * @progress_func: (nullable): told how far it has got, from 0 to 1, on this
 *   thread
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Opens a pack bundle into the library, as a read-only pack kept apart
 * from the member's own (pb_library_list_bundle_packs()).  Its reports are
 * imported as any PDF is and marked "from pack Title" when they are new to
 * the library.  A newer bundle of a pack the library has brings that pack
 * up to date, keeping the member's notes and questions, after a backup;
 * which copy is newer goes by the revision the officer's library counts
 * (pack.json's "revision"), else by when each was written.
 * It opens whole or not at all: nothing is kept of a bundle that fails a
 * check, is cancelled or cannot be written, and what an opening that was
 * killed part-way left is removed first (pb-bundle-opening.c).
 *
 * Returns: %TRUE, or %FALSE with @error set: %PB_BUNDLE_ERROR
 *   (%PB_BUNDLE_ERROR_NOT_A_BUNDLE, %PB_BUNDLE_ERROR_NEWER,
 *   %PB_BUNDLE_ERROR_DAMAGED for a changed or damaged file,
 *   %PB_BUNDLE_ERROR_PASSPHRASE_NEEDED, %PB_BUNDLE_ERROR_WRONG_PASSPHRASE,
 *   %PB_BUNDLE_ERROR_NO_ENCRYPTION, %PB_BUNDLE_ERROR_OLDER), the library's
 *   problem when it cannot be written, %PB_IMPORT_ERROR, %PB_DB_ERROR,
 *   %G_IO_ERROR (%G_IO_ERROR_NOT_FOUND, %G_IO_ERROR_NO_SPACE,
 *   %G_IO_ERROR_CANCELLED)
 */
gboolean
pb_library_open_bundle_full (PbLibrary             *library,
                             const char            *path,
                             const char            *passphrase,
                             PbBundleOpenFlags      flags,
                             PbBundleOpenResult    *out_result,
                             GCancellable          *cancellable,
                             PbBundleProgressFunc   progress_func,
                             gpointer               progress_data,
                             GError               **error)
{
  g_autoptr(BundleContents) contents = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *had_exported_at = NULL;
  gint64 had_revision = 0;
  int order;
  Progress progress = { progress_func, progress_data, 0, 0.5 };
  PbBundleOpenResult result = { 0 };
  gint64 had_id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!pb_library_check_writable (library, error) ||
      !(temp_dir = _pb_bundle_make_temp_dir (error)))
    return FALSE;
  /* What an opening killed part-way left behind goes first. */
  _pb_bundle_opening_sweep (library);

  report_progress (&progress, 0);
  if (!(contents = read_bundle (path, passphrase, temp_dir, cancellable, &progress, error)) ||
      !_pb_bundle_store_lookup (library, contents->uuid, &had_id, &had_exported_at, &had_revision, error))
    goto out;

  order = had_id > 0 ? compare_copies (contents, had_exported_at, had_revision) : 1;
  if (order < 0 && !(flags & PB_BUNDLE_OPEN_REPLACE_NEWER))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_OLDER,
                   _("You already have a newer copy of “%s”. This one is older, so it was not opened. You can "
                     "open this copy anyway, in place of the one you have; your notes are kept."),
                   contents->title);
      goto out;
    }
  result.status = had_id == 0 ? PB_BUNDLE_OPENED_NEW
                  : order == 0 ? PB_BUNDLE_OPENED_UNCHANGED
                  : PB_BUNDLE_OPENED_UPDATED;

  /* Bringing a pack up to date replaces its rows: a backup first, as for
   * any change of many rows at once. */
  if (result.status == PB_BUNDLE_OPENED_UPDATED)
    {
      g_autofree char *backup = pb_library_backup (library, PB_BACKUP_BEFORE_CHANGE, error);

      if (backup == NULL)
        goto out;
    }

  progress.start = 0.5;
  progress.share = 0.45;
  if (!import_reports (library, contents, cancellable, &progress, &result.reports_added, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !(result.bundle_id = _pb_bundle_store_contents (library, contents, error)))
    goto out;

  result.title = g_strdup (contents->title);
  result.exempt = contents->exempt;
  result.n_sections = contents->sections->len;
  result.n_findings = contents->findings->len;
  result.n_reports = contents->reports->len;
  progress.start = 1;
  report_progress (&progress, 0);
  ok = TRUE;

out:
  if (!ok && contents != NULL)
    explain_no_space (library, contents, error);
  _pb_bundle_remove_temp_dir (temp_dir);
  /* On success every report listed is the pack's now, and the sweep only
   * clears the list; on failure it takes back what this opening brought. */
  _pb_bundle_opening_sweep (library);
  if (ok && out_result != NULL)
    *out_result = result;
  else
    pb_bundle_open_result_clear (&result);
  return ok;
}
