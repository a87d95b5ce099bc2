/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-structure.h"

G_BEGIN_DECLS

PbStructure *pb_structure_read_text   (const char * const *pages);
guint        pb_structure_paragraph_for_quote (const char * const *pages,
                                               guint               page_number,
                                               const char         *quote);

G_END_DECLS
