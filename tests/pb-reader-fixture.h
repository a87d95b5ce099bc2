/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-window.h"

G_BEGIN_DECLS

/* The fixture of the reader's tests: a library with one report of eight
 * pages ("offer.pdf", "Local offer"), open in a window of 1000 × 760 unless
 * the test's data gives another size (PB_READER_SIZE). */

typedef struct
{
  char      *dir;
  char      *pdf;
  PbLibrary *library;
  PbWindow  *window;
  gint64     report_id;
  int        width;      /* the window's, or 0 for 1000 */
  int        height;     /* likewise, 0 for 760 */
} Fixture;

/* A window size as the data of g_test_add (). */
#define PB_READER_SIZE(w, h) GUINT_TO_POINTER ((guint)(w) << 16 | (guint)(h))

void             pb_reader_fixture_setup    (Fixture       *f,
                                             gconstpointer  data);
void             pb_reader_fixture_teardown (Fixture       *f,
                                             gconstpointer  data);
PbWindow        *pb_reader_fixture_open_window (Fixture    *f);
gint64           pb_reader_fixture_add_finding (Fixture    *f,
                                             guint          page,
                                             const char    *quote,
                                             const char    *note,
                                             PbFindingKind  kind);
gint64           pb_reader_fixture_import   (Fixture       *f,
                                             const char    *name,
                                             const char    *title,
                                             guint          n_pages);
void             pb_reader_iterate_until    (gboolean     (*done) (Fixture *f),
                                             Fixture       *f);
gboolean         pb_reader_loaded           (Fixture       *f);
PbDocumentView  *pb_reader_view_of          (Fixture       *f);
PbFindingEditor *pb_reader_find_editor      (void);
GtkWidget       *pb_reader_find_widget      (GtkWidget     *widget,
                                             GType          type);
AdwEntryRow     *pb_reader_find_entry_row   (GtkWidget     *widget,
                                             const char    *title_prefix);
guint            pb_reader_count_textures   (GtkWidget     *widget);
guint            pb_reader_count_nodes      (GtkWidget     *widget,
                                             GskRenderNodeType type);
void             pb_reader_select_words     (Fixture       *f,
                                             guint          page,
                                             double         x1_pt,
                                             double         y1_pt,
                                             double         x2_pt,
                                             double         y2_pt);
char            *pb_reader_read_clipboard   (GtkWidget     *widget);
GtkWidget       *pb_reader_press_keys       (GtkRoot       *root,
                                             guint          keyval,
                                             GdkModifierType modifiers);
GtkGesture      *pb_reader_view_gesture     (Fixture       *f,
                                             GType          type);

G_END_DECLS
