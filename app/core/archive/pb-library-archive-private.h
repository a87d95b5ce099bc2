/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <zip.h>

#include "pb-library-archive.h"

G_BEGIN_DECLS

/* Shared by writing (pb-library-archive.c) and opening
 * (pb-library-archive-import.c) a library archive. */

#define ARCHIVE_FORMAT  "panel-brief-library"
#define ARCHIVE_VERSION 1
#define MANIFEST_NAME   "manifest.json"
#define DATABASE_NAME   "library.db"
#define COPY_CHUNK      (64 * 1024)   /* bytes read at a time, on the stack */

/* Where the archive's own database is taken out to while a library import
 * runs, in the library folder (check lists unlocked ones as leftovers). */
#define ARCHIVE_DB_PREFIX ".archive-"
#define ARCHIVE_DB_SUFFIX ".db"

typedef struct
{
  PbArchiveProgressFunc progress;
  gpointer              data;
  double                start;
  double                share;
  GCancellable         *cancellable;
} ArchiveProgress;

void        _pb_archive_report        (ArchiveProgress  *progress,
                                       double            fraction);
void        _pb_archive_set_zip_error (GError          **error,
                                       int               code,
                                       const char       *what,
                                       zip_error_t      *details);
GHashTable *_pb_archive_read_manifest (zip_t            *zip,
                                       JsonObject      **out_settings,
                                       GError          **error);
gboolean    _pb_archive_extract       (zip_t            *zip,
                                       const char       *name,
                                       const char       *expected_sha,
                                       int               fd,
                                       const char       *dest,
                                       GError          **error);

G_END_DECLS
