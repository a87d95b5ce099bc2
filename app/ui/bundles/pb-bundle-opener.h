/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-bundle.h"

G_BEGIN_DECLS

#define PB_TYPE_BUNDLE_OPENER (pb_bundle_opener_get_type ())

G_DECLARE_FINAL_TYPE (PbBundleOpener, pb_bundle_opener, PB, BUNDLE_OPENER, GObject)

PbBundleOpener *pb_bundle_opener_new            (PbLibrary      *library,
                                                 GtkWidget      *owner);
void            pb_bundle_opener_open           (PbBundleOpener *self,
                                                 GFile          *file);
gboolean        pb_bundle_opener_get_busy       (PbBundleOpener *self);
void            pb_bundle_opener_cancel         (PbBundleOpener *self);
const GError   *pb_bundle_opener_get_last_error (PbBundleOpener *self);
gboolean        pb_bundle_is_bundle_file        (GFile          *file);

G_END_DECLS
