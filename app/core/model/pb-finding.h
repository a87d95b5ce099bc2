/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pb-rect.h"

G_BEGIN_DECLS

#define PB_FINDINGS_ERROR (pb_findings_error_quark ())

typedef enum
{
  PB_FINDINGS_ERROR_INVALID,
  PB_FINDINGS_ERROR_NOT_FOUND,
  PB_FINDINGS_ERROR_COHORT_IN_USE,
  PB_FINDINGS_ERROR_QUOTE_NOT_FOUND,
} PbFindingsError;

GQuark pb_findings_error_quark (void);

typedef enum
{
  PB_FINDING_KIND_STRENGTH,
  PB_FINDING_KIND_AREA_FOR_IMPROVEMENT,
  PB_FINDING_KIND_RECOMMENDATION,
  PB_FINDING_KIND_COMMITMENT,
  PB_FINDING_KIND_CONTEXT,
} PbFindingKind;

typedef enum
{
  PB_FINDING_STATUS_NONE,
  PB_FINDING_STATUS_OPEN,
  PB_FINDING_STATUS_IN_PROGRESS,
  PB_FINDING_STATUS_MET,
  PB_FINDING_STATUS_NOT_MET,
} PbFindingStatus;

/* Where a finding is: one rectangle (PDF points, top-left origin) on a page,
 * from 1. A finding over several lines or pages has several. */
typedef struct
{
  guint  page;
  PbRect rect;
} PbAnchor;

const char     *pb_finding_kind_to_slug     (PbFindingKind    kind);
gboolean        pb_finding_kind_from_slug   (const char      *slug,
                                             PbFindingKind   *kind);
const char     *pb_finding_kind_get_label   (PbFindingKind    kind);
const char     *pb_finding_status_to_slug   (PbFindingStatus  status);
gboolean        pb_finding_status_from_slug (const char      *slug,
                                             PbFindingStatus *status);
const char     *pb_finding_status_get_label (PbFindingStatus  status);

#define PB_TYPE_FINDING (pb_finding_get_type ())

G_DECLARE_FINAL_TYPE (PbFinding, pb_finding, PB, FINDING, GObject)

PbFinding      *pb_finding_new              (void);
PbFinding      *pb_finding_copy             (PbFinding       *self);
gint64          pb_finding_get_id           (PbFinding       *self);
const char     *pb_finding_get_report_sha256 (PbFinding      *self);
void            pb_finding_set_report_sha256 (PbFinding      *self,
                                              const char     *sha256);
gint64          pb_finding_get_report_id    (PbFinding       *self);
const char     *pb_finding_get_report_title (PbFinding       *self);
guint           pb_finding_get_page         (PbFinding       *self);
void            pb_finding_set_page         (PbFinding       *self,
                                             guint            page_number);
const char     *pb_finding_get_quote        (PbFinding       *self);
void            pb_finding_set_quote        (PbFinding       *self,
                                             const char      *quote);
const char     *pb_finding_get_note         (PbFinding       *self);
void            pb_finding_set_note         (PbFinding       *self,
                                             const char      *note);
guint           pb_finding_get_paragraph    (PbFinding       *self);
void            pb_finding_set_paragraph    (PbFinding       *self,
                                             guint            paragraph);
PbFindingKind   pb_finding_get_kind         (PbFinding       *self);
void            pb_finding_set_kind         (PbFinding       *self,
                                             PbFindingKind    kind);
PbFindingStatus pb_finding_get_status       (PbFinding       *self);
void            pb_finding_set_status       (PbFinding       *self,
                                             PbFindingStatus  status);
gboolean        pb_finding_get_exempt       (PbFinding       *self);
void            pb_finding_set_exempt       (PbFinding       *self,
                                             gboolean         exempt);
const char * const *pb_finding_get_cohorts  (PbFinding       *self);
void            pb_finding_set_cohorts      (PbFinding       *self,
                                             const char * const *slugs);
gboolean        pb_finding_has_cohort       (PbFinding       *self,
                                             const char      *slug);
GArray         *pb_finding_get_anchors      (PbFinding       *self);
void            pb_finding_set_anchors      (PbFinding       *self,
                                             const PbAnchor  *anchors,
                                             guint            n_anchors);
GDateTime      *pb_finding_get_created      (PbFinding       *self);
GDateTime      *pb_finding_get_updated      (PbFinding       *self);

char           *pb_anchors_to_json          (GArray          *anchors);
GArray         *pb_anchors_from_json        (const char      *json,
                                             GError         **error);

G_END_DECLS
