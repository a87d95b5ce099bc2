/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-document-view.h"
#include "pb-finding-editor.h"
#include "pb-library.h"
#include "pb-report.h"
#include "pb-text-view.h"

G_BEGIN_DECLS

#define PB_TYPE_READER (pb_reader_get_type ())

G_DECLARE_FINAL_TYPE (PbReader, pb_reader, PB, READER, GtkWidget)

GtkWidget      *pb_reader_new            (void);
void            pb_reader_open           (PbReader    *self,
                                          PbLibrary   *library,
                                          PbReport    *report);
void            pb_reader_remember_password (PbReader *self,
                                          gint64       report_id,
                                          const char  *password);
PbReport       *pb_reader_get_report     (PbReader    *self);
gboolean        pb_reader_get_loaded     (PbReader    *self);
PbDocumentView *pb_reader_get_view       (PbReader    *self);
PbViewModel    *pb_reader_get_model      (PbReader    *self);
void            pb_reader_show_find      (PbReader    *self);
void            pb_reader_find           (PbReader    *self,
                                          const char  *text,
                                          int          near_page);
gboolean        pb_reader_get_finding    (PbReader    *self);
guint           pb_reader_get_n_matches  (PbReader    *self);
int             pb_reader_get_current_match (PbReader *self);
void            pb_reader_find_next      (PbReader    *self);
void            pb_reader_find_previous  (PbReader    *self);
void            pb_reader_save_state     (PbReader    *self);
gboolean        pb_reader_get_save_pending (PbReader  *self);
PbFindingEditor *pb_reader_add_finding   (PbReader    *self);
gboolean        pb_reader_undo_last_delete (PbReader  *self);
void            pb_reader_show_page      (PbReader    *self,
                                          guint        page);
void            pb_reader_show_finding   (PbReader    *self,
                                          PbFinding   *finding);
GListModel     *pb_reader_get_findings   (PbReader    *self);
GtkWidget      *pb_reader_get_findings_panel (PbReader *self);
gboolean        pb_reader_get_accepting  (PbReader    *self);
gboolean        pb_reader_get_text_mode  (PbReader    *self);
void            pb_reader_set_text_mode  (PbReader    *self,
                                          gboolean     text_mode);
PbTextView     *pb_reader_get_text_view  (PbReader    *self);

G_END_DECLS
