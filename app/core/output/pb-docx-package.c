/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "pb-docx-private.h"
#include "pb-export-file.h"
#include "pb-xml-text.h"

/* Everything of a pack's Word document but its body, written by hand as an
 * OOXML package: Word's own style names (so the navigation pane, the
 * contents field and screen readers know the headings), a running header
 * (the title and council; NOT FOR PUBLICATION and the Schedule 12A
 * paragraph when exempt) and footer ("Page 3 of 12", as fields), the
 * document's properties (title, author, subject, and the classification as
 * a custom property), and settings asking Word to update the contents
 * field on opening.  The package is assembled in memory and saved whole,
 * privately. */

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
  "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"
  "</Relationships>";

#define PARA_STYLE(id, name, rest) \
  "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/><w:basedOn w:val=\"Normal\"/>" rest "</w:style>"

/* Word's built-in names ("heading 1", "Quote", "toc 1", "TOC Heading"):
 * the contents field lists "heading 1" paragraphs and sets its lines in
 * "toc 1".  Every paragraph keeps its lines together and every line is
 * _pb_docx_line_twips () high, exactly, for its type's size: where pages
 * break then depends on nothing but how lines break (pb-docx-layout.c,
 * whose table of styles follows this one). */
static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:styles " PB_DOCX_NS ">"
  "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
  "<w:color w:val=\"1A1A1A\"/><w:sz w:val=\"22\"/><w:lang w:val=\"" PB_EXPORT_LANGUAGE "\"/></w:rPr></w:rPrDefault>"
  "<w:pPrDefault><w:pPr><w:keepLines/><w:widowControl/><w:spacing w:after=\"120\" w:line=\"297\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
  PARA_STYLE ("Title", "Title", "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"240\" w:line=\"540\" w:lineRule=\"exact\"/></w:pPr>"
              "<w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"40\"/></w:rPr>")
  /* A title too long for 20 points to leave it on the cover. */
  PARA_STYLE ("TitleLong", "Title (Long)", "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"240\" w:line=\"351\" w:lineRule=\"exact\"/></w:pPr>"
              "<w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"26\"/></w:rPr>")
  PARA_STYLE ("Heading1", "heading 1", "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
              "<w:spacing w:before=\"360\" w:after=\"120\" w:line=\"405\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
              "<w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"30\"/></w:rPr>")
  PARA_STYLE ("Heading2", "heading 2", "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
              "<w:spacing w:before=\"240\" w:after=\"80\" w:line=\"338\" w:lineRule=\"exact\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
              "<w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"25\"/></w:rPr>")
  PARA_STYLE ("CoverHeading", "Cover Heading", "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:keepLines/>"
              "<w:spacing w:before=\"360\" w:after=\"120\" w:line=\"405\" w:lineRule=\"exact\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"30\"/></w:rPr>")
  PARA_STYLE ("TOCHeading", "TOC Heading", "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:keepLines/>"
              "<w:spacing w:before=\"360\" w:after=\"120\" w:line=\"405\" w:lineRule=\"exact\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"14213D\"/><w:sz w:val=\"30\"/></w:rPr>")
  PARA_STYLE ("TOC1", "toc 1", "<w:next w:val=\"Normal\"/><w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9402\"/></w:tabs>"
              "<w:spacing w:after=\"80\" w:line=\"297\" w:lineRule=\"exact\"/></w:pPr>")
  PARA_STYLE ("Quote", "Quote", "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"160\" w:after=\"40\" w:line=\"297\" w:lineRule=\"exact\"/>"
              "<w:ind w:left=\"340\"/><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"A9B0BB\"/></w:pBdr></w:pPr>"
              "<w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\"/><w:i/></w:rPr>")
  PARA_STYLE ("Citation", "Citation", "<w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\" w:line=\"243\" w:lineRule=\"exact\"/><w:ind w:left=\"340\"/></w:pPr>"
              "<w:rPr><w:color w:val=\"4D4D4D\"/><w:sz w:val=\"18\"/></w:rPr>")
  PARA_STYLE ("FindingNote", "Finding Note", "<w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"120\" w:line=\"257\" w:lineRule=\"exact\"/><w:ind w:left=\"340\"/></w:pPr>"
              "<w:rPr><w:sz w:val=\"19\"/></w:rPr>")
  PARA_STYLE ("ListItem", "List Item", "<w:pPr><w:spacing w:after=\"60\" w:line=\"297\" w:lineRule=\"exact\"/><w:ind w:left=\"340\" w:hanging=\"240\"/></w:pPr>")
  PARA_STYLE ("Key", "Table Key", "<w:pPr><w:keepLines/><w:spacing w:after=\"40\" w:line=\"230\" w:lineRule=\"exact\"/></w:pPr><w:rPr><w:color w:val=\"4D4D4D\"/><w:sz w:val=\"17\"/></w:rPr>")
  PARA_STYLE ("Exempt", "Exempt Statement", "<w:pPr><w:keepLines/><w:pBdr><w:top w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"A51D2D\"/>"
              "<w:left w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"A51D2D\"/><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"A51D2D\"/>"
              "<w:right w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"A51D2D\"/></w:pBdr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FBEAEA\"/>"
              "<w:spacing w:before=\"120\" w:after=\"240\" w:line=\"297\" w:lineRule=\"exact\"/></w:pPr><w:rPr><w:color w:val=\"7A1010\"/></w:rPr>")
  PARA_STYLE ("Header", "header", "<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9412\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"216\" w:lineRule=\"exact\"/></w:pPr>"
              "<w:rPr><w:color w:val=\"4D4D4D\"/><w:sz w:val=\"16\"/></w:rPr>")
  PARA_STYLE ("Footer", "footer", "<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9412\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"216\" w:lineRule=\"exact\"/></w:pPr>"
              "<w:rPr><w:color w:val=\"4D4D4D\"/><w:sz w:val=\"16\"/></w:rPr>")
  "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
  "<w:top w:val=\"single\" w:sz=\"4\" w:color=\"9A9EA6\"/><w:left w:val=\"single\" w:sz=\"4\" w:color=\"9A9EA6\"/>"
  "<w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"9A9EA6\"/><w:right w:val=\"single\" w:sz=\"4\" w:color=\"9A9EA6\"/>"
  "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"9A9EA6\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:color=\"9A9EA6\"/>"
  "</w:tblBorders><w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
  "</w:styles>";

