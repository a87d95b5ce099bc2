/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack-walk.h"

G_BEGIN_DECLS

/* A loaded pack, as pb-pack-walk.c loads it and pb-pack-walk-run.c gives
 * it part by part. */

struct _PbPackWalk
{
  PbLibrary            *library;
  PbPack               *pack;
  GPtrArray            *sections;      /* PbPackSection */
  GHashTable           *findings;      /* id → PbFinding, those that may be printed */
  GHashTable           *structures;    /* report id → PbStructure, or NULL for none */
  GArray               *report_order;  /* report ids, as first cited */
  GHashTable           *titles;        /* report id → its title */
  GHashTable           *reports;       /* report id → PbReport, or NULL when gone */
  GHashTable           *cohorts;       /* slug → name */
  PbPackExportOptions  *options;
  GBytes               *logo;          /* PNG, or NULL */
  guint                 logo_width;    /* in pixels */
  guint                 logo_height;
  char                 *exempt_line;
  char                 *footer;
  char                 *subject;
  char                 *classification;
  char                 *logo_description;

  GCancellable         *cancellable;
  PbExportProgressFunc  progress;
  gpointer              progress_data;
  guint                 n_walked;      /* findings given so far */
  guint                 n_withheld;    /* exempt findings a public pack holds, left out */
};

G_END_DECLS
