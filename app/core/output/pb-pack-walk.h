/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-finding.h"
#include "pb-library.h"
#include "pb-pack.h"

G_BEGIN_DECLS

/**
 * PbExportProgressFunc:
 * @fraction: how much of the export is done, from 0 to 1
 *
 * Called from the thread that runs the export.
 */
typedef void (*PbExportProgressFunc) (double   fraction,
                                      gpointer user_data);

/**
 * PbPackPartKind:
 * @PB_PACK_PART_COVER: first and once: the pack's title, details and
 *   introduction, and the exempt banner
 * @PB_PACK_PART_CONTENTS: once: the parts a reader can jump to
 * @PB_PACK_PART_GRADES: once, when the pack cites an inspection: the
 *   heading over the grades
 * @PB_PACK_PART_INSPECTION: each cited inspection, in the order first
 *   cited: its caption and its grades as a two-column table
 * @PB_PACK_PART_SECTION: a section with something to print begins
 * @PB_PACK_PART_HEADING: a heading an officer put in a section
 * @PB_PACK_PART_NOTE: a paragraph an officer put in a section
 * @PB_PACK_PART_FINDING: a finding that may be printed in this pack
 * @PB_PACK_PART_SECTION_END: the section begun last is over
 *
 * The parts of a pack, in the order pb_pack_walk_run() gives them.
 */
typedef enum
{
  PB_PACK_PART_COVER,
  PB_PACK_PART_CONTENTS,
  PB_PACK_PART_GRADES,
  PB_PACK_PART_INSPECTION,
  PB_PACK_PART_SECTION,
  PB_PACK_PART_HEADING,
  PB_PACK_PART_NOTE,
  PB_PACK_PART_FINDING,
  PB_PACK_PART_SECTION_END,
} PbPackPartKind;

/**
 * PbPackLink:
 * @text: what the contents list says
 * @anchor: the destination's name, as in #PbPackPart's @anchor
 */
typedef struct
{
  const char *text;
  const char *anchor;
} PbPackLink;

/**
 * PbPackPart:
 * @kind: what this part is
 * @text: the cover's pack title; the contents' heading; the grades'
 *   heading; an inspection's caption; a section's title; a heading's or a
 *   note's text; a finding's quote
 * @anchor: (nullable): for the grades and each section, a name to link to
 *   ("grades", "section-2"), unique within the pack
 * @banner: (nullable): on the cover of an exempt pack, "NOT FOR
 *   PUBLICATION", for the top of the document and of every page
 * @details: (array zero-terminated=1): on the cover, the lines under the
 *   title: committee, meeting, classification, author, date produced
 * @introduction: (nullable): on the cover, the officer's introduction
 * @links: (array length=n_links): the contents
 * @columns: an inspection's column headings, judgement and grade
 * @labels: (array length=n_rows): an inspection's judgements
 * @grades: (array length=n_rows): their grades
 * @finding: a finding
 * @about: under a finding's quote: where it comes from and what it is
 *   (pb_citation_format_about())
 * @note: (nullable): the officer's note on a finding, as a line to print
 * @section: the title of the section a finding is in
 *
 * One part of a pack; each field belongs to the kinds it names and is
 * otherwise %NULL or 0.  Everything lives until the next part.
 */
typedef struct
{
  PbPackPartKind      kind;
  const char         *text;
  const char         *anchor;

  const char         *banner;
  const char * const *details;
  const char         *introduction;

  const PbPackLink   *links;
  guint               n_links;

  const char         *columns[2];
  const char * const *labels;
  const char * const *grades;
  guint               n_rows;

  PbFinding          *finding;
  const char         *about;
  const char         *note;
  const char         *section;
} PbPackPart;

/**
 * PbPackVisitFunc:
 * @part: the next part of the pack
 * @user_data: what was given to pb_pack_walk_run()
 * @error: for the visitor's own failure
 *
 * Returns: %TRUE to go on, %FALSE with @error set to stop
 */
typedef gboolean (*PbPackVisitFunc) (const PbPackPart  *part,
                                     gpointer           user_data,
                                     GError           **error);

typedef struct _PbPackWalk PbPackWalk;

PbPackWalk *pb_pack_walk_new            (PbLibrary             *library,
                                         gint64                 pack_id,
                                         GCancellable          *cancellable,
                                         PbExportProgressFunc   progress,
                                         gpointer               progress_data,
                                         GError               **error);
PbPack     *pb_pack_walk_get_pack       (PbPackWalk            *self);
const char *pb_pack_walk_get_banner     (PbPackWalk            *self);
guint       pb_pack_walk_get_n_findings (PbPackWalk            *self);
gboolean    pb_pack_walk_run            (PbPackWalk            *self,
                                         PbPackVisitFunc        visit,
                                         gpointer               user_data,
                                         GError               **error);
void        pb_pack_walk_report         (PbPackWalk            *self,
                                         double                 fraction);
void        pb_pack_walk_free           (PbPackWalk            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbPackWalk, pb_pack_walk_free)

G_END_DECLS
