/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include "pb-export-file.h"
#include "pb-pack-writers-private.h"
#include "pb-xml-text.h"

/* A pack as one accessible web page: headings, a linked contents list, the
 * grades as tables with their headers marked, passages as block quotes.
 * The page is also well-formed XML (every element closed, text escaped as
 * pb-xml-text.c does), so XML tools read it as browsers do. */

static const char head_start[] =
  "<!DOCTYPE html>\n<html lang=\"" PB_EXPORT_LANGUAGE "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
  "<title>";
static const char head_end[] =
  "</title>\n"
  "<style>body{font-family:sans-serif;max-width:44em;margin:2em auto;line-height:1.5}"
  "blockquote{font-style:italic;border-left:4px solid #bbb;margin-left:0;padding-left:1em}"
  "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em;text-align:left}"
  ".exempt{color:#a51d2d;font-weight:bold;text-align:center}</style>\n"
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

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  GString *out = data;
  g_autofree char *id = id_attribute (part->anchor);

  switch (part->kind)
    {
    case PB_PACK_PART_COVER:
      {
        g_string_append (out, head_start);
        pb_xml_append_text (out, part->text);
        g_string_append (out, head_end);
        if (part->banner != NULL)
          element (out, "p", "class=\"exempt\"", part->banner);
        element (out, "h1", NULL, part->text);
        for (guint i = 0; part->details[i] != NULL; i++)
          element (out, "p", NULL, part->details[i]);
        if (part->introduction != NULL)
          element (out, "p", NULL, part->introduction);
      }
      break;

    case PB_PACK_PART_CONTENTS:
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
      element (out, "h2", id, part->text);
      break;

    case PB_PACK_PART_INSPECTION:
      g_string_append (out, "<table>\n");
      element (out, "caption", NULL, part->text);
      g_string_append (out, "<tr><th scope=\"col\">");
      pb_xml_append_text (out, part->columns[0]);
      g_string_append (out, "</th><th scope=\"col\">");
      pb_xml_append_text (out, part->columns[1]);
      g_string_append (out, "</th></tr>\n");
      for (guint i = 0; i < part->n_rows; i++)
        {
          g_string_append (out, "<tr><th scope=\"row\">");
          pb_xml_append_text (out, part->labels[i]);
          g_string_append (out, "</th><td>");
          pb_xml_append_text (out, part->grades[i]);
          g_string_append (out, "</td></tr>\n");
        }
      g_string_append (out, "</table>\n");
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

  if (!pb_pack_walk_run (walk, visit_cb, out, error))
    return FALSE;
  g_string_append (out, "</body>\n</html>\n");
  return pb_export_write_contents (path, out->str, out->len, error);
}
