/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PB_PACKS_ERROR (pb_packs_error_quark ())

typedef enum
{
  PB_PACKS_ERROR_INVALID,
  PB_PACKS_ERROR_NOT_FOUND,
  PB_PACKS_ERROR_EXEMPT,          /* an exempt finding for a public pack */
  PB_PACKS_ERROR_HOLDS_EXEMPT,    /* made public while holding exempt findings */
} PbPacksError;

GQuark pb_packs_error_quark (void);

#define PB_TYPE_PACK (pb_pack_get_type ())

G_DECLARE_FINAL_TYPE (PbPack, pb_pack, PB, PACK, GObject)

gint64      pb_pack_get_id             (PbPack *self);
const char *pb_pack_get_title          (PbPack *self);
const char *pb_pack_get_committee      (PbPack *self);
const char *pb_pack_get_meeting_date   (PbPack *self);
const char *pb_pack_get_author         (PbPack *self);
gboolean    pb_pack_get_exempt         (PbPack *self);
const char *pb_pack_get_introduction   (PbPack *self);
guint       pb_pack_get_n_findings     (PbPack *self);
const char *pb_pack_get_agenda_item    (PbPack *self);
const char *pb_pack_get_contact        (PbPack *self);
guint       pb_pack_get_exempt_paragraph (PbPack *self);
gboolean    pb_pack_get_paragraph_missing (PbPack *self);

/* The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972
 * under which a pack may be exempt: 1 to PB_EXEMPT_PARAGRAPH_LAST. */
#define PB_EXEMPT_PARAGRAPH_LAST 7

const char *pb_exempt_paragraph_get_description (guint paragraph);

/* A pack's contents: sections in order, each with its items in order. */
typedef enum
{
  PB_PACK_ITEM_FINDING,
  PB_PACK_ITEM_NOTE,
  PB_PACK_ITEM_HEADING,
} PbPackItemKind;

typedef struct
{
  gint64          id;
  PbPackItemKind  kind;
  gint64          finding_id;   /* for a finding */
  char           *text;         /* for a note or heading */
} PbPackItem;

/* What a section prints (pb-pack-section.h). */
typedef enum
{
  PB_PACK_SECTION_FINDINGS,         /* its findings, notes and headings */
  PB_PACK_SECTION_RECOMMENDATIONS,  /* its notes, then the recommendation tracker as a table */
  PB_PACK_SECTION_COMPARISON,       /* its notes, then two reports compared */
} PbPackSectionKind;

/* What a section of another kind shows. Every field narrows; the initial
 * values (PB_PACK_SECTION_SPEC_INIT) match all. */
typedef struct
{
  char     *authority;      /* the local authority; NULL for every one */
  int       status;         /* recommendations: a PbRecommendationStatus, or -1 */
  gboolean  overdue;        /* recommendations: only those past their due date */
  gboolean  open;           /* recommendations: only those not met */
  char     *before_sha256;  /* comparison: the earlier report; NULL for the last
                               inspection before the later one */
  char     *after_sha256;   /* comparison: the later report; NULL for the
                               authority's latest report */
} PbPackSectionSpec;

#define PB_PACK_SECTION_SPEC_INIT { NULL, -1, FALSE, FALSE, NULL, NULL }

typedef struct
{
  gint64             id;
  char              *title;
  char              *cohort;  /* the cohort's slug, or NULL for a free section; for a
                                 recommendations section, the cohort it shows */
  GArray            *items;   /* PbPackItem */
  PbPackSectionKind  kind;
  PbPackSectionSpec  spec;    /* for a section of another kind than findings */
} PbPackSection;

void        pb_pack_item_clear         (PbPackItem    *item);
void        pb_pack_section_free       (PbPackSection *section);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackSection, pb_pack_section_free)

G_END_DECLS
