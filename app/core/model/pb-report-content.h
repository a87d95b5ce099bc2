/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pb-finding.h"

G_BEGIN_DECLS

/**
 * PbPageContent:
 * @width: the page's width in PDF points, as displayed (after any /Rotate)
 * @height: its height in PDF points
 * @text: its text in reading order, lines separated by "\n"
 *
 * One page as import reads it.
 */
typedef struct
{
  double  width;
  double  height;
  char   *text;
} PbPageContent;

/**
 * PbMarkup:
 * @page: the page number, from 1
 * @anchors: (element-type PbAnchor): the rectangles it covers
 * @quote: the words under it
 * @note: the annotation's own text, or ""
 *
 * A highlight or underline a PDF arrived with, offered as a finding.
 */
typedef struct
{
  guint   page;
  GArray *anchors;
  char   *quote;
  char   *note;
} PbMarkup;

/**
 * PbReportContent:
 * @pages: (element-type PbPageContent): every page; index 0 is page 1
 * @markups: (element-type PbMarkup): the highlights and underlines
 * @title: (nullable): the title to list the report under: the PDF's own
 *   title tidied, or else the first page's heading
 * @pdf_title: (nullable): the document information's Title, as it is
 * @created: (nullable): when the PDF says it was made
 * @modified: (nullable): when the PDF says it was last changed
 * @is_tagged: whether the PDF has a structure tree
 * @has_text_layer: whether any page has text (a scan has none)
 * @fingerprint: (nullable): pb_text_fingerprint () of the pages' texts, the
 *   same for a copy of the report saved again; %NULL when there is hardly any
 *   text
 * @text_version: the version of the page-text builder that read the pages
 *   (PB_PAGE_TEXT_VERSION)
 *
 * What import reads from a PDF: GLib data only, so that the store can keep it
 * without knowing of poppler.
 */
typedef struct
{
  GArray     *pages;
  GPtrArray  *markups;
  char       *title;
  char       *pdf_title;
  char       *author;
  char       *subject;
  char       *keywords;
  char       *creator;
  char       *producer;
  GDateTime  *created;
  GDateTime  *modified;
  gboolean    is_tagged;
  gboolean    has_text_layer;
  char       *fingerprint;
  guint       text_version;
} PbReportContent;

PbReportContent *pb_report_content_new       (void);
void             pb_report_content_free      (PbReportContent *content);
void             pb_markup_free              (PbMarkup        *markup);
GPtrArray       *pb_report_content_get_texts (PbReportContent *content);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbReportContent, pb_report_content_free)

G_END_DECLS
