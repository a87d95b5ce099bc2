/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-bundle-pack.h"
#include "pb-finding.h"

G_BEGIN_DECLS

/* The fields of a pack opened from a bundle and of a row of its contents,
 * for pb-bundle-pack-read.c that fills them in from the library. Everything
 * else sees them through their getters only. */

struct _PbBundlePack
{
  GObject     parent_instance;

  gint64      id;
  char       *uuid;
  char       *title;
  char       *committee;
  char       *meeting_date;
  char       *author;
  char       *introduction;
  gboolean    exempt;
  GDateTime  *exported;
  GDateTime  *opened;
  GDateTime  *updated;
  guint       n_findings;
  guint       n_questions;
  GPtrArray  *cohorts;
};

struct _PbBundleEntry
{
  GObject            parent_instance;

  PbBundleEntryKind  kind;
  char              *key;
  char              *section_key;
  char              *text;
  char              *cohort;
  PbFinding         *finding;
  char              *citation;
  char              *about;
  guint              n_notes;
  gboolean           has_question;
};

G_END_DECLS
