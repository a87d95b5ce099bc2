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
gint64  pb_pack_fixture_board_pack (PbPackFixture *f,
                                    guint          n_findings,
                                    gboolean       exempt);
gint64  pb_pack_fixture_board_pack_quoting (PbPackFixture      *f,
                                            guint               n_findings,
                                            gboolean            exempt,
                                            const char * const *quotes,
                                            guint               n_quotes);
char   *pb_test_write_logo         (const char    *dir);

/* What pb_pack_fixture_board_pack() fills in. */
#define PB_TEST_BOARD_TITLE     "Ofsted’s findings on Harrowdale children’s services"
#define PB_TEST_BOARD_COUNCIL   "Harrowdale Borough Council"
#define PB_TEST_BOARD_AUTHOR    "Jo Marsh, Head of Service, Children in Care"
#define PB_TEST_BOARD_CONTACT   "jo.marsh@harrowdale.example, 01632 960 123"
#define PB_TEST_BOARD_AGENDA    "7"
#define PB_TEST_BOARD_PARAGRAPH 3
guint   pb_test_count_leftovers    (const char    *dir);

G_END_DECLS
