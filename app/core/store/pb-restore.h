/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PB_RESTORE_ERROR (pb_restore_error_quark ())

/**
 * PbRestoreError:
 * @PB_RESTORE_ERROR_DAMAGED_BACKUP: the backup does not pass integrity_check
 * @PB_RESTORE_ERROR_NEWER: the backup was made by a newer Panel Brief
 * @PB_RESTORE_ERROR_IN_USE: another program has the library open
 * @PB_RESTORE_ERROR_NO_BACKUP: there is no good backup to restore
 */
typedef enum
{
  PB_RESTORE_ERROR_DAMAGED_BACKUP,
  PB_RESTORE_ERROR_NEWER,
  PB_RESTORE_ERROR_IN_USE,
  PB_RESTORE_ERROR_NO_BACKUP,
} PbRestoreError;

GQuark   pb_restore_error_quark             (void);
gboolean pb_library_restore                 (const char  *library_path,
                                             const char  *backup_path,
                                             char       **out_safety_copy,
                                             GError     **error);
char    *pb_library_find_latest_good_backup (const char  *library_path,
                                             GError     **error);

G_END_DECLS
