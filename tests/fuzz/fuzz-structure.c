/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "pb-pdf-text.h"
#include "pb-structure-reader.h"
#include "pb-structure.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Any bytes, as pages split at form feeds, must give a structure (usually
 * "other") and never crash, hang or read out of bounds. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  PbStructure *structure;

  if (size > 64 * 1024)
    return 0;

  text = g_utf8_make_valid ((const char *)data, (gssize)size);
  pages = g_strsplit (text, "\f", 50);
  structure = pb_structure_read_text ((const char * const *)pages);
  pb_structure_free (structure);

  if (pages[0] != NULL)
    g_free (g_strdup_printf ("%u", pb_structure_paragraph_for_quote ((const char * const *)pages, 1, "Children")));

  /* The reading-order pass too, with boxes made up from the bytes. */
  {
    g_autofree PopplerRectangle *rects = g_new0 (PopplerRectangle, MAX (size / 4, 1));

    for (size_t i = 0; i < size / 4; i++)
      rects[i] = (PopplerRectangle) { data[i], data[i] ^ 0x55, data[i] + 7.0, (data[i] ^ 0x55) + 12.0 };
    g_free (pb_pdf_text_from_layout (text, rects, size / 4));
  }

  return 0;
}
