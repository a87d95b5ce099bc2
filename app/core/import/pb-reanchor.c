/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reanchor"

#include "config.h"

#include "pb-finding-store.h"
#include "pb-quote-locate.h"
#include "pb-reanchor.h"
#include "pb-report-store.h"

/* A finding whose highlight no longer sits on its words (the report's text
 * was read again, or the finding was made without rectangles) is placed again
 * by finding its quote in the report. */

/**
 * pb_library_reanchor_finding:
 *
 * Finds the finding's quote in its report again, near its page, and moves
 * the finding's rectangles there.
 */
gboolean
pb_library_reanchor_finding (PbLibrary  *library,
                             gint64      id,
                             GError    **error)
{
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(GArray) anchors = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(finding = pb_library_get_finding (library, id, error)))
    return FALSE;

  if (!(path = pb_library_locate_report_file (library, pb_finding_get_report_sha256 (finding), error)))
    return FALSE;
  if (!(anchors = pb_pdf_locate_quote (path, NULL, pb_finding_get_page (finding),
                                       pb_finding_get_quote (finding), error)))
    return FALSE;

  pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
  return pb_library_update_finding (library, finding, error);
}
