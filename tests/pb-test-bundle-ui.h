/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-passphrase-dialog.h"

G_BEGIN_DECLS

/* For the bundle widget tests: waiting on state (never on time; a wait
 * that outlasts 30 s fails the test), and typing as a user does. */

void     pb_test_iterate_until     (gboolean          (*done) (gpointer data),
                                    gpointer             data,
                                    const char          *what);
gboolean pb_test_task_done         (gpointer             data);
void     pb_test_store_result_cb   (GObject             *object,
                                    GAsyncResult        *result,
                                    gpointer             data);
gpointer pb_test_find_toplevel     (GType                type,
                                    gpointer             not);
gpointer pb_test_wait_for_toplevel (GType                type,
                                    gpointer             not);
void     pb_test_collect_widgets   (GtkWidget           *widget,
                                    GType                type,
                                    GPtrArray           *found);
void     pb_test_press_enter       (PbPassphraseDialog  *dialog);
void     pb_test_type_password     (GtkWidget           *dialog,
                                    const char          *password);

G_END_DECLS
