/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-csv.h"
#include "pb-export-file.h"
#include "pb-findings-csv.h"
#include "pb-report.h"

/* Findings as a spreadsheet: one row each, every field quoted (RFC 4180)
 * and no text cell read as a formula (pb-csv.c), for whatever set the
 * caller chose: a pack, or the Findings table as filtered and sorted.  The
 * file is private, and written whole or not at all.
 *
 * A spreadsheet is read by people: the header row names the columns in
 * words, and the cells hold words too (cohorts by name, "Area for
 * improvement", "In progress", "Exempt"), never the library's codes.
 * Dates are ISO 8601 (2026-03-12), each in a column of its own, which
 * spreadsheets read as dates and sort. */

/**
 * pb_csv_finding_header:
 *
 * Returns: the header cells, without a line end, for the columns
 *   pb_csv_append_finding() writes
 */
const char *
pb_csv_finding_header (void)
{
  /* The column names stay English, like the headers of any data file a
   * council publishes: scripts read them. */
  return "\"Report\",\"Page\",\"Paragraph\",\"Quote\",\"Cohorts\","
         "\"Kind\",\"Status\",\"Classification\",\"Note\",\"Recorded\"";
}

/* "care_leavers" as "Care leavers": how a cohort the caller has no name
 * for is written.  A cohort's slug is made from its name (pb-cohort-store.c). */
static char *
words_of_slug (const char *slug)
{
  char *words = g_strdelimit (g_strdup (slug), "_", ' ');

  if (*words != '\0')
    words[0] = g_ascii_toupper (words[0]);
  return words;
}

/**
 * pb_csv_cohort_names:
 * @finding: a finding
 * @names: (nullable) (element-type utf8 utf8): each cohort's name by its
 *   slug, from the library
 *
 * Returns: (transfer full): the finding's cohorts by name, separated by
 *   "; ": the names @names gives, else the slug in words
 */
char *
pb_csv_cohort_names (PbFinding  *finding,
                     GHashTable *names)
{
  const char * const *slugs = pb_finding_get_cohorts (finding);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      const char *name = names != NULL ? g_hash_table_lookup (names, slugs[i]) : NULL;
      g_ptr_array_add (words, name != NULL ? g_strdup (name) : words_of_slug (slugs[i]));
    }
  g_ptr_array_add (words, NULL);
  return g_strjoinv ("; ", (char **)words->pdata);
}

/**
 * pb_csv_append_finding:
 * @out: the file so far
 * @finding: the finding
 * @report_title: (nullable): its report's title as the app shows it
 *   (pb_report_get_display_title()); %NULL for the title the finding
 *   carries, the PDF's own
 * @cohorts: its cohorts in words (pb_csv_cohort_names())
 * @last: whether these cells end the row
 *
 * Appends one finding's cells: its report, page number (from 1),
 * paragraph number (empty when unknown), quote, cohorts, kind, status,
 * classification, note, and the day it was recorded (YYYY-MM-DD).
 */
void
pb_csv_append_finding (GString    *out,
                       PbFinding  *finding,
                       const char *report_title,
                       const char *cohorts,
                       gboolean    last)
{
  GDateTime *created;
  g_autofree char *recorded = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (PB_IS_FINDING (finding));

  if ((created = pb_finding_get_created (finding)) != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (created);
      recorded = g_date_time_format (local, "%Y-%m-%d");
    }

  pb_csv_append_field (out, report_title != NULL ? report_title : pb_finding_get_report_title (finding), FALSE);
  pb_csv_append_number (out, pb_finding_get_page (finding), FALSE);
  if (pb_finding_get_paragraph (finding) > 0)
    pb_csv_append_number (out, pb_finding_get_paragraph (finding), FALSE);
  else
    pb_csv_append_field (out, NULL, FALSE);
  pb_csv_append_field (out, pb_finding_get_quote (finding), FALSE);
  pb_csv_append_field (out, cohorts, FALSE);
  pb_csv_append_field (out, pb_finding_kind_get_label (pb_finding_get_kind (finding)), FALSE);
  pb_csv_append_field (out, pb_finding_get_status (finding) != PB_FINDING_STATUS_NONE
                            ? pb_finding_status_get_label (pb_finding_get_status (finding)) : "", FALSE);
  /* Translators: a finding's classification, in a spreadsheet */
  pb_csv_append_field (out, pb_finding_get_exempt (finding) ? _("Exempt") : _("Public"), FALSE);
  pb_csv_append_field (out, pb_finding_get_note (finding), FALSE);
  pb_csv_append_field (out, recorded, last);
}

/**
 * pb_findings_csv_report_titles:
 * @reports: (element-type PbReport): the library's reports
 *
 * Returns: (transfer full) (element-type gint64 utf8): each report's title
 *   as the app shows it (pb_report_get_display_title()) by its id, keys
 *   pointing to gint64 (g_int64_hash()), for pb_findings_csv_text()
 */
