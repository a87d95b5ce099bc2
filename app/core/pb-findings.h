/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-cohort.h"
#include "pb-finding.h"
#include "pb-library.h"

G_BEGIN_DECLS

#define PB_FINDINGS_ERROR (pb_findings_error_quark ())

typedef enum
{
  PB_FINDINGS_ERROR_INVALID,
  PB_FINDINGS_ERROR_NOT_FOUND,
  PB_FINDINGS_ERROR_COHORT_IN_USE,
  PB_FINDINGS_ERROR_QUOTE_NOT_FOUND,
} PbFindingsError;

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

GQuark      pb_findings_error_quark           (void);
GPtrArray  *pb_library_list_cohorts           (PbLibrary              *library,
                                               GError                **error);
GHashTable *pb_library_get_cohort_colors      (PbLibrary              *library);
PbCohort   *pb_library_add_cohort             (PbLibrary              *library,
                                               const char             *name,
                                               const char             *color,
                                               GError                **error);
gboolean    pb_library_update_cohort          (PbLibrary              *library,
                                               const char             *slug,
                                               const char             *name,
                                               const char             *color,
                                               GError                **error);
guint       pb_library_count_cohort_findings  (PbLibrary              *library,
                                               const char             *slug);
gboolean    pb_library_remove_cohort         (PbLibrary              *library,
                                               const char             *slug,
                                               gboolean                even_if_used,
                                               GError                **error);
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
GArray     *pb_pdf_locate_quote               (const char             *pdf_path,
                                               const char             *password,
                                               guint                   page,
                                               const char             *quote,
                                               GError                **error);
gboolean    pb_library_reanchor_finding       (PbLibrary              *library,
                                               gint64                  id,
                                               GError                **error);

G_END_DECLS
