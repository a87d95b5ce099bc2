/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-structure.h"

G_BEGIN_DECLS

gboolean     pb_structure_read_tagged_judgements (PopplerDocument    *document,
                                                  PbGrade             judgements[PB_N_JUDGEMENTS],
                                                  gboolean           *combined);
GArray      *pb_structure_read_tagged_sections   (PopplerDocument    *document);
PbStructure *pb_structure_read_document          (PopplerDocument    *document,
                                                  const char * const *pages);

PbStructure *pb_structure_read_pdf    (const char     *path,
                                       const char     *password,
                                       GError        **error);

G_END_DECLS
