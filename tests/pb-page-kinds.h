/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-finding.h"
#include "pb-rect.h"

G_BEGIN_DECLS

/* Making the kinds of PDF that trip page text up, and checking highlights
 * against what pdftotext -bbox says the words' boxes are. */

typedef struct
{
  char   *text;
  guint   page;     /* from 1 */
  PbRect  box;      /* top-left origin, on the displayed page */
} PbTestWord;

/**
 * PbTestPage:
 * @lines: the lines, top to bottom, 12 pt DejaVu Sans 18 pt apart; in a
 *   line, "\t" goes on at a hanging indent (after a paragraph number) and
 *   "\v" in a second column (a table's)
 * @footer: (nullable): a line at the foot of the page
 * @header: (nullable): a line at its head
 * @rtl_line: which line (from 1) to set with Pango, shaped right to left;
 *   0 for none
 * @turn: degrees to turn the text by on an upright page (90 sets it running
 *   down the page, as a sideways table)
 */
typedef struct
{
  const char * const *lines;
  const char         *footer;
  const char         *header;
  guint               rtl_line;
  int                 turn;
} PbTestPage;

char      *pb_test_kinds_write_pdf       (const char        *dir,
                                          const char        *name,
                                          const PbTestPage  *pages,
                                          guint              n_pages,
                                          const char        *title);
char      *pb_test_kinds_qpdf            (const char        *source,
                                          const char        *suffix,
                                          ...) G_GNUC_NULL_TERMINATED;
GPtrArray *pb_test_kinds_words           (const char        *pdf,
                                          const char        *password);
GPtrArray *pb_test_kinds_words_of        (GPtrArray         *words,
                                          guint              page,
                                          const char        *quote);
void       pb_test_kinds_assert_covered  (GArray            *anchors,
                                          GPtrArray         *words);
GArray    *pb_test_kinds_highlights      (const char        *pdf,
                                          const char        *password,
                                          guint              page,
                                          int                rotation);
gboolean   pb_test_kinds_qpdf_is_clean   (const char        *pdf);
char      *pb_test_kinds_shared_annots_pdf (const char      *dir);
char      *pb_test_kinds_without_xref    (const char        *pdf);
char      *pb_test_kinds_bare_highlight_pdf (const char     *dir);

G_END_DECLS
