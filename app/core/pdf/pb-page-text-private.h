/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-page-text.h"

G_BEGIN_DECLS

PbPageText *_pb_page_text_new_take (guint   page,
                                    char   *text,
                                    PbRect *boxes,
                                    guint  *lines,
                                    guint   n_chars);

G_END_DECLS
