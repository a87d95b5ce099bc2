/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-finding-store.h"
#include "pb-library.h"
#include <gio/gio.h>


G_BEGIN_DECLS

#define PB_TYPE_FINDING_LIST (pb_finding_list_get_type ())

G_DECLARE_FINAL_TYPE (PbFindingList, pb_finding_list, PB, FINDING_LIST, GObject)

PbFindingList *pb_finding_list_new        (PbLibrary              *library);
void           pb_finding_list_set_filter (PbFindingList          *self,
                                           const PbFindingFilter  *filter);
gboolean       pb_finding_list_reload     (PbFindingList          *self,
                                           GError                **error);
void           pb_finding_list_clear      (PbFindingList          *self);
gint           pb_finding_list_find       (PbFindingList          *self,
                                           gint64                  id);

G_END_DECLS
