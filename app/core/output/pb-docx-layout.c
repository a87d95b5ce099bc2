/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "pb-docx-private.h"

/* Where a pack's Word document breaks its pages, for its contents field's
 * stored page numbers: LibreOffice shows those as they are (it does not
 * update fields on opening or converting), so they must be its own.  The
 * pack's PDF cannot tell them: it is set in another font, with other
 * spacing and other rules for keeping things together.
 *
 * The document is made so that only the breaking of lines depends on the
 * fonts a reader has: every line is set exactly as high as
 * _pb_docx_line_twips() says, and every paragraph outside tables keeps
 * its lines together.  So each paragraph is laid out here with pango in
 * the font the document names ("Arial", "Georgia"), which fontconfig
 * substitutes just as LibreOffice does on the same machine (Liberation or
 * Nimbus Sans, whose widths are Arial's), and the page is filled as
 * Writer fills it: the larger of the space after one paragraph and the
 * space before the next between them, none at the top of a page, a
 * paragraph kept with the next moved with it, a table row never split, a
 * table's header row repeated where it continues.
 *
 * All lengths here are points. */

/* The running header's and footer's type, in points (styles.xml). */
#define RUNNING_SIZE 8

/* A line fits when pango's width of it is within the width it has,
 * exactly, with no margin taken off: Writer measures the same unhinted
 * advances, so the two agree to a small fraction of a point (the 613
 * quotations, citations, notes and paragraphs of three real packs broke
 * into as many lines here as in LibreOffice 7.4).  A margin in proportion to the width (it
 * was 1%, four and a half points of a quotation's line) takes a line
 * that LibreOffice sets whole for one that runs over, and a paragraph
 * of one line for two: enough of them and a part starts a page later
 * here than there. */

typedef enum
{
  ITEM_PARAGRAPH,
  ITEM_ROW,
} ItemKind;

typedef struct
{
  ItemKind  kind;
  double    height;      /* its lines (or a row's cells) and borders */
  double    before;
  double    after;
  gboolean  keep_next;   /* on the page of the item after it */
  guint     table;       /* rows: the table, from 1 */
  gboolean  header;      /* rows: repeated where the table continues */
  char     *anchor;
} Item;

/* A paragraph style of styles.xml, as far as its lines go. */
typedef struct
{
  const char *id;
  const char *family;
  double      size;
  gboolean    bold;
  gboolean    italic;
  double      before;    /* twips */
  double      after;
  double      indent;    /* twips off the text's width */
  double      borders;   /* points above and below the lines together */
  gboolean    keep_next;
} Style;

/* In step with styles[] in pb-docx-package.c. */
static const Style styles[] = {
  { "Normal", "Arial", 11, FALSE, FALSE, 0, 120, 0, 0, FALSE },
  { "Title", "Arial", 20, TRUE, FALSE, 120, 240, 0, 0, TRUE },
  { "TitleLong", "Arial", 13, TRUE, FALSE, 120, 240, 0, 0, TRUE },
  { "Heading1", "Arial", 15, TRUE, FALSE, 360, 120, 0, 0, TRUE },
  { "Heading2", "Arial", 12.5, TRUE, FALSE, 240, 80, 0, 0, TRUE },
  { "CoverHeading", "Arial", 15, TRUE, FALSE, 360, 120, 0, 0, TRUE },
  { "TOCHeading", "Arial", 15, TRUE, FALSE, 360, 120, 0, 0, TRUE },
  /* The leader and page number after the entry's words. */
  { "TOC1", "Arial", 11, FALSE, FALSE, 0, 80, 600, 0, FALSE },
  { "Quote", "Georgia", 11, FALSE, TRUE, 160, 40, 340, 0, TRUE },
  { "Citation", "Arial", 9, FALSE, FALSE, 0, 60, 340, 0, FALSE },
  { "FindingNote", "Arial", 9.5, FALSE, FALSE, 0, 120, 340, 0, FALSE },
  { "ListItem", "Arial", 11, FALSE, FALSE, 0, 60, 340, 0, FALSE },
  { "Key", "Arial", 8.5, FALSE, FALSE, 0, 40, 0, 0, FALSE },
  /* Rules of 1.5 points, 4 points from the words, above and below. */
  { "Exempt", "Arial", 11, FALSE, FALSE, 120, 240, 240, 2 * (1.5 + 4), FALSE },
};

