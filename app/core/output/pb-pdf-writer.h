/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PB_TYPE_PDF_WRITER (pb_pdf_writer_get_type ())

/* The width of the text on a page (A4 less its margins), in points: what a
 * table's widths are shares of. */
#define PB_PDF_BODY_WIDTH_POINTS 463.276
/* …and its height, between the running header and footer. */
#define PB_PDF_BODY_HEIGHT_POINTS 687.890
/* A compact table's cells (pb_pdf_table_set_compact()), in points: their
 * padding left and right, above and below, and the room between lines;
 * a coloured rule down a cell's left edge is this wide. */
#define PB_PDF_TABLE_COMPACT_PAD_X   4.0
#define PB_PDF_TABLE_COMPACT_PAD_Y   4.0
#define PB_PDF_TABLE_COMPACT_SPACING 1.0
#define PB_PDF_TABLE_BAR             4.0

G_DECLARE_FINAL_TYPE (PbPdfWriter, pb_pdf_writer, PB, PDF_WRITER, GObject)

/**
 * PbPdfTextStyle:
 * @PB_PDF_TEXT_BODY: a paragraph of body text
 * @PB_PDF_TEXT_SMALL: a smaller, quieter line, such as where a quoted
 *   passage comes from
 * @PB_PDF_TEXT_NOTE: an officer's remark on what comes before
 * @PB_PDF_TEXT_KEY: the key under a table, in small type
 * @PB_PDF_TEXT_TITLE: a document's title, large, as on a report's cover
 * @PB_PDF_TEXT_WARNING: a boxed warning in red, such as an exempt paper's
 *   statement; its first line is set in bold
 * @PB_PDF_TEXT_CAPTION: a line naming the table that follows, in bold,
 *   kept on the page with it
 *
 * How a paragraph is set.
 */
typedef enum
{
  PB_PDF_TEXT_BODY,
  PB_PDF_TEXT_SMALL,
  PB_PDF_TEXT_NOTE,
  PB_PDF_TEXT_KEY,
  PB_PDF_TEXT_TITLE,
  PB_PDF_TEXT_WARNING,
  PB_PDF_TEXT_CAPTION,
} PbPdfTextStyle;

/**
 * PbPdfCellKind:
 * @PB_PDF_CELL_DATA: an ordinary cell
 * @PB_PDF_CELL_COLUMN_HEADER: the heading of its column
 * @PB_PDF_CELL_ROW_HEADER: the heading of its row
 */
typedef enum
{
  PB_PDF_CELL_DATA,
  PB_PDF_CELL_COLUMN_HEADER,
  PB_PDF_CELL_ROW_HEADER,
} PbPdfCellKind;

typedef struct _PbPdfTable PbPdfTable;

PbPdfTable  *pb_pdf_table_new             (guint          n_columns,
                                           const double  *widths);
void         pb_pdf_table_add_row         (PbPdfTable    *table,
                                           gboolean       header);
void         pb_pdf_table_add_cell        (PbPdfTable    *table,
                                           PbPdfCellKind  kind,
                                           const char    *text,
                                           const char    *note,
                                           guint          rows,
                                           guint32        fill,
                                           guint32        bar);
void         pb_pdf_table_set_rule_before (PbPdfTable    *table,
                                           guint          column);
void         pb_pdf_table_set_borders     (PbPdfTable    *table,
                                           gboolean       borders);
void         pb_pdf_table_set_font_size   (PbPdfTable    *table,
                                           double         points);
void         pb_pdf_table_set_whole_words (PbPdfTable    *table,
                                           gboolean       whole_words);
void         pb_pdf_table_set_plain_row_headers (PbPdfTable *table,
                                                 gboolean    plain);
void         pb_pdf_table_set_compact     (PbPdfTable    *table,
                                           gboolean       compact);
void         pb_pdf_table_free            (PbPdfTable    *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPdfTable, pb_pdf_table_free)

PbPdfWriter *pb_pdf_writer_new            (const char   *path,
                                           const char   *title,
                                           const char   *author);
void         pb_pdf_writer_set_subject    (PbPdfWriter  *self,
                                           const char   *subject);
void         pb_pdf_writer_set_footer     (PbPdfWriter  *self,
                                           const char   *footer);
void         pb_pdf_writer_set_running_header (PbPdfWriter *self,
                                               const char  *banner,
                                               const char  *left,
                                               const char  *right);
void         pb_pdf_writer_set_created    (PbPdfWriter  *self,
                                           GDateTime    *created);
void         pb_pdf_writer_begin_group    (PbPdfWriter  *self,
                                           const char   *tag);
void         pb_pdf_writer_end_group      (PbPdfWriter  *self);
void         pb_pdf_writer_heading        (PbPdfWriter  *self,
                                           guint         level,
                                           const char   *text);
void         pb_pdf_writer_heading_with_dest (PbPdfWriter *self,
                                              guint        level,
                                              const char  *text,
                                              const char  *dest);
void         pb_pdf_writer_cover_title    (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_text           (PbPdfWriter    *self,
                                           PbPdfTextStyle  style,
                                           const char     *text);
void         pb_pdf_writer_contents_entry (PbPdfWriter  *self,
                                           const char   *text,
                                           const char   *dest);
void         pb_pdf_writer_quote          (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_attach         (PbPdfWriter  *self);
gboolean     pb_pdf_writer_masthead       (PbPdfWriter  *self,
                                           GBytes       *png,
                                           const char   *description,
                                           const char   *name,
                                           GError      **error);
void         pb_pdf_writer_masthead_space (PbPdfWriter  *self,
                                           guint         logo_width,
                                           guint         logo_height,
                                           const char   *name);
void         pb_pdf_writer_set_header     (PbPdfWriter  *self,
                                           const char   *header);
void         pb_pdf_writer_set_outline    (PbPdfWriter  *self,
                                           gboolean      outline);
void         pb_pdf_writer_space          (PbPdfWriter  *self,
                                           double        points);
void         pb_pdf_writer_paragraph      (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_numbered       (PbPdfWriter  *self,
                                           guint         number,
                                           const char   *text);
void         pb_pdf_writer_bullet         (PbPdfWriter  *self,
                                           const char   *text);
void         pb_pdf_writer_add_table      (PbPdfWriter  *self,
                                           PbPdfTable   *table);
void         pb_pdf_writer_table          (PbPdfWriter  *self,
                                           const char   *header_left,
                                           const char   *header_right,
                                           const char  **left,
                                           const char  **right,
                                           guint         n_rows);
void         pb_pdf_writer_page_break     (PbPdfWriter  *self);
guint        pb_pdf_writer_get_n_pages    (PbPdfWriter  *self);
GHashTable  *pb_pdf_writer_paginate       (PbPdfWriter  *self);
gboolean     pb_pdf_writer_finish         (PbPdfWriter  *self,
                                           GError      **error);

G_END_DECLS
