/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  pb_xml_append_text (GString    *out,
                          const char *text);
char *pb_xml_escape_text (const char *text);

G_END_DECLS
