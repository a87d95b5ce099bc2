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
} PbLibraryError;

#define PB_TYPE_LIBRARY (pb_library_get_type ())

G_DECLARE_FINAL_TYPE (PbLibrary, pb_library, PB, LIBRARY, GObject)

GQuark      pb_library_error_quark      (void);
char       *pb_library_resolve_path     (const char    *requested);
PbLibrary  *pb_library_open             (const char    *path,
                                         GError       **error);
const char *pb_library_get_path         (PbLibrary     *self);
char       *pb_library_dup_report_path  (PbLibrary     *self,
                                         const char    *sha256);
G_END_DECLS
