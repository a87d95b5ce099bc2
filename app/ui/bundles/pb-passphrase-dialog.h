/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PB_TYPE_PASSPHRASE_DIALOG (pb_passphrase_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PbPassphraseDialog, pb_passphrase_dialog, PB, PASSPHRASE_DIALOG, AdwMessageDialog)

PbPassphraseDialog *pb_passphrase_dialog_new_ask      (GtkWindow          *parent,
                                                       const char         *file_name,
                                                       const char         *problem);
PbPassphraseDialog *pb_passphrase_dialog_new_choose   (GtkWindow          *parent,
                                                       const char         *pack_title);
gboolean            pb_passphrase_dialog_get_choosing (PbPassphraseDialog *self);
const char         *pb_passphrase_dialog_get_problem  (PbPassphraseDialog *self);
void                pb_passphrase_dialog_type         (PbPassphraseDialog *self,
                                                       const char         *passphrase,
                                                       const char         *again);

G_END_DECLS