/* Word asks to update fields (the contents above all) on opening. */
static const char settings[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:updateFields w:val=\"true\"/><w:defaultTabStop w:val=\"720\"/>"
  "<w:themeFontLang w:val=\"" PB_EXPORT_LANGUAGE "\"/></w:settings>";

/**
 * _pb_docx_line_twips:
 * @points: a type size
 *
 * Every line of the document is set exactly this high, in twentieths of
 * a point: a little more than any font's own line, so that Word and
 * LibreOffice space lines alike whatever font they find for the one named,
 * and the writer can tell where pages end (pb-docx-layout.c).  The styles
 * below give the same numbers.
 *
 * Returns: the line's height for type of @points
 */
guint
_pb_docx_line_twips (double points)
{
  return (guint)(points * 1.35 * 20 + 0.5);
}

/**
 * _pb_docx_field:
 * @instruction: the field's code (" PAGE ")
 * @result: (nullable): its last result, shown until it is updated
 *
 * Appends a complex field: runs that begin it, give its code, separate it
 * from its result and end it.  The field is marked dirty, so that Word
 * and LibreOffice work it out again on opening rather than trust
 * @result, which is a guess.
 */
void
_pb_docx_field (GString    *out,
                const char *instruction,
                const char *result)
{
  g_string_append (out, "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>"
                        "<w:r><w:instrText xml:space=\"preserve\">");
  pb_xml_append_text (out, instruction);
  g_string_append (out, "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
  if (result != NULL)
    {
      g_string_append (out, "<w:r><w:t xml:space=\"preserve\">");
      pb_xml_append_text (out, result);
      g_string_append (out, "</w:t></w:r>");
    }
  g_string_append (out, "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

static void
run (GString    *out,
     const char *properties,
     const char *text)
{
  g_string_append_printf (out, "<w:r>%s<w:t xml:space=\"preserve\">", properties ? properties : "");
  pb_xml_append_text (out, text);
  g_string_append (out, "</w:t></w:r>");
}

/* The header's first line, of an exempt pack only: NOT FOR PUBLICATION
 * and why. */
static char *
banner_line (PbPackWalk *walk)
{
  const char *banner = pb_pack_walk_get_banner (walk);

  return banner != NULL ? g_strdup_printf ("%s · %s", banner, pb_pack_walk_get_exempt_line (walk)) : NULL;
}

/* The most characters of 8-point Arial the running header's and footer's
 * lines are given: about four fifths of the 117 or so that fit across the
 * page, so that each stays one line beside the council's name or the page
 * numbers, as the PDF's do. */
#define RUNNING_HEADER_CHARS 96
#define RUNNING_FOOTER_CHARS 80

/* @text cut to at most @max characters at a space, with "…" after it. */
static char *
shorten (const char *text,
         glong       max)
{
  const char *end;
  const char *space = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, MAX (max - 1, 1));
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (*p == ' ')
      space = p;
  if (space != NULL && g_utf8_pointer_to_offset (text, space) > max / 2)
    end = space;
  return g_strdup_printf ("%.*s…", (int)(end - text), text);
}

/* The running header's title: the whole of it, unless it would not stand
 * on one line beside the council's name. */
static char *
header_title (PbPackWalk *walk)
{
  const char *council = pb_pack_walk_get_council (walk);
  glong room = RUNNING_HEADER_CHARS - (council != NULL ? g_utf8_strlen (council, -1) + 4 : 0);

  return shorten (pb_pack_get_title (pb_pack_walk_get_pack (walk)), MAX (room, 40));
}

static char *
footer_text (PbPackWalk *walk)
{
  const char *footer = pb_pack_walk_get_footer (walk);

  return shorten (*footer != '\0' ? footer : pb_pack_get_title (pb_pack_walk_get_pack (walk)), RUNNING_FOOTER_CHARS);
}

/**
 * _pb_docx_flow_running_from_walk:
 *
 * Gives @flow the running header and footer build_header () and
 * build_footer () write, their page numbers as wide as two digits.
 */
void
_pb_docx_flow_running_from_walk (PbDocxFlow *flow,
                                 PbPackWalk *walk)
{
  g_autofree char *banner = banner_line (walk);
  const char *council = pb_pack_walk_get_council (walk);
  /* A tab between them: as wide as a few spaces at least. */
  g_autofree char *title = header_title (walk);
  g_autofree char *header = g_strdup_printf ("%s%s%s", title, council != NULL ? "    " : "",
                                             council != NULL ? council : "");
  g_autofree char *below = footer_text (walk);
  /* Translators: a Word document's footer; keep {PAGE} and {PAGES}, which become the numbers */
  g_autofree char *pages = g_strdup (_("Page {PAGE} of {PAGES}"));
  g_autofree char *footer = NULL;
  g_autoptr(GString) numbers = g_string_new (pages);

  g_string_replace (numbers, "{PAGE}", "99", 0);
  g_string_replace (numbers, "{PAGES}", "99", 0);
  footer = g_strdup_printf ("%s    %s", below, numbers->str);
  _pb_docx_flow_running (flow, banner, header, footer);
}

static char *
build_header (PbPackWalk *walk)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr " PB_DOCX_NS ">");
  g_autofree char *line = banner_line (walk);
  g_autofree char *title = header_title (walk);
  const char *council = pb_pack_walk_get_council (walk);

  if (line != NULL)
    {

      g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:jc w:val=\"center\"/></w:pPr>");
      run (out, "<w:rPr><w:b/><w:color w:val=\"A51D2D\"/></w:rPr>", line);
      g_string_append (out, "</w:p>");
    }
  g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"Header\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" "
                        "w:space=\"4\" w:color=\"B8BCC4\"/></w:pBdr><w:spacing w:after=\"120\"/></w:pPr>");
  run (out, NULL, title);
  if (council != NULL)
    {
      g_string_append (out, "<w:r><w:tab/></w:r>");
      run (out, NULL, council);
    }
  g_string_append (out, "</w:p></w:hdr>");
  return g_string_free (out, FALSE);
}

