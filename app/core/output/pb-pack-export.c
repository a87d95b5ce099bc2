/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pb-export-file.h"
#include "pb-findings-csv.h"
#include "pb-pack-export.h"
#include "pb-pack-export-private.h"
#include "pb-pdf-writer.h"

/* A pack as the PDF the panel receives: a cover, contents that link to each
 * part, the grades of the inspections it cites, then each section's
 * findings as quoted passages with their citation, kind, status and note.
 * Every page of an exempt pack is headed NOT FOR PUBLICATION.  The file
 * appears whole or not at all. */

/* "Report, date, ¶4 (page 2) · Recommendation · Open": where a finding
 * comes from and what it is, under its quote in every format. */
char *
_pb_pack_format_about (Export    *export,
                       PbFinding *finding)
{
  gint64 report_id = pb_finding_get_report_id (finding);

  return pb_citation_format_about (finding, g_hash_table_lookup (export->structures, &report_id));
}

void
_pb_pack_export_clear (Export *export)
{
  g_clear_object (&export->pack);
  g_clear_pointer (&export->sections, g_ptr_array_unref);
  g_clear_pointer (&export->findings, g_hash_table_unref);
  g_clear_pointer (&export->structures, g_hash_table_unref);
  g_clear_pointer (&export->report_order, g_array_unref);
}

/* Counts a finding written; FALSE once the export is to stop. */
gboolean
_pb_pack_export_step (Export *export)
{
  guint total = MAX (g_hash_table_size (export->findings), 1);

  export->n_written++;
  /* Loading is the first tenth and finishing the file the last. */
  _pb_pack_export_report (export, 0.1 + 0.8 * MIN (export->n_written, total) / total);
  return !g_cancellable_is_cancelled (export->cancellable);
}

void
_pb_pack_export_report (Export *export,
                        double  fraction)
{
  if (export->progress != NULL)
    export->progress (fraction, export->progress_data);
}

gboolean
_pb_pack_export_cancelled (Export  *export,
                           GError **error)
{
  return g_cancellable_set_error_if_cancelled (export->cancellable, error);
}

gboolean
_pb_pack_export_load (Export   *export,
      gint64    pack_id,
      GError  **error)
{
  if (!(export->pack = pb_library_get_pack (export->library, pack_id, error)) ||
      !(export->sections = pb_library_get_pack_sections (export->library, pack_id, error)))
    return FALSE;

  export->findings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  export->structures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify)pb_structure_free);
  export->report_order = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding;
          gint64 report_id;

          if (item->kind != PB_PACK_ITEM_FINDING)
            continue;
          if (!(finding = pb_library_get_finding (export->library, item->finding_id, error)))
            return FALSE;

          /* The rule holds in the library; this holds it at the door too. */
          if (pb_finding_get_exempt (finding) && !pb_pack_get_exempt (export->pack))
            {
              g_object_unref (finding);
              continue;
            }

          g_hash_table_insert (export->findings, g_memdup2 (&item->finding_id, sizeof (gint64)), finding);
          report_id = pb_finding_get_report_id (finding);
          if (!g_hash_table_contains (export->structures, &report_id))
            {
              g_hash_table_insert (export->structures, g_memdup2 (&report_id, sizeof (gint64)),
                                   pb_library_get_structure (export->library, report_id, NULL));
              g_array_append_val (export->report_order, report_id);
            }
        }
    }

  return TRUE;
}

guint
_pb_pack_count_printed (Export        *export,
               PbPackSection *section)
{
  guint n = 0;

  for (guint i = 0; i < section->items->len; i++)
    {
      PbPackItem *item = &g_array_index (section->items, PbPackItem, i);

      if (item->kind != PB_PACK_ITEM_FINDING || g_hash_table_contains (export->findings, &item->finding_id))
        n++;
    }
  return n;
}

