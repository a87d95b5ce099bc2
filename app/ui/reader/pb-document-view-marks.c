/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document-view"

#include "config.h"

#include "pb-document-view-private.h"

/* What the page view marks on the pages: the findings of the report, as
 * highlights coloured by cohort, and the matches of a find, one of them the
 * current one. Drawing them is pb-document-view-draw.c's. */

/**
 * pb_document_view_set_matches:
 * @matches: (nullable) (element-type PbFindMatch): find results to highlight
 */
void
pb_document_view_set_matches (PbDocumentView *self,
                              GPtrArray      *matches)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  g_clear_pointer (&self->matches, g_ptr_array_unref);
  if (matches != NULL)
    self->matches = g_ptr_array_ref (matches);
  self->current_match = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pb_document_view_set_current_match:
 * @index: which of the matches, from 0
 *
 * Makes match @index the current one and scrolls it into view.
 */
void
pb_document_view_set_current_match (PbDocumentView *self,
                                    int             index)
{
  PbFindMatch *match;
  const PbRect *rect;
  double top, height, x, y;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->matches == NULL || index < 0 || (guint)index >= self->matches->len || pb_page_layout_get_n_pages (self->layout) == 0)
    return;

  self->current_match = index;
  match = g_ptr_array_index (self->matches, index);
  rect = &g_array_index (match->rects, PbRect, 0);

  top = gtk_adjustment_get_value (self->vadjustment);
  height = gtk_widget_get_height (GTK_WIDGET (self));
  pb_page_layout_page_to_point (self->layout, match->page, rect->x1, rect->y1, &x, &y);

  if (y < top + 40 || y > top + height - 80)
    gtk_adjustment_set_value (self->vadjustment, y - height / 3);
  /* The page number follows the match at once, wherever on screen it is. */
  _pb_document_view_report_page (self, match->page);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pb_document_view_set_findings:
 * @findings: (nullable): a list of #PbFinding to draw; it is followed as it
 *   changes
 */
void
pb_document_view_set_findings (PbDocumentView *self,
                               GListModel     *findings)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_set_object (&self->findings, findings);
  if (findings != NULL)
    g_signal_connect_object (findings, "items-changed", G_CALLBACK (gtk_widget_queue_draw),
                             self, G_CONNECT_SWAPPED);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pb_document_view_set_cohort_colors:
 * @colors: (element-type utf8 GdkRGBA): each cohort's colour, by slug
 */
void
pb_document_view_set_cohort_colors (PbDocumentView *self,
                                    GHashTable     *colors)
{
  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));

  g_clear_pointer (&self->cohort_colors, g_hash_table_unref);
  if (colors != NULL)
    self->cohort_colors = g_hash_table_ref (colors);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pb_document_view_count_highlights:
 * @page: from 0
 *
 * Returns: how many findings are drawn on @page
 */
guint
pb_document_view_count_highlights (PbDocumentView *self,
                                   guint           page)
{
  guint count = 0;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), 0);

  if (self->findings == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);

      for (guint a = 0; a < anchors->len; a++)
        if (g_array_index (anchors, PbAnchor, a).page == page + 1)
          {
            count++;
            break;
          }
    }

  return count;
}

/**
 * pb_document_view_finding_at:
 * @x: in widget coordinates
 * @y: likewise
 *
 * Returns: (transfer none) (nullable): the finding highlighted at (@x, @y)
 */
PbFinding *
pb_document_view_finding_at (PbDocumentView *self,
                             double          x,
                             double          y)
{
  double x_pt, y_pt;
  guint page;

  g_return_val_if_fail (PB_IS_DOCUMENT_VIEW (self), NULL);

  if (self->findings == NULL || !_pb_document_view_point_at (self, x, y, &page, &x_pt, &y_pt))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->findings); i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);

      for (guint a = 0; a < anchors->len; a++)
        {
          const PbAnchor *anchor = &g_array_index (anchors, PbAnchor, a);

          if (anchor->page == page + 1 &&
              x_pt >= anchor->rect.x1 - 1 && x_pt <= anchor->rect.x2 + 1 &&
              y_pt >= anchor->rect.y1 - 1 && y_pt <= anchor->rect.y2 + 1)
            return finding;   /* the list model keeps its own reference */
        }
    }

  return NULL;
}

/**
 * pb_document_view_show_finding:
 * @finding: a finding of the document shown
 *
 * Scrolls so that the finding's first line is a third of the way down, now
 * or, for a document just set, once it is laid out.
 */
void
pb_document_view_show_finding (PbDocumentView *self,
                               PbFinding      *finding)
{
  GArray *anchors;
  const PbAnchor *first;
  double x, y;

  g_return_if_fail (PB_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (PB_IS_FINDING (finding));

  anchors = pb_finding_get_anchors (finding);
  if (pb_page_layout_get_n_pages (self->layout) == 0 || anchors->len == 0)
    {
      pb_document_view_set_page (self, pb_finding_get_page (finding) - 1);
      return;
    }

  first = &g_array_index (anchors, PbAnchor, 0);
  if (first->page < 1 || first->page > pb_page_layout_get_n_pages (self->layout))
    return;

  /* A document just set is laid out at the next allocation: until then
   * the scroll range is the old one, and would cut the move short. */
  if (!self->laid_out)
    {
      self->pending_anchor_page = (int)first->page - 1;
      self->pending_anchor_x = first->rect.x1;
      self->pending_anchor_y = first->rect.y1;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  if (!pb_page_layout_page_to_point (self->layout, first->page - 1, first->rect.x1, first->rect.y1, &x, &y))
    return;

  gtk_adjustment_set_value (self->vadjustment, y - gtk_widget_get_height (GTK_WIDGET (self)) / 3.0);
}
