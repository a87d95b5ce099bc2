/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-search-hit-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-search-hit-row.h"

/* One result of a library search: the report, the page and the words
 * around the match, the matched words in bold. */

struct _PbSearchHitRow
{
  GtkWidget    parent_instance;

  PbSearchHit *hit;

  GtkWidget   *box;
  GtkLabel    *title;
  GtkLabel    *page;
  GtkLabel    *snippet;
};

G_DEFINE_FINAL_TYPE (PbSearchHitRow, pb_search_hit_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pb_search_hit_row_dispose (GObject *object)
{
  PbSearchHitRow *self = (PbSearchHitRow *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->hit);

  G_OBJECT_CLASS (pb_search_hit_row_parent_class)->dispose (object);
}

static void
pb_search_hit_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PbSearchHitRow *self = PB_SEARCH_HIT_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      g_value_set_object (value, self->hit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_search_hit_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PbSearchHitRow *self = PB_SEARCH_HIT_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      pb_search_hit_row_set_hit (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_search_hit_row_class_init (PbSearchHitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_search_hit_row_dispose;
  object_class->get_property = pb_search_hit_row_get_property;
  object_class->set_property = pb_search_hit_row_set_property;

  properties [PROP_HIT] =
    g_param_spec_object ("hit", NULL, NULL, PB_TYPE_SEARCH_HIT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchhitrow");
}

static void
pb_search_hit_row_init (PbSearchHitRow *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  self->title = GTK_LABEL (gtk_label_new (NULL));
  self->page = GTK_LABEL (gtk_label_new (NULL));
  self->snippet = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_label_set_xalign (self->page, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->page), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->page), "dim-label");
  gtk_label_set_xalign (self->snippet, 0);
  gtk_label_set_wrap (self->snippet, TRUE);
  gtk_label_set_wrap_mode (self->snippet, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->snippet, 3);
  gtk_label_set_ellipsize (self->snippet, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->snippet), "caption");

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->page));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->snippet));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
pb_search_hit_row_new (void)
{
  return g_object_new (PB_TYPE_SEARCH_HIT_ROW, NULL);
}

/**
 * pb_search_hit_row_get_hit:
 *
 * Returns: (transfer none) (nullable): the search result shown
 */
PbSearchHit *
pb_search_hit_row_get_hit (PbSearchHitRow *self)
{
  g_return_val_if_fail (PB_IS_SEARCH_HIT_ROW (self), NULL);
  return self->hit;
}

/**
 * pb_search_hit_row_set_hit:
 * @hit: (nullable): the search result to show
 */
void
pb_search_hit_row_set_hit (PbSearchHitRow *self,
                           PbSearchHit    *hit)
{
  g_autofree char *page = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (PB_IS_SEARCH_HIT_ROW (self));
  g_return_if_fail (!hit || PB_IS_SEARCH_HIT (hit));

  if (!g_set_object (&self->hit, hit))
    return;

  if (hit != NULL)
    {
      /* Translators: where a search hit is */
      page = g_strdup_printf (_("Page %u"), pb_search_hit_get_page (hit));
      markup = pb_search_hit_dup_snippet_markup (hit);
    }

  gtk_label_set_label (self->title, hit ? pb_search_hit_get_report_title (hit) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title), TRUE);
  gtk_label_set_label (self->page, page ? page : "");
  gtk_label_set_markup (self->snippet, markup ? markup : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIT]);
}

/**
 * pb_search_hit_row_set_heading:
 * @heading: (nullable): the report's title, over the first of its hits; %NULL
 *   for the hits under it, which then show their page alone
 *
 * Hits are grouped by report: the report is named once, its pages under it.
 */
void
pb_search_hit_row_set_heading (PbSearchHitRow *self,
                               const char     *heading)
{
  g_return_if_fail (PB_IS_SEARCH_HIT_ROW (self));

  if (heading != NULL)
    gtk_label_set_label (self->title, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->title), heading != NULL);
  gtk_widget_set_margin_top (self->box, heading != NULL ? 10 : 2);
}
