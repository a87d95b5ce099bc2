/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-finding.h"

G_BEGIN_DECLS

void _pb_finding_set_id      (PbFinding  *self,
                              gint64      id);
void _pb_finding_set_report  (PbFinding  *self,
                              gint64      report_id,
                              const char *title);
void _pb_finding_set_times   (PbFinding  *self,
                              GDateTime  *created,
                              GDateTime  *updated);

G_END_DECLS
