/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-finding-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort-dot.h"
#include "pb-cohort.h"
#include "pb-finding-row.h"

/* A finding in the reader's findings panel: a dot for each cohort, its kind
 * and where it is, its quote, and its note if it has one; its menu (Edit,
 * Cohorts, Add to Pack, Delete) behind a button and a right click. The row
 * carries the finding it shows, for whoever activates it. */

struct _PbFindingRow
{
  GtkListBoxRow  parent_instance;

  PbFinding     *finding;
  GtkWidget     *menu_button;
};

G_DEFINE_FINAL_TYPE (PbFindingRow, pb_finding_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *
cohort_color (GPtrArray  *cohorts,
              const char *slug)
{
  for (guint i = 0; cohorts && i < cohorts->len; i++)
    if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (cohorts, i)), slug))
      return pb_cohort_get_color (g_ptr_array_index (cohorts, i));
  return NULL;
}

/**
 * pb_finding_row_format_citation:
 * @finding: a finding
 *
 * Returns: (transfer full): where it is: "¶24, p. 9" where the paragraph is
 *   known, else "p. 9"
 */
char *
pb_finding_row_format_citation (PbFinding *finding)
{
  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);

  if (pb_finding_get_paragraph (finding) > 0)
    /* Translators: a numbered paragraph and its page, "¶24, p. 9" */
    return g_strdup_printf (_("¶%u, p. %u"), pb_finding_get_paragraph (finding), pb_finding_get_page (finding));
  /* Translators: a page reference, "p. 9" */
  return g_strdup_printf (_("p. %u"), pb_finding_get_page (finding));
}

static void
right_click_cb (PbFindingRow    *self,
                int              n_press,
                double           x,
                double           y,
                GtkGestureClick *gesture)
{
  if (self->menu_button != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
build (PbFindingRow *self,
       GPtrArray    *cohorts,
       GMenuModel   *menu)
{
  PbFinding *finding = self->finding;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  const char * const *slugs = pb_finding_get_cohorts (finding);
  g_autofree char *citation = pb_finding_row_format_citation (finding);
  g_autofree char *meta_text = NULL;
  GtkWidget *kind;
  GtkWidget *quote;

  for (guint i = 0; slugs[i] != NULL; i++)
    gtk_box_append (GTK_BOX (meta), pb_cohort_dot_new (cohort_color (cohorts, slugs[i])));

  /* Translators: kind of finding, then where: "Strength · ¶24, p. 9" */
  meta_text = g_strdup_printf (_("%s · %s%s"), pb_finding_kind_get_label (pb_finding_get_kind (finding)),
                               citation, pb_finding_get_exempt (finding) ? _(" · exempt") : "");
  kind = gtk_label_new (meta_text);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_box_append (GTK_BOX (meta), kind);

  if (menu != NULL)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      self->menu_button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
      gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->menu_button), FALSE);
      gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (self->menu_button, _("Finding Menu"));
      gtk_widget_add_css_class (self->menu_button, "finding-menu-button");
      gtk_box_append (GTK_BOX (meta), self->menu_button);

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
      g_signal_connect_object (click, "pressed", G_CALLBACK (right_click_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
    }

  quote = gtk_label_new (pb_finding_get_quote (finding));
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), quote);

  if (*pb_finding_get_note (finding) != '\0')
    {
      GtkWidget *note = gtk_label_new (pb_finding_get_note (finding));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (box), note);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

static void
pb_finding_row_dispose (GObject *object)
{
  PbFindingRow *self = (PbFindingRow *)object;

  g_clear_object (&self->finding);

  G_OBJECT_CLASS (pb_finding_row_parent_class)->dispose (object);
}

static void
pb_finding_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PbFindingRow *self = PB_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_finding_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PbFindingRow *self = PB_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      self->finding = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_finding_row_class_init (PbFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_finding_row_dispose;
  object_class->get_property = pb_finding_row_get_property;
  object_class->set_property = pb_finding_row_set_property;

  /**
   * PbFindingRow:finding:
   *
   * The finding the row shows.
   */
  properties [PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, PB_TYPE_FINDING,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_finding_row_init (PbFindingRow *self)
{
}

/**
 * pb_finding_row_new:
 * @finding: the finding to show
 * @cohorts: (nullable) (element-type PbCohort): the library's cohorts, for
 *   their colours
 * @menu: (nullable): what can be done to the finding (see
 *   pb_finding_menu_new ()), behind a button and a right click
 *
 * Returns: (transfer floating): a row for a list box
 */
GtkWidget *
pb_finding_row_new (PbFinding  *finding,
                    GPtrArray  *cohorts,
                    GMenuModel *menu)
{
  PbFindingRow *self;

  g_return_val_if_fail (PB_IS_FINDING (finding), NULL);
  g_return_val_if_fail (!menu || G_IS_MENU_MODEL (menu), NULL);

  self = g_object_new (PB_TYPE_FINDING_ROW, "finding", finding, NULL);
  build (self, cohorts, menu);
  return GTK_WIDGET (self);
}

/**
 * pb_finding_row_get_menu_button:
 *
 * Returns: (transfer none) (nullable): the button that opens the row's menu
 */
GtkWidget *
pb_finding_row_get_menu_button (PbFindingRow *self)
{
  g_return_val_if_fail (PB_IS_FINDING_ROW (self), NULL);
  return self->menu_button;
}

/**
 * pb_finding_row_get_finding:
 *
 * Returns: (transfer none): the finding shown
 */
PbFinding *
pb_finding_row_get_finding (PbFindingRow *self)
{
  g_return_val_if_fail (PB_IS_FINDING_ROW (self), NULL);
  return self->finding;
}
