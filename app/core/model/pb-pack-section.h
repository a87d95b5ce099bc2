/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pack.h"

G_BEGIN_DECLS

/* The kinds of a pack's sections, and what a section of another kind than
 * findings shows, as the library stores it. */

const char *pb_pack_section_kind_to_slug    (PbPackSectionKind        kind);
gboolean    pb_pack_section_kind_from_slug  (const char              *slug,
                                             PbPackSectionKind       *kind);
const char *pb_pack_section_kind_get_label  (PbPackSectionKind        kind);

void        pb_pack_section_spec_clear      (PbPackSectionSpec       *spec);
void        pb_pack_section_spec_copy       (const PbPackSectionSpec *from,
                                             PbPackSectionSpec       *to);
char       *pb_pack_section_spec_to_json    (const PbPackSectionSpec *spec);
gboolean    pb_pack_section_spec_from_json  (const char              *json,
                                             PbPackSectionSpec       *spec,
                                             GError                 **error);

G_END_DECLS
