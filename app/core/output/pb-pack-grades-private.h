/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* The "Grades at a glance" matrix, built for the walk (pb-pack-grades.c). */

typedef struct _PbPackGradesTable PbPackGradesTable;

PbPackGradesTable  *_pb_pack_grades_table_new  (PbStructure * const *structures,
                                                const char * const  *titles,
                                                guint                n_reports);
const PbPackGrades *_pb_pack_grades_table_get  (PbPackGradesTable   *table);
void                _pb_pack_grades_table_free (PbPackGradesTable   *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackGradesTable, _pb_pack_grades_table_free)

G_END_DECLS
