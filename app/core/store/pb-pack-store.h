/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library.h"
#include "pb-pack.h"

G_BEGIN_DECLS

/* Packs in the library.  Each call that changes a pack is one transaction
 * and announces itself with PbLibrary::pack-changed. */

typedef enum
{
  PB_PACK_FIELD_TITLE,
  PB_PACK_FIELD_COMMITTEE,
  PB_PACK_FIELD_MEETING_DATE,   /* YYYY-MM-DD, or empty for none */
  PB_PACK_FIELD_AUTHOR,
  PB_PACK_FIELD_INTRODUCTION,
  PB_PACK_FIELD_AGENDA_ITEM,        /* "7", "5b", or empty */
  PB_PACK_FIELD_CONTACT,            /* the author's telephone or email */
  PB_PACK_FIELD_EXEMPT_PARAGRAPH,   /* "1" to "7" of Schedule 12A, or empty for none */
} PbPackField;

gint64      pb_library_create_pack     (PbLibrary   *library,
                                        const char  *title,
                                        gboolean     exempt,
                                        const char  *meeting_date,
                                        GError     **error);
GPtrArray  *pb_library_list_packs      (PbLibrary   *library,
                                        GError     **error);
PbPack     *pb_library_get_pack        (PbLibrary   *library,
                                        gint64       id,
                                        GError     **error);
GPtrArray  *pb_library_get_pack_sections (PbLibrary *library,
                                          gint64     pack_id,
                                          GError   **error);
GArray     *pb_library_list_pack_exempt_findings (PbLibrary *library,
                                                  gint64     pack_id,
                                                  GError   **error);
gboolean    pb_library_set_pack_exempt (PbLibrary   *library,
                                        gint64       pack_id,
                                        gboolean     exempt,
                                        gboolean     remove_exempt_findings,
                                        GError     **error);

gboolean  pb_library_set_pack_field      (PbLibrary     *library,
                                          gint64         pack_id,
                                          PbPackField    field,
                                          const char    *value,
                                          GError       **error);
gboolean  pb_library_delete_pack         (PbLibrary     *library,
                                          gint64         pack_id,
                                          GError       **error);
gint64      pb_library_duplicate_pack  (PbLibrary   *library,
                                        gint64       pack_id,
                                        GError     **error);

G_END_DECLS
