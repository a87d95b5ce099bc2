/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <zip.h>

#include "pb-bundle-pack.h"
#include "pb-bundle.h"
#include "pb-export-file.h"
#include "pb-questions-private.h"
#include "pb-questions.h"
#include "pb-xml-text.h"

/* A member's questions, written out to send to the officer.  Both forms
 * are the same lines (pb-questions-private.h): as plain text, or as a
 * Word document with one paragraph for each line, the title and each
 * "Question N" in Word's own styles.  The officer's library reads either
 * back (pb-questions-import.c).  The document is assembled in memory and
 * saved privately and whole, like every export. */

typedef enum
{
  LINE_TITLE,
  LINE_BANNER,
  LINE_PLAIN,
  LINE_HEADING,
  LINE_QUOTE,
  LINE_REFERENCE,
  LINE_BLANK,
} LineStyle;

typedef struct
{
  LineStyle  style;
  char      *text;
} Line;

static void
line_clear (Line *line)
{
  g_free (line->text);
}

/* One line of a single-line field: the text's own line breaks become
 * spaces, so that the field cannot run into the next. */
static void
add_line (GArray      *lines,
          LineStyle    style,
          const char  *label,
          const char  *text)
{
  g_autofree char *value = g_strdup (text ? text : "");
  Line line = { style, NULL };

  g_strdelimit (value, "\r\n\v\f", ' ');
  line.text = g_strconcat (label ? label : "", value, NULL);
  g_array_append_val (lines, line);
}

static GArray *
build_lines (PbBundlePack *pack,
             GPtrArray    *questions,
             const char   *asked_by)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %B %Y");

  g_array_set_clear_func (lines, (GDestroyNotify)line_clear);
  add_line (lines, LINE_TITLE, NULL, QUESTIONS_TITLE);
  if (pb_bundle_pack_get_exempt (pack))
    add_line (lines, LINE_BANNER, NULL, QUESTIONS_BANNER);
  add_line (lines, LINE_PLAIN, QUESTIONS_PACK, pb_bundle_pack_get_title (pack));
  if (pb_bundle_pack_get_meeting_date (pack) != NULL)
    add_line (lines, LINE_PLAIN, QUESTIONS_MEETING, pb_bundle_pack_get_meeting_date (pack));
  if (asked_by != NULL && *asked_by != '\0')
    add_line (lines, LINE_PLAIN, QUESTIONS_FROM, asked_by);
  add_line (lines, LINE_PLAIN, QUESTIONS_WRITTEN, today);
  add_line (lines, LINE_PLAIN, QUESTIONS_PACK_REFERENCE, pb_bundle_pack_get_uuid (pack));

  for (guint i = 0; i < questions->len; i++)
    {
      PbMemberNote *note = g_ptr_array_index (questions, i);
      gboolean on_finding = pb_member_note_get_target (note) == PB_NOTE_ON_FINDING;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *quoted = g_strdup_printf ("“%s”", pb_member_note_get_about (note));
      g_autofree char *reference = g_strdup_printf ("%s %s %s", pb_member_note_get_uuid (note),
                                                    on_finding ? "finding" : "section",
                                                    pb_member_note_get_target_key (note));
      g_auto(GStrv) text = g_strsplit (pb_member_note_get_text (note), "\n", -1);

      add_line (lines, LINE_BLANK, NULL, NULL);
      add_line (lines, LINE_HEADING, QUESTIONS_QUESTION, number);
      /* The file leaves the pack's encryption (it is meant to be sent
       * back), so an exempt pack's quotes stay out of it: the reference
       * is enough for the officer's library, which has the finding. */
      if (on_finding && !pb_bundle_pack_get_exempt (pack))
        add_line (lines, LINE_QUOTE, QUESTIONS_ON, quoted);
      else if (!on_finding)
        add_line (lines, LINE_PLAIN, QUESTIONS_ON_SECTION, pb_member_note_get_about (note));
      if (*pb_member_note_get_citation (note) != '\0')
        add_line (lines, LINE_PLAIN, QUESTIONS_CITATION, pb_member_note_get_citation (note));
      add_line (lines, LINE_REFERENCE, QUESTIONS_REFERENCE, reference);
      for (guint j = 0; text[j] != NULL; j++)
        add_line (lines, LINE_PLAIN, NULL, text[j]);
    }
  return lines;
}

