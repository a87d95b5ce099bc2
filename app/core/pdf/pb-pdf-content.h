/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "pb-report-content.h"

G_BEGIN_DECLS

/**
 * PbPdfProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called from the thread doing the work.
 */
typedef void (*PbPdfProgressFunc) (double   fraction,
                                   gpointer user_data);

PbReportContent *pb_pdf_read_content (PopplerDocument   *document,
                                      GCancellable      *cancellable,
                                      PbPdfProgressFunc  progress,
                                      gpointer           progress_data,
                                      GError           **error);

PbReportContent *pb_pdf_read_content_with_threads (PopplerDocument   *document,
                                                   guint              n_threads,
                                                   GCancellable      *cancellable,
                                                   PbPdfProgressFunc  progress,
                                                   gpointer           progress_data,
                                                   GError           **error);

void             pb_pdf_read_raw_markups (PbReportContent *content,
                                          PopplerDocument *document,
                                          const char      *path);

G_END_DECLS
