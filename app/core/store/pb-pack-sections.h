/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-pack-section.h"
#include "pb-structure.h"

G_BEGIN_DECLS

/* A pack's sections of other kinds than findings: the recommendation
 * tracker, and two reports compared. Each call that changes a pack is one
 * transaction and announces itself with PbLibrary::pack-changed. */

/* One report of an authority, as a comparison names it. */
typedef struct
{
  gint64          id;
  char           *sha256;
  char           *title;
  char           *name;      /* "2019 inspection", "March 2025 monitoring visit" */
  char           *date;      /* YYYY-MM-DD: the inspection's last day, else publication; or NULL */
  PbDocumentType  type;
  gboolean        exempt;
} PbAuthorityReport;

void        pb_authority_report_free             (PbAuthorityReport        *report);
GPtrArray  *pb_library_list_authority_reports    (PbLibrary                *library,
                                                  const char               *authority,
                                                  GError                  **error);
GStrv       pb_library_list_report_authorities   (PbLibrary                *library,
                                                  GError                  **error);
gboolean    pb_library_resolve_comparison        (PbLibrary                *library,
                                                  const PbPackSectionSpec  *spec,
                                                  gint64                   *before_id,
                                                  gint64                   *after_id,
                                                  GError                  **error);

gint64      pb_library_add_pack_special_section  (PbLibrary                *library,
                                                  gint64                    pack_id,
                                                  PbPackSectionKind         kind,
                                                  const char               *title,
                                                  const char               *cohort,
                                                  const PbPackSectionSpec  *spec,
                                                  GError                  **error);
gboolean    pb_library_set_pack_section_spec     (PbLibrary                *library,
                                                  gint64                    section_id,
                                                  const char               *cohort,
                                                  const PbPackSectionSpec  *spec,
                                                  GError                  **error);
char       *pb_library_describe_pack_section     (PbLibrary                *library,
                                                  const PbPackSection      *section);

G_END_DECLS
