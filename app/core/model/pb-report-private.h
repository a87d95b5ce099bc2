/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-dates.h"
#include "pb-report.h"

G_BEGIN_DECLS

/* The fields of a report snapshot, for the store that fills them in from a
 * row. Everything else sees a PbReport through its getters only. */
struct _PbReport
{
  GObject    parent_instance;

  gint64     id;
  char      *sha256;
  char      *title;
  char      *file_name;
  gint64     byte_size;
  guint      page_count;
  char      *author;
  char      *subject;
  char      *producer;
  GDateTime *created;
  GDateTime *imported_at;
  guint      has_text_layer : 1;
  guint      is_tagged : 1;
  guint      is_exempt : 1;
  char      *local_authority;
  PbDocumentType document_type;
  PbDocumentDates dates;         /* .type and .imported filled in by _pb_report_finish () */
  char      *user_title;         /* the officer's own title, or NULL */
  char      *user_date;          /* the officer's date for it, "YYYY-MM-DD", or NULL */
  char      *display_title;      /* made by _pb_report_finish () */
  GDateTime *known_date;         /* likewise */
};

void _pb_report_finish (PbReport *self);

PbReport  *_pb_report_new        (void);
GDateTime *_pb_report_parse_time (const char *text);

G_END_DECLS
