/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-findings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort.h"
#include "pb-findings-csv.h"
#include "pb-findings-view-private.h"
#include "pb-toast.h"

/* Saving the findings the table shows, as filtered and sorted, as CSV: off
 * the main thread, with findings not for publication left out unless the
 * officer asks for them in the save dialog. */

typedef struct
{
  PbFindingsView *self;
  GFile          *file;
  guint           n_findings;
} CsvRun;

static void
csv_written_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  CsvRun *run = data;
  g_autoptr(GError) error = NULL;

  if (!pb_findings_write_csv_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("The findings could not be exported: %s"), error->message);
          _pb_findings_view_show_toast (run->self, adw_toast_new (message));
        }
    }
  else
    {
      g_autofree char *name = g_file_get_basename (run->file);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u finding to “%s”",
                                                               "Exported %u findings to “%s”", run->n_findings),
                                                  run->n_findings, name);

      pb_show_file_toast (GTK_WIDGET (run->self), message, run->file);
    }

  g_object_unref (run->self);
  g_object_unref (run->file);
  g_free (run);
}

/**
 * pb_findings_view_export_to:
 * @file: where the CSV goes
 * @include_exempt: whether findings not for publication go in too
 *
 * Writes the findings shown, as filtered and sorted, to @file as CSV, off
 * the main thread, and says when done.
 */
void
pb_findings_view_export_to (PbFindingsView *self,
                            GFile          *file,
                            gboolean        include_exempt)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GHashTable) cohort_names = NULL;
  g_autoptr(GHashTable) report_titles = NULL;
  CsvRun *run;

  g_return_if_fail (PB_IS_FINDINGS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; shown != NULL && i < g_list_model_get_n_items (shown); i++)
    {
      PbFinding *finding = g_list_model_get_item (shown, i);

      if (include_exempt || !pb_finding_get_exempt (finding))
        g_ptr_array_add (findings, finding);
      else
        g_object_unref (finding);
    }
  if (path == NULL)
    {
      _pb_findings_view_show_toast (self, adw_toast_new (_("Findings can only be exported to a folder on this computer")));
      return;
    }

  /* Named as the table shows them: each report by its title in the app,
   * each cohort by the library's name for it. Copied, as the thread reads
   * them while the library may change. */
  cohort_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; self->cohorts != NULL && i < self->cohorts->len; i++)
    g_hash_table_insert (cohort_names, g_strdup (pb_cohort_get_slug (g_ptr_array_index (self->cohorts, i))),
                         g_strdup (pb_cohort_get_name (g_ptr_array_index (self->cohorts, i))));
  {
    g_autoptr(GPtrArray) reports = g_ptr_array_new ();
    GHashTableIter iter;
    gpointer report;

    g_hash_table_iter_init (&iter, self->report_by_id);
    while (g_hash_table_iter_next (&iter, NULL, &report))
      g_ptr_array_add (reports, report);
    report_titles = pb_findings_csv_report_titles (reports);
  }

  run = g_new0 (CsvRun, 1);
  run->self = g_object_ref (self);
  run->file = g_object_ref (file);
  run->n_findings = findings->len;
  pb_findings_write_csv_async (findings, cohort_names, report_titles, path, self->cancellable,
                               csv_written_cb, run);
}

static void
chooser_response_cb (PbFindingsView  *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    pb_findings_view_export_to (self, file,
                                g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "exempt"), "true") == 0);
  g_clear_object (&self->chooser);
}

static gboolean
shows_exempt (PbFindingsView *self)
{
  GListModel *shown = G_LIST_MODEL (self->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (shown, i);

      if (pb_finding_get_exempt (finding))
        return TRUE;
    }
  return FALSE;
}

/**
 * pb_findings_view_export:
 *
 * Asks where to save the findings shown, then saves them as CSV.
 */
void
pb_findings_view_export (PbFindingsView *self)
{
  GtkFileFilter *filter;

  g_return_if_fail (PB_IS_FINDINGS_VIEW (self));

  if (self->sorted == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0)
    {
      _pb_findings_view_show_toast (self, adw_toast_new (_("No findings are shown, so there is nothing to export")));
      return;
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Findings"),
                                                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  /* Translators: the file name suggested for findings exported as CSV */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("Findings.csv"));
  /* A spreadsheet travels: material not for publication goes in only when
   * the officer says so, here in the save dialog. */
  if (shows_exempt (self))
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "exempt",
                                   _("Include findings not for publication"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "exempt", "false");
    }
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}
