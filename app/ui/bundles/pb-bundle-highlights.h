/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-finding.h"
#include "pb-library.h"

G_BEGIN_DECLS

GListModel *pb_bundle_highlights_new (PbLibrary  *library,
                                      const char *report_sha256,
                                      GHashTable *colors);
gboolean    pb_bundle_finding_is_from_pack (PbFinding *finding);

G_END_DECLS