/* "Page {PAGE} of {PAGES}", the numbers as fields Word and LibreOffice
 * fill in as they lay the document out.  A viewer that shows the fields'
 * stored results instead (a file previewer, a mail client) reads "Page 1
 * of @n_pages": the count as pb-docx-layout.c expects LibreOffice to lay
 * the pages out; the page number cannot be right on every page of one
 * footer, and is the first. */
static char *
build_footer (PbPackWalk *walk,
              guint       n_pages)
{
  g_autofree char *pages = g_strdup_printf ("%u", MAX (n_pages, 1));
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr " PB_DOCX_NS ">");
  /* Translators: a Word document's footer; keep {PAGE} and {PAGES}, which become the numbers */
  g_auto(GStrv) pieces = g_regex_split_simple ("(\\{PAGE\\}|\\{PAGES\\})", _("Page {PAGE} of {PAGES}"), 0, 0);
  g_autofree char *below = footer_text (walk);

  g_string_append (out, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" "
                        "w:space=\"4\" w:color=\"B8BCC4\"/></w:pBdr></w:pPr>");
  run (out, NULL, below);
  g_string_append (out, "<w:r><w:tab/></w:r>");
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (g_str_equal (pieces[i], "{PAGE}"))
        _pb_docx_field (out, " PAGE ", "1");
      else if (g_str_equal (pieces[i], "{PAGES}"))
        _pb_docx_field (out, " NUMPAGES ", pages);
      else if (*pieces[i] != '\0')
        run (out, NULL, pieces[i]);
    }
  g_string_append (out, "</w:p></w:ftr>");
  return g_string_free (out, FALSE);
}

