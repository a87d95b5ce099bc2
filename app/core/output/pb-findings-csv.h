/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-csv.h"
#include "pb-finding.h"

G_BEGIN_DECLS

void     pb_csv_append_finding        (GString              *out,
                                       PbFinding            *finding,
                                       const char           *report_title,
                                       const char           *cohorts,
                                       gboolean              last);
const char *pb_csv_finding_header     (void);
char    *pb_csv_cohort_names          (PbFinding            *finding,
                                       GHashTable           *names);

gboolean pb_findings_write_csv        (GPtrArray            *findings,
                                       const char           *path,
                                       GError              **error);
GHashTable *pb_findings_csv_report_titles (GPtrArray        *reports);
GString *pb_findings_csv_text         (GPtrArray            *findings,
                                       GHashTable           *cohort_names,
                                       GHashTable           *report_titles);
gboolean pb_findings_write_csv_named  (GPtrArray            *findings,
                                       GHashTable           *cohort_names,
                                       GHashTable           *report_titles,
                                       const char           *path,
                                       GError              **error);
void     pb_findings_write_csv_async  (GPtrArray            *findings,
                                       GHashTable           *cohort_names,
                                       GHashTable           *report_titles,
                                       const char           *path,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean pb_findings_write_csv_finish (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
