/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#include "pb-export-file.h"
#include "pb-pack-writers-private.h"
#include "pb-xml-text.h"

/* A pack as a Word document, written as an OOXML package by hand: real
 * heading styles (so Word's navigation pane lists the parts), passages in
 * the Quote style, the grades as a real table with a repeating header row,
 * the language set, and NOT FOR PUBLICATION in the page header of an
 * exempt pack.  Text goes in through pb-xml-text.c, which keeps out what
 * XML forbids and Word refuses.  The package is assembled in memory and
 * saved whole, privately. */

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
  g_string_append (out, "<w:p>");
  if (style != NULL)
    g_string_append_printf (out, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  g_string_append (out, "<w:r><w:t xml:space=\"preserve\">");
  pb_xml_append_text (out, text);
  g_string_append (out, "</w:t></w:r></w:p>");
}

static void
cell (GString    *out,
      const char *text,
      gboolean    bold)
{
  g_string_append_printf (out, "<w:tc><w:p><w:r>%s<w:t xml:space=\"preserve\">", bold ? "<w:rPr><w:b/></w:rPr>" : "");
  pb_xml_append_text (out, text);
  g_string_append (out, "</w:t></w:r></w:p></w:tc>");
}

static void
grades_table (GString          *out,
              const PbPackPart *part)
{
  g_string_append (out, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                        "<w:tblGrid><w:gridCol w:w=\"5400\"/><w:gridCol w:w=\"3600\"/></w:tblGrid>");
  g_string_append (out, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
  cell (out, part->columns[0], TRUE);
  cell (out, part->columns[1], TRUE);
  g_string_append (out, "</w:tr>");

  for (guint i = 0; i < part->n_rows; i++)
    {
      g_string_append (out, "<w:tr>");
      cell (out, part->labels[i], FALSE);
      cell (out, part->grades[i], FALSE);
      g_string_append (out, "</w:tr>");
    }
  g_string_append (out, "</w:tbl>");
}

/* The body of word/document.xml, a part at a time.  Word lists its own
 * headings in the navigation pane, so the contents are left to it. */
static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  GString *out = data;

  switch (part->kind)
    {
    case PB_PACK_PART_COVER:
      if (part->banner != NULL)
        paragraph (out, NULL, part->banner);
      paragraph (out, "Title", part->text);
      for (guint i = 0; part->details[i] != NULL; i++)
        paragraph (out, NULL, part->details[i]);
      if (part->introduction != NULL)
        paragraph (out, NULL, part->introduction);
      break;

    case PB_PACK_PART_GRADES:
    case PB_PACK_PART_SECTION:
      paragraph (out, "Heading1", part->text);
      break;

    case PB_PACK_PART_INSPECTION:
      paragraph (out, "Heading2", part->text);
      grades_table (out, part);
      break;

    case PB_PACK_PART_HEADING:
      paragraph (out, "Heading2", part->text);
      break;

    case PB_PACK_PART_NOTE:
      paragraph (out, NULL, part->text);
      break;

    case PB_PACK_PART_FINDING:
      paragraph (out, "Quote", part->text);
      paragraph (out, NULL, part->about);
      if (part->note != NULL)
        paragraph (out, NULL, part->note);
      break;

    case PB_PACK_PART_CONTENTS:
    case PB_PACK_PART_SECTION_END:
    default:
      break;
    }
  return TRUE;
}

static char *
build_document (PbPackWalk  *walk,
                GError     **error)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                         "<w:document " W_NS "><w:body>");

  if (!pb_pack_walk_run (walk, visit_cb, out, error))
    return NULL;

  /* A4, with the header on every page of an exempt pack. */
  g_string_append_printf (out, "<w:sectPr>%s<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                               "<w:pgMar w:top=\"1440\" w:right=\"1247\" w:bottom=\"1440\" w:left=\"1247\""
                               " w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
                          pb_pack_walk_get_banner (walk) != NULL
                          ? "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>" : "");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
build_header (PbPackWalk *walk)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr " W_NS ">");
  const char *banner = pb_pack_walk_get_banner (walk);

  if (banner != NULL)
    {
      g_string_append (out, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val=\"A51D2D\"/></w:rPr>"
                            "<w:t>");
      pb_xml_append_text (out, banner);
      g_string_append (out, "</w:t></w:r></w:p>");
    }
  else
    g_string_append (out, "<w:p/>");
  g_string_append (out, "</w:hdr>");
  return g_string_free (out, FALSE);
}

static char *
build_core (PbPackWalk *walk)
{
  g_autofree char *title = pb_xml_escape_text (pb_pack_get_title (pb_pack_walk_get_pack (walk)));
  g_autofree char *creator = pb_xml_escape_text (PACKAGE_NAME);

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                          "<dc:title>%s</dc:title><dc:language>" PB_EXPORT_LANGUAGE "</dc:language><dc:creator>%s</dc:creator>"
                          "</cp:coreProperties>", title, creator);
}

static void
set_zip_error (GError      **error,
               zip_error_t  *details)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be assembled: %s"),
               zip_error_strerror (details));
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

/* The parts as a zip archive in memory. */
static GBytes *
assemble (const char * const  *names,
          const char * const  *parts,
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
    if (!add_part (zip, names[i], parts[i], error))
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
  static const char * const names[] = {
    "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
    "word/styles.xml", "word/header1.xml", "docProps/core.xml",
  };
  g_autofree char *document = NULL;
  g_autofree char *header = NULL;
  g_autofree char *core = NULL;
  g_autoptr(GBytes) package = NULL;

  if (!(document = build_document (walk, error)))
    return FALSE;
  header = build_header (walk);
  core = build_core (walk);

  {
    const char * const parts[] = { content_types, package_rels, document_rels, document, styles, header, core };

    G_STATIC_ASSERT (G_N_ELEMENTS (parts) == G_N_ELEMENTS (names));
    if (!(package = assemble (names, parts, G_N_ELEMENTS (names), error)))
      return FALSE;
  }
  return pb_export_write_contents (path, g_bytes_get_data (package, NULL), g_bytes_get_size (package), error);
}