GHashTable *
pb_findings_csv_report_titles (GPtrArray *reports)
{
  GHashTable *titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (reports != NULL, titles);

  for (guint i = 0; i < reports->len; i++)
    {
      PbReport *report = g_ptr_array_index (reports, i);

      g_hash_table_insert (titles, g_memdup2 (&(gint64) { pb_report_get_id (report) }, sizeof (gint64)),
                           g_strdup (pb_report_get_display_title (report)));
    }
  return titles;
}

/**
 * pb_findings_csv_text:
 * @findings: (element-type PbFinding): the rows, in order
 * @cohort_names: (nullable) (element-type utf8 utf8): each cohort's name
 *   by its slug, as pb_csv_cohort_names() takes
 * @report_titles: (nullable) (element-type gint64 utf8): each report's
 *   title as the app shows it, from pb_findings_csv_report_titles(); a
 *   report not in it (or all, when %NULL) goes by the title in its PDF
 *
 * The findings as CSV, one row each after a header, with their ids: what
 * pb_findings_write_csv_named() writes, for a caller that writes it
 * elsewhere (standard output).
 *
 * Returns: (transfer full): the text, lines ending in CRLF
 */
GString *
pb_findings_csv_text (GPtrArray  *findings,
                      GHashTable *cohort_names,
                      GHashTable *report_titles)
{
  GString *out = g_string_new ("\"ID\",");

  g_return_val_if_fail (findings != NULL, NULL);

  g_string_append (out, pb_csv_finding_header ());
  g_string_append (out, "\r\n");
  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *cohorts = pb_csv_cohort_names (finding, cohort_names);
      gint64 report_id = pb_finding_get_report_id (finding);
      const char *title = report_titles != NULL ? g_hash_table_lookup (report_titles, &report_id) : NULL;

      pb_csv_append_number (out, pb_finding_get_id (finding), FALSE);
      pb_csv_append_finding (out, finding, title, cohorts, TRUE);
    }
  return out;
}

/**
 * pb_findings_write_csv_named:
 * @findings: (element-type PbFinding): the rows, in order
 * @cohort_names: (nullable) (element-type utf8 utf8): each cohort's name
 *   by its slug, as pb_csv_cohort_names() takes
 * @report_titles: (nullable) (element-type gint64 utf8): each report's
 *   title as the app shows it, as pb_findings_csv_text() takes
 * @path: where to write; a file there is replaced once the new one is
 *   complete
 * @error: a #GError, or %NULL
 *
 * Writes the findings as CSV, one row each after a header, with their ids.
 *
 * Returns: %TRUE, or %FALSE with @error set in %G_IO_ERROR
 */
gboolean
pb_findings_write_csv_named (GPtrArray   *findings,
                             GHashTable  *cohort_names,
                             GHashTable  *report_titles,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (findings != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  out = pb_findings_csv_text (findings, cohort_names, report_titles);
  return pb_export_write_contents (path, out->str, out->len, error);
}

/**
 * pb_findings_write_csv:
 *
 * pb_findings_write_csv_named() without the library's names: each cohort
 * is named from its slug ("care_leavers" as "Care leavers"), each report by
 * the title in its PDF.
 */
gboolean
pb_findings_write_csv (GPtrArray   *findings,
                       const char  *path,
                       GError     **error)
{
  return pb_findings_write_csv_named (findings, NULL, NULL, path, error);
}

typedef struct
{
  GPtrArray  *findings;
  GHashTable *cohort_names;
  GHashTable *report_titles;
  char       *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_ptr_array_unref (data->findings);
  g_clear_pointer (&data->cohort_names, g_hash_table_unref);
  g_clear_pointer (&data->report_titles, g_hash_table_unref);
  g_free (data->path);
  g_free (data);
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (pb_findings_write_csv_named (data->findings, data->cohort_names, data->report_titles,
                                   data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pb_findings_write_csv_async:
 * @findings: (element-type PbFinding): the rows, in order; read on another
 *   thread, so not to be changed until the answer comes
 * @cohort_names: (nullable) (element-type utf8 utf8): as
 *   pb_findings_write_csv_named() takes them; kept, and read on another
 *   thread, so not to be changed either
 * @report_titles: (nullable) (element-type gint64 utf8): likewise
 * @path: where to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's thread when done
 * @user_data: for @callback
 *
 * Writes the CSV off the caller's thread, as pb_findings_write_csv_named().
 */
void
pb_findings_write_csv_async (GPtrArray           *findings,
                             GHashTable          *cohort_names,
                             GHashTable          *report_titles,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (findings != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->findings = g_ptr_array_ref (findings);
  data->cohort_names = cohort_names != NULL ? g_hash_table_ref (cohort_names) : NULL;
  data->report_titles = report_titles != NULL ? g_hash_table_ref (report_titles) : NULL;
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_findings_write_csv_async);
  g_task_set_task_data (task, data, (GDestroyNotify)write_data_free);
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