static void
write_cover (Export      *export,
             PbPdfWriter *writer)
{
  PbPack *pack = export->pack;
  g_autofree char *meeting = pb_date_format_iso (pb_pack_get_meeting_date (pack));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d %B %Y");
  g_autoptr(GString) details = g_string_new (NULL);

  pb_pdf_writer_heading (writer, 1, pb_pack_get_title (pack));

  if (*pb_pack_get_committee (pack) != '\0')
    g_string_append_printf (details, "%s\n", pb_pack_get_committee (pack));
  if (meeting != NULL)
    g_string_append_printf (details, _("Meeting: %s\n"), meeting);
  g_string_append_printf (details, _("Classification: %s\n"),
                          pb_pack_get_exempt (pack) ? _("Exempt — not for publication") : _("Public"));
  if (*pb_pack_get_author (pack) != '\0')
    g_string_append_printf (details, _("Prepared by %s\n"), pb_pack_get_author (pack));
  g_string_append_printf (details, _("Produced on %s"), today);
  pb_pdf_writer_paragraph (writer, details->str);

  if (*pb_pack_get_introduction (pack) != '\0')
    pb_pdf_writer_paragraph (writer, pb_pack_get_introduction (pack));
}

static void
write_contents (Export      *export,
                PbPdfWriter *writer)
{
  pb_pdf_writer_heading (writer, 2, _("Contents"));
  if (export->report_order->len > 0)
    pb_pdf_writer_link (writer, _("Grades at a glance"), "grades");

  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);
      g_autofree char *dest = g_strdup_printf ("section-%u", s);

      if (_pb_pack_count_printed (export, section) > 0)
        pb_pdf_writer_link (writer, section->title, dest);
    }
}

static void
write_grades (Export      *export,
              PbPdfWriter *writer)
{
  if (export->report_order->len == 0)
    return;

  pb_pdf_writer_page_break (writer);
  pb_pdf_writer_heading_with_dest (writer, 1, _("Grades at a glance"), "grades");

  for (guint r = 0; r < export->report_order->len; r++)
    {
      gint64 report_id = g_array_index (export->report_order, gint64, r);
      PbStructure *structure = g_hash_table_lookup (export->structures, &report_id);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GPtrArray) grades = g_ptr_array_new ();
      g_autofree char *dates = NULL;
      g_autofree char *title = NULL;

      if (structure == NULL || (structure->type != PB_DOCUMENT_SIF_INSPECTION &&
                                structure->type != PB_DOCUMENT_ILACS_INSPECTION))
        continue;

      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        if (structure->judgements[j] != PB_GRADE_NONE)
          {
            g_ptr_array_add (labels, (gpointer)pb_judgement_get_label (j));
            g_ptr_array_add (grades, (gpointer)pb_grade_get_label (structure->judgements[j]));
          }

      dates = pb_date_format (&structure->inspection_end);
      title = dates ? g_strdup_printf (_("%s, inspection ending %s"), structure->local_authority
                                       ? structure->local_authority : "", dates)
                    : g_strdup (structure->local_authority ? structure->local_authority : "");
      pb_pdf_writer_heading (writer, 3, title);
      pb_pdf_writer_table (writer, _("Judgement"), _("Grade"), (const char **)labels->pdata,
                           (const char **)grades->pdata, labels->len);
    }
}

static void
write_sections (Export      *export,
                PbPdfWriter *writer)
{
  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);
      g_autofree char *dest = g_strdup_printf ("section-%u", s);

      if (_pb_pack_count_printed (export, section) == 0)
        continue;

      pb_pdf_writer_page_break (writer);
      pb_pdf_writer_heading_with_dest (writer, 1, section->title, dest);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding;
          g_autofree char *about = NULL;

          if (item->kind == PB_PACK_ITEM_HEADING)
            {
              pb_pdf_writer_heading (writer, 2, item->text);
              continue;
            }
          if (item->kind == PB_PACK_ITEM_NOTE)
            {
              pb_pdf_writer_paragraph (writer, item->text);
              continue;
            }
          if (!(finding = g_hash_table_lookup (export->findings, &item->finding_id)))
            continue;

          about = _pb_pack_format_about (export, finding);

          if (!_pb_pack_export_step (export))
            return;
          pb_pdf_writer_quote (writer, pb_finding_get_quote (finding));
          pb_pdf_writer_paragraph (writer, about);
          if (pb_finding_get_note (finding) != NULL && *pb_finding_get_note (finding) != '\0')
            {
              /* Translators: an officer's note on a finding, in an exported pack */
              g_autofree char *note = g_strdup_printf (_("Note: %s"), pb_finding_get_note (finding));
              pb_pdf_writer_paragraph (writer, note);
            }
          pb_pdf_writer_space (writer, 10);
        }
    }
}

