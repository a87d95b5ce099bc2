/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "pb-pdf-content.h"

G_BEGIN_DECLS

/**
 * PbPdfPageFunc:
 * @document: the document to read the page from: the caller's, or a copy
 *   of it opened for this thread alone
 * @page_index: the page index, from 0
 * @user_data: the data given with the function
 *
 * Reads one page. Called on several threads at once, each with its own
 * document, never twice for one page: it must write only what belongs to
 * @page_index.
 */
typedef void (*PbPdfPageFunc) (PopplerDocument *document,
                               guint            page_index,
                               gpointer         user_data);

guint    pb_pdf_page_workers_default (guint              n_pages);
gboolean pb_pdf_run_pages            (PopplerDocument   *document,
                                      guint              n_threads,
                                      PbPdfPageFunc      func,
                                      gpointer           user_data,
                                      GCancellable      *cancellable,
                                      PbPdfProgressFunc  progress,
                                      gpointer           progress_data,
                                      GError           **error);

G_END_DECLS
