/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names what GTK 4.8 leaves nameless for a screen reader.
 *
 * GTK 4.8 speaks the parts it builds itself by their type: a GtkMenuButton's
 * inner button ("GtkMenuButton"), a GtkDropDown's button ("GtkToggleButton",
 * without the value chosen), list and column-view rows and cells
 * ("GtkListItemWidget", "GtkColumnViewCell") and flow-box children. Those
 * widgets are private or recycled, so the .ui files cannot name them. One
 * hook on "map" names each such widget from what it shows (the text of the
 * labels inside it) and keeps the name current as the labels change, which
 * is what a recycled row does when it is bound to another item. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pb-accessible-names.h"

#define NAMED_KEY "pb-accessible-named"
#define HEADING_KEY "pb-accessible-heading"
#define OWN_NAME_KEY "pb-accessible-own-name"

static void name_from_content (GtkWidget *target);

/* With by_tooltip, the tooltips of what shows no text (a row of cohort
 * dots says its cohorts there), for content with no label at all. */
static void
collect_text (GtkWidget *widget,
              GString   *text,
              GtkWidget *target,
              gboolean   by_tooltip)
{
  const char *piece = NULL;
  const char *signal = NULL;
  const char *heading;

  /* A stack's other pages are visible but not shown: a dropdown's button
   * keeps its "(None)" label in one, which is no part of what it says. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  heading = g_object_get_data (G_OBJECT (widget), HEADING_KEY);
  if (by_tooltip || (heading != NULL && !GTK_IS_LABEL (widget) && !GTK_IS_INSCRIPTION (widget)))
    {
      piece = gtk_widget_get_tooltip_text (widget);
      signal = "notify::tooltip-text";
    }
  else if (GTK_IS_LABEL (widget))
    {
      piece = gtk_label_get_text (GTK_LABEL (widget));
      signal = "notify::label";
    }
  else if (GTK_IS_INSCRIPTION (widget))
    {
      piece = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      signal = "notify::text";
    }

  /* A recycled row keeps its labels and changes their text. A label
   * names its cell and its row, so it is watched once for each (one key
   * per row or cell: a few hundred in a session); a table cell's even
   * while empty, as the next finding bound to it may fill it. */
  if (signal != NULL && ((piece != NULL && *piece != '\0') || heading != NULL))
    {
      g_autofree char *key = g_strdup_printf ("pb-accessible-watch-%s-%p", signal, (gpointer) target);

      if (g_object_get_data (G_OBJECT (widget), key) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), key, target);
          g_signal_connect_object (widget, signal, G_CALLBACK (name_from_content), target, G_CONNECT_SWAPPED);
        }
    }

  if (piece != NULL && *piece != '\0')
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      if (heading != NULL)
        /* Translators: a table cell as a screen reader says it, "Kind: Strength" */
        g_string_append_printf (text, _("%s: %s"), heading, piece);
      else
        g_string_append (text, piece);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text, target, by_tooltip);
}

