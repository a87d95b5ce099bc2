/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-pack-writers-private.h"
#include "pb-pdf-writer.h"

/* A pack as the PDF the panel receives: a cover, contents that link to each
 * part, the grades of the inspections it cites, then each section's
 * findings as quoted passages with their citation line and note; a
 * bookmark for each part.  Every page of an exempt pack is headed NOT FOR
 * PUBLICATION. */

static gboolean
visit_cb (const PbPackPart  *part,
          gpointer           data,
          GError           **error)
{
  PbPdfWriter *writer = data;

  switch (part->kind)
    {
    case PB_PACK_PART_COVER:
      {
        g_autofree char *details = g_strjoinv ("\n", (char **)part->details);

        pb_pdf_writer_heading (writer, 1, part->text);
        pb_pdf_writer_paragraph (writer, details);
        if (part->introduction != NULL)
          pb_pdf_writer_paragraph (writer, part->introduction);
      }
      break;

    case PB_PACK_PART_CONTENTS:
      pb_pdf_writer_heading (writer, 2, part->text);
      for (guint i = 0; i < part->n_links; i++)
        pb_pdf_writer_link (writer, part->links[i].text, part->links[i].anchor);
      break;

    case PB_PACK_PART_GRADES:
    case PB_PACK_PART_SECTION:
      pb_pdf_writer_page_break (writer);
      pb_pdf_writer_heading_with_dest (writer, 1, part->text, part->anchor);
      break;

    case PB_PACK_PART_INSPECTION:
      pb_pdf_writer_heading (writer, 3, part->text);
      pb_pdf_writer_table (writer, part->columns[0], part->columns[1],
                           (const char **)part->labels, (const char **)part->grades, part->n_rows);
      break;

    case PB_PACK_PART_HEADING:
      pb_pdf_writer_heading (writer, 2, part->text);
      break;

    case PB_PACK_PART_NOTE:
      pb_pdf_writer_paragraph (writer, part->text);
      break;

    case PB_PACK_PART_FINDING:
      pb_pdf_writer_quote (writer, part->text);
      pb_pdf_writer_paragraph (writer, part->about);
      if (part->note != NULL)
        pb_pdf_writer_paragraph (writer, part->note);
      pb_pdf_writer_space (writer, 10);
      break;

    case PB_PACK_PART_SECTION_END:
    default:
      break;
    }
  return TRUE;
}

/**
 * _pb_pack_write_pdf:
 *
 * Writes the pack as a tagged PDF at @path.
 */
gboolean
_pb_pack_write_pdf (PbPackWalk  *walk,
                    const char  *path,
                    GError     **error)
{
  PbPack *pack = pb_pack_walk_get_pack (walk);
  g_autoptr(PbPdfWriter) writer = NULL;

  writer = pb_pdf_writer_new (path, pb_pack_get_title (pack), pb_pack_get_author (pack));
  pb_pdf_writer_set_footer (writer, pb_pack_get_title (pack));
  pb_pdf_writer_set_outline (writer, TRUE);
  pb_pdf_writer_set_header (writer, pb_pack_walk_get_banner (walk));

  return pb_pack_walk_run (walk, visit_cb, writer, error) &&
         pb_pdf_writer_finish (writer, error);
}
