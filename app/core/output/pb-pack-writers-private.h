/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* One writer per format.  Each renders what the walk gives, nothing more:
 * the order, the headings and the words come from pb-pack-walk.c.  Each
 * writes its file privately and whole (pb-export-file.c), and reports no
 * progress of its own beyond the walk's.  The dispatcher
 * (pb-pack-export.c) calls them; they never call it. */

gboolean _pb_pack_write_pdf  (PbPackWalk  *walk,
                              const char  *path,
                              GError     **error);
gboolean _pb_pack_write_docx (PbPackWalk  *walk,
                              const char  *path,
                              GError     **error);
gboolean _pb_pack_write_html (PbPackWalk  *walk,
                              const char  *path,
                              GError     **error);
gboolean _pb_pack_write_csv  (PbPackWalk  *walk,
                              const char  *path,
                              GError     **error);

G_END_DECLS