struct _PbDocxFlow
{
  PangoContext *context;
  PangoLayout  *layout;
  GArray       *items;       /* Item */
  guint         n_tables;
  gboolean      header;      /* the row being added is a header row */
  double        cell_margins;
  double        cell_width;  /* the cell being added: its words' width */
  double        cell_height;
  guint         cell_rows;   /* rows the cell being added spans */
  double        row_height;
  GArray       *spans;       /* Span: cells over several rows, still open */
  double        header_height;  /* the running header's */
  double        footer_height;
};

/* A cell over several rows: its words need the rows it spans together to
 * be so high; the last of them grows when the others are not enough. */
typedef struct
{
  guint  rows_left;
  double height_left;
} Span;

static void
item_clear (gpointer data)
{
  g_free (((Item *)data)->anchor);
}

/**
 * _pb_docx_flow_new:
 *
 * Returns: (transfer full): an empty flow, to be given the document's
 *   paragraphs and table rows in order and then paginated
 */
PbDocxFlow *
_pb_docx_flow_new (void)
{
  PbDocxFlow *flow = g_new0 (PbDocxFlow, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  flow->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Sizes in points; widths as designed, not rounded to a screen's
   * pixels, as Writer lays out a page. */
  pango_cairo_context_set_resolution (flow->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (flow->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (flow->context, FALSE);
  flow->layout = pango_layout_new (flow->context);
  pango_layout_set_wrap (flow->layout, PANGO_WRAP_WORD_CHAR);
  flow->items = g_array_new (FALSE, TRUE, sizeof (Item));
  flow->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_clear_func (flow->items, item_clear);
  return flow;
}

void
_pb_docx_flow_free (PbDocxFlow *flow)
{
  g_clear_object (&flow->layout);
  g_clear_object (&flow->context);
  g_clear_pointer (&flow->items, g_array_unref);
  g_clear_pointer (&flow->spans, g_array_unref);
  g_free (flow);
}

/* How many lines @text takes @width points wide. */
static guint
count_lines (PbDocxFlow *flow,
             const char *family,
             double      size,
             gboolean    bold,
             gboolean    italic,
             double      width,
             const char *text)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  if (text == NULL || *text == '\0')
    return 1;
  pango_font_description_set_family (desc, family);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size (desc, (int)(size * PANGO_SCALE));
  pango_layout_set_font_description (flow->layout, desc);
  pango_layout_set_width (flow->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_text (flow->layout, text, -1);
  return (guint)pango_layout_get_line_count (flow->layout);
}

/* A length in twips, in points. */
static double
writer_points (double twips)
{
  return twips / 20.0;
}

static double
line_height (double size)
{
  return writer_points (_pb_docx_line_twips (size));
}

static const Style *
find_style (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i].id, id) == 0)
      return &styles[i];
  return &styles[0];
}

static Item *
add_item (PbDocxFlow *flow,
          ItemKind    kind)
{
  g_array_set_size (flow->items, flow->items->len + 1);
  Item *item = &g_array_index (flow->items, Item, flow->items->len - 1);

  item->kind = kind;
  return item;
}

/**
 * _pb_docx_flow_running:
 * @banner: (nullable): the header's first line, in bold: NOT FOR
 *   PUBLICATION and why
 * @header: the header's line under it: the title and the council
 * @footer: the footer's line, "Page 12 of 34" included
 *
 * Gives the running header and footer: when their lines will not stand
 * within the page's margins (a long title, a wide font), the body's
 * pages are shorter, as in Writer and Word.
 */
