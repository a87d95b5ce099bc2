/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Ofsted reports of each era, generated as PDFs with cairo, for tests that
 * need a report's structure: judgements, "What needs to improve?" (or a SIF
 * report's recommendations, or a letter's areas for action) and cohort
 * sections of numbered paragraphs. */

typedef enum
{
  PB_TEST_ERA_SIF,                /* 2013–2017: numbered recommendations */
  PB_TEST_ERA_ILACS_COMBINED,     /* 2018–2022: children in care and care leavers together */
  PB_TEST_ERA_ILACS,              /* 2023 on: five judgements */
  PB_TEST_ERA_ILACS_2026,         /* from April 2026: no overall effectiveness */
  PB_TEST_ERA_FOCUSED_VISIT,      /* a letter */
  PB_TEST_ERA_MONITORING_VISIT,   /* a letter with areas for priority action */
} PbTestEra;

typedef struct
{
  PbTestEra           era;
  const char         *authority;        /* "Fernvale" */
  const char         *dates;            /* "14 to 25 October 2019" */
  const char * const *recommendations;  /* NULL-terminated */
  const char         *grades[4];        /* help and protection, in care, care leavers, leaders:
                                           "Good", "Inadequate"…; NULL for "Good" */
  const char         *paragraph_word;   /* a word put in every paragraph, or NULL */
} PbTestInspection;

char   *pb_test_write_inspection (const char              *dir,
                                  const char              *name,
                                  const PbTestInspection  *inspection);
gint64  pb_test_import_pdf       (gpointer                 library,
                                  const char              *pdf);

G_END_DECLS
