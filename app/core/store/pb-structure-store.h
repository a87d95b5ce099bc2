/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once


#include "pb-library.h"
#include "pb-structure.h"

G_BEGIN_DECLS

PbStructure *pb_library_get_structure     (PbLibrary    *library,
                                           gint64        report_id,
                                           GError      **error);

/* One inspection of an authority, for the grades over time. */
typedef struct
{
  gint64       report_id;
  char        *title;
  PbStructure *structure;
} PbInspection;

void         pb_inspection_free            (PbInspection *inspection);
GStrv        pb_library_list_authorities   (PbLibrary    *library,
                                            GError      **error);
GPtrArray   *pb_library_list_inspections   (PbLibrary    *library,
                                            const char   *authority,
                                            GError      **error);

G_END_DECLS
