/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-finding.h"
#include "pb-library.h"

G_BEGIN_DECLS

/* What to list; every field narrows, and the initial values match all. */
typedef struct
{
  const char *cohort;       /* slug */
  int         kind;         /* PbFindingKind, or -1 */
  gint64      report_id;    /* or 0 */
  int         exempt;       /* 0 public, 1 exempt, or -1 */
  int         status;       /* PbFindingStatus, or -1 */
  const char *text;         /* words in the quote or note */
} PbFindingFilter;

#define PB_FINDING_FILTER_INIT { NULL, -1, 0, -1, -1, NULL }

gint64      pb_library_add_finding            (PbLibrary              *library,
                                               PbFinding              *finding,
                                               GError                **error);
gboolean    pb_library_update_finding         (PbLibrary              *library,
                                               PbFinding              *finding,
                                               GError                **error);
PbFinding  *pb_library_get_finding            (PbLibrary              *library,
                                               gint64                  id,
                                               GError                **error);
GPtrArray  *pb_library_list_findings          (PbLibrary              *library,
                                               const PbFindingFilter  *filter,
                                               GError                **error);
GPtrArray  *pb_library_delete_findings        (PbLibrary              *library,
                                               const gint64           *ids,
                                               guint                   n_ids,
                                               GError                **error);
gboolean    pb_library_retag_findings         (PbLibrary              *library,
                                               const gint64           *ids,
                                               guint                   n_ids,
                                               const char             *cohort,
                                               gboolean                add,
                                               GError                **error);
gboolean    pb_library_restore_findings       (PbLibrary              *library,
                                               GPtrArray              *findings,
                                               GError                **error);
int         pb_library_count_packs_holding    (PbLibrary              *library,
                                               const gint64           *ids,
                                               guint                   n_ids,
                                               GError                **error);

G_END_DECLS
