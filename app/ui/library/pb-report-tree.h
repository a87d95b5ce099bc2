/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-library.h"

G_BEGIN_DECLS

GtkTreeListModel   *pb_report_tree_new         (GListModel *roots);
GtkListItemFactory *pb_report_tree_factory_new (void);
void                pb_report_tree_factory_set_library (GtkListItemFactory *factory,
                                                        PbLibrary          *library);
gboolean            pb_report_tree_focus_row   (GtkListView        *view,
                                                GtkTreeListRow     *row);

G_END_DECLS