static void
element (GString    *out,
         const char *name,
         const char *attributes,
         const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append_printf (out, "<%s%s>", name, attributes ? attributes : "");
  pb_xml_append_text (out, text);
  g_string_append_printf (out, "</%s>", name);
}

static char *
build_core (PbPackWalk *walk,
            const char *now)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                               " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                               " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");

  element (out, "dc:title", NULL, pb_pack_get_title (pb_pack_walk_get_pack (walk)));
  element (out, "dc:subject", NULL, pb_pack_walk_get_subject (walk));
  /* The pack's author, never the program that wrote the file. */
  element (out, "dc:creator", NULL, pb_pack_walk_get_author (walk));
  element (out, "cp:lastModifiedBy", NULL, pb_pack_walk_get_author (walk));
  /* Translators: a document's category, in its properties */
  element (out, "cp:category", NULL, _("Briefing pack"));
  element (out, "cp:contentStatus", NULL, pb_pack_walk_get_classification (walk));
  element (out, "dc:language", NULL, PB_EXPORT_LANGUAGE);
  element (out, "dcterms:created", " xsi:type=\"dcterms:W3CDTF\"", now);
  element (out, "dcterms:modified", " xsi:type=\"dcterms:W3CDTF\"", now);
  g_string_append (out, "</cp:coreProperties>");
  return g_string_free (out, FALSE);
}

/* The application, and the pages as the footer counts them: what file
 * managers show of a document without laying it out. */
static char *
build_app (guint n_pages)
{
  g_autofree char *name = pb_xml_escape_text (PACKAGE_NAME);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                          "<Application>%s</Application><Pages>%u</Pages></Properties>", name, MAX (n_pages, 1));
}

static void
custom_property (GString    *out,
                 guint      *pid,
                 const char *name,
                 const char *type,
                 const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = pb_xml_escape_text (name);
  g_string_append_printf (out, "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"%u\" name=\"%s\">",
                          (*pid)++, escaped);
  element (out, type, NULL, value);
  g_string_append (out, "</property>");
}

/* The classification, Schedule 12A paragraph and meeting as custom
 * properties, which records managers and document libraries read. */
static char *
build_custom (PbPackWalk *walk)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
                               " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">");
  PbPack *pack = pb_pack_walk_get_pack (walk);
  g_autofree char *paragraph = NULL;
  guint pid = 2;

  if (pb_pack_get_exempt (pack) && pb_pack_get_exempt_paragraph (pack) > 0)
    paragraph = g_strdup_printf ("%u", pb_pack_get_exempt_paragraph (pack));
  custom_property (out, &pid, "Classification", "vt:lpwstr", pb_pack_walk_get_classification (walk));
  custom_property (out, &pid, "Schedule 12A paragraph", "vt:i4", paragraph);
  custom_property (out, &pid, "Committee", "vt:lpwstr", pb_pack_get_committee (pack));
  custom_property (out, &pid, "Meeting date", "vt:lpwstr", pb_pack_get_meeting_date (pack));
  custom_property (out, &pid, "Agenda item", "vt:lpwstr", pb_pack_get_agenda_item (pack));
  custom_property (out, &pid, "Council", "vt:lpwstr", pb_pack_walk_get_council (walk));
  g_string_append (out, "</Properties>");
  return g_string_free (out, FALSE);
}

static char *
build_content_types (gboolean logo)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>%s"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
    "</Types>", logo ? "<Default Extension=\"png\" ContentType=\"image/png\"/>" : "");
}

static char *
build_document_rels (gboolean logo)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"" PB_DOCX_REL_HEADER "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"" PB_DOCX_REL_FOOTER "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    "%s</Relationships>",
    logo ? "<Relationship Id=\"" PB_DOCX_REL_LOGO "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/logo.png\"/>" : "");
}

