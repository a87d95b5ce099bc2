/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include "pb-output-path.h"
#include "pb-pack-export.h"
#include "pb-pack-walk.h"
#include "pb-pack-writers-private.h"

/* The dispatcher: a pack, a format, a path.  It loads the pack once
 * (pb-pack-walk.c) and hands it to the one writer for the format; the
 * writers never call back up here.  Exports off the caller's thread are in
 * pb-pack-export-job.c, which calls down into this file. */

static const char * const format_names[] = { "pdf", "docx", "csv", "html" };

/**
 * pb_pack_format_get_extension:
 *
 * Returns: the format's file name extension, without the dot ("pdf")
 */
const char *
pb_pack_format_get_extension (PbPackFormat format)
{
  g_return_val_if_fail (format <= PB_PACK_FORMAT_HTML, NULL);
  return format_names[format];
}

/**
 * pb_pack_format_from_name:
 * @name: "pdf", "docx", "csv" or "html"
 * @format: (out): the format so named
 *
 * Returns: whether @name names a format
 */
gboolean
pb_pack_format_from_name (const char   *name,
                          PbPackFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (name, format_names[i]) == 0)
      {
        *format = (PbPackFormat)i;
        return TRUE;
      }
  return FALSE;
}

/**
 * pb_library_export_pack_with_options:
 * @library: the library holding the pack
 * @pack_id: the pack
 * @format: the file's format
 * @path: (type filename): where to write, absolute or relative to the
 *   current folder; a file there is replaced once the new one is complete,
 *   a folder is refused (%G_IO_ERROR_IS_DIRECTORY)
 * @options: (nullable): the council's name and logo, and who prepared the
 *   pack when the pack does not say, from the app's preferences; a CSV
 *   has no logo and neither reads nor checks it
 * @cancellable: (nullable): stops the export, leaving no file
 * @progress: (nullable): told how far the export has got, from 0 to 1,
 *   on this thread
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Writes the pack at @path in @format, as a private file (mode 0600) that
 * appears whole or not at all.  An exempt finding is never written into a
 * public pack.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_PACKS_ERROR_NOT_FOUND,
 *   %G_IO_ERROR_CANCELLED, %G_IO_ERROR_NOT_FOUND or
 *   %G_IO_ERROR_INVALID_DATA for a logo that is not a PNG, is damaged or
 *   cut short, or has more than 25 million pixels, another %G_IO_ERROR
 *   for the file) and no file left at @path or
 *   beside it
 */
gboolean
pb_library_export_pack_with_options (PbLibrary                  *library,
                                     gint64                      pack_id,
                                     PbPackFormat                format,
                                     const char                 *path,
                                     const PbPackExportOptions  *options,
                                     GCancellable               *cancellable,
                                     PbExportProgressFunc        progress,
                                     gpointer                    progress_data,
                                     GError                    **error)
{
  static gboolean (* const writers[]) (PbPackWalk *, const char *, GError **) = {
    [PB_PACK_FORMAT_PDF] = _pb_pack_write_pdf,
    [PB_PACK_FORMAT_DOCX] = _pb_pack_write_docx,
    [PB_PACK_FORMAT_CSV] = _pb_pack_write_csv,
    [PB_PACK_FORMAT_HTML] = _pb_pack_write_html,
  };
  g_autoptr(PbPackWalk) walk = NULL;
  g_autofree char *absolute = NULL;
  PbPackExportOptions without_logo;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format <= PB_PACK_FORMAT_HTML, FALSE);

  /* A spreadsheet prints no logo: a damaged one must not stop it. */
  if (format == PB_PACK_FORMAT_CSV && options != NULL)
    {
      without_logo = *options;
      without_logo.logo_path = NULL;
      options = &without_logo;
    }

  /* Refused before the pack is read: a folder, or a folder that is not there. */
  if (!(absolute = pb_output_path_resolve (path, error)))
    return FALSE;
  path = absolute;
  if (!pb_library_check_output_path (library, path, error) ||
      !(walk = pb_pack_walk_new (library, pack_id, options, cancellable, progress, progress_data, error)) ||
      !writers[format] (walk, path, error))
    return FALSE;

  pb_pack_walk_report (walk, 1);
  return TRUE;
}

/**
 * pb_library_export_pack_full:
 *
 * pb_library_export_pack_with_options() without options.
 */
gboolean
pb_library_export_pack_full (PbLibrary            *library,
                             gint64                pack_id,
                             PbPackFormat          format,
                             const char           *path,
                             GCancellable         *cancellable,
                             PbExportProgressFunc  progress,
                             gpointer              progress_data,
                             GError              **error)
{
  return pb_library_export_pack_with_options (library, pack_id, format, path, NULL, cancellable,
                                              progress, progress_data, error);
}

/**
 * pb_library_export_pack:
 *
 * pb_library_export_pack_full() without progress or cancelling.
 */
gboolean
pb_library_export_pack (PbLibrary     *library,
                        gint64         pack_id,
                        PbPackFormat   format,
                        const char    *path,
                        GError       **error)
{
  return pb_library_export_pack_full (library, pack_id, format, path, NULL, NULL, NULL, error);
}

/**
 * pb_library_export_pack_pdf:
 *
 * pb_library_export_pack() as PDF.
 */
gboolean
pb_library_export_pack_pdf (PbLibrary   *library,
                            gint64       pack_id,
                            const char  *path,
                            GError     **error)
{
  return pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_PDF, path, error);
}

/**
 * pb_library_export_pack_docx:
 *
 * pb_library_export_pack() as a Word document.
 */
gboolean
pb_library_export_pack_docx (PbLibrary   *library,
                             gint64       pack_id,
                             const char  *path,
                             GError     **error)
{
  return pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_DOCX, path, error);
}

/**
 * pb_library_export_pack_csv:
 *
 * pb_library_export_pack() as CSV: one row for each finding.
 */
gboolean
pb_library_export_pack_csv (PbLibrary   *library,
                            gint64       pack_id,
                            const char  *path,
                            GError     **error)
{
  return pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_CSV, path, error);
}

/**
 * pb_library_export_pack_html:
 *
 * pb_library_export_pack() as one web page.
 */
gboolean
pb_library_export_pack_html (PbLibrary   *library,
                             gint64       pack_id,
                             const char  *path,
                             GError     **error)
{
  return pb_library_export_pack (library, pack_id, PB_PACK_FORMAT_HTML, path, error);
}
