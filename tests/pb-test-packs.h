/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

/* A library holding the demo's reports and findings, for the pack tests. */
typedef struct
{
  char      *dir;
  PbLibrary *library;
  GPtrArray *findings;     /* PbFinding, the demo's */
  gint64     exempt_id;    /* one of them that is exempt */
} PbPackFixture;

void    pb_pack_fixture_setup      (PbPackFixture *f,
                                    gconstpointer  data);
void    pb_pack_fixture_teardown   (PbPackFixture *f,
                                    gconstpointer  data);
GArray *pb_pack_fixture_public_ids (PbPackFixture *f);
guint   pb_test_count_leftovers    (const char    *dir);

G_END_DECLS
