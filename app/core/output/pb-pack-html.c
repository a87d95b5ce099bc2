/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-export-file.h"
#include "pb-pack-writers-private.h"
#include "pb-xml-text.h"

/* A pack as one accessible web page, laid out like the PDF: a banner with
 * the council (and NOT FOR PUBLICATION), then the main content: the title,
 * the exempt statement, the cover's details as a table, a linked contents
 * list, the grades matrix with its headers scoped and its combined
 * judgement spanning two rows, passages as block quotes.  The page needs
 * nothing else: the logo is inside it.  It is also well-formed XML (every
 * element closed, text escaped as pb-xml-text.c does), so XML tools read it
 * as browsers do. */

static const char head_start[] =
  "<!DOCTYPE html>\n<html lang=\"" PB_EXPORT_LANGUAGE "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
  "<title>";
static const char head_end[] =
  "</title>\n"
  "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1a1a1a}"
  "h1,h2,h3{color:#14213d}"
  "blockquote{font-style:italic;border-left:4px solid #a9b0bb;margin:1.2em 0 .2em;padding-left:1em}"
  "blockquote+p{color:#4d4d4d;font-size:.9em;margin:0 0 0 1.2em}"
  "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #9a9ea6;padding:.3em .6em;text-align:left;vertical-align:top}"
  "table.details td,table.details th{border:none;padding:.1em 1em .1em 0}"
  "thead th{background:#e4e9f0}.key{color:#4d4d4d;font-size:.85em;margin:.2em 0}"
  ".outstanding{background:#d3ecd9;border-left:4px solid #1b7a3a}.good{background:#e3f0d2;border-left:4px solid #5f8f2a}"
  ".requires_improvement{background:#fcebc7;border-left:4px solid #b9770e}.inadequate{background:#f8d7d4;border-left:4px solid #b3261e}"
  ".new-framework{border-left:4px solid #14213d}.note{display:block;font-size:.85em;font-style:italic}"
  ".council{font-size:1.4em;font-weight:bold;color:#14213d}.council img{height:3em;vertical-align:middle;margin-right:.5em}"
  ".exempt{color:#a51d2d;font-weight:bold;text-align:center}"
  ".statement{border:2px solid #a51d2d;background:#fbeaea;color:#7a1010;padding:.5em 1em}"
  ".rag-red{background:#f8d7d4;border-left:4px solid #c01c28}.rag-amber{background:#fcebc7;border-left:4px solid #b9770e}"
  ".rag-green{background:#d3ecd9;border-left:4px solid #26a269}.repeated{display:block;color:#14213d;font-weight:bold}"
  ".overdue{display:block;font-weight:bold;color:#a51d2d}</style>\n"
  "</head>\n<body>\n";

/* <element attributes>text</element> and a new line; @attributes is
 * markup, @text is not. */
