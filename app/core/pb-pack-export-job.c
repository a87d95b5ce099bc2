/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-export.h"

/* Exports off the caller's thread.  The worker opens the library again on
 * its own connection: SQLite connections are not to be shared between
 * threads that each run their own statements. */

typedef struct
{
  char         *library_path;
  gint64        pack_id;
  PbPackFormat  format;
  char         *path;
} ExportJob;

static const char * const format_names[] = { "pdf", "docx", "csv", "html" };

const char *
pb_pack_format_get_extension (PbPackFormat format)
{
  g_return_val_if_fail (format <= PB_PACK_FORMAT_HTML, NULL);
  return format_names[format];
}

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

gboolean
pb_library_export_pack (PbLibrary     *library,
                        gint64         pack_id,
                        PbPackFormat   format,
                        const char    *path,
                        GError       **error)
{
  switch (format)
    {
    case PB_PACK_FORMAT_PDF:
      return pb_library_export_pack_pdf (library, pack_id, path, error);
    case PB_PACK_FORMAT_DOCX:
      return pb_library_export_pack_docx (library, pack_id, path, error);
    case PB_PACK_FORMAT_CSV:
      return pb_library_export_pack_csv (library, pack_id, path, error);
    case PB_PACK_FORMAT_HTML:
      return pb_library_export_pack_html (library, pack_id, path, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
export_job_free (ExportJob *job)
{
  g_free (job->library_path);
  g_free (job->path);
  g_free (job);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(PbLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(library = pb_library_open (job->library_path, &error)) ||
      !pb_library_export_pack (library, job->pack_id, job->format, job->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pb_library_export_pack_async (PbLibrary           *library,
                              gint64               pack_id,
                              PbPackFormat         format,
                              const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (format <= PB_PACK_FORMAT_HTML);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->library_path = g_strdup (pb_library_get_path (library));
  job->pack_id = pack_id;
  job->format = format;
  job->path = g_strdup (path);

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_library_export_pack_async);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_worker);
}

gboolean
pb_library_export_pack_finish (PbLibrary     *library,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
