/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pb-docx-private.h"
#include "pb-pack-grades-fit-private.h"
#include "pb-pack-tracker-fit.h"
#include "pb-pack-walk-private.h"
#include "pb-pack-writers-private.h"
#include "pb-xml-text.h"

/* A pack as a Word document laid out as a council's board papers are, as
 * the PDF is (pb-pack-pdf.c): a cover with the logo and council, the
 * exempt statement, the title and a table of the details ("Prepared by",
 * "Classification" among them); a real contents field (TOC) that Word and
 * LibreOffice update, its stored result giving the pages where the
 * document itself starts each part as LibreOffice lays it out
 * (pb-docx-layout.c), for readers that never update it;
 * "Grades at a glance" as one table whose header row repeats and whose
 * rows never split, a combined judgement one cell over two rows; then each
 * section, quoted passages kept with the line citing them.  Sections flow
 * on without page breaks; Word's widow control and "keep with next" do
 * the rest.  Text goes in through pb-xml-text.c, which keeps out what XML
 * forbids and Word refuses. */

#define EMU_PER_POINT 12700

typedef struct
{
  GString    *out;
  PbPackWalk *walk;
  guint       bookmarks;    /* bookmarks written so far */
  GHashTable *pages;        /* anchor → page number, from 1, or NULL */
  PbDocxFlow *flow;         /* the paragraphs, for pages to be found; or NULL */
} Body;

static void
run (GString    *out,
     const char *properties,
     const char *text)
{
  g_string_append_printf (out, "<w:r>%s<w:t xml:space=\"preserve\">", properties ? properties : "");
  pb_xml_append_text (out, text);
  g_string_append (out, "</w:t></w:r>");
}

