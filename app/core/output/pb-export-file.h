/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything Panel Brief writes is in British English: the PDF catalogue,
 * the DOCX styles and the HTML page all say so for screen readers. */
#define PB_EXPORT_LANGUAGE "en-GB"

char     *pb_export_partial_path (const char  *path);
gboolean  pb_export_move_into_place (const char  *partial,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
