/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-test-reports.h"

G_BEGIN_DECLS

/* An empty library of its own, for the tests of tracked recommendations,
 * and the ways they fill it. */
typedef struct
{
  char      *dir;
  PbLibrary *library;
} PbRecFixture;

/* Three recommendations as an inspection words them, NULL-terminated. */
extern const char * const pb_test_three_recs[];

void   pb_rec_fixture_setup    (PbRecFixture       *f,
                                gconstpointer       data);
void   pb_rec_fixture_teardown (PbRecFixture       *f,
                                gconstpointer       data);
gint64 pb_test_rec_import      (PbRecFixture       *f,
                                const char         *name,
                                PbTestEra           era,
                                const char         *dates,
                                const char * const *recs);
gint64 pb_test_rec_add_by_hand (PbRecFixture       *f,
                                const char         *text,
                                const char         *due);
gint64 pb_test_rec_add_finding (PbRecFixture       *f,
                                gint64              report_id,
                                guint               page_number,
                                const char         *quote,
                                gboolean            exempt);

G_END_DECLS
