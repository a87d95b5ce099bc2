/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-bundle-pack.h"
#include "pb-bundle-view.h"

G_BEGIN_DECLS

/* Shared by pb-bundle-view.c (the pack shown: its header and rows) and
 * pb-bundle-view-notes.c (the member's notes, and the questions exported,
 * and removing the pack). */

struct _PbBundleView
{
  GtkWidget       parent_instance;

  PbLibrary      *library;
  GListStore     *packs;          /* PbBundlePack */
  PbBundlePack   *pack;           /* the one shown */
  GHashTable     *cohorts;        /* slug → PbCohort, the pack's */
  GPtrArray      *notes;          /* PbMemberNote on the pack shown */
  GtkNativeDialog *chooser;
  char            *member_name;     /* given this session, when settings cannot keep it */
  gboolean        filling;

  GtkStack       *stack;
  GtkDropDown    *pack_chooser;
  GtkStringList  *pack_titles;
  GtkRevealer    *intro_revealer;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkWidget      *exempt_badge;
  GtkLabel       *introduction_label;
  GtkLabel       *counts_label;
  GtkListBox     *entries_list;
  GtkWidget      *orphans_box;
  GtkWidget      *orphans_list;
};

void _pb_bundle_view_refresh_notes      (PbBundleView   *self);
void _pb_bundle_view_update_counts      (PbBundleView   *self);
void _pb_bundle_view_class_init_notes   (GtkWidgetClass *widget_class);

G_END_DECLS