static void
set_zip_error (GError      **error,
               zip_error_t  *details)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be assembled: %s"),
               zip_error_strerror (details));
}

static gboolean
add_part (zip_t         *zip,
          const char    *name,
          gconstpointer  data,
          gsize          length,
          GError       **error)
{
  zip_source_t *source = zip_source_buffer (zip, data, length, 0);

  if (source == NULL || zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0)
    {
      set_zip_error (error, zip_get_error (zip));
      if (source != NULL)
        zip_source_free (source);
      return FALSE;
    }
  return TRUE;
}

/* The bytes of the package @source holds once its archive is closed. */
static GBytes *
read_source (zip_source_t  *source,
             GError       **error)
{
  zip_int64_t length;
  guint8 *data;

  if (zip_source_open (source) < 0)
    {
      set_zip_error (error, zip_source_error (source));
      return NULL;
    }
  if (zip_source_seek (source, 0, SEEK_END) < 0 || (length = zip_source_tell (source)) < 0 ||
      zip_source_seek (source, 0, SEEK_SET) < 0)
    {
      set_zip_error (error, zip_source_error (source));
      zip_source_close (source);
      return NULL;
    }
  data = g_malloc (MAX (length, 1));
  if (zip_source_read (source, data, (zip_uint64_t)length) != length)
    {
      set_zip_error (error, zip_source_error (source));
      zip_source_close (source);
      g_free (data);
      return NULL;
    }
  zip_source_close (source);
  return g_bytes_new_take (data, (gsize)length);
}

/* The parts as a zip archive in memory; NULL @parts[i] are left out. */
static GBytes *
assemble (const char * const  *names,
          GBytes * const      *parts,
          guint                n_parts,
          GError             **error)
{
  zip_error_t details;
  zip_source_t *source;
  zip_t *zip;
  GBytes *bytes;

  zip_error_init (&details);
  if (!(source = zip_source_buffer_create (NULL, 0, 0, &details)) ||
      !(zip = zip_open_from_source (source, ZIP_TRUNCATE, &details)))
    {
      set_zip_error (error, &details);
      zip_error_fini (&details);
      if (source != NULL)
        zip_source_free (source);
      return NULL;
    }
  zip_error_fini (&details);

  /* Kept past zip_close (), which is when the archive is written into it. */
  zip_source_keep (source);
  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL &&
        !add_part (zip, names[i], g_bytes_get_data (parts[i], NULL), g_bytes_get_size (parts[i]), error))
      {
        zip_discard (zip);
        zip_source_free (source);
        return NULL;
      }
  if (zip_close (zip) < 0)
    {
      set_zip_error (error, zip_get_error (zip));
      zip_discard (zip);
      zip_source_free (source);
      return NULL;
    }

  bytes = read_source (source, error);
  zip_source_free (source);
  return bytes;
}

static GBytes *
text_part (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

/**
 * _pb_docx_write_package:
 * @document: word/document.xml
 * @n_pages: how many pages LibreOffice is expected to lay @document out
 *   on (_pb_docx_flow_paginate()), for the stored page count
 *
 * Writes the Word document at @path: @document, with the parts around it
 * and the walk's logo, if it has one.
 */
gboolean
_pb_docx_write_package (PbPackWalk  *walk,
                        const char  *document,
                        guint        n_pages,
                        const char  *path,
                        GError     **error)
{
  static const char * const names[] = {
    "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
    "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml",
    "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml", "word/media/logo.png",
  };
  GBytes *logo = pb_pack_walk_get_logo (walk, NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GBytes) package = NULL;
  GBytes *parts[] = {
    text_part (build_content_types (logo != NULL)),
    g_bytes_new_static (package_rels, strlen (package_rels)),
    text_part (build_document_rels (logo != NULL)),
    g_bytes_new_static (document, strlen (document)),
    g_bytes_new_static (styles, strlen (styles)),
    g_bytes_new_static (settings, strlen (settings)),
    text_part (build_header (walk)),
    text_part (build_footer (walk, n_pages)),
    text_part (build_core (walk, stamp)),
    text_part (build_app (n_pages)),
    text_part (build_custom (walk)),
    logo != NULL ? g_bytes_ref (logo) : NULL,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (parts) == G_N_ELEMENTS (names));
  package = assemble (names, parts, G_N_ELEMENTS (parts), error);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&parts[i], g_bytes_unref);
  if (package == NULL)
    return FALSE;
  return pb_export_write_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package), error);
}