void
_pb_docx_flow_running (PbDocxFlow *flow,
                       const char *banner,
                       const char *header,
                       const char *footer)
{
  double width = PB_DOCX_TEXT_WIDTH / 20.0;
  double line = line_height (RUNNING_SIZE);

  /* The header's last line has a rule 4 points under it, then 6 points;
   * the footer's a rule 4 points above it. */
  flow->header_height = count_lines (flow, "Arial", RUNNING_SIZE, FALSE, FALSE, width, header) * line + 4.5 + writer_points (120);
  if (banner != NULL)
    flow->header_height += count_lines (flow, "Arial", RUNNING_SIZE, TRUE, FALSE, width, banner) * line;
  flow->footer_height = count_lines (flow, "Arial", RUNNING_SIZE, FALSE, FALSE, width, footer) * line + 4.5;
}

/**
 * _pb_docx_flow_paragraph:
 * @style: (nullable): a paragraph style's id in styles.xml; %NULL for
 *   "Normal"
 * @text: its words; "\n" for a line break
 * @keep_next: kept on the page of what follows, whatever its style says
 * @anchor: (nullable): a bookmark at its start, for
 *   _pb_docx_flow_paginate() to give the page of
 *
 * Adds a paragraph outside any table, set as @style sets it.
 */
void
_pb_docx_flow_paragraph (PbDocxFlow *flow,
                         const char *style,
                         const char *text,
                         gboolean    keep_next,
                         const char *anchor)
{
  const Style *s = find_style (style);
  double width = (PB_DOCX_TEXT_WIDTH - s->indent) / 20.0;
  guint lines = count_lines (flow, s->family, s->size, s->bold, s->italic, width, text);
  Item *item = add_item (flow, ITEM_PARAGRAPH);

  item->height = lines * line_height (s->size) + s->borders;
  item->before = writer_points (s->before);
  item->after = writer_points (s->after);
  item->keep_next = keep_next || s->keep_next;
  item->anchor = g_strdup (anchor);
}

/**
 * _pb_docx_flow_block:
 * @height: its height, in points
 * @after: the space after it, in points
 *
 * Adds a paragraph of a known height (the masthead, whose line is as high
 * as the logo in it).
 */
void
_pb_docx_flow_block (PbDocxFlow *flow,
                     double      height,
                     double      after)
{
  Item *item = add_item (flow, ITEM_PARAGRAPH);

  item->height = height;
  item->after = after;
}

/**
 * _pb_docx_flow_table_begin:
 * @cell_margins: the cells' margins, left and right together, in twips
 *
 * Begins a table: rows follow, each of cells, each of paragraphs.
 */
void
_pb_docx_flow_table_begin (PbDocxFlow *flow,
                           int         cell_margins)
{
  flow->n_tables++;
  flow->cell_margins = cell_margins / 20.0;
}

/**
 * _pb_docx_flow_row_begin:
 * @header: a header row, repeated on each page the table continues on
 */
void
_pb_docx_flow_row_begin (PbDocxFlow *flow,
                         gboolean    header)
{
  flow->header = header;
  flow->row_height = 0;
  flow->cell_height = 0;
  flow->cell_rows = 1;
}

/* The cell added last done with: its height is the row's, or its span's. */
static void
end_cell (PbDocxFlow *flow)
{
  if (flow->cell_rows > 1)
    {
      Span span = { flow->cell_rows, flow->cell_height };

      g_array_append_val (flow->spans, span);
    }
  else
    flow->row_height = MAX (flow->row_height, flow->cell_height);
  flow->cell_height = 0;
  flow->cell_rows = 1;
}

/**
 * _pb_docx_flow_cell_begin:
 * @width: the cell's width, in twips
 * @rows: the rows it spans, from this one down; 0 for a cell covered by
 *   one above it
 */
void
_pb_docx_flow_cell_begin (PbDocxFlow *flow,
                          int         width,
                          guint       rows)
{
  end_cell (flow);
  flow->cell_width = width / 20.0 - flow->cell_margins;
  flow->cell_rows = MAX (rows, 1);
}

/**
 * _pb_docx_flow_cell_paragraph:
 * @size: the type's size, in points
 * @after: the space after it, in twips
 *
 * Adds a paragraph to the cell begun last.
 */
