/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "pb-pdf-catalog.h"
#include "pb-pdf-writer.h"

G_BEGIN_DECLS

/* Shared by the writer's two files: pb-pdf-writer.c takes the document in
 * as blocks, each laid out by pango once; pb-pdf-layout.c breaks them into
 * pages and draws them, tagged.  All lengths are PDF points, from the top
 * left corner of the page. */

#define PB_PDF_PAGE_WIDTH    595.276   /* A4 */
#define PB_PDF_PAGE_HEIGHT   841.890
#define PB_PDF_MARGIN_LEFT   66.0
#define PB_PDF_MARGIN_RIGHT  66.0
#define PB_PDF_MARGIN_TOP    80.0
#define PB_PDF_MARGIN_BOTTOM 74.0
#define PB_PDF_BODY_WIDTH    (PB_PDF_PAGE_WIDTH - PB_PDF_MARGIN_LEFT - PB_PDF_MARGIN_RIGHT)
#define PB_PDF_BODY_TOP      PB_PDF_MARGIN_TOP
#define PB_PDF_BODY_BOTTOM   (PB_PDF_PAGE_HEIGHT - PB_PDF_MARGIN_BOTTOM)

typedef enum
{
  BLOCK_TEXT,          /* the lines of one layout */
  BLOCK_TABLE,         /* rows that never split */
  BLOCK_IMAGE,         /* a figure, with a line of text beside it */
  BLOCK_CONTENTS,      /* a line of the contents: linked text, leaders, page number */
  BLOCK_GROUP_BEGIN,   /* a structure element around the blocks that follow */
  BLOCK_GROUP_END,
  BLOCK_BREAK,         /* what follows starts a new page */
} BlockKind;

typedef enum
{
  DECORATION_NONE,
  DECORATION_BAR,      /* a rule down the left of the lines, as beside a quotation */
  DECORATION_BOX,      /* a tinted, bordered box around the whole block */
} Decoration;

typedef struct
{
  PangoLayoutLine *line;
  double           top;        /* from the top of the block's first line */
  double           height;
  double           baseline;   /* from the line's own top */
} Line;

typedef struct
{
  PbPdfCellKind  kind;
  char          *text;
  char          *note;
  guint          rows;         /* rows covered from this one down; 0 when covered from above */
  guint32        fill;         /* 0xRRGGBB, or 0 for none */
  guint32        bar;          /* a rule down the cell's left edge, or 0 */
  PangoLayout   *layout;
} Cell;

typedef struct
{
  GArray   *cells;             /* Cell, one per column */
  gboolean  header;
  double    height;
} Row;

struct _PbPdfTable
{
  guint     n_columns;
  double   *widths;            /* in points, once added to a writer */
  gboolean *rule_before;       /* a thick rule on a column's left */
  gboolean  borders;
  double    font_size;         /* the cells' type, in points */
  gboolean  whole_words;       /* lines break between words only */
  gboolean  plain_row_headers; /* row headers set in the body's weight */
  double    pad_x;             /* a cell's padding left and right, in points */
  double    pad_y;             /* above and below */
  double    spacing;           /* between a cell's lines */
  GArray   *rows;              /* Row */
  guint     n_header_rows;
};

typedef struct
{
  BlockKind        kind;
  const char      *tag;             /* a structure type, static */
  const char      *label_tag;       /* the label's own element, or NULL to set it in @tag */
  char            *dest;            /* a destination named at the block's top */
  guint            outline_level;   /* a bookmark at this level, from 1; 0 for none */
  char            *outline_text;

  PangoLayout     *layout;
  PangoLayout     *label;           /* beside the first line: a number or a bullet */
  double           x;
  double           label_x;
  guint32          color;
  Decoration       decoration;
  GArray          *lines;           /* Line */

  double           space_before;
  gboolean         keep_with_next;  /* no page break after it, nor in the next block's first lines */
  gboolean         keep_together;   /* no page break inside it */
  gboolean         glued;           /* no page break between it and the block before */

  PbPdfTable      *table;

  cairo_surface_t *image;
  double           image_width;
  double           image_height;
  char            *alt;

  char            *link;            /* the contents line's destination */
  PangoLayout     *number;          /* its page number, once known */

  guint            first_unit;
  guint            n_units;
  guint            first_page;
  guint            last_page;
} Block;

typedef struct
{
  Block    *block;
  guint     index;                  /* line or row of the block */
  double    height;
  double    space;                  /* above it, unless it opens a page */
  gboolean  can_break;              /* a page may end just before it */
  gboolean  force_break;
  guint     page;                   /* from 1 */
  double    y;
} Unit;

struct _PbPdfWriter
{
  GObject          parent_instance;

  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  GByteArray      *data;            /* what cairo has written so far */
  char            *path;
  char            *title;
  char            *author;
  char            *subject;
  char            *footer;
  char            *banner;          /* red, at the top of every page: NOT FOR PUBLICATION */
  char            *header_left;     /* the running header, in grey */
  char            *header_right;
  gboolean         outline;         /* headings become bookmarks */

  GPtrArray       *blocks;          /* Block */
  guint            depth;           /* groups begun and not ended */
  double           pending_space;
  gboolean         attach_next;
  gboolean         finished;

  /* Filled in while laying out and drawing. */
  GArray          *units;           /* Unit */
  guint            n_pages;
  GHashTable      *dest_pages;      /* dest name → page, from 1 */
  int              outline_ids[7];  /* the last bookmark at each level */
  gboolean         span_open;
  GPtrArray       *open_groups;     /* the tags of groups begun and not ended */
  GHashTable      *tag_counts;      /* structure type → elements begun */
  GPtrArray       *notes;           /* PbPdfTagNote */
  GPtrArray       *link_texts;      /* char *, each link's description */
};

PangoLayout *_pb_pdf_writer_make_layout (PbPdfWriter  *self,
                                         const char   *font,
                                         double        width,
                                         const char   *text,
                                         gboolean      markup);
double       _pb_pdf_layout_height      (PangoLayout  *layout);
void         _pb_pdf_restore_glyphs     (PangoLayout *layout);
cairo_surface_t *_pb_pdf_image_from_png (GBytes       *png,
                                         GError      **error);
Block       *_pb_pdf_writer_add_block   (PbPdfWriter  *self,
                                         BlockKind     kind,
                                         const char   *tag);
void         _pb_pdf_set_color          (cairo_t      *cr,
                                         guint32       rgb);
void         _pb_pdf_block_free         (Block        *block);
gboolean     _pb_pdf_writer_render      (PbPdfWriter  *self,
                                         GError      **error);
void         _pb_pdf_writer_paginate    (PbPdfWriter  *self);

/* pb-pdf-layout.c, for the other kinds of drawing. */
guint         _pb_pdf_tag_begin         (PbPdfWriter  *self,
                                         const char   *tag,
                                         const char   *attributes);
void          _pb_pdf_tag_end           (PbPdfWriter  *self,
                                         const char   *tag);
PbPdfTagNote *_pb_pdf_add_note          (PbPdfWriter  *self,
                                         const char   *type,
                                         guint         ordinal);
void          _pb_pdf_show_at           (PbPdfWriter  *self,
                                         PangoLayout  *layout,
                                         double        x,
                                         double        y,
                                         guint32       color);
double        _pb_pdf_repeated_header   (const Unit   *unit);

/* pb-pdf-table.c */
void          _pb_pdf_draw_table_unit   (PbPdfWriter  *self,
                                         Unit         *unit);
void          _pb_pdf_draw_repeated_header (PbPdfWriter *self,
                                            const Unit  *unit);

G_END_DECLS
