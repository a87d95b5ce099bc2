/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import"
/* For sync_file_range (), where the C library has it (Linux). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-import-private.h"
#include "pb-library-private.h"

/* The first step of an import: a private copy in reports/, under a temporary
 * name that marks it as an import in progress, hashed as it is written and
 * checked to be a PDF at all. The source file is only read. */

/* A PDF announces itself with "%PDF-" in its first kilobyte. Pages saved from
 * a web browser under a .pdf name are common enough to get their own message. */
static gboolean
check_pdf_header (PbImportState  *state,
                  const guint8 *head,
                  gsize         len,
                  GError      **error)
{
  gsize skip = 0;

  for (gsize i = 0; i + 5 <= MIN (len, 1024); i++)
    if (memcmp (head + i, "%PDF-", 5) == 0)
      return TRUE;

  if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    skip = 3;
  while (skip < len && g_ascii_isspace (head[skip]))
    skip++;

  if (skip < len && head[skip] == '<')
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_NOT_PDF,
                 _("“%s” is a web page saved under a PDF name, not a PDF. "
                   "Download the report again and choose the PDF link."),
                 state->display_name);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_NOT_PDF,
                 _("“%s” is not a PDF file."), state->display_name);

  return FALSE;
}

/* Why the file could not be opened, in words: GIO's own message names the
 * error number's text and the whole path, which is not a sentence. */
static void
set_open_error (PbImportState  *state,
                GError         *open_error,
                GError        **error)
{
  if (g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (open_error));
  else if (g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                 _("“%s” is a folder, not a PDF file."), state->display_name);
  else if (g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) &&
           g_file_query_file_type (state->file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) ==
           G_FILE_TYPE_SYMBOLIC_LINK)
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                 _("“%s” could not be read: it is a link to a file that is no longer there."),
                 state->display_name);
  else if (g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                 _("“%s” could not be read: it does not exist."), state->display_name);
  else if (g_error_matches (open_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                 _("“%s” could not be read: you do not have permission to open it."),
                 state->display_name);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                 _("“%s” could not be read."), state->display_name);
}

gboolean
_pb_import_copy_and_hash (PbImportState  *state,
               GError      **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *template = NULL;
  g_autofree guint8 *buffer = NULL;
  goffset total_size = 0;
  gboolean header_checked = FALSE;
  guint8 head[1024];
  gsize head_len = 0;
  int fd;

  {
    g_autoptr(GFileInfo) info =
      g_file_query_info (state->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                         G_FILE_QUERY_INFO_NONE, state->cancellable, NULL);
    if (info != NULL)
      total_size = g_file_info_get_size (info);
  }

  if (!(input = g_file_read (state->file, state->cancellable, &local_error)))
    {
      set_open_error (state, local_error, error);
      return FALSE;
    }

  template = g_build_filename (_pb_library_get_reports_dir (state->library),
                               PB_IMPORT_TEMP_PREFIX "XXXXXX" PB_IMPORT_TEMP_SUFFIX, NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE);
  if (fd < 0)
    {
      _pb_import_set_storage_error (state, errno, error);
      return FALSE;
    }
  state->temp_path = g_steal_pointer (&template);
  state->temp_fd = fd;

  /* The lock says "an import is using this file" for as long as this process
   * lives; pb_import_clean_leftovers () removes only unlocked ones. */
  flock (fd, LOCK_EX);

  buffer = g_malloc (64 * 1024);

  for (;;)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (input), buffer, 64 * 1024,
                                           state->cancellable, &local_error);
      gssize written = 0;

      if (n_read < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                         _("“%s” could not be read to the end."), state->display_name);
          return FALSE;
        }

      if (n_read == 0)
        break;

      if (head_len < sizeof head)
        {
          gsize take = MIN (sizeof head - head_len, (gsize)n_read);
          memcpy (head + head_len, buffer, take);
          head_len += take;
        }

      if (!header_checked && head_len == sizeof head)
        {
          if (!check_pdf_header (state, head, head_len, error))
            return FALSE;
          header_checked = TRUE;
        }

      g_checksum_update (checksum, buffer, n_read);

      while (written < n_read)
        {
          gssize w = write (fd, buffer + written, n_read - written);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              _pb_import_set_storage_error (state, errno, error);
              return FALSE;
            }
          written += w;
        }

      state->byte_size += n_read;
      if (total_size > 0)
        _pb_import_report_progress (state, PB_IMPORT_COPY_SHARE * state->byte_size / (double)total_size);
    }

  /* The copy must be on disk before it is put in place, which
   * _pb_import_sync_copy () makes sure of; the disk starts on it now, and
   * has it written while the pages are read. */
#ifdef SYNC_FILE_RANGE_WRITE
  sync_file_range (fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif

  if (state->byte_size == 0)
    {
      g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty."), state->display_name);
      return FALSE;
    }

  if (!header_checked && !check_pdf_header (state, head, head_len, error))
    return FALSE;

  state->sha256 = g_strdup (g_checksum_get_string (checksum));
  _pb_import_report_progress (state, PB_IMPORT_COPY_SHARE);

  return TRUE;
}

/**
 * _pb_import_sync_copy:
 * @state: an import whose copy was made (_pb_import_copy_and_hash ())
 * @error: a #GError, or %NULL
 *
 * Waits until the copy is on disk (fsync), as it must be before it is put
 * in place: a report row, or a stored report's name, must never point at a
 * file the disk has not kept. Cheap by then: the writing was started when
 * the copy was made.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_IMPORT_ERROR_STORAGE,
 *   as for a failed write)
 */
gboolean
_pb_import_sync_copy (PbImportState  *state,
                      GError        **error)
{
  if (state->temp_fd >= 0 && fsync (state->temp_fd) != 0)
    {
      _pb_import_set_storage_error (state, errno, error);
      return FALSE;
    }
  return TRUE;
}

/* The SHA-256 of a file, in lowercase hex: what a stored report's name says
 * its content is. */
char *
_pb_import_hash_file (const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) input = g_file_read (file, cancellable, error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = NULL;
  gssize n;

  if (input == NULL)
    return NULL;

  buffer = g_malloc (64 * 1024);
  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, 64 * 1024, cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}
