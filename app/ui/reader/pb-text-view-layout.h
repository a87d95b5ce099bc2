/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Text view's buffer as it is filled and read back: what the view
 * adds to the pages' text is tagged "extra", so that a place in the
 * buffer maps to a page index and a character index of that page's text
 * by counting the characters that are not. Private to the Text view. */

typedef struct _PbTextLayout PbTextLayout;

PbTextLayout  *pb_text_layout_new        (GtkTextTagTable   *tags,
                                          GStrv              pages,
                                          GStrv              shown,
                                          GPtrArray         *marks,
                                          GPtrArray         *cohorts);
void           pb_text_layout_free       (PbTextLayout      *layout);
gboolean       pb_text_layout_fill_some  (PbTextLayout      *layout,
                                          gint64             budget_us);
GtkTextBuffer *pb_text_layout_get_buffer (PbTextLayout      *layout);
guint          pb_text_layout_get_n_pages (PbTextLayout     *layout);
guint          pb_text_layout_get_page_length (PbTextLayout *layout,
                                          guint              page);
gboolean       pb_text_layout_label_at   (PbTextLayout      *layout,
                                          guint              page,
                                          GtkTextIter       *iter);
gboolean       pb_text_layout_iter_at    (PbTextLayout      *layout,
                                          guint              page,
                                          guint              index,
                                          GtkTextIter       *iter);
gboolean       pb_text_layout_place_of   (PbTextLayout      *layout,
                                          const GtkTextIter *iter,
                                          guint             *page,
                                          guint             *index);

G_END_DECLS
