/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-editor.h"
#include "pb-pack-export.h"

G_BEGIN_DECLS

/* Shared by the files that make up the pack editor: pb-pack-editor.c (the
 * editor as a whole), pb-pack-editor-details.c (details and grades),
 * pb-pack-editor-contents.c (rows and their actions), pb-pack-editor-drop.c
 * (drag and drop, adding findings), pb-pack-editor-export.c (exports,
 * preview and print) and pb-pack-editor-bundle.c (the member bundle, and
 * members' questions). */

struct _PbPackEditor
{
  GtkWidget            parent_instance;

  PbLibrary           *library;
  PbPackContents      *contents;
  GHashTable          *cohort_colors;    /* slug → colour */
  PbPackRemoval       *last_removal;
  GCancellable        *cancellable;      /* cancelled when the editor goes */
  GCancellable        *export_cancellable;
  GtkNativeDialog     *chooser;
  PbPackFormat         chooser_format;
  guint                intro_save;
  gboolean             filling;
  gboolean             busy;

  /* Template children */
  GtkWidget            *box;
  GtkWidget            *busy_box;
  GtkProgressBar       *busy_progress;
  GtkLabel             *busy_label;
  GtkMenuButton        *export_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *classification_badge;
  GtkGrid              *details_grid;
  GtkEntry             *title_entry;
  GtkEntry             *committee_entry;
  GtkEntry             *date_entry;
  GtkEntry             *author_entry;
  GtkEntry             *agenda_entry;
  GtkEntry             *contact_entry;
  AdwComboRow          *classification_row;
  AdwComboRow          *paragraph_row;
  GtkTextView          *introduction_view;
  AdwPreferencesGroup  *summary_group;
  GtkListBox           *summary_list;
  GtkListBox           *contents_list;
  GtkScrolledWindow    *scroller;
};

void     _pb_pack_editor_show_toast        (PbPackEditor   *self,
                                            AdwToast       *toast);
void     _pb_pack_editor_show_error        (PbPackEditor   *self,
                                            const GError   *error);
PbPack  *_pb_pack_editor_current_pack      (PbPackEditor   *self);
void     _pb_pack_editor_save_introduction (PbPackEditor   *self);

void     _pb_pack_editor_fill_header        (PbPackEditor   *self);
void     _pb_pack_editor_fill_details       (PbPackEditor   *self);
void     _pb_pack_editor_fill_summary       (PbPackEditor   *self);
void     _pb_pack_editor_class_init_details (GtkWidgetClass *widget_class);
void     _pb_pack_editor_init_details       (PbPackEditor   *self);

PbPackEntry *_pb_pack_editor_row_entry      (GtkListBoxRow  *row);
void     _pb_pack_editor_focus_entry        (PbPackEditor   *self,
                                             PbPackEntryKind kind,
                                             gint64          id);
GtkWidget *_pb_pack_editor_create_row       (gpointer        item,
                                             gpointer        data);
void     _pb_pack_editor_class_init_contents (GtkWidgetClass *widget_class);

void     _pb_pack_editor_add_drag_source    (PbPackEditor   *self,
                                             GtkWidget      *row);
void     _pb_pack_editor_init_drop          (PbPackEditor   *self);

void     _pb_pack_editor_class_init_export (GtkWidgetClass *widget_class);
void     _pb_pack_editor_set_busy          (PbPackEditor   *self,
                                            const char     *message);
void     _pb_pack_editor_cancel_export     (PbPackEditor   *self);

void       _pb_pack_editor_class_init_bundle (GtkWidgetClass *widget_class);

G_END_DECLS
