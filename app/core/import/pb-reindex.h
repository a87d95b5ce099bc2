/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

/**
 * PbReindexProgressFunc:
 * @n_done: how many reports have been read again so far
 * @n_total: how many are to be
 * @title: (nullable): the title of the report being read, or %NULL at the end
 * @user_data: the data given with the function
 *
 * Called as a re-index goes on.
 */
typedef void (*PbReindexProgressFunc) (guint       n_done,
                                       guint       n_total,
                                       const char *title,
                                       gpointer    user_data);

gboolean     pb_library_read_structure    (PbLibrary    *library,
                                           gint64        report_id,
                                           GError      **error);

guint        pb_library_count_stale_reports (PbLibrary  *library,
                                           GError      **error);
gboolean     pb_library_reindex_report    (PbLibrary    *library,
                                           gint64        report_id,
                                           const char   *password,
                                           guint        *out_n_reanchored,
                                           GError      **error);
gboolean     pb_library_reindex           (PbLibrary             *library,
                                           gboolean               all,
                                           GCancellable          *cancellable,
                                           PbReindexProgressFunc  progress,
                                           gpointer               progress_data,
                                           guint                 *out_n_done,
                                           GPtrArray            **out_locked,
                                           GError               **error);
void         pb_library_reindex_async     (PbLibrary             *library,
                                           GCancellable          *cancellable,
                                           PbReindexProgressFunc  progress,
                                           gpointer               progress_data,
                                           GDestroyNotify         progress_destroy,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
gboolean     pb_library_reindex_finish    (PbLibrary             *library,
                                           GAsyncResult          *result,
                                           guint                 *out_n_done,
                                           GPtrArray            **out_locked,
                                           GError               **error);

G_END_DECLS