static void
paragraph (Body       *body,
           const char *style,
           const char *text)
{
  GString *out = body->out;

  if (body->flow != NULL)
    _pb_docx_flow_paragraph (body->flow, style, text, FALSE, NULL);
  g_string_append (out, "<w:p>");
  if (style != NULL)
    g_string_append_printf (out, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  run (out, NULL, text);
  g_string_append (out, "</w:p>");
}

/* A paragraph kept on the page of the table after it: a table's heading
 * and words before it are never left at the foot of a page alone. */
static void
paragraph_before_table (Body       *body,
                        const char *style,
                        const char *text)
{
  GString *out = body->out;

  if (body->flow != NULL)
    _pb_docx_flow_paragraph (body->flow, style, text, TRUE, NULL);
  g_string_append (out, "<w:p><w:pPr>");
  if (style != NULL)
    g_string_append_printf (out, "<w:pStyle w:val=\"%s\"/>", style);
  g_string_append (out, "<w:keepNext/></w:pPr>");
  run (out, NULL, text);
  g_string_append (out, "</w:p>");
}

/* Word's bookmark names take letters, digits and underscores. */
static char *
bookmark_name (const char *anchor)
{
  return g_strdelimit (g_strdup (anchor), "-", '_');
}

/* A heading with a bookmark, for the contents' links to land on. */
static void
heading (Body       *body,
         const char *style,
         const char *text,
         const char *anchor)
{
  GString *out = body->out;
  g_autofree char *name = anchor ? bookmark_name (anchor) : NULL;
  guint id = ++body->bookmarks;

  if (body->flow != NULL)
    _pb_docx_flow_paragraph (body->flow, style, text, FALSE, anchor);
  g_string_append_printf (out, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  if (name != NULL)
    g_string_append_printf (out, "<w:bookmarkStart w:id=\"%u\" w:name=\"%s\"/>", id, name);
  run (out, NULL, text);
  if (name != NULL)
    g_string_append_printf (out, "<w:bookmarkEnd w:id=\"%u\"/>", id);
  g_string_append (out, "</w:p>");
}

static void
masthead (Body             *body,
          const PbPackPart *part)
{
  GString *out = body->out;
  guint width, height;
  GBytes *logo = pb_pack_walk_get_logo (body->walk, &width, &height);

  if (logo == NULL && part->council == NULL)
    return;

  /* Single spacing: a line as high as the logo in it. */
  g_string_append (out, "<w:p><w:pPr><w:spacing w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>");
  /* The line: the logo standing on the words' baseline, or the
   * council's name in 16 points; Arial's ascent is 0.905 of an em, its
   * descent 0.212, its line 1.149. */
  if (body->flow != NULL)
    _pb_docx_flow_block (body->flow, logo != NULL ? MAX (MIN (56.0, 200.0 * height / width), 16 * 0.905) + 16 * 0.212
                                                  : 16 * 1.149,
                         12);
  if (logo != NULL)
    {
      /* At most 56 points high and 200 wide, as in the PDF. */
      double scale = MIN (56.0 / height, 200.0 / width);
      gint64 cx = (gint64)(width * scale * EMU_PER_POINT);
      gint64 cy = (gint64)(height * scale * EMU_PER_POINT);
      g_autofree char *description = pb_xml_escape_text (pb_pack_walk_get_logo_description (body->walk));

      g_string_append_printf (out,
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
        "<wp:extent cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/>"
        "<wp:docPr id=\"1\" name=\"Logo\" descr=\"%s\"/>"
        "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"logo.png\" descr=\"%s\"/><pic:cNvPicPr/></pic:nvPicPr>"
        "<pic:blipFill><a:blip r:embed=\"" PB_DOCX_REL_LOGO "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
        "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/></a:xfrm>"
        "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
        cx, cy, description, description, cx, cy);
      if (part->council != NULL)
        g_string_append (out, "<w:r><w:t xml:space=\"preserve\">   </w:t></w:r>");
    }
  if (part->council != NULL)
    run (out, "<w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"32\"/></w:rPr>", part->council);
  g_string_append (out, "</w:p>");
}

/* Past this many characters (four lines or so of 20-point type), the
 * cover's title is set in 13 points (the TitleLong style). */
#define LONG_TITLE_CHARS 160

/* Body text's spacing (_pb_docx_line_twips (11)), 3 points after. */
#define SPACING_AFTER_60 "<w:spacing w:after=\"60\" w:line=\"297\" w:lineRule=\"exact\"/>"

/* The cover's details as a table of two columns without rules. */
static void
details (Body             *body,
         const PbPackPart *part)
{
  GString *out = body->out;
  int label = PB_DOCX_TEXT_WIDTH * 28 / 100;

  if (part->n_details == 0)
    return;
  if (body->flow != NULL)
    _pb_docx_flow_table_begin (body->flow, 2 * 108);

  g_string_append (out, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"
                        "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:firstColumn=\"1\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
                        "</w:tblPr>");
  g_string_append_printf (out, "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/></w:tblGrid>",
                          label, PB_DOCX_TEXT_WIDTH - label);
  for (guint i = 0; i < part->n_details; i++)
    {
      if (body->flow != NULL)
        {
          _pb_docx_flow_row_begin (body->flow, FALSE);
          _pb_docx_flow_cell_begin (body->flow, label, 1);
          _pb_docx_flow_cell_paragraph (body->flow, 11, TRUE, FALSE, 60, part->details[i].label);
          _pb_docx_flow_cell_begin (body->flow, PB_DOCX_TEXT_WIDTH - label, 1);
          _pb_docx_flow_cell_paragraph (body->flow, 11, FALSE, FALSE, 60, part->details[i].value);
          _pb_docx_flow_row_end (body->flow, 0, FALSE);
        }
      g_string_append (out, "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:p><w:pPr>" SPACING_AFTER_60 "</w:pPr>");
      run (out, "<w:rPr><w:b/></w:rPr>", part->details[i].label);
      g_string_append (out, "</w:p></w:tc><w:tc><w:p><w:pPr>" SPACING_AFTER_60 "</w:pPr>");
      run (out, NULL, part->details[i].value);
      g_string_append (out, "</w:p></w:tc></w:tr>");
    }
  g_string_append (out, "</w:tbl>");
}

static void
cover (Body             *body,
       const PbPackPart *part)
{
  GString *out = body->out;

  masthead (body, part);
  if (part->banner != NULL && part->exempt != NULL)
    {
      if (body->flow != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s\n%s", part->banner, part->exempt);

          _pb_docx_flow_paragraph (body->flow, "Exempt", both, FALSE, NULL);
        }
      g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"Exempt\"/></w:pPr>");
      run (out, "<w:rPr><w:b/></w:rPr>", part->banner);
      g_string_append (out, "<w:r><w:br/></w:r>");
      run (out, NULL, part->exempt);
      g_string_append (out, "</w:p>");
    }
  /* A very long title in smaller type, so that it stays on the cover. */
  paragraph (body, g_utf8_strlen (part->text, -1) > LONG_TITLE_CHARS ? "TitleLong" : "Title", part->text);
  details (body, part);
  if (part->notice != NULL)
    paragraph (body, NULL, part->notice);
  if (part->introduction != NULL)
    {
      paragraph (body, "CoverHeading", part->introduction_heading);
      paragraph (body, NULL, part->introduction);
    }
}

/* A contents field listing the "heading 1" paragraphs, with links and page
 * numbers (\h, and no \n).  Its stored result is what Word writes: each
 * part, linked, with a PAGEREF field for its page.  Word (asked to by the
 * settings) updates it all on opening; LibreOffice shows the stored
 * result as it is, so the page numbers stored are those of the document's
 * own pages as LibreOffice breaks them (start_pages ()). */
static void
contents (Body             *body,
          const PbPackPart *part)
{
  GString *out = body->out;

  if (part->n_links == 0)
    return;

  paragraph (body, "TOCHeading", part->text);
  for (guint i = 0; i < part->n_links; i++)
    {
      g_autofree char *anchor = bookmark_name (part->links[i].anchor);

      if (body->flow != NULL)
        _pb_docx_flow_paragraph (body->flow, "TOC1", part->links[i].text, FALSE, NULL);

      g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>");
      if (i == 0)
        g_string_append (out, "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                              "<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h \\z \\u </w:instrText></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
      g_string_append_printf (out, "<w:hyperlink w:anchor=\"%s\" w:history=\"1\">", anchor);
      run (out, NULL, part->links[i].text);
      g_string_append_printf (out, "<w:r><w:tab/></w:r>"
                                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                                   "<w:r><w:instrText xml:space=\"preserve\"> PAGEREF %s \\h </w:instrText></w:r>"
                                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                                   "<w:r><w:t>%u</w:t></w:r>"
                                   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
                              anchor,
                              body->pages != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (body->pages, part->links[i].anchor))
                                                  : 1);
      g_string_append (out, "</w:hyperlink>");
      if (i + 1 == part->n_links)
        g_string_append (out, "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
      g_string_append (out, "</w:p>");
    }
}

static const char *
grade_fill (PbGrade grade)
{
  static const char * const fills[] = { NULL, "D3ECD9", "E3F0D2", "FCEBC7", "F8D7D4" };

  return grade <= PB_GRADE_INADEQUATE ? fills[grade] : NULL;
}

static const char *
grade_bar (PbGrade grade)
{
  static const char * const bars[] = { NULL, "1B7A3A", "5F8F2A", "B9770E", "B3261E" };

  return grade <= PB_GRADE_INADEQUATE ? bars[grade] : NULL;
}

/* The rule between two rows of a table, in points. */
#define TABLE_RULE 0.5

/* A cell's properties: width, shading, a left rule for a grade's colour
 * or a change of framework; @rows: the rows it spans, from this one
 * down (0: covered by the cell above). */
static void
cell_start (Body       *body,
            int         width,
            const char *fill,
            const char *bar,
            gboolean    new_framework,
            guint       rows)
{
  GString *out = body->out;

  if (body->flow != NULL)
    _pb_docx_flow_cell_begin (body->flow, width, rows);
  g_string_append_printf (out, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
  if (rows == 0)
    g_string_append (out, "<w:vMerge/>");
  else if (rows > 1)
    g_string_append (out, "<w:vMerge w:val=\"restart\"/>");
  if (new_framework)
    g_string_append (out, "<w:tcBorders><w:left w:val=\"single\" w:sz=\"24\" w:space=\"0\" w:color=\"14213D\"/></w:tcBorders>");
  else if (bar != NULL)
    g_string_append_printf (out, "<w:tcBorders><w:left w:val=\"single\" w:sz=\"24\" w:space=\"0\" w:color=\"%s\"/></w:tcBorders>", bar);
  if (fill != NULL)
    g_string_append_printf (out, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", fill);
  g_string_append (out, "</w:tcPr>");
}

/* A cell's words, with a note in italics under them; @keep keeps the row
 * with the next, so that a short table stays on one page. A long table's
 * rows must not: LibreOffice then keeps the whole table together, and
 * starts it on a page of its own after a page left blank. */
static void
cell_text (Body       *body,
           const char *text,
           const char *note,
           gboolean    bold,
           gboolean    keep)
{
  GString *out = body->out;

  if (body->flow != NULL)
    _pb_docx_flow_cell_paragraph (body->flow, 9.5, bold, FALSE, 0, text);
  g_string_append_printf (out, "<w:p><w:pPr>%s<w:spacing w:after=\"0\" w:line=\"%u\" w:lineRule=\"exact\"/></w:pPr>",
                          keep ? "<w:keepNext/>" : "", _pb_docx_line_twips (9.5));
  run (out, bold ? "<w:rPr><w:b/><w:sz w:val=\"19\"/></w:rPr>" : "<w:rPr><w:sz w:val=\"19\"/></w:rPr>", text);
  g_string_append (out, "</w:p>");
  if (note != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (body->flow != NULL)
            _pb_docx_flow_cell_paragraph (body->flow, 8, FALSE, TRUE, 0, lines[i]);
          g_string_append_printf (out, "<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"%u\" w:lineRule=\"exact\"/></w:pPr>",
                                  _pb_docx_line_twips (8));
          run (out, "<w:rPr><w:i/><w:sz w:val=\"16\"/></w:rPr>", lines[i]);
          g_string_append (out, "</w:p>");
        }
    }
}

/* A cell's words in half-points (@size), bold or not, each line of @text
 * a paragraph, with a note in italics under them; @keep keeps the row
 * with the next, so that a short table stays on one page. */
static void
grade_cell_text (Body       *body,
                 const char *text,
                 const char *note,
                 gboolean    bold,
                 guint       size,
                 gboolean    keep)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) notes = note != NULL ? g_strsplit (note, "\n", -1) : NULL;
  guint note_size = (guint)(size * PB_GRADES_NOTE_SCALE + 0.5);
  g_autofree char *properties = g_strdup_printf ("<w:rPr>%s<w:sz w:val=\"%u\"/></w:rPr>", bold ? "<w:b/>" : "", size);
  g_autofree char *note_properties = g_strdup_printf ("<w:rPr><w:i/><w:sz w:val=\"%u\"/></w:rPr>", note_size);
  GString *out = body->out;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (body->flow != NULL)
        _pb_docx_flow_cell_paragraph (body->flow, size / 2.0, bold, FALSE, 0, lines[i]);
      g_string_append_printf (out, "<w:p><w:pPr>%s<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"%u\" "
                                   "w:lineRule=\"exact\"/></w:pPr>",
                              keep ? "<w:keepNext/>" : "", _pb_docx_line_twips (size / 2.0));
      run (out, properties, g_strchomp (lines[i]));
      g_string_append (out, "</w:p>");
    }
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      if (body->flow != NULL)
        _pb_docx_flow_cell_paragraph (body->flow, note_size / 2.0, FALSE, TRUE, 0, notes[i]);
      g_string_append_printf (out, "<w:p><w:pPr>%s<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"%u\" "
                                   "w:lineRule=\"exact\"/></w:pPr>",
                              keep ? "<w:keepNext/>" : "", _pb_docx_line_twips (note_size / 2.0));
      run (out, note_properties, notes[i]);
      g_string_append (out, "</w:p>");
    }
}

