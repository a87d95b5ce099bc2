/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <zip.h>

#include "pb-export-file.h"
#include "pb-pack-export.h"
#include "pb-pack-export-private.h"

/* A pack as a Word document, written as an OOXML package by hand: real
 * heading styles (so Word's navigation pane lists the parts), passages in
 * the Quote style, the grades as a real table with a repeating header row,
 * the language set, and NOT FOR PUBLICATION in the page header of an
 * exempt pack. */

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
  "</Relationships>";

/* Word's own style names ("heading 1", "Quote"), which is what makes the
 * navigation pane and screen readers treat them as such. */
static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:styles " W_NS ">"
  "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
  "<w:sz w:val=\"22\"/><w:lang w:val=\"" PB_EXPORT_LANGUAGE "\"/></w:rPr></w:rPrDefault>"
  "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"48\"/></w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:pageBreakBefore/><w:spacing w:before=\"240\" w:after=\"120\"/>"
  "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/>"
  "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:left=\"567\"/><w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"8\" w:color=\"AAAAAA\"/></w:pBdr></w:pPr>"
  "<w:rPr><w:i/></w:rPr></w:style>"
  "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>"
  "<w:top w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/><w:left w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/>"
  "<w:bottom w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/><w:right w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/>"
  "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:color=\"999999\"/>"
  "</w:tblBorders></w:tblPr></w:style>"
  "</w:styles>";

static void
paragraph (GString    *out,
           const char *style,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, "<w:p>");
  if (style != NULL)
    g_string_append_printf (out, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  g_string_append_printf (out, "<w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>", escaped);
}

static void
cell (GString    *out,
      const char *text,
      gboolean    bold)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (out, "<w:tc><w:p><w:r>%s<w:t xml:space=\"preserve\">%s</w:t></w:r></w:p></w:tc>",
                          bold ? "<w:rPr><w:b/></w:rPr>" : "", escaped);
}

static void
grades_table (GString     *out,
              PbStructure *structure)
{
  g_string_append (out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                        "<w:tblGrid><w:gridCol w:w=\"5400\"/><w:gridCol w:w=\"3600\"/></w:tblGrid>");
  g_string_append (out, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
  cell (out, _("Judgement"), TRUE);
  cell (out, _("Grade"), TRUE);
  g_string_append (out, "</w:tr>");

  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    if (structure->judgements[j] != PB_GRADE_NONE)
      {
        g_string_append (out, "<w:tr>");
        cell (out, pb_judgement_get_label (j), FALSE);
        cell (out, pb_grade_get_label (structure->judgements[j]), FALSE);
        g_string_append (out, "</w:tr>");
      }
  g_string_append (out, "</w:tbl>");
}

static char *
build_document (Export *export)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " W_NS "><w:body>");
  g_autofree char *meeting = pb_date_format_iso (pb_pack_get_meeting_date (export->pack));

  if (pb_pack_get_exempt (export->pack))
    paragraph (out, NULL, _("NOT FOR PUBLICATION"));
  paragraph (out, "Title", pb_pack_get_title (export->pack));
  if (*pb_pack_get_committee (export->pack) != '\0')
    paragraph (out, NULL, pb_pack_get_committee (export->pack));
  if (meeting != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Meeting: %s"), meeting);
      paragraph (out, NULL, line);
    }
  if (*pb_pack_get_introduction (export->pack) != '\0')
    paragraph (out, NULL, pb_pack_get_introduction (export->pack));

  if (export->report_order->len > 0)
    paragraph (out, "Heading1", _("Grades at a glance"));
  for (guint r = 0; r < export->report_order->len; r++)
    {
      gint64 report_id = g_array_index (export->report_order, gint64, r);
      PbStructure *structure = g_hash_table_lookup (export->structures, &report_id);
      g_autofree char *dates = NULL;
      g_autofree char *caption = NULL;

      if (structure == NULL || (structure->type != PB_DOCUMENT_SIF_INSPECTION &&
                                structure->type != PB_DOCUMENT_ILACS_INSPECTION))
        continue;
      dates = pb_date_format (&structure->inspection_end);
      caption = g_strdup_printf (_("%s, inspection ending %s"),
                                 structure->local_authority ? structure->local_authority : "", dates ? dates : "");
      paragraph (out, "Heading2", caption);
      grades_table (out, structure);
    }

  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);

      if (_pb_pack_count_printed (export, section) == 0)
        continue;

      paragraph (out, "Heading1", section->title);
      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding;
          g_autofree char *about = NULL;

          if (item->kind == PB_PACK_ITEM_HEADING)
            paragraph (out, "Heading2", item->text);
          else if (item->kind == PB_PACK_ITEM_NOTE)
            paragraph (out, NULL, item->text);
          if (item->kind != PB_PACK_ITEM_FINDING ||
              !(finding = g_hash_table_lookup (export->findings, &item->finding_id)))
            continue;

          if (!_pb_pack_export_step (export))
            break;
          about = _pb_pack_format_about (export, finding);
          paragraph (out, "Quote", pb_finding_get_quote (finding));
          paragraph (out, NULL, about);
          if (pb_finding_get_note (finding) != NULL && *pb_finding_get_note (finding) != '\0')
            {
              g_autofree char *note = g_strdup_printf (_("Note: %s"), pb_finding_get_note (finding));
              paragraph (out, NULL, note);
            }
        }
    }

  /* A4, with the header on every page of an exempt pack. */
  g_string_append_printf (out, "<w:sectPr>%s<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                               "<w:pgMar w:top=\"1440\" w:right=\"1247\" w:bottom=\"1440\" w:left=\"1247\""
                               " w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
                          pb_pack_get_exempt (export->pack)
                          ? "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>" : "");
  return g_string_free (out, FALSE);
}

