/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include "pb-export-file.h"
#include "pb-findings-csv.h"
#include "pb-pack-writers-private.h"

/* A pack as a spreadsheet: one row for each finding, in the pack's order,
 * its section first, then the columns every findings CSV has
 * (pb-findings-csv.c), then the day its report is dated by, ISO. */

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  GString *out = data;

  if (part->kind == PB_PACK_PART_FINDING)
    {
      pb_csv_append_field (out, part->section, FALSE);
      pb_csv_append_finding (out, part->finding, part->cohorts, FALSE);
      pb_csv_append_field (out, part->report_date, TRUE);
    }
  return TRUE;
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
  g_autoptr(GString) out = g_string_new (UTF8_BOM "\"Section\",");

  g_string_append (out, pb_csv_finding_header ());
  g_string_append (out, ",\"Report date\"\r\n");
  return pb_pack_walk_run (walk, visit_cb, out, error) &&
         pb_export_write_contents (path, out->str, out->len, error);
}
