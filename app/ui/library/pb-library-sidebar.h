/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-import-queue.h"
#include "pb-library.h"
#include "pb-report-group.h"
#include "pb-report-sort.h"
#include "pb-report.h"

G_BEGIN_DECLS

#define PB_TYPE_LIBRARY_SIDEBAR (pb_library_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (PbLibrarySidebar, pb_library_sidebar, PB, LIBRARY_SIDEBAR, GtkWidget)

GtkWidget  *pb_library_sidebar_new                 (void);
gboolean    pb_library_sidebar_set_library         (PbLibrarySidebar *self,
                                                    PbLibrary        *library,
                                                    GError          **error);
void        pb_library_sidebar_set_import_queue    (PbLibrarySidebar *self,
                                                    PbImportQueue    *queue);
GListModel *pb_library_sidebar_get_reports         (PbLibrarySidebar *self);
GListModel *pb_library_sidebar_get_rows            (PbLibrarySidebar *self);
GListModel *pb_library_sidebar_get_search_hits     (PbLibrarySidebar *self);
PbReport   *pb_library_sidebar_get_selected_report (PbLibrarySidebar *self);
gboolean    pb_library_sidebar_select_report       (PbLibrarySidebar *self,
                                                    gint64            report_id);
PbGrouping  pb_library_sidebar_get_grouping        (PbLibrarySidebar *self);
void        pb_library_sidebar_set_grouping        (PbLibrarySidebar *self,
                                                    PbGrouping        grouping);
PbSorting   pb_library_sidebar_get_sorting         (PbLibrarySidebar *self);
void        pb_library_sidebar_set_sorting         (PbLibrarySidebar *self,
                                                    PbSorting         sorting);
void        pb_library_sidebar_search              (PbLibrarySidebar *self,
                                                    const char       *text);
void        pb_library_sidebar_focus_search        (PbLibrarySidebar *self);
void        pb_library_sidebar_focus_report        (PbLibrarySidebar *self);
void        pb_library_sidebar_set_n_packs         (PbLibrarySidebar *self,
                                                    guint             n_packs);
gboolean    pb_library_sidebar_get_packs_shown     (PbLibrarySidebar *self);

G_END_DECLS
