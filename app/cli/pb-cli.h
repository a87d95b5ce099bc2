/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pb_cli_wants_command_line (int    argc,
                                    char **argv);
int      pb_cli_run                (int    argc,
                                    char **argv);
gboolean pb_cli_run_lean           (int    argc,
                                    char **argv,
                                    int   *out_status);

G_END_DECLS
