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
 * @PB_RESTORE_ERROR_OTHER_LIBRARY: the backup is another library's, and the
 *   library it would replace holds something (see %PB_RESTORE_ANY_LIBRARY)
 */
typedef enum
{
  PB_RESTORE_ERROR_DAMAGED_BACKUP,
  PB_RESTORE_ERROR_NEWER,
  PB_RESTORE_ERROR_IN_USE,
  PB_RESTORE_ERROR_NO_BACKUP,
  PB_RESTORE_ERROR_OTHER_LIBRARY,
} PbRestoreError;

/**
 * PbRestoreFlags:
 * @PB_RESTORE_NONE: only a backup of this library (or of an empty one)
 * @PB_RESTORE_ANY_LIBRARY: a backup of another library too, as the user
 *   asked for it by name (“panel-brief restore --anyway”)
 */
typedef enum
{
  PB_RESTORE_NONE        = 0,
  PB_RESTORE_ANY_LIBRARY = 1 << 0,
} PbRestoreFlags;

GQuark   pb_restore_error_quark             (void);
gboolean pb_library_restore                 (const char  *library_path,
                                             const char  *backup_path,
                                             char       **out_safety_copy,
                                             GError     **error);
gboolean pb_library_restore_full            (const char      *library_path,
                                             const char      *backup_path,
                                             PbRestoreFlags   flags,
                                             char           **out_safety_copy,
                                             GError         **error);
char    *pb_library_find_latest_good_backup (const char  *library_path,
                                             GError     **error);

G_END_DECLS
