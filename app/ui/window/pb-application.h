/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_APPLICATION (pb_application_get_type ())

G_DECLARE_FINAL_TYPE (PbApplication, pb_application, PB, APPLICATION, AdwApplication)

PbApplication *pb_application_new          (void);
PbLibrary     *pb_application_get_library  (PbApplication *self);
GSettings     *pb_application_get_settings (PbApplication *self);
void           pb_application_restore_backup       (PbApplication *self,
                                                    const char    *backup_path);
void           pb_application_open_library_archive (PbApplication *self,
                                                    const char    *archive_path);
void           pb_application_watch_second_backup_folder (PbApplication *self);

G_END_DECLS
