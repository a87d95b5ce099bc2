/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

/**
 * PbBackupReason:
 * @PB_BACKUP_DAILY: the first start of a day
 * @PB_BACKUP_BEFORE_UPGRADE: before the library's schema is brought forward
 * @PB_BACKUP_BEFORE_CHANGE: before a bulk change (a restore, a large delete)
 * @PB_BACKUP_BY_HAND: asked for by the user
 *
 * Why a backup was taken; every backup is kept or rotated by the same rule.
 */
typedef enum
{
  PB_BACKUP_DAILY,
  PB_BACKUP_BEFORE_UPGRADE,
  PB_BACKUP_BEFORE_CHANGE,
  PB_BACKUP_BY_HAND,
} PbBackupReason;

#define PB_TYPE_BACKUP (pb_backup_get_type ())

G_DECLARE_FINAL_TYPE (PbBackup, pb_backup, PB, BACKUP, GObject)

const char *pb_backup_get_path        (PbBackup   *self);
GDateTime  *pb_backup_get_created     (PbBackup   *self);
gint64      pb_backup_get_n_reports   (PbBackup   *self);
gint64      pb_backup_get_n_findings  (PbBackup   *self);
gint64      pb_backup_get_n_packs     (PbBackup   *self);
gint        pb_backup_get_version     (PbBackup   *self);
const char *pb_backup_get_library_uuid (PbBackup  *self);

PbBackup   *pb_backup_read            (const char *path,
                                       GError    **error);
gboolean    pb_backup_verify          (PbBackup   *self,
                                       GError    **error);

gboolean    pb_library_snapshot       (PbLibrary      *self,
                                       const char     *dest,
                                       GError        **error);
char       *pb_library_backup         (PbLibrary      *self,
                                       PbBackupReason  reason,
                                       GError        **error);
char       *pb_library_backup_full    (PbLibrary      *self,
                                       PbBackupReason  reason,
                                       char          **out_second_copy,
                                       GError        **out_second_error,
                                       GError        **error);
gboolean    pb_library_backup_if_due  (PbLibrary      *self,
                                       gboolean       *out_made,
                                       GError        **error);
GPtrArray  *pb_library_list_backups   (PbLibrary      *self,
                                       GError        **error);
void        pb_library_set_second_backup_folder (PbLibrary  *self,
                                                 const char *folder);
const char *pb_library_get_second_backup_folder (PbLibrary  *self);

char       *pb_backup_file_name_for   (GDateTime      *time);
gboolean    pb_backup_parse_file_name (const char     *name,
                                       GDateTime     **out_time);
GPtrArray  *pb_backup_select_expired  (GPtrArray      *times,
                                       GDateTime      *now);
GPtrArray  *pb_backups_list_folder    (const char     *folder);
GPtrArray  *pb_backups_list_for       (const char     *folder,
                                       const char     *library_uuid);
GPtrArray  *pb_library_folder_list_backups (const char *library_path);

G_END_DECLS
