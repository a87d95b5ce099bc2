/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-annotated-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pb-annotated-export.h"
#include "pb-cohort.h"
#include "pb-export-file.h"
#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-output-path.h"
#include "pb-pdf-annotate.h"
#include "pb-report-store.h"

/* A report with its findings written in as real PDF highlight annotations,
 * coloured by cohort, with the kind, cohorts and note as each one's text,
 * so any PDF reader shows them.  The copy in the library is not touched;
 * the new one is private (mode 0600) and appears whole or not at all. */

static char *
describe (PbFinding  *finding,
          GHashTable *cohort_names)
{
  g_autoptr(GString) text = g_string_new (pb_finding_kind_get_label (pb_finding_get_kind (finding)));
  const char * const *cohorts = pb_finding_get_cohorts (finding);

  for (guint i = 0; cohorts[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (cohort_names, cohorts[i]);
      g_string_append_printf (text, i == 0 ? " · %s" : ", %s", name ? name : cohorts[i]);
    }
  if (pb_finding_get_note (finding) != NULL && *pb_finding_get_note (finding) != '\0')
    g_string_append_printf (text, "\n%s", pb_finding_get_note (finding));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pb_library_export_annotated:
 * @library: the library holding the report
 * @report_id: the report
 * @path: (type filename): where to write the copy, absolute or relative to
 *   the current folder; a file there is replaced once the new one is
 *   complete, a folder is refused (see pb_output_path_resolve ())
 * @include_exempt: whether findings not for publication are written in too
 * @error: a #GError, or %NULL
 *
 * Saves a copy of the report at @path with its findings as highlight
 * annotations: a private file (mode 0600) that appears whole or not at
 * all.
 *
 * Returns: %TRUE, or %FALSE with @error set (a library error, poppler's
 *   %POPPLER_ERROR, or %G_IO_ERROR for the file) and nothing left behind
 */
gboolean
pb_library_export_annotated (PbLibrary   *library,
                             gint64       report_id,
                             const char  *path,
                             gboolean     include_exempt,
                             GError     **error)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_highlight_free);
  g_autofree char *source = NULL;
  g_autoptr(PbExportFile) file = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GError) local = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Poppler is given a URI, which must be absolute. */
  if (!(absolute = pb_output_path_resolve (path, error)) ||
      !pb_library_check_output_path (library, absolute, error))
    return FALSE;
  path = absolute;

  filter.report_id = report_id;
  if (!include_exempt)
    filter.exempt = 0;

  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !(findings = pb_library_list_findings (library, &filter, error)) ||
      !(cohorts = pb_library_list_cohorts (library, error)))
    return FALSE;

  for (guint i = 0; i < cohorts->len; i++)
    {
      PbCohort *cohort = g_ptr_array_index (cohorts, i);
      g_hash_table_insert (colors, (gpointer)pb_cohort_get_slug (cohort), (gpointer)pb_cohort_get_color (cohort));
      g_hash_table_insert (names, (gpointer)pb_cohort_get_slug (cohort), (gpointer)pb_cohort_get_name (cohort));
    }

  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);
      const char *first = pb_finding_get_cohorts (finding)[0];
      PbHighlight *highlight;

      if (anchors == NULL || anchors->len == 0)
        continue;

      highlight = g_new0 (PbHighlight, 1);
      highlight->anchors = g_array_ref (anchors);
      highlight->contents = describe (finding, names);
      highlight->color = g_strdup (first ? g_hash_table_lookup (colors, first) : NULL);
      g_ptr_array_add (highlights, highlight);
    }

  /* Poppler saves by file name, opening the private file made for it and
   * writing it afresh, so the file keeps its mode; the commit then puts it
   * on disk and in place.  Freed uncommitted, it is removed. */
  if (!(source = pb_library_locate_report_file (library, pb_report_get_sha256 (report), error)))
    return FALSE;
  if (!(file = pb_export_file_new (path, error)))
    return FALSE;
  if (!pb_pdf_write_highlights (source, NULL, highlights, pb_export_file_get_temp_path (file), &local))
    {
      /* Said as every export says it: the old file of that name is kept. */
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        pb_export_file_set_error (file, ENOSPC, error);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return pb_export_file_commit (file, error);
}

typedef struct
{
  char     *library_path;
  gint64    report_id;
  char     *path;
  gboolean  include_exempt;
} AnnotatedJob;

static void
annotated_job_free (AnnotatedJob *job)
{
  g_free (job->library_path);
  g_free (job->path);
  g_free (job);
}

/* On its own connection: SQLite connections stay with their thread. */
static void
annotated_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AnnotatedJob *job = task_data;
  g_autoptr(PbLibrary) library = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((library = pb_library_open (job->library_path, &error)) != NULL &&
      pb_library_export_annotated (library, job->report_id, job->path, job->include_exempt, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pb_library_export_annotated_async:
 * @library: the library holding the report
 * @report_id: the report
 * @path: where to write the copy
 * @include_exempt: whether findings not for publication are written in too
 * @cancellable: (nullable): stops the export before it starts
 * @callback: called on the caller's thread when the copy is written
 * @user_data: for @callback
 *
 * Like pb_library_export_annotated(), off the caller's thread: a long
 * report takes a while to save.
 */
void
pb_library_export_annotated_async (PbLibrary           *library,
                                   gint64               report_id,
                                   const char          *path,
                                   gboolean             include_exempt,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AnnotatedJob *job;

  g_return_if_fail (PB_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  job = g_new0 (AnnotatedJob, 1);
  job->library_path = g_strdup (pb_library_get_path (library));
  job->report_id = report_id;
  job->path = g_strdup (path);
  job->include_exempt = include_exempt;

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_library_export_annotated_async);
  g_task_set_task_data (task, job, (GDestroyNotify)annotated_job_free);
  g_task_run_in_thread (task, annotated_worker);
}

/**
 * pb_library_export_annotated_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set as for
 *   pb_library_export_annotated()
 */
gboolean
pb_library_export_annotated_finish (PbLibrary     *library,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
