/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-report.h"

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
GPtrArray  *pb_library_list_reports     (PbLibrary     *self,
                                         GError       **error);
PbReport   *pb_library_get_report       (PbLibrary     *self,
                                         gint64         id,
                                         GError       **error);
PbReport   *pb_library_find_report      (PbLibrary     *self,
                                         const char    *id_or_sha256,
                                         GError       **error);
GStrv       pb_library_dup_page_texts   (PbLibrary     *self,
                                         const char    *sha256,
                                         GError       **error);
char       *pb_library_dup_page_text    (PbLibrary     *self,
                                         gint64         report_id,
                                         guint          page_number,
                                         GError       **error);
gboolean    pb_library_remove_report    (PbLibrary     *self,
                                         gint64         id,
                                         GError       **error);

/* Where a report was left. sizing is "free", "fit-width" or "fit-page". */
typedef struct
{
  guint   page;      /* from 0 */
  double  zoom;
  char    sizing[16];
} PbViewState;

gboolean    pb_library_get_view_state   (PbLibrary     *self,
                                         gint64         report_id,
                                         PbViewState   *state);
gboolean    pb_library_save_view_state  (PbLibrary     *self,
                                         gint64         report_id,
                                         const PbViewState *state,
                                         GError       **error);
gint64      pb_library_get_last_read_report (PbLibrary *self);

G_END_DECLS
