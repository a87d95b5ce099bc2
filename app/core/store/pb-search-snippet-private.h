/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *_pb_search_snippet_from_highlight (const char *highlighted);

G_END_DECLS