/* One matrix: the judgements down its side, inspections @from to @to
 * (from 0, @to not included) across, each column as wide as the fit says
 * (pb-pack-grades-fit.c), its header row repeated and no row split. */
static void
matrix (Body               *body,
        const PbPackGrades *grades,
        const PbGradesFit  *fit,
        guint               from,
        guint               to)
{
  int first = (int)(fit->first_width * 20);
  int each = (int)(fit->column_width * 20);
  guint size = (guint)(fit->font_size * 2 + 0.5);
  GString *out = body->out;

  if (body->flow != NULL)
    _pb_docx_flow_table_begin (body->flow, 2 * 100);
  g_string_append_printf (out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                               "<w:tblLayout w:type=\"fixed\"/>"
                               "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:firstColumn=\"1\" w:noHBand=\"1\" "
                               "w:noVBand=\"1\"/></w:tblPr>",
                          first + each * (int)(to - from));
  g_string_append_printf (out, "<w:tblGrid><w:gridCol w:w=\"%d\"/>", first);
  for (guint c = from; c < to; c++)
    g_string_append_printf (out, "<w:gridCol w:w=\"%d\"/>", each);
  g_string_append (out, "</w:tblGrid>");

  /* The header row, repeated on every page the table continues on. */
  if (body->flow != NULL)
    _pb_docx_flow_row_begin (body->flow, TRUE);
  g_string_append (out, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
  cell_start (body, first, "E4E9F0", NULL, FALSE, 1);
  grade_cell_text (body, grades->corner, NULL, TRUE, size, TRUE);
  g_string_append (out, "</w:tc>");
  for (guint c = from; c < to; c++)
    {
      const PbPackGradeColumn *column = &grades->columns[c];
      g_autofree char *text = _pb_grades_column_text (column);
      g_autofree char *note = _pb_grades_column_note (column);

      cell_start (body, each, "E4E9F0", NULL, column->new_framework && c > from, 1);
      grade_cell_text (body, text, note, TRUE, size, TRUE);
      g_string_append (out, "</w:tc>");
    }
  g_string_append (out, "</w:tr>");
  if (body->flow != NULL)
    _pb_docx_flow_row_end (body->flow, TABLE_RULE, TRUE);

  for (guint r = 0; r < grades->n_rows; r++)
    {
      gboolean keep = r + 1 < grades->n_rows;

      if (body->flow != NULL)
        _pb_docx_flow_row_begin (body->flow, FALSE);
      g_string_append (out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
      cell_start (body, first, NULL, NULL, FALSE, 1);
      grade_cell_text (body, grades->rows[r], NULL, TRUE, size, keep);
      g_string_append (out, "</w:tc>");
      for (guint c = from; c < to; c++)
        {
          const PbPackGradeCell *cell = &grades->cells[r * grades->n_columns + c];
          gboolean new_framework = grades->columns[c].new_framework && c > from;

          if (cell->rows == 0)
            {
              /* Covered by the judgement above it. */
              const PbPackGradeCell *above = &grades->cells[(r - 1) * grades->n_columns + c];

              cell_start (body, each, grade_fill (above->grade), grade_bar (above->grade), new_framework, 0);
              g_string_append (out, "<w:p/></w:tc>");
              continue;
            }
          cell_start (body, each, grade_fill (cell->grade), grade_bar (cell->grade), new_framework, cell->rows);
          grade_cell_text (body, cell->text, cell->note, FALSE, size, keep);
          g_string_append (out, "</w:tc>");
        }
      g_string_append (out, "</w:tr>");
      if (body->flow != NULL)
        _pb_docx_flow_row_end (body->flow, TABLE_RULE, keep);
    }
  g_string_append (out, "</w:tbl>");
}

/* The grades as one matrix, or several when the inspections will not
 * stand side by side in whole words, then the key. */
static void
grades (Body               *body,
        const PbPackGrades *grades)
{
  GString *out = body->out;

  static const double sizes[] = { 10, 9.5, 9, 8.5, 8, 0 };
  PbGradesFitSpec spec = { "Arial", PB_DOCX_TEXT_WIDTH / 20.0, 11, 14, 130, sizes };
  g_autoptr(PbGradesFit) fit = _pb_grades_fit_new (grades, &spec);

  for (guint t = 0; t < fit->n_tables; t++)
    {
      /* Two tables running into each other would be read as one. */
      if (t > 0)
        {
          if (body->flow != NULL)
            _pb_docx_flow_block (body->flow, 12, 0);
          g_string_append (out, "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" "
                                "w:lineRule=\"exact\"/></w:pPr></w:p>");
        }
      matrix (body, grades, fit, fit->first_columns[t], fit->first_columns[t + 1]);
    }

  for (guint i = 0; grades->key[i] != NULL; i++)
    paragraph (body, "Key", grades->key[i]);
}

/* The tracker as a table whose header row repeats and whose rows never
 * split; the status cell is shaded in its colour and says it in words. */
static void
tracker (Body                *body,
         const PbPackTracker *tracker)
{
  GString *out = body->out;
  /* Word's cells are padded 108 twips (5.4 pt) each side; the status
   * cell's coloured left border is 3 pt; the type 9.5 pt. */
  const PbTrackerFitSpec spec = { PB_DOCX_TEXT_WIDTH / 20.0, 9.5, 2 * 5.4, 3.0, TRUE };
  double shares[6];
  int percent[6];
  char fill[8], bar[8];

  if (*tracker->filter != '\0')
    paragraph_before_table (body, "Key", tracker->filter);
  if (tracker->n_rows == 0)
    {
      paragraph (body, NULL, tracker->empty);
      return;
    }

  /* The narrow columns as wide as their widest words, the
   * recommendation the rest (pb-pack-tracker-fit.c). */
  _pb_tracker_fit_widths (tracker, &spec, shares);
  percent[0] = 100;
  for (guint c = 1; c < 6; c++)
    {
      percent[c] = (int)(shares[c] * 100 + 0.5);
      percent[0] -= percent[c];
    }
  if (body->flow != NULL)
    {
      _pb_docx_flow_table_begin (body->flow, 2 * 100);
      _pb_docx_flow_row_begin (body->flow, TRUE);
    }
  g_string_append (out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                        "<w:tblLayout w:type=\"fixed\"/>"
                        "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:firstColumn=\"1\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
                        "<w:tblGrid>");
  for (guint c = 0; c < tracker->n_columns; c++)
    g_string_append_printf (out, "<w:gridCol w:w=\"%d\"/>", PB_DOCX_TEXT_WIDTH * percent[c] / 100);
  g_string_append (out, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
  for (guint c = 0; c < tracker->n_columns; c++)
    {
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[c] / 100, "E4E9F0", NULL, FALSE, 1);
      cell_text (body, tracker->headings[c], NULL, TRUE, TRUE);
      g_string_append (out, "</w:tc>");
    }
  g_string_append (out, "</w:tr>");
  if (body->flow != NULL)
    _pb_docx_flow_row_end (body->flow, TABLE_RULE, TRUE);

  for (guint r = 0; r < tracker->n_rows; r++)
    {
      const PbPackTrackerRow *row = &tracker->rows[r];
      g_autofree char *lines = g_strjoinv ("\n", (char **)(row->lines + (row->repeated ? 1 : 0)));

      if (body->flow != NULL)
        _pb_docx_flow_row_begin (body->flow, FALSE);
      g_string_append (out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[0] / 100, NULL, NULL, FALSE, 1);
      if (row->repeated)
        {
          if (body->flow != NULL)
            _pb_docx_flow_cell_paragraph (body->flow, 9.5, TRUE, FALSE, 0, row->lines[0]);
          g_string_append_printf (out, "<w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"%u\" w:lineRule=\"exact\"/></w:pPr>",
                                  _pb_docx_line_twips (9.5));
          run (out, "<w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"19\"/></w:rPr>", row->lines[0]);
          g_string_append (out, "</w:p>");
        }
      cell_text (body, row->text, *lines ? lines : NULL, FALSE, FALSE);
      g_string_append (out, "</w:tc>");
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[1] / 100, NULL, NULL, FALSE, 1);
      cell_text (body, row->owner, NULL, FALSE, FALSE);
      g_string_append (out, "</w:tc>");
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[2] / 100, NULL, NULL, FALSE, 1);
      cell_text (body, row->due, row->due_note, FALSE, FALSE);
      g_string_append (out, "</w:tc>");
      g_snprintf (fill, sizeof fill, "%06X", row->fill);
      g_snprintf (bar, sizeof bar, "%06X", row->bar);
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[3] / 100, fill, bar, FALSE, 1);
      cell_text (body, row->status, row->rag_label, TRUE, FALSE);
      g_string_append (out, "</w:tc>");
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[4] / 100, NULL, NULL, FALSE, 1);
      cell_text (body, row->updated, NULL, FALSE, FALSE);
      g_string_append (out, "</w:tc>");
      cell_start (body, PB_DOCX_TEXT_WIDTH * percent[5] / 100, NULL, NULL, FALSE, 1);
      cell_text (body, row->evidence, NULL, FALSE, FALSE);
      g_string_append (out, "</w:tc></w:tr>");
      if (body->flow != NULL)
        _pb_docx_flow_row_end (body->flow, TABLE_RULE, FALSE);
    }
  g_string_append (out, "</w:tbl>");
  paragraph (body, "Key", tracker->key);
}