/**
 * _pb_pack_write_pdf:
 *
 * Writes the pack as a PDF at @path, replacing any file there only once
 * the new one is complete.
 */
gboolean
_pb_pack_write_pdf (Export      *export,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(PbPdfWriter) writer = NULL;
  g_autofree char *partial = NULL;

  partial = pb_export_partial_path (path);
  writer = pb_pdf_writer_new (partial, pb_pack_get_title (export->pack), pb_pack_get_author (export->pack));
  pb_pdf_writer_set_footer (writer, pb_pack_get_title (export->pack));
  pb_pdf_writer_set_outline (writer, TRUE);
  if (pb_pack_get_exempt (export->pack))
    /* Translators: on every page of an exempt pack */
    pb_pdf_writer_set_header (writer, _("NOT FOR PUBLICATION"));

  write_cover (export, writer);
  write_contents (export, writer);
  write_grades (export, writer);
  write_sections (export, writer);

  if (_pb_pack_export_cancelled (export, error) || !pb_pdf_writer_finish (writer, error))
    {
      g_clear_object (&writer);
      g_unlink (partial);
      return FALSE;
    }
  g_clear_object (&writer);

  return pb_export_move_into_place (partial, path, error);
}

gboolean
pb_library_export_pack_pdf (PbLibrary   *library,
                            gint64       pack_id,
                            const char  *path,
                            GError     **error)
{
  return pb_library_export_pack_full (library, pack_id, PB_PACK_FORMAT_PDF, path, NULL, NULL, NULL, error);
}

/* CSV and HTML: the same content, built as text and saved atomically. */

/**
 * _pb_pack_write_csv:
 *
 * Writes one row for each finding in the pack, in the pack's order.
 */
gboolean
_pb_pack_write_csv (Export      *export,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, "\"section\",");
  g_string_append (out, pb_csv_finding_header ());

  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding = item->kind == PB_PACK_ITEM_FINDING
                               ? g_hash_table_lookup (export->findings, &item->finding_id) : NULL;

          if (finding == NULL)
            continue;
          if (!_pb_pack_export_step (export))
            {
              _pb_pack_export_cancelled (export, error);
              return FALSE;
            }

          pb_csv_append_field (out, section->title, FALSE);
          pb_csv_append_finding (out, finding);
        }
    }

  return g_file_set_contents (path, out->str, (gssize)out->len, error);
}

gboolean
pb_library_export_pack_csv (PbLibrary   *library,
                            gint64       pack_id,
                            const char  *path,
                            GError     **error)
{
  return pb_library_export_pack_full (library, pack_id, PB_PACK_FORMAT_CSV, path, NULL, NULL, NULL, error);
}

static void
html_text (GString    *out,
           const char *element,
           const char *attributes,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append_printf (out, "<%s%s%s>%s</%s>\n", element, attributes ? " " : "",
                          attributes ? attributes : "", escaped, element);
}

/**
 * _pb_pack_write_html:
 *
 * Writes the pack as one accessible HTML page: headings, a linked contents
 * list, the grades as a table, quotes as block quotes.
 */
