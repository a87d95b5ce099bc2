/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"

G_BEGIN_DECLS

/* A fresh folder and where a library goes in it (not made until opened),
 * for the tests that the library never loses what the user saved. */
typedef struct
{
  char *dir;
  char *library_dir;
  char *db_path;
  char *reports_dir;
} PbSafetyFixture;

void    pb_safety_fixture_setup    (PbSafetyFixture *f,
                                    gconstpointer    data);
void    pb_safety_fixture_teardown (PbSafetyFixture *f,
                                    gconstpointer    data);
char   *pb_safety_write_report     (PbSafetyFixture *f,
                                    const char      *name,
                                    const char      *text);
gint64  pb_safety_import           (PbLibrary       *library,
                                    const char      *path);
void    pb_safety_add_finding      (PbLibrary       *library,
                                    gint64           report_id);
char   *pb_test_read_file          (const char      *path,
                                    gsize           *length);
char   *pb_safety_list_tree        (const char      *dir);

G_END_DECLS