static void
comparison (Body                   *body,
            const PbPackComparison *comparison)
{
  GString *out = body->out;
  int first = PB_DOCX_TEXT_WIDTH * 40 / 100;
  int grade = PB_DOCX_TEXT_WIDTH * 22 / 100;
  int change = PB_DOCX_TEXT_WIDTH - first - 2 * grade;

  if (comparison->withheld != NULL)
    {
      paragraph (body, NULL, comparison->withheld);
      return;
    }

  paragraph_before_table (body, NULL, comparison->intro);
  if (comparison->n_rows > 0)
    {
      const int widths[] = { first, grade, grade, change };

      if (body->flow != NULL)
        {
          _pb_docx_flow_table_begin (body->flow, 2 * 100);
          _pb_docx_flow_row_begin (body->flow, TRUE);
        }
      g_string_append (out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                            "<w:tblLayout w:type=\"fixed\"/>"
                            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:firstColumn=\"1\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>");
      g_string_append_printf (out, "<w:tblGrid><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/><w:gridCol w:w=\"%d\"/>"
                                   "<w:gridCol w:w=\"%d\"/></w:tblGrid>", first, grade, grade, change);
      g_string_append (out, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
      for (guint c = 0; c < 4; c++)
        {
          cell_start (body, widths[c], "E4E9F0", NULL, FALSE, 1);
          cell_text (body, comparison->headings[c], NULL, TRUE, TRUE);
          g_string_append (out, "</w:tc>");
        }
      g_string_append (out, "</w:tr>");
      if (body->flow != NULL)
        _pb_docx_flow_row_end (body->flow, TABLE_RULE, TRUE);
      for (guint r = 0; r < comparison->n_rows; r++)
        {
          const PbPackComparisonRow *row = &comparison->rows[r];

          if (body->flow != NULL)
            _pb_docx_flow_row_begin (body->flow, FALSE);
          g_string_append (out, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
          cell_start (body, first, NULL, NULL, FALSE, 1);
          cell_text (body, row->judgement, NULL, TRUE, TRUE);
          g_string_append (out, "</w:tc>");
          cell_start (body, grade, grade_fill (row->before_grade), grade_bar (row->before_grade), FALSE, 1);
          cell_text (body, row->before, NULL, FALSE, TRUE);
          g_string_append (out, "</w:tc>");
          cell_start (body, grade, grade_fill (row->after_grade), grade_bar (row->after_grade), FALSE, 1);
          cell_text (body, row->after, NULL, FALSE, TRUE);
          g_string_append (out, "</w:tc>");
          cell_start (body, change, NULL, NULL, FALSE, 1);
          cell_text (body, row->change, NULL, FALSE, TRUE);
          g_string_append (out, "</w:tc></w:tr>");
          if (body->flow != NULL)
            _pb_docx_flow_row_end (body->flow, TABLE_RULE, TRUE);
        }
      g_string_append (out, "</w:tbl>");
    }

  for (guint l = 0; l < comparison->n_lists; l++)
    {
      const PbPackComparisonList *list = &comparison->lists[l];

      heading (body, "Heading2", list->heading, NULL);
      if (list->items[0] == NULL)
        paragraph (body, NULL, list->empty);
      for (guint i = 0; list->items[i] != NULL; i++)
        {
          /* Translators: a bullet before an item of a list in a Word document */
          g_autofree char *item = g_strdup_printf (_("• %s"), list->items[i]);
          paragraph (body, "ListItem", item);
        }
    }
}

/* A quoted passage, the line citing it and the officer's note, kept on one
 * page: "keep with next" on all but the last. */
static void
finding (Body             *body,
         const PbPackPart *part)
{
  GString *out = body->out;

  paragraph (body, "Quote", part->text);
  if (body->flow != NULL)
    _pb_docx_flow_paragraph (body->flow, "Citation", part->about, part->note != NULL, NULL);
  g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"Citation\"/>");
  if (part->note != NULL)
    g_string_append (out, "<w:keepNext/>");
  g_string_append (out, "</w:pPr>");
  run (out, NULL, part->about);
  g_string_append (out, "</w:p>");
  if (part->note != NULL)
    paragraph (body, "FindingNote", part->note);
}

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  Body *body = data;

  switch (part->kind)
    {
    case PB_PACK_PART_COVER:
      cover (body, part);
      break;

    case PB_PACK_PART_CONTENTS:
      contents (body, part);
      break;

    case PB_PACK_PART_GRADES:
      heading (body, "Heading1", part->text, part->anchor);
      grades (body, part->grades);
      break;

    case PB_PACK_PART_SECTION:
      heading (body, "Heading1", part->text, part->anchor);
      break;

    case PB_PACK_PART_HEADING:
      heading (body, "Heading2", part->text, NULL);
      break;

    case PB_PACK_PART_NOTE:
      paragraph (body, NULL, part->text);
      break;

    case PB_PACK_PART_FINDING:
      finding (body, part);
      break;

    case PB_PACK_PART_TRACKER:
      tracker (body, part->tracker);
      break;

    case PB_PACK_PART_COMPARISON:
      comparison (body, part->comparison);
      break;

    case PB_PACK_PART_SECTION_END:
    default:
      break;
    }
  return TRUE;
}