static GBytes *
build_text (GArray *lines)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", g_array_index (lines, Line, i).text);
  return g_string_free_to_bytes (out);
}

/* ---- Word ------------------------------------------------------------------ */

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

/* Word's own style names, so that its navigation pane lists the questions. */
static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<w:styles " W_NS ">"
  "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>"
  "<w:sz w:val=\"22\"/><w:lang w:val=\"" PB_EXPORT_LANGUAGE "\"/></w:rPr></w:rPrDefault>"
  "<w:pPrDefault><w:pPr><w:spacing w:after=\"80\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
  "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/></w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>"
  "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/>"
  "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:ind w:left=\"567\"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>"
  "</w:styles>";

static void
paragraph (GString    *out,
           const Line *line)
{
  static const char * const style_ids[] = {
    [LINE_TITLE] = "Title", [LINE_HEADING] = "Heading1", [LINE_QUOTE] = "Quote",
  };
  const char *style = line->style < G_N_ELEMENTS (style_ids) ? style_ids[line->style] : NULL;

  if (line->style == LINE_BLANK)
    {
      g_string_append (out, "<w:p/>");
      return;
    }
  g_string_append (out, "<w:p>");
  if (style != NULL)
    g_string_append_printf (out, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
  g_string_append (out, "<w:r>");
  if (line->style == LINE_BANNER)
    g_string_append (out, "<w:rPr><w:b/><w:color w:val=\"A51D2D\"/></w:rPr>");
  else if (line->style == LINE_REFERENCE)
    g_string_append (out, "<w:rPr><w:color w:val=\"6E6E6E\"/><w:sz w:val=\"16\"/></w:rPr>");
  g_string_append (out, "<w:t xml:space=\"preserve\">");
  pb_xml_append_text (out, line->text);
  g_string_append (out, "</w:t></w:r></w:p>");
}

static char *
build_document (GArray   *lines,
                gboolean  exempt)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<w:document " W_NS "><w:body>");

  for (guint i = 0; i < lines->len; i++)
    paragraph (out, &g_array_index (lines, Line, i));
  g_string_append_printf (out, "<w:sectPr>%s<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                               "<w:pgMar w:top=\"1440\" w:right=\"1247\" w:bottom=\"1440\" w:left=\"1247\""
                               " w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
                          exempt ? "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>" : "");
  return g_string_free (out, FALSE);
}

static char *
build_header (gboolean exempt)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr " W_NS ">%s</w:hdr>",
                          exempt ? "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/>"
                                   "<w:color w:val=\"A51D2D\"/></w:rPr><w:t>" QUESTIONS_BANNER "</w:t></w:r></w:p>"
                                 : "<w:p/>");
}

static char *
build_core (PbBundlePack *pack)
{
  g_autofree char *title = pb_xml_escape_text (pb_bundle_pack_get_title (pack));

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                          "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                          " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                          "<dc:title>" QUESTIONS_TITLE ": %s</dc:title><dc:language>" PB_EXPORT_LANGUAGE "</dc:language>"
                          "<dc:creator>" PACKAGE_NAME "</dc:creator></cp:coreProperties>", title);
}

static void
set_zip_error (GError      **error,
               zip_error_t  *details)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The document could not be assembled: %s"),
               zip_error_strerror (details));
}

/* The parts as a zip in memory: written into a buffer source kept past
 * zip_close (), then read back out of it. */
