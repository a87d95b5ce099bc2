/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-dates.h"
#include "pb-structure.h"

G_BEGIN_DECLS

#define PB_TYPE_REPORT (pb_report_get_type ())

G_DECLARE_FINAL_TYPE (PbReport, pb_report, PB, REPORT, GObject)

gint64      pb_report_get_id             (PbReport *self);
const char *pb_report_get_sha256         (PbReport *self);
const char *pb_report_get_title          (PbReport *self);
const char *pb_report_get_file_name      (PbReport *self);
gint64      pb_report_get_byte_size      (PbReport *self);
guint       pb_report_get_page_count     (PbReport *self);
const char *pb_report_get_author         (PbReport *self);
const char *pb_report_get_subject        (PbReport *self);
const char *pb_report_get_producer       (PbReport *self);
GDateTime  *pb_report_get_created        (PbReport *self);
GDateTime  *pb_report_get_imported_at    (PbReport *self);
gboolean    pb_report_get_has_text_layer (PbReport *self);
gboolean    pb_report_get_is_tagged      (PbReport *self);
gboolean    pb_report_get_is_exempt      (PbReport *self);
GDateTime  *pb_report_get_display_date   (PbReport *self);
const PbDocumentDates *pb_report_get_dates (PbReport *self);
char       *pb_report_dup_dates_description (PbReport *self);
const char *pb_report_get_display_title  (PbReport *self);
const char *pb_report_get_user_title     (PbReport *self);
const char *pb_report_get_user_date      (PbReport *self);
const char *pb_report_get_local_authority (PbReport *self);
PbDocumentType pb_report_get_document_type (PbReport *self);
int         pb_report_compare_newest_first (gconstpointer a,
                                            gconstpointer b);

G_END_DECLS
