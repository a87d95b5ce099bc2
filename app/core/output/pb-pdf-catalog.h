/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes  *pb_pdf_mark_accessible_bytes (GBytes      *pdf,
                                       const char  *language,
                                       const char  *title,
                                       GError     **error);
gboolean pb_pdf_mark_accessible       (const char  *path,
                                       const char  *language,
                                       GError     **error);
char    *pb_pdf_read_catalog          (const char  *path,
                                       GError     **error);

G_END_DECLS