static GBytes *
assemble (const char * const  *names,
          const char * const  *parts,
          guint                n_parts,
          GError             **error)
{
  zip_error_t details;
  zip_source_t *source;
  zip_t *zip;
  zip_int64_t length;
  guint8 *data;

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
  zip_source_keep (source);

  for (guint i = 0; i < n_parts; i++)
    {
      zip_source_t *part = zip_source_buffer (zip, parts[i], strlen (parts[i]), 0);

      if (part == NULL || zip_file_add (zip, names[i], part, ZIP_FL_ENC_UTF_8) < 0)
        {
          set_zip_error (error, zip_get_error (zip));
          if (part != NULL)
            zip_source_free (part);
          zip_discard (zip);
          zip_source_free (source);
          return NULL;
        }
    }
  if (zip_close (zip) < 0)
    {
      set_zip_error (error, zip_get_error (zip));
      zip_discard (zip);
      zip_source_free (source);
      return NULL;
    }

  if (zip_source_open (source) < 0 || zip_source_seek (source, 0, SEEK_END) < 0 ||
      (length = zip_source_tell (source)) < 0 || zip_source_seek (source, 0, SEEK_SET) < 0)
    {
      set_zip_error (error, zip_source_error (source));
      zip_source_free (source);
      return NULL;
    }
  data = g_malloc (MAX (length, 1));
  if (zip_source_read (source, data, (zip_uint64_t)length) != length)
    {
      set_zip_error (error, zip_source_error (source));
      g_free (data);
      zip_source_close (source);
      zip_source_free (source);
      return NULL;
    }
  zip_source_close (source);
  zip_source_free (source);
  return g_bytes_new_take (data, (gsize)length);
}

static GBytes *
build_docx (PbBundlePack  *pack,
            GArray        *lines,
            GError       **error)
{
  static const char * const names[] = {
    "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
    "word/styles.xml", "word/header1.xml", "docProps/core.xml",
  };
  gboolean exempt = pb_bundle_pack_get_exempt (pack);
  g_autofree char *document = build_document (lines, exempt);
  g_autofree char *header = build_header (exempt);
  g_autofree char *core = build_core (pack);
  const char * const parts[] = { content_types, package_rels, document_rels, document, styles, header, core };

  G_STATIC_ASSERT (G_N_ELEMENTS (parts) == G_N_ELEMENTS (names));
  return assemble (names, parts, G_N_ELEMENTS (names), error);
}

/**
 * pb_library_export_questions:
 * @library: a member's library
 * @bundle_id: a pack opened from a bundle
 * @format: plain text or Word
 * @asked_by: (nullable): the member's name, for the officer to see
 * @path: (type filename): where to write, outside the library
 * @error: a #GError, or %NULL
 *
 * Writes the member's questions for the meeting on the pack, in the pack's
 * order, each with what it is on (the finding's quote, or the section) and
 * the finding's citation, for the officer to read and to open in their
 * library (pb_library_import_questions()).  Notes that are not questions
 * stay private.  The file of an exempt pack says NOT FOR PUBLICATION at
 * the top and leaves the findings' quotes out (it is outside the pack's
 * encryption; the officer's library fills them in from the references).
 * It is private (0600) and appears whole or not at all.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_BUNDLE_ERROR_NOT_FOUND,
 *   %PB_BUNDLE_ERROR_NO_QUESTIONS, %PB_LIBRARY_ERROR_OUTPUT_INSIDE,
 *   %G_IO_ERROR)
 */
gboolean
pb_library_export_questions (PbLibrary          *library,
                             gint64              bundle_id,
                             PbQuestionsFormat   format,
                             const char         *asked_by,
                             const char         *path,
                             GError            **error)
{
  g_autoptr(PbBundlePack) pack = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!pb_library_check_output_path (library, path, error) ||
      !(pack = pb_library_get_bundle_pack (library, bundle_id, error)) ||
      !(questions = pb_library_list_member_notes (library, bundle_id, TRUE, error)))
    return FALSE;
  if (questions->len == 0)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NO_QUESTIONS,
                   _("There are no questions to export: mark a note as a question for the meeting first."));
      return FALSE;
    }

  lines = build_lines (pack, questions, asked_by);
  if (format == PB_QUESTIONS_FORMAT_DOCX)
    bytes = build_docx (pack, lines, error);
  else
    bytes = build_text (lines);
  return bytes != NULL &&
         pb_export_write_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
