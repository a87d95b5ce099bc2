/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-backup.h"
#include "pb-db.h"

G_BEGIN_DECLS

/* What pb-backup.c (a backup: its name, what it holds, its check) and
 * pb-backup-make.c (taking one) share. */

#define PB_BACKUP_PREFIX "library-"
#define PB_BACKUP_SUFFIX ".db"

/* The counts a backup is checked against: they must survive the copy. */
typedef struct
{
  gint64 reports;
  gint64 findings;
  gint64 packs;
  gint64 cohorts;
  gint   version;
} PbBackupCounts;

gboolean _pb_backup_read_counts (sqlite3         *db,
                                 PbBackupCounts  *counts,
                                 GError         **error);

G_END_DECLS
