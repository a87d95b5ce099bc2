/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pb-library.h"
#include "pb-report.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/* What the command line's commands share. */

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
  /* Stopped by Ctrl+C (SIGINT) or SIGTERM: 128 and SIGINT's number, as
   * shells report a command interrupted. */
  EXIT_STOPPED = 130,
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
void           _pb_cli_action_first   (int             argc,
                                       char          **argv);
void           _pb_cli_print_json     (JsonBuilder    *builder);
void           _pb_cli_add_string_or_null (JsonBuilder *builder,
                                           const char  *name,
                                           const char  *value);
char          *_pb_cli_display            (const char  *path);
void           _pb_cli_add_path           (JsonBuilder *builder,
                                           const char  *name,
                                           const char  *path);
char          *_pb_cli_output_path        (const char  *path,
                                           GError     **error);
void           _pb_cli_add_int_or_null    (JsonBuilder *builder,
                                           const char  *name,
                                           gint64       value,
                                           gboolean     present);
void           _pb_cli_add_date_or_null   (JsonBuilder *builder,
                                           const char  *name,
                                           GDateTime   *value);
gboolean       _pb_cli_parse_id       (const char     *text,
                                       gint64         *id);
gboolean       _pb_cli_parse_options  (CommonOptions  *common,
                                       const Command  *command,
                                       GOptionEntry   *extra,
                                       int            *argc,
                                       char         ***argv,
                                       GError        **error);
void           _pb_cli_arrange_args   (int             argc,
                                       char          **argv,
                                       int             command_index,
                                       char          **args);
PbLibrary     *_pb_cli_open_library   (CommonOptions  *common,
                                       GError        **error);
PbLibrary     *_pb_cli_open_library_to_change (CommonOptions  *common,
                                               GError        **error);
PbLibrary     *_pb_cli_open_library_to_read (CommonOptions  *common,
                                             GError        **error);
int            _pb_cli_read_status    (PbLibrary      *library);

/* pb-cli-read.c: what the lean front runs itself */
extern const Command _pb_cli_list_command;
extern const Command _pb_cli_search_command;
extern const Command _pb_cli_show_command;
int            _pb_cli_run_list       (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_search     (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_show       (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
void           _pb_cli_add_report_members (JsonBuilder *builder,
                                           PbLibrary   *library,
                                           PbReport    *report);
void           _pb_cli_add_structure_summary (JsonBuilder *builder,
                                              PbStructure *structure);
void           _pb_cli_add_judgements     (JsonBuilder *builder,
                                           PbStructure *structure);
char          *_pb_cli_format_date        (GDateTime   *date);
GHashTable    *_pb_cli_display_titles     (PbLibrary   *library,
                                           GError     **error);
const char    *_pb_cli_title_for          (GHashTable  *titles,
                                           gint64       report_id,
                                           const char  *fallback);

/* pb-cli-reports.c */
int            _pb_cli_run_import     (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_inspect    (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);

/* pb-cli-findings.c */
int            _pb_cli_run_findings   (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);

/* pb-cli-pack.c */
int            _pb_cli_run_pack       (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);
int            _pb_cli_run_export_annotated (CommonOptions *common,
                                             int            argc,
                                             char         **argv);

/* pb-cli-reindex.c */
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
void           _pb_cli_print_recommendations_json   (PbLibrary  *library,
                                                     GArray     *ids);
int            _pb_cli_recommendation_statuses_usage (void);

/* pb-cli-recommendations-edit.c: each takes "recommendations ACTION …"
 * with the action in argv[1] */
int            _pb_cli_recommendations_create        (CommonOptions  *common,
                                                      int             argc,
                                                      char          **argv);
int            _pb_cli_recommendations_update        (CommonOptions  *common,
                                                      int             argc,
                                                      char          **argv);
int            _pb_cli_recommendations_link          (CommonOptions  *common,
                                                      int             argc,
                                                      char          **argv,
                                                      gboolean        link);
int            _pb_cli_recommendations_suggest_links (CommonOptions  *common,
                                                      int             argc,
                                                      char          **argv);
int            _pb_cli_recommendations_confirm_link  (CommonOptions  *common,
                                                      int             argc,
                                                      char          **argv);
int            _pb_cli_recommendations_delete        (CommonOptions  *common,
                                                      int             argc,
                                                      char          **argv);
int            _pb_cli_run_compare    (CommonOptions  *common,
                                       int             argc,
                                       char          **argv);

G_END_DECLS
