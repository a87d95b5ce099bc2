/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkPrintOperation *pb_print_operation_new_for_pdf (const char  *path,
                                                   const char  *job_name,
                                                   GError     **error);

G_END_DECLS
