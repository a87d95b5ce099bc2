/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-citation.h"
#include "pb-dates.h"
#include "pb-finding-store.h"
#include "pb-pack-store.h"
#include "pb-structure-store.h"
#include "pb-pack.h"
#include "pb-pack-export.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/* What every pack export reads, and the words they share. */
typedef struct
{
  PbLibrary  *library;
  PbPack     *pack;
  GPtrArray  *sections;     /* PbPackSection */
  GHashTable *findings;     /* id → PbFinding, those that may be printed */
  GHashTable *structures;   /* report id → PbStructure, or NULL for none */
  GArray     *report_order; /* report ids, as first cited */

  /* For an export run in the background: stop when asked, say how far. */
  GCancellable         *cancellable;
  PbExportProgressFunc  progress;
  gpointer              progress_data;
  guint                 n_written;    /* findings written so far */
} Export;

gboolean    _pb_pack_export_load      (Export        *export,
                                       gint64         pack_id,
                                       GError       **error);
void        _pb_pack_export_clear     (Export        *export);
gboolean    _pb_pack_export_step      (Export        *export);
void        _pb_pack_export_report    (Export        *export,
                                       double         fraction);
gboolean    _pb_pack_export_cancelled (Export        *export,
                                       GError       **error);
gboolean    _pb_pack_write_pdf        (Export        *export,
                                       const char    *path,
                                       GError       **error);
gboolean    _pb_pack_write_csv        (Export        *export,
                                       const char    *path,
                                       GError       **error);
gboolean    _pb_pack_write_html       (Export        *export,
                                       const char    *path,
                                       GError       **error);
gboolean    _pb_pack_write_docx       (Export        *export,
                                       const char    *path,
                                       GError       **error);
guint       _pb_pack_count_printed    (Export        *export,
                                       PbPackSection *section);
char       *_pb_pack_format_about     (Export        *export,
                                       PbFinding     *finding);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, _pb_pack_export_clear)

G_END_DECLS