gboolean
_pb_pack_write_html (Export      *export,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *meeting = NULL;

  title = g_markup_escape_text (pb_pack_get_title (export->pack), -1);
  meeting = pb_date_format_iso (pb_pack_get_meeting_date (export->pack));

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"" PB_EXPORT_LANGUAGE "\">\n<head>\n<meta charset=\"utf-8\">\n"
                               "<title>%s</title>\n"
                               "<style>body{font-family:sans-serif;max-width:44em;margin:2em auto;line-height:1.5}"
                               "blockquote{font-style:italic;border-left:4px solid #bbb;margin-left:0;padding-left:1em}"
                               "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .6em;text-align:left}"
                               ".exempt{color:#a51d2d;font-weight:bold;text-align:center}</style>\n"
                               "</head>\n<body>\n", title);
  if (pb_pack_get_exempt (export->pack))
    html_text (out, "p", "class=\"exempt\"", _("NOT FOR PUBLICATION"));

  html_text (out, "h1", NULL, pb_pack_get_title (export->pack));
  if (*pb_pack_get_committee (export->pack) != '\0')
    html_text (out, "p", NULL, pb_pack_get_committee (export->pack));
  if (meeting != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Meeting: %s"), meeting);
      html_text (out, "p", NULL, line);
    }
  if (*pb_pack_get_introduction (export->pack) != '\0')
    html_text (out, "p", NULL, pb_pack_get_introduction (export->pack));

  /* Contents */
  g_string_append_printf (out, "<nav aria-label=\"%s\">\n<ul>\n", _("Contents"));
  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);
      g_autofree char *escaped = g_markup_escape_text (section->title, -1);

      if (_pb_pack_count_printed (export, section) > 0)
        g_string_append_printf (out, "<li><a href=\"#section-%u\">%s</a></li>\n", s, escaped);
    }
  g_string_append (out, "</ul>\n</nav>\n");

  /* Grades of the inspections cited */
  if (export->report_order->len > 0)
    html_text (out, "h2", "id=\"grades\"", _("Grades at a glance"));
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
                                 structure->local_authority ? structure->local_authority : "",
                                 dates ? dates : "");
      g_string_append (out, "<table>\n");
      html_text (out, "caption", NULL, caption);
      g_string_append_printf (out, "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr>\n",
                              _("Judgement"), _("Grade"));
      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        if (structure->judgements[j] != PB_GRADE_NONE)
          g_string_append_printf (out, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n",
                                  pb_judgement_get_label (j), pb_grade_get_label (structure->judgements[j]));
      g_string_append (out, "</table>\n");
    }

  for (guint s = 0; s < export->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (export->sections, s);
      g_autofree char *id = g_strdup_printf ("id=\"section-%u\"", s);

      if (_pb_pack_count_printed (export, section) == 0)
        continue;

      g_string_append (out, "<section>\n");
      html_text (out, "h2", id, section->title);
      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding;
          g_autofree char *about = NULL;

          if (item->kind == PB_PACK_ITEM_HEADING)
            html_text (out, "h3", NULL, item->text);
          else if (item->kind == PB_PACK_ITEM_NOTE)
            html_text (out, "p", NULL, item->text);
          if (item->kind != PB_PACK_ITEM_FINDING ||
              !(finding = g_hash_table_lookup (export->findings, &item->finding_id)))
            continue;

          if (!_pb_pack_export_step (export))
            {
              _pb_pack_export_cancelled (export, error);
              return FALSE;
            }
          about = _pb_pack_format_about (export, finding);
          html_text (out, "blockquote", NULL, pb_finding_get_quote (finding));
          html_text (out, "p", NULL, about);
          if (pb_finding_get_note (finding) != NULL && *pb_finding_get_note (finding) != '\0')
            {
              g_autofree char *note = g_strdup_printf (_("Note: %s"), pb_finding_get_note (finding));
              html_text (out, "p", NULL, note);
            }
        }
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</body>\n</html>\n");
  return g_file_set_contents (path, out->str, (gssize)out->len, error);
}

gboolean
pb_library_export_pack_html (PbLibrary   *library,
                             gint64       pack_id,
                             const char  *path,
                             GError     **error)
{
  return pb_library_export_pack_full (library, pack_id, PB_PACK_FORMAT_HTML, path, NULL, NULL, NULL, error);
}