static void
element (GString    *out,
         const char *name,
         const char *attributes,
         const char *text)
{
  g_string_append_printf (out, "<%s%s%s>", name, attributes ? " " : "", attributes ? attributes : "");
  pb_xml_append_text (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

/* id="…" for an anchor the walk named: letters, digits and dashes. */
static char *
id_attribute (const char *anchor)
{
  return anchor != NULL ? g_strdup_printf ("id=\"%s\"", anchor) : NULL;
}

/* The banner landmark: who the pack is from, and whether it may be
 * published. */
static void
banner (GString          *out,
        PbPackWalk       *walk,
        const PbPackPart *part)
{
  GBytes *logo = pb_pack_walk_get_logo (walk, NULL, NULL);

  if (part->banner == NULL && part->council == NULL && logo == NULL)
    return;

  g_string_append (out, "<header>\n");
  /* Why it may not be published, at the top as on every page of the PDF:
   * the banner alone does not say which paragraph of Schedule 12A. */
  if (part->banner != NULL)
    {
      const char *why = pb_pack_walk_get_exempt_line (walk);

      element (out, "p", "class=\"exempt\"", part->banner);
      if (why != NULL)
        element (out, "p", "class=\"exempt\"", why);
    }
  if (part->council != NULL || logo != NULL)
    {
      g_string_append (out, "<p class=\"council\">");
      if (logo != NULL)
        {
          g_autofree char *data = g_base64_encode (g_bytes_get_data (logo, NULL), g_bytes_get_size (logo));
          g_autofree char *alt = pb_xml_escape_text (pb_pack_walk_get_logo_description (walk));

          g_string_append_printf (out, "<img alt=\"%s\" src=\"data:image/png;base64,%s\"/>", alt, data);
        }
      if (part->council != NULL)
        pb_xml_append_text (out, part->council);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");
}

static void
cover (GString          *out,
       PbPackWalk       *walk,
       const PbPackPart *part)
{
  g_string_append (out, head_start);
  pb_xml_append_text (out, part->text);
  g_string_append (out, head_end);
  banner (out, walk, part);
  g_string_append (out, "<main>\n");
  element (out, "h1", NULL, part->text);
  if (part->exempt != NULL)
    element (out, "p", "class=\"statement\"", part->exempt);
  if (part->n_details > 0)
    {
      g_string_append (out, "<table class=\"details\">\n");
      for (guint i = 0; i < part->n_details; i++)
        {
          g_string_append (out, "<tr><th scope=\"row\">");
          pb_xml_append_text (out, part->details[i].label);
          g_string_append (out, "</th><td>");
          pb_xml_append_text (out, part->details[i].value);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table>\n");
    }
  if (part->notice != NULL)
    element (out, "p", NULL, part->notice);
  if (part->introduction != NULL)
    {
      element (out, "h2", NULL, part->introduction_heading);
      element (out, "p", NULL, part->introduction);
    }
}

static void
cell_text (GString    *out,
           const char *text,
           const char *note)
{
  pb_xml_append_text (out, text);
  if (note != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_string_append (out, "<span class=\"note\">");
          pb_xml_append_text (out, lines[i]);
          g_string_append (out, "</span>");
        }
    }
}

/* A column's heading, by the authority too as the PDF and DOCX head it
 * ("Wirral", "June 2019", "ILACS, 2018 to 2022"): two inspections of one
 * month are told apart.  Each part is on a line of its own, with a space
 * before it, so that the heading read as plain text (by a screen reader,
 * or pasted) is "Wirral June 2019 ILACS, 2018 to 2022", not run
 * together. */
static void
column_heading (GString                 *out,
                const PbPackGradeColumn *column,
                const char              *note)
{
  g_auto(GStrv) lines = g_strsplit (note != NULL ? note : "", "\n", -1);

  if (column->authority != NULL && *column->authority != '\0')
    {
      pb_xml_append_text (out, column->authority);
      g_string_append (out, " <br/>");
    }
  pb_xml_append_text (out, column->heading);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_string_append (out, " <span class=\"note\">");
      pb_xml_append_text (out, lines[i]);
      g_string_append (out, "</span>");
    }
}

static void
grades (GString            *out,
        const PbPackGrades *grades)
{
  g_string_append (out, "<table class=\"grades\">\n<thead><tr><th scope=\"col\">");
  pb_xml_append_text (out, grades->corner);
  g_string_append (out, "</th>");
  for (guint c = 0; c < grades->n_columns; c++)
    {
      const PbPackGradeColumn *column = &grades->columns[c];
      g_autofree char *note = column->new_framework ? g_strdup_printf ("%s\n%s", column->framework, _("New framework"))
                                                    : g_strdup (column->framework);

      g_string_append_printf (out, "<th scope=\"col\"%s>", column->new_framework ? " class=\"new-framework\"" : "");
      column_heading (out, column, note);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < grades->n_rows; r++)
    {
      g_string_append (out, "<tr><th scope=\"row\">");
      pb_xml_append_text (out, grades->rows[r]);
      g_string_append (out, "</th>");
      for (guint c = 0; c < grades->n_columns; c++)
        {
          const PbPackGradeCell *cell = &grades->cells[r * grades->n_columns + c];
          const char *grade = pb_grade_to_slug (cell->grade);

          if (cell->rows == 0)
            continue;
          g_string_append (out, "<td");
          if (cell->rows > 1)
            g_string_append_printf (out, " rowspan=\"%u\"", cell->rows);
          if (grade != NULL || grades->columns[c].new_framework)
            g_string_append_printf (out, " class=\"%s%s%s\"", grade ? grade : "",
                                    grade && grades->columns[c].new_framework ? " " : "",
                                    grades->columns[c].new_framework ? "new-framework" : "");
          g_string_append (out, ">");
          cell_text (out, cell->text, cell->note);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  for (guint i = 0; grades->key[i] != NULL; i++)
    element (out, "p", "class=\"key\"", grades->key[i]);
}

/* The tracker as a table: its status cell says the status and its colour
 * in words as well as by its class's colour. */
static void
tracker (GString             *out,
         const PbPackTracker *tracker)
{
  if (*tracker->filter != '\0')
    element (out, "p", "class=\"key\"", tracker->filter);
  if (tracker->n_rows == 0)
    {
      element (out, "p", NULL, tracker->empty);
      return;
    }

  g_string_append (out, "<table class=\"tracker\">\n<thead><tr>");
  for (guint c = 0; c < tracker->n_columns; c++)
    {
      g_string_append (out, "<th scope=\"col\">");
      pb_xml_append_text (out, tracker->headings[c]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < tracker->n_rows; r++)
    {
      const PbPackTrackerRow *row = &tracker->rows[r];

      g_string_append (out, "<tr><th scope=\"row\">");
      if (row->repeated)
        {
          g_string_append (out, "<strong class=\"repeated\">");
          pb_xml_append_text (out, row->lines[0]);
          g_string_append (out, "</strong>");
        }
      pb_xml_append_text (out, row->text);
      for (guint i = row->repeated ? 1 : 0; row->lines[i] != NULL; i++)
        {
          g_string_append (out, "<span class=\"note\">");
          pb_xml_append_text (out, row->lines[i]);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</th><td>");
      pb_xml_append_text (out, row->owner);
      g_string_append (out, "</td><td>");
      pb_xml_append_text (out, row->due);
      if (row->due_note != NULL)
        {
          g_string_append (out, "<span class=\"overdue\">");
          pb_xml_append_text (out, row->due_note);
          g_string_append (out, "</span>");
        }
      g_string_append_printf (out, "</td><td class=\"rag-%s\">", row->rag);
      cell_text (out, row->status, row->rag_label);
      g_string_append (out, "</td><td>");
      pb_xml_append_text (out, row->updated);
      g_string_append (out, "</td><td>");
      pb_xml_append_text (out, row->evidence);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  element (out, "p", "class=\"key\"", tracker->key);
}

static void
grade_cell (GString    *out,
            PbGrade     grade,
            const char *text)
{
  const char *slug = pb_grade_to_slug (grade);

  if (slug != NULL)
    g_string_append_printf (out, "<td class=\"%s\">", slug);
  else
    g_string_append (out, "<td>");
  pb_xml_append_text (out, text);
  g_string_append (out, "</td>");
}

static void
comparison (GString                *out,
            const PbPackComparison *comparison)
{
  if (comparison->withheld != NULL)
    {
      element (out, "p", NULL, comparison->withheld);
      return;
    }

  element (out, "p", NULL, comparison->intro);
  if (comparison->n_rows > 0)
    {
      g_string_append (out, "<table class=\"comparison\">\n<thead><tr>");
      for (guint c = 0; c < 4; c++)
        {
          g_string_append (out, "<th scope=\"col\">");
          pb_xml_append_text (out, comparison->headings[c]);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n<tbody>\n");
      for (guint r = 0; r < comparison->n_rows; r++)
        {
          const PbPackComparisonRow *row = &comparison->rows[r];

          g_string_append (out, "<tr><th scope=\"row\">");
          pb_xml_append_text (out, row->judgement);
          g_string_append (out, "</th>");
          grade_cell (out, row->before_grade, row->before);
          grade_cell (out, row->after_grade, row->after);
          g_string_append (out, "<td>");
          pb_xml_append_text (out, row->change);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</tbody>\n</table>\n");
    }

  for (guint l = 0; l < comparison->n_lists; l++)
    {
      const PbPackComparisonList *list = &comparison->lists[l];

      element (out, "h3", NULL, list->heading);
      if (list->items[0] == NULL)
        {
          element (out, "p", NULL, list->empty);
          continue;
        }
      g_string_append (out, "<ul>\n");
      for (guint i = 0; list->items[i] != NULL; i++)
        element (out, "li", NULL, list->items[i]);
      g_string_append (out, "</ul>\n");
    }
}

typedef struct
{
  GString    *out;
  PbPackWalk *walk;
} Page;

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  Page *page = data;
  GString *out = page->out;
  g_autofree char *id = id_attribute (part->anchor);

  switch (part->kind)
    {
    case PB_PACK_PART_COVER:
      cover (out, page->walk, part);
      break;

    case PB_PACK_PART_CONTENTS:
      if (part->n_links == 0)
        break;
      g_string_append (out, "<nav aria-label=\"");
      pb_xml_append_text (out, part->text);
      g_string_append (out, "\">\n<ul>\n");
      for (guint i = 0; i < part->n_links; i++)
        {
          g_string_append_printf (out, "<li><a href=\"#%s\">", part->links[i].anchor);
          pb_xml_append_text (out, part->links[i].text);
          g_string_append (out, "</a></li>\n");
        }
      g_string_append (out, "</ul>\n</nav>\n");
      break;

    case PB_PACK_PART_GRADES:
      g_string_append (out, "<section>\n");
      element (out, "h2", id, part->text);
      grades (out, part->grades);
      g_string_append (out, "</section>\n");
      break;

    case PB_PACK_PART_SECTION:
      g_string_append (out, "<section>\n");
      element (out, "h2", id, part->text);
      break;

    case PB_PACK_PART_HEADING:
      element (out, "h3", NULL, part->text);
      break;

    case PB_PACK_PART_NOTE:
      element (out, "p", NULL, part->text);
      break;

    case PB_PACK_PART_FINDING:
      element (out, "blockquote", NULL, part->text);
      element (out, "p", NULL, part->about);
      if (part->note != NULL)
        element (out, "p", NULL, part->note);
      break;

    case PB_PACK_PART_SECTION_END:
      g_string_append (out, "</section>\n");
      break;

    case PB_PACK_PART_TRACKER:
      tracker (out, part->tracker);
      break;

    case PB_PACK_PART_COMPARISON:
      comparison (out, part->comparison);
      break;

    default:
      break;
    }
  return TRUE;
}

/**
 * _pb_pack_write_html:
 *
 * Writes the pack as one web page at @path.
 */
gboolean
_pb_pack_write_html (PbPackWalk  *walk,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Page page = { out, walk };

  if (!pb_pack_walk_run (walk, visit_cb, &page, error))
    return FALSE;
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return pb_export_write_contents (path, out->str, out->len, error);
}
