/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-finding.h"
#include "pb-structure.h"

G_BEGIN_DECLS

char *pb_citation_format        (PbFinding   *finding,
                                 PbStructure *structure);
char *pb_citation_format_about  (PbFinding   *finding,
                                 PbStructure *structure);
char *pb_citation_format_source (PbFinding   *finding,
                                 PbStructure *structure);

G_END_DECLS
