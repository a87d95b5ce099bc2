/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PB_TYPE_PASSWORD_DIALOG (pb_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PbPasswordDialog, pb_password_dialog, PB, PASSWORD_DIALOG, AdwMessageDialog)

PbPasswordDialog *pb_password_dialog_new      (GtkWindow        *parent,
                                               GFile            *file,
                                               gboolean          retry);
void              pb_password_dialog_set_retry (PbPasswordDialog *self,
                                                gboolean          retry);
gboolean          pb_password_dialog_get_retry (PbPasswordDialog *self);
GFile            *pb_password_dialog_get_file (PbPasswordDialog *self);

G_END_DECLS
