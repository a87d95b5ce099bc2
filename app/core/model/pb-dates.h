/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pb-structure.h"

G_BEGIN_DECLS

/**
 * PbDocumentDates:
 * @type: what kind of document it is
 * @start: the first day of an inspection or visit; invalid when not known
 * @end: its last day; invalid when not known
 * @published: the day Ofsted published it, as the report says; invalid
 *   when not known
 * @stated: the date the document gives itself (a letter's date, a meeting's
 *   date), read from its first page or given by the officer; invalid when
 *   not known
 * @imported: the day it came into the library; invalid when not known
 *
 * Everything the library knows of a document's dates: one model, from which
 * every place that shows a date (the library, the reader's title, the
 * findings table, a pack's citations) takes it, so that they agree.
 */
typedef struct
{
  PbDocumentType type;
  GDate          start;
  GDate          end;
  GDate          published;
  GDate          stated;
  GDate          imported;
} PbDocumentDates;

void      pb_document_dates_init      (PbDocumentDates       *dates);
void      pb_document_dates_set_structure (PbDocumentDates   *dates,
                                       PbStructure           *structure);
gboolean  pb_document_dates_get_date  (const PbDocumentDates *dates,
                                       GDate                 *date);
char     *pb_document_dates_describe  (const PbDocumentDates *dates);
gboolean  pb_document_dates_is_published_date (const PbDocumentDates *dates);
gboolean  pb_document_type_dated_by_publication (PbDocumentType type);
char     *pb_document_dates_format_date (const PbDocumentDates *dates);

char     *pb_date_format              (const GDate           *date);
char     *pb_date_format_short        (const GDate           *date);
char     *pb_date_format_span         (const GDate           *start,
                                       const GDate           *end);
char     *pb_date_format_iso          (const char            *iso);
char     *pb_date_to_iso              (const GDate           *date);
gboolean  pb_date_set_iso             (GDate                 *date,
                                       const char            *iso);
gboolean  pb_date_parse               (const char            *text,
                                       GDate                 *date);

G_END_DECLS
