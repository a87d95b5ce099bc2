/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-test-packs.h"

G_BEGIN_DECLS

/* An officer's library (the demo's, as the pack tests have it) and a
 * member's, made fresh, on the same machine as two separate libraries
 * would be on two: for the pack bundle tests. */
typedef struct
{
  PbPackFixture  officer;
  char          *member_dir;
  PbLibrary     *member;
} PbBundleFixture;

void        pb_bundle_fixture_setup     (PbBundleFixture *f,
                                         gconstpointer    data);
void        pb_bundle_fixture_teardown  (PbBundleFixture *f,
                                         gconstpointer    data);
char       *pb_bundle_fixture_out_path  (PbBundleFixture *f,
                                         const char      *name);

const char *pb_test_find_bytes          (const char      *data,
                                         gsize            length,
                                         const char      *needle);
gboolean    pb_test_file_contains       (const char      *path,
                                         const char      *needle);
guint       pb_test_count_bundle_packs  (PbLibrary       *library);
gint64      pb_bundle_fixture_locked_finding (PbBundleFixture *f,
                                         const char      *password,
                                         char           **out_title);

G_END_DECLS
