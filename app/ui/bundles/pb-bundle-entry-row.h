/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-bundle-pack.h"
#include "pb-member-note.h"

G_BEGIN_DECLS

#define PB_TYPE_BUNDLE_ENTRY_ROW (pb_bundle_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (PbBundleEntryRow, pb_bundle_entry_row, PB, BUNDLE_ENTRY_ROW, GtkListBoxRow)

GtkWidget     *pb_bundle_entry_row_new         (PbBundleEntry    *entry,
                                                GHashTable       *cohorts);
PbBundleEntry *pb_bundle_entry_row_get_entry   (PbBundleEntryRow *self);
void           pb_bundle_entry_row_set_notes   (PbBundleEntryRow *self,
                                                GPtrArray        *notes);
guint          pb_bundle_entry_row_get_n_notes (PbBundleEntryRow *self);
PbMemberNote  *pb_bundle_entry_row_get_note    (PbBundleEntryRow *self,
                                                guint             index);
char          *pb_bundle_entry_row_dup_about   (PbBundleEntryRow *self);

GtkWidget     *pb_bundle_note_card_new         (PbMemberNote     *note);

G_END_DECLS
