/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-print"

#include "config.h"

#include <poppler.h>

#include "pb-print.h"

/* Printing an exported PDF: each page drawn by poppler's printing path
 * (which leaves out what only belongs on screen), scaled to fit the paper
 * and centred.  Printing draws on the main thread, page by page, as GTK
 * asks for them; a briefing pack is a few dozen vector pages at most. */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_number,
              PopplerDocument   *document)
{
  PopplerPage *page = poppler_document_get_page (document, page_number);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width = gtk_print_context_get_width (context);
  double paper_height = gtk_print_context_get_height (context);
  double width, height, scale;

  if (page == NULL)
    return;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (paper_width / width, paper_height / height);

  cairo_save (cr);
  cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

/**
 * pb_print_operation_new_for_pdf:
 *
 * Returns: (transfer full): an operation ready to run that prints every
 *   page of the PDF at @path
 */
GtkPrintOperation *
pb_print_operation_new_for_pdf (const char  *path,
                                const char  *job_name,
                                GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  if (!(document = poppler_document_new_from_gfile (file, NULL, NULL, error)))
    return NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), document,
                         (GClosureNotify)(void (*) (void))g_object_unref, 0);
  return g_steal_pointer (&operation);
}