/* The text a row or button shows, or NULL if it shows none. */
static char *
content_text (GtkWidget *target)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (target);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text, target, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (target);
       child != NULL && text->len == 0;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text, target, TRUE);

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static void
name_from_content (GtkWidget *target)
{
  g_autofree char *text = content_text (target);
  GtkWidget *parent = gtk_widget_get_parent (target);
  const char *prefix = NULL;
  g_autofree char *name = NULL;

  if (g_object_get_data (G_OBJECT (target), OWN_NAME_KEY) != NULL)
    return;

  /* A dropdown's button says what it chooses and what is chosen; a menu
   * button what its menu is for and what it shows ("Zoom: 89%"). */
  if (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent))
    prefix = gtk_widget_get_tooltip_text (parent);
  if (GTK_IS_MENU_BUTTON (target))
    prefix = gtk_widget_get_tooltip_text (target);
  /* An empty cell (no note, say) is still a cell to move through. */
  if (text == NULL && g_str_equal (G_OBJECT_TYPE_NAME (target), "GtkColumnViewCell"))
    prefix = _("Blank");
  if ((GTK_IS_MENU_BUTTON (parent) || GTK_IS_MENU_BUTTON (target)) && text == NULL && prefix == NULL)
    prefix = _("Menu");

  if (prefix != NULL && text != NULL && g_strcmp0 (prefix, text) != 0 &&
      (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent) || GTK_IS_MENU_BUTTON (target)))
    name = g_strdup_printf ("%s: %s", prefix, text);
  else
    name = g_strdup (text != NULL ? text : prefix);

  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (target),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  /* GTK 4.8 speaks a button's label and then what labels it: a menu
   * button's inner button, labelled by its own label, would be "Pack Menu
   * Pack Menu". The name given here says it all. */
  if (name != NULL && GTK_IS_BUTTON (target))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  /* GTK labels and describes a menu button's inner button by the menu
   * button too, which adds the same name again ("Report Menu Report
   * Menu"): the name set here is all it needs. */
  if (GTK_IS_MENU_BUTTON (parent))
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
  /* A tooltip is a widget's description: one that only repeats the name
   * is said twice. */
  if (name != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (target), name) == 0)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* A button with a mnemonic ("Pre_view") is named by GTK 4.8 with its
 * label as written, underline and all, and then by its label as shown:
 * Orca says "Pre_view Preview". Its name is the label as shown. */
static void
name_mnemonic_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (!gtk_button_get_use_underline (button) || !GTK_IS_LABEL (child))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (child)),
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A list GTK builds inside another widget (a column view's rows, a
 * dropdown's or combo row's choices) is spoken by its type
 * ("GtkColumnListView", "GtkListView"): it is named by what holds it. */
static void
name_inner_list (GtkWidget *list)
{
  GtkWidget *parent = gtk_widget_get_parent (list);
  GtkWidget *owner = NULL;
  const char *label = NULL;

  if (GTK_IS_COLUMN_VIEW (parent))
    owner = parent;
  /* The app's own lists are named in their .ui files; these are the
   * choices of a dropdown or combo row, in its popover. */
  for (GtkWidget *w = parent; owner == NULL && w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_DROP_DOWN (w) || ADW_IS_COMBO_ROW (w))
      owner = w;

  /* A dropdown says what it chooses in its tooltip, a combo row in its
   * title; otherwise the list is labelled by what holds it, which has a
   * name of its own. */
  if (ADW_IS_COMBO_ROW (owner))
    label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (owner));
  else if (GTK_IS_DROP_DOWN (owner))
    label = gtk_widget_get_tooltip_text (owner);

  if (label != NULL && *label != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else if (owner != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, owner, NULL, -1);
}

