/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-pack-editor.h"

G_BEGIN_DECLS

/* The fixture of the pack widgets' tests: the demo library with its pack,
 * shown in an editor in a window with a toast overlay. */

typedef struct
{
  char            *dir;
  PbLibrary       *library;
  gint64           pack_id;
  GtkWidget       *window;
  AdwToastOverlay *overlay;
  PbPackEditor    *editor;
} Fixture;

void         pb_packs_fixture_setup    (Fixture       *f,
                                        gconstpointer  data);
void         pb_packs_fixture_teardown (Fixture       *f,
                                        gconstpointer  data);
PbPackEntry *pb_packs_entry_at         (Fixture       *f,
                                        guint          position);
GtkWidget   *pb_packs_find_widget      (GtkWidget     *widget,
                                        GType          type);

G_END_DECLS
