/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pb-library.h"

G_BEGIN_DECLS

/* What the command line's commands share. */

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  char     *library_dir;
  gboolean  json;
} CommonOptions;

typedef int (*CommandFunc) (CommonOptions *common,
                            int            argc,
                            char         **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

const Command *_pb_cli_find_command   (const char     *name);
int            _pb_cli_fail           (const char     *message);
int            _pb_cli_fail_with      (const GError   *error,
                                       const char     *title);
int            _pb_cli_usage_error    (const char     *message);
void           _pb_cli_print_json     (JsonBuilder    *builder);
gboolean       _pb_cli_parse_options  (CommonOptions  *common,
                                       const Command  *command,
                                       GOptionEntry   *extra,
                                       int            *argc,
                                       char         ***argv,
                                       GError        **error);
PbLibrary     *_pb_cli_open_library   (CommonOptions  *common,
                                       GError        **error);
PbLibrary     *_pb_cli_open_library_to_change (CommonOptions  *common,
                                               GError        **error);

int            _pb_cli_run_pack       (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_export_annotated (CommonOptions *common,
                                             int            argc,
                                             char         **argv);
int            _pb_cli_run_reindex    (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);

/* pb-cli-bundle.c */
int            _pb_cli_run_open_bundle (CommonOptions *common,
                                        int            argc,
                                        char         **argv);
int            _pb_cli_run_bundle     (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_questions  (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
char          *_pb_cli_get_passphrase (const char     *file,
                                       gboolean        confirm,
                                       GError        **error);
void           _pb_cli_wipe           (char           *secret);

/* pb-cli-library.c */
int            _pb_cli_run_check      (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_backup     (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_restore    (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_library    (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);

/* pb-cli-recommendations.c, pb-cli-compare.c */
int            _pb_cli_run_recommendations (CommonOptions *common,
                                            int            argc,
                                            char         **argv);
int            _pb_cli_run_compare    (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);

G_END_DECLS