static gboolean
has_focusable_descendant (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_focusable (child) || has_focusable_descendant (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_unnamed_kind (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* An entry row is labelled by its title already: named from its labels
   * as well, it would be "Title, Title Title". */
  if (ADW_IS_ENTRY_ROW (widget))
    return FALSE;

  return GTK_IS_LIST_BOX_ROW (widget) ||
         GTK_IS_FLOW_BOX_CHILD (widget) ||
         g_str_equal (type, "GtkListItemWidget") ||
         g_str_equal (type, "GtkColumnViewCell") ||
         GTK_IS_MENU_BUTTON (widget) ||
         (GTK_IS_TOGGLE_BUTTON (widget) && (GTK_IS_DROP_DOWN (parent) || GTK_IS_MENU_BUTTON (parent)));
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);
  GtkWidget *parent;

  /* Named by its owner (pb_accessible_names_set_label ()): left alone. */
  if (g_object_get_data (G_OBJECT (widget), OWN_NAME_KEY) != NULL)
    return TRUE;

  /* A button showing only an icon is labelled by that icon, whose name is
   * its type: Orca says "GtkImage Show the Library push button". The
   * button's own name (from its .ui label) is all there is to say. */
  if (GTK_IS_IMAGE (widget) && GTK_IS_BUTTON (gtk_widget_get_parent (widget)))
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (widget)),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      return TRUE;
    }

  /* A menu button's menu is spoken as "GtkPopoverMenu menu" as it opens:
   * named as its button is ("Report Menu"). */
  if (GTK_IS_POPOVER (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    {
      GtkWidget *button = gtk_widget_get_parent (widget);
      const char *name = gtk_widget_get_tooltip_text (button);

      if (name != NULL && *name != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      return TRUE;
    }

  /* A stack's pages are spoken as "GtkStackPage panel" when the focus
   * enters them: named by their titles where they have one. */
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (pages), i);
          GtkStackPage *page = GTK_STACK_PAGE (item);
          const char *title = gtk_stack_page_get_title (page);

          gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          title != NULL ? title : "", -1);
        }
      return TRUE;
    }

  /* Relabelled buttons keep GTK's label: named again after it. */
  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      !GTK_IS_DROP_DOWN (parent) && !GTK_IS_MENU_BUTTON (parent))
    {
      if (g_object_get_data (G_OBJECT (widget), NAMED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), NAMED_KEY, widget);
          g_signal_connect (widget, "notify::label", G_CALLBACK (name_mnemonic_button), NULL);
        }
      name_mnemonic_button (GTK_BUTTON (widget));
      return TRUE;
    }

  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget) ||
      g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnListView"))
    {
      if (g_object_get_data (G_OBJECT (widget), NAMED_KEY) == NULL)
        {
          g_object_set_data (G_OBJECT (widget), NAMED_KEY, widget);
          name_inner_list (widget);
        }
      return TRUE;
    }

  if (!is_unnamed_kind (widget))
    return TRUE;

  /* A column view's row of column titles is a Tab stop in GTK 4.8 that
   * does nothing (its titles take no keys): not a control. */
  if (GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget)) &&
      g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget"))
    gtk_widget_set_focusable (widget, FALSE);

  /* One Tab stop per control: a flow-box child that only wraps a control
   * (a toggle, a dropdown) gives its focus to that control. */
  if (GTK_IS_FLOW_BOX_CHILD (widget) && has_focusable_descendant (widget))
    gtk_widget_set_focusable (widget, FALSE);

  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_DROP_DOWN (parent) && g_object_get_data (G_OBJECT (widget), NAMED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), NAMED_KEY, widget);
      g_signal_connect_object (parent, "notify::selected", G_CALLBACK (name_from_content),
                               widget, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  name_from_content (widget);
  return TRUE;
}

/**
 * pb_accessible_names_install:
 *
 * Names, for assistive technologies, the widgets GTK 4.8 leaves named by
 * their type (see the top of this file), in every window the app opens from
 * now on. Call once, after gtk_init() (the app does so at start-up).
 */
void
pb_accessible_names_install (void)
{
  static gboolean installed = FALSE;

  if (installed)
    return;
  installed = TRUE;
  /* The signal exists once the class does, not before. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                              map_hook, NULL, NULL);
}

/**
 * pb_accessible_names_set_heading:
 * @widget: what a table cell shows: a label, or a widget whose tooltip says
 *   in words what it shows
 * @heading: (nullable): the title of the cell's column, or %NULL for none
 *
 * Has the row and the cell that hold @widget speak it after its column's
 * title ("Kind: Strength"), as GTK 4.8 gives a screen reader no column
 * headers for a table's cells. An empty cell is left out of its row.
 */
void
pb_accessible_names_set_heading (GtkWidget  *widget,
                                 const char *heading)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), HEADING_KEY, g_strdup (heading), g_free);
}

/**
 * pb_accessible_names_set_label:
 * @widget: a row or control its owner names
 * @label: what a screen reader calls @widget, such as "Overall
 *   effectiveness: Good" for a row that shows a title and a value
 *
 * Names @widget @label alone: the labels it is labelled by are dropped
 * (Orca speaks those instead of the name, so a row labelled by its title
 * loses its value), and @widget is no longer named from its content at
 * "map". Call again when what @widget shows changes.
 */
void
pb_accessible_names_set_label (GtkWidget  *widget,
                               const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  g_object_set_data (G_OBJECT (widget), OWN_NAME_KEY, widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}
