/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Running the real panel-brief binary ($PB_BINARY) as a script would. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} PbTestRun;

void      pb_test_run_clear              (PbTestRun  *run);
void      pb_test_run_cli                (PbTestRun  *run,
                                          const char *first,
                                          ...) G_GNUC_NULL_TERMINATED;
void      pb_test_run_cli_in             (PbTestRun  *run,
                                          const char *cwd,
                                          const char *first,
                                          ...) G_GNUC_NULL_TERMINATED;
JsonNode *pb_test_parse_json             (const char *text);
void      pb_test_assert_one_line_error  (PbTestRun  *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PbTestRun, pb_test_run_clear)

/* A fresh folder with a two-page report in it, and where a library may go
 * (not made until a command makes it). */
typedef struct
{
  char *dir;
  char *library_dir;
  char *pdf;
} PbTestCliFixture;

void      pb_test_cli_fixture_setup      (PbTestCliFixture *f,
                                          gconstpointer     data);
void      pb_test_cli_fixture_teardown   (PbTestCliFixture *f,
                                          gconstpointer     data);

G_END_DECLS
