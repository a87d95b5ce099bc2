/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack.h"

G_BEGIN_DECLS

/* The fields of a pack snapshot, for the store that fills them in. */
struct _PbPack
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  char     *committee;
  char     *meeting_date;
  char     *author;
  gboolean  exempt;
  char     *introduction;
  guint     n_findings;
  char     *agenda_item;
  char     *contact;
  guint     exempt_paragraph;   /* 1 to 7, or 0 for none */
};

PbPack *_pb_pack_new            (void);
void    _pb_pack_set_not_found  (GError **error,
                                 gint64   pack_id);

G_END_DECLS