static char *
build_header (Export *export)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr " W_NS ">");

  if (pb_pack_get_exempt (export->pack))
    {
      g_autofree char *text = g_markup_escape_text (_("NOT FOR PUBLICATION"), -1);
      g_string_append_printf (out, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val=\"A51D2D\"/></w:rPr>"
                                   "<w:t>%s</w:t></w:r></w:p>", text);
    }
  else
    g_string_append (out, "<w:p/>");
  g_string_append (out, "</w:hdr>");
  return g_string_free (out, FALSE);
}

static char *
build_core (Export *export)
{
  g_autofree char *title = g_markup_escape_text (pb_pack_get_title (export->pack), -1);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                          "<dc:title>%s</dc:title><dc:language>" PB_EXPORT_LANGUAGE "</dc:language><dc:creator>%s</dc:creator>"
                          "</cp:coreProperties>", title, PACKAGE_NAME);
}

static gboolean
add_part (zip_t      *zip,
          const char *name,
          const char *text,
          GError    **error)
{
  zip_source_t *source = zip_source_buffer (zip, text, strlen (text), 0);

  if (source == NULL || zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be assembled: %s"),
                   zip_strerror (zip));
      if (source != NULL)
        zip_source_free (source);
      return FALSE;
    }
  return TRUE;
}

/**
 * _pb_pack_write_docx:
 *
 * Writes the pack as a Word document at @path; the file appears whole or
 * not at all.
 */
gboolean
_pb_pack_write_docx (Export      *export,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *document = NULL;
  g_autofree char *header = NULL;
  g_autofree char *core = NULL;
  g_autofree char *partial = NULL;
  zip_t *zip;
  int zip_error = 0;

  document = build_document (export);
  if (_pb_pack_export_cancelled (export, error))
    return FALSE;
  header = build_header (export);
  core = build_core (export);

  /* The parts stay alive until zip_close () reads them. */
  partial = pb_export_partial_path (path);
  if (!(zip = zip_open (partial, ZIP_CREATE | ZIP_TRUNCATE, &zip_error)))
    {
      zip_error_t details;

      zip_error_init_with_code (&details, zip_error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be written at %s: %s"),
                   path, zip_error_strerror (&details));
      zip_error_fini (&details);
      return FALSE;
    }

  if (!add_part (zip, "[Content_Types].xml", content_types, error) ||
      !add_part (zip, "_rels/.rels", package_rels, error) ||
      !add_part (zip, "word/_rels/document.xml.rels", document_rels, error) ||
      !add_part (zip, "word/document.xml", document, error) ||
      !add_part (zip, "word/styles.xml", styles, error) ||
      !add_part (zip, "word/header1.xml", header, error) ||
      !add_part (zip, "docProps/core.xml", core, error))
    {
      zip_discard (zip);
      g_unlink (partial);
      return FALSE;
    }

  if (zip_close (zip) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be written at %s: %s"),
                   path, zip_strerror (zip));
      zip_discard (zip);
      g_unlink (partial);
      return FALSE;
    }

  return pb_export_move_into_place (partial, path, error);
}

gboolean
pb_library_export_pack_docx (PbLibrary   *library,
                             gint64       pack_id,
                             const char  *path,
                             GError     **error)
{
  return pb_library_export_pack_full (library, pack_id, PB_PACK_FORMAT_DOCX, path, NULL, NULL, NULL, error);
}