/* Where the document's pages begin each part, as LibreOffice lays it
 * out (pb-docx-layout.c): the document is written once for that, its
 * paragraphs and rows measured, and thrown away.  The walk reports no
 * progress meanwhile, so that it is reported once. */
static GHashTable *
start_pages (PbPackWalk  *walk,
             guint       *n_pages,
             GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PbDocxFlow) flow = _pb_docx_flow_new ();
  Body body = { out, walk, 0, NULL, flow };
  PbExportProgressFunc progress = walk->progress;
  gboolean ok;

  _pb_docx_flow_running_from_walk (flow, walk);
  walk->progress = NULL;
  ok = pb_pack_walk_run (walk, visit_cb, &body, error);
  walk->progress = progress;
  return ok ? _pb_docx_flow_paginate (flow, n_pages) : NULL;
}

static char *
build_document (PbPackWalk  *walk,
                guint       *n_pages,
                GError     **error)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                         "<w:document " PB_DOCX_NS "><w:body>");
  g_autoptr(GHashTable) pages = NULL;
  Body body = { out, walk, 0, NULL, NULL };

  if (!(pages = start_pages (walk, n_pages, error)))
    return NULL;
  body.pages = pages;
  if (!pb_pack_walk_run (walk, visit_cb, &body, error))
    return NULL;

  /* A4, with the running header and footer on every page. */
  g_string_append_printf (out, "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"" PB_DOCX_REL_HEADER "\"/>"
                               "<w:footerReference w:type=\"default\" r:id=\"" PB_DOCX_REL_FOOTER "\"/>"
                               "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                               "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\""
                               " w:header=\"%d\" w:footer=\"%d\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
                          PB_DOCX_PAGE_WIDTH, PB_DOCX_PAGE_HEIGHT, PB_DOCX_MARGIN_TOP, PB_DOCX_MARGIN, PB_DOCX_MARGIN_TOP,
                          PB_DOCX_MARGIN, PB_DOCX_RUNNING_MARGIN, PB_DOCX_RUNNING_MARGIN);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _pb_pack_write_docx:
 *
 * Writes the pack as a Word document at @path.
 */
gboolean
_pb_pack_write_docx (PbPackWalk  *walk,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *document = NULL;
  guint n_pages = 1;

  if (!(document = build_document (walk, &n_pages, error)))
    return FALSE;
  return _pb_docx_write_package (walk, document, n_pages, path, error);
}
