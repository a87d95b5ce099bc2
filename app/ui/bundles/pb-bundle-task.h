/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

/**
 * PbBundleWork:
 * @library: the library, opened again for this thread
 * @data: the data given with the work
 * @error: a #GError, or %NULL
 *
 * Work on the library that may take a while (writing a Word file, a
 * backup before a change), run on a worker thread.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
typedef gboolean (*PbBundleWork) (PbLibrary  *library,
                                  gpointer    data,
                                  GError    **error);

void     pb_bundle_task_run      (PbLibrary           *library,
                                  PbBundleWork         work,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean pb_bundle_task_finish   (PbLibrary           *library,
                                  GAsyncResult        *result,
                                  GError             **error);
gpointer pb_bundle_task_get_data (GAsyncResult        *result);

G_END_DECLS