void
_pb_docx_flow_cell_paragraph (PbDocxFlow *flow,
                              double      size,
                              gboolean    bold,
                              gboolean    italic,
                              int         after,
                              const char *text)
{
  guint lines = count_lines (flow, "Arial", size, bold, italic, flow->cell_width, text);

  flow->cell_height += lines * line_height (size) + writer_points (after);
}

/**
 * _pb_docx_flow_row_end:
 * @borders: the rules above and below the row together, in points
 * @keep: whether the row's paragraphs are kept with the next
 */
void
_pb_docx_flow_row_end (PbDocxFlow *flow,
                       double      borders,
                       gboolean    keep)
{
  Item *item;

  end_cell (flow);
  for (guint i = flow->spans->len; i-- > 0; )
    {
      Span *span = &g_array_index (flow->spans, Span, i);

      if (span->rows_left == 1)
        {
          flow->row_height = MAX (flow->row_height, span->height_left);
          g_array_remove_index (flow->spans, i);
        }
      else
        {
          span->rows_left--;
          span->height_left -= flow->row_height;
        }
    }
  item = add_item (flow, ITEM_ROW);
  item->height = flow->row_height + borders;
  item->table = flow->n_tables;
  item->header = flow->header;
  item->keep_next = keep || flow->header;
}

/* The height of the header rows of the table @rows[0] opens. */
static double
header_height (const Item *rows,
               guint       n)
{
  double height = 0;

  for (guint i = 0; i < n && rows[i].kind == ITEM_ROW && rows[i].table == rows[0].table && rows[i].header; i++)
    height += rows[i].height;
  return height;
}

/**
 * _pb_docx_flow_paginate:
 * @n_pages: (out) (optional): how many pages the body fills, at least 1
 *
 * Fills pages of the document's body with what the flow was given.
 *
 * Returns: (transfer full) (element-type utf8 guint): each anchor given
 *   → the page number, from 1, its paragraph is on (GUINT_TO_POINTER)
 */
GHashTable *
_pb_docx_flow_paginate (PbDocxFlow *flow,
                        guint      *n_pages)
{
  /* The header and footer stand PB_DOCX_RUNNING_MARGIN from the page's
   * edges, and push the body's margins in when they need to. */
  double edge = writer_points (PB_DOCX_RUNNING_MARGIN);
  double margin = writer_points (PB_DOCX_MARGIN_TOP);
  const double body = writer_points (PB_DOCX_PAGE_HEIGHT) - MAX (margin, edge + flow->header_height)
                      - MAX (margin, edge + flow->footer_height);
  Item *items = (Item *)(gpointer)flow->items->data;
  guint n = flow->items->len;
  guint *pages = g_new0 (guint, n);
  GHashTable *anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint page = 1;
  guint first = 0;     /* the first item on the page */
  double y = 0;        /* the page filled so far, down to the last item's words */
  guint i = 0;

  while (i < n)
    {
      Item *item = &items[i];
      double before = i == first ? 0 : MAX (item->before, items[i - 1].after);

      if (i == first || y + before + item->height <= body)
        {
          pages[i] = page;
          y += before + item->height;
          i++;
          continue;
        }

      /* A new page: for this item, or for the items before it kept with
       * it, unless they began the page. */
      {
        guint start = i;

        while (start > first + 1 && items[start - 1].keep_next)
          start--;
        if (start == first + 1 && items[first].keep_next)
          start = i;
        page++;
        first = start;
        y = 0;
        i = start;
        /* A table continuing: its header rows first. */
        if (items[i].kind == ITEM_ROW && !items[i].header && i > 0 && items[i - 1].kind == ITEM_ROW &&
            items[i - 1].table == items[i].table)
          {
            guint top = i;

            while (top > 0 && items[top - 1].kind == ITEM_ROW && items[top - 1].table == items[i].table)
              top--;
            y = header_height (&items[top], n - top);
          }
      }
    }

  for (guint k = 0; k < n; k++)
    if (items[k].anchor != NULL)
      g_hash_table_insert (anchors, g_strdup (items[k].anchor), GUINT_TO_POINTER (pages[k]));
  g_free (pages);
  if (n_pages != NULL)
    *n_pages = page;
  return anchors;
}
