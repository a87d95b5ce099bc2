/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings"

#include "config.h"

#include "pb-csv.h"
#include "pb-export-file.h"
#include "pb-findings-csv.h"

/* Findings as a spreadsheet: one row each, every field quoted (RFC 4180)
 * and no text cell read as a formula (pb-csv.c), for whatever set the
 * caller chose: a pack, or the Findings table as filtered and sorted.  The
 * file is private, and written whole or not at all. */

/**
 * pb_csv_finding_header:
 *
 * Returns: the header row, ending in CR LF, for the columns
 *   pb_csv_append_finding() writes
 */
const char *
pb_csv_finding_header (void)
{
  return "\"report\",\"page\",\"paragraph\",\"quote\",\"cohorts\","
         "\"kind\",\"status\",\"classification\",\"note\"\r\n";
}

/**
 * pb_csv_append_finding:
 * @out: the file so far
 * @finding: the finding
 *
 * Appends one finding's columns, ending the row: its report, page number
 * (from 1), paragraph number (empty when unknown), quote, cohort slugs,
 * kind, status, classification and note.
 */
void
pb_csv_append_finding (GString   *out,
                       PbFinding *finding)
{
  g_autofree char *cohorts = g_strjoinv (" ", (char **)pb_finding_get_cohorts (finding));

  g_return_if_fail (out != NULL);
  g_return_if_fail (PB_IS_FINDING (finding));

  pb_csv_append_field (out, pb_finding_get_report_title (finding), FALSE);
  pb_csv_append_number (out, pb_finding_get_page (finding), FALSE);
  if (pb_finding_get_paragraph (finding) > 0)
    pb_csv_append_number (out, pb_finding_get_paragraph (finding), FALSE);
  else
    pb_csv_append_field (out, NULL, FALSE);
  pb_csv_append_field (out, pb_finding_get_quote (finding), FALSE);
  pb_csv_append_field (out, cohorts, FALSE);
  pb_csv_append_field (out, pb_finding_kind_to_slug (pb_finding_get_kind (finding)), FALSE);
  pb_csv_append_field (out, pb_finding_get_status (finding) != PB_FINDING_STATUS_NONE
                            ? pb_finding_status_to_slug (pb_finding_get_status (finding)) : "", FALSE);
  pb_csv_append_field (out, pb_finding_get_exempt (finding) ? "exempt" : "public", FALSE);
  pb_csv_append_field (out, pb_finding_get_note (finding), TRUE);
}

/**
 * pb_findings_write_csv:
 * @findings: (element-type PbFinding): the rows, in order
 * @path: where to write; a file there is replaced once the new one is
 *   complete
 * @error: a #GError, or %NULL
 *
 * Writes the findings as CSV, one row each after a header, with their ids.
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR
 */
gboolean
pb_findings_write_csv (GPtrArray   *findings,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GString) out = g_string_new ("\"id\",");

  g_return_val_if_fail (findings != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_string_append (out, pb_csv_finding_header ());
  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);

      pb_csv_append_number (out, pb_finding_get_id (finding), FALSE);
      pb_csv_append_finding (out, finding);
    }

  return pb_export_write_contents (path, out->str, out->len, error);
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GPtrArray *findings = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (pb_findings_write_csv (findings, g_object_get_data (G_OBJECT (task), "path"), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pb_findings_write_csv_async:
 * @findings: (element-type PbFinding): the rows, in order; read on another
 *   thread, so not to be changed until the answer comes
 *
 * Writes the CSV off the caller's thread.
 */
void
pb_findings_write_csv_async (GPtrArray           *findings,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (findings != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_findings_write_csv_async);
  g_task_set_task_data (task, g_ptr_array_ref (findings), (GDestroyNotify)g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_run_in_thread (task, write_worker);
}

/**
 * pb_findings_write_csv_finish:
 *
 * Returns: %TRUE, or %FALSE with @error set as for pb_findings_write_csv()
 *   (or %G_IO_ERROR_CANCELLED)
 */
gboolean
pb_findings_write_csv_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
