/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-export-file.h"
#include "pb-dates.h"
#include "pb-findings-csv.h"
#include "pb-pack-writers-private.h"

/* A pack as a spreadsheet: one row for each finding, in the pack's order.
 * First the pack's classification, on every row: a spreadsheet is sorted,
 * filtered and copied a few rows at a time, and an exempt pack's rows
 * must say so wherever they end up.  Then the finding's section, the
 * columns every findings CSV has (pb-findings-csv.c), its report under
 * the title the app shows, and the report as people name it: the
 * authority, the kind of inspection in words, the inspection's last day
 * and the day it was published, ISO, to sort and filter by.
 *
 * Each date is the one its column names, or nothing: "Published" is left
 * empty when neither the report nor the officer gives the day (an ILACS
 * report does not print it), never filled with another date; the PDF's
 * creation date is not a publication date. */

typedef struct
{
  GString    *out;
  const char *classification;
} Csv;

static void
append_date (GString     *out,
             const GDate *date,
             gboolean     last)
{
  char text[16];

  if (date != NULL && g_date_valid (date))
    {
      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      pb_csv_append_field (out, text, last);
    }
  else
    pb_csv_append_field (out, NULL, last);
}

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  Csv *csv = data;
  GString *out = csv->out;
  PbStructure *structure = part->structure;
  const PbDocumentDates *dates = part->report != NULL ? pb_report_get_dates (part->report) : NULL;

  if (part->kind == PB_PACK_PART_FINDING)
    {
      pb_csv_append_field (out, csv->classification, FALSE);
      pb_csv_append_field (out, part->section, FALSE);
      pb_csv_append_finding (out, part->finding,
                             part->report != NULL ? pb_report_get_display_title (part->report) : NULL,
                             part->cohorts, FALSE);
      pb_csv_append_field (out, structure != NULL ? structure->local_authority : NULL, FALSE);
      pb_csv_append_field (out, structure != NULL ? pb_document_type_get_label (structure->type) : NULL, FALSE);
      append_date (out, structure != NULL ? pb_structure_get_inspection_end (structure) : NULL, FALSE);
      /* The report's publication as the library knows it: the day the
       * report prints, or the officer's correction of it. */
      append_date (out, dates != NULL ? &dates->published
                        : structure != NULL ? &structure->published : NULL, TRUE);
    }
  return TRUE;
}

/* The pack's classification as its CSV gives it on every row. */
static char *
classification_of (PbPack *pack)
{
  guint paragraph = pb_pack_get_exempt_paragraph (pack);

  if (!pb_pack_get_exempt (pack))
    /* Translators: a pack's classification, in a spreadsheet */
    return g_strdup (_("Public"));
  if (paragraph == 0)
    /* Translators: an exempt pack's classification, in a spreadsheet, when
     * the Schedule 12A paragraph that applies has not been recorded */
    return g_strdup (_("Exempt: not for publication (Schedule 12A, paragraph not recorded)"));
  /* Translators: an exempt pack's classification, in a spreadsheet */
  return g_strdup_printf (_("Exempt: not for publication (Schedule 12A, paragraph %u)"), paragraph);
}

/* UTF-8's byte order mark: without it, Excel on Windows reads the file
 * in the system's code page and garbles curly apostrophes and dashes.
 * LibreOffice and Python's csv (encoding "utf-8-sig") take it as meant. */
#define UTF8_BOM "\xEF\xBB\xBF"

/**
 * _pb_pack_write_csv:
 *
 * Writes one row for each finding in the pack, after a header, the file
 * starting with UTF-8's byte order mark.
 */
gboolean
_pb_pack_write_csv (PbPackWalk  *walk,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GString) out = g_string_new (UTF8_BOM "\"Pack classification\",\"Section\",");
  g_autofree char *classification = classification_of (pb_pack_walk_get_pack (walk));
  Csv csv = { out, classification };

  g_string_append (out, pb_csv_finding_header ());
  g_string_append (out, ",\"Authority\",\"Inspection\",\"Inspection ended\",\"Published\"\r\n");
  return pb_pack_walk_run (walk, visit_cb, &csv, error) &&
         pb_export_write_contents (path, out->str, out->len, error);
}
