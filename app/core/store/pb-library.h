/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

#define PB_LIBRARY_ERROR (pb_library_error_quark ())

typedef enum
{
  PB_LIBRARY_ERROR_NEWER_SCHEMA,
  PB_LIBRARY_ERROR_NOT_A_LIBRARY,
  PB_LIBRARY_ERROR_NOT_FOUND,
  PB_LIBRARY_ERROR_INVALID_QUERY,
  PB_LIBRARY_ERROR_DAMAGED,
  PB_LIBRARY_ERROR_DISK_FULL,
  PB_LIBRARY_ERROR_READ_ONLY,
  PB_LIBRARY_ERROR_BUSY,
  PB_LIBRARY_ERROR_MISSING_FILE,
  PB_LIBRARY_ERROR_OUTPUT_INSIDE,
  PB_LIBRARY_ERROR_MISSING_DATABASE,
  PB_LIBRARY_ERROR_OTHER_LIBRARY,
} PbLibraryError;

#define PB_TYPE_LIBRARY (pb_library_get_type ())

G_DECLARE_FINAL_TYPE (PbLibrary, pb_library, PB, LIBRARY, GObject)

GQuark      pb_library_error_quark      (void);
char       *pb_library_resolve_path     (const char    *requested);
PbLibrary  *pb_library_open             (const char    *path,
                                         GError       **error);
PbLibrary  *pb_library_open_to_read     (const char    *path,
                                         GError       **error);
const char *pb_library_get_path         (PbLibrary     *self);
gboolean    pb_library_is_report_file_name (const char *name);
char       *pb_library_dup_report_path  (PbLibrary     *self,
                                         const char    *sha256);
gboolean    pb_library_is_read_only     (PbLibrary     *self);
const GError *pb_library_get_problem    (PbLibrary     *self);
const char *pb_library_get_notice       (PbLibrary     *self);
gboolean    pb_library_check_writable   (PbLibrary     *self,
                                         GError       **error);
gboolean    pb_library_check_output_path (PbLibrary    *self,
                                          const char   *path,
                                          GError      **error);
G_END_DECLS
