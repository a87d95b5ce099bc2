/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <poppler.h>
#include <string.h>

#include "pb-cohort-store.h"
#include "pb-cohort.h"
#include "pb-demo.h"
#include "pb-finding-picker.h"
#include "pb-finding-store.h"
#include "pb-finding-tile.h"
#include "pb-pack-editor.h"
#include "pb-pack-export.h"
#include "pb-pack-row.h"
#include "pb-packs-view.h"
#include "pb-preview-window.h"
#include "pb-print.h"
#include "pb-report-store.h"
#include "pb-save-annotated.h"
#include "pb-packs-ui-fixture.h"
#include "pb-test-util.h"
#include "pb-window.h"

/* The pack editor in a window: keyboard moves, removal with Undo, the
 * classification question, and findings dropped on it. */

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static void
focus_row (Fixture *f,
           guint    position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (pb_pack_editor_get_list (f->editor), (int)position);

  g_assert_nonnull (row);
  gtk_list_box_select_row (pb_pack_editor_get_list (f->editor), row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Alt+Down on a row moves it, only the rows touched change, and the
 * keyboard stays on the row that moved. */
static void
test_keyboard_move (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  PbPackContents *contents = pb_pack_editor_get_contents (f->editor);
  GtkListBox *list = pb_pack_editor_get_list (f->editor);
  g_autoptr(PbPackEntry) first = pb_packs_entry_at (f, 1);
  g_autoptr(PbPackEntry) second = pb_packs_entry_at (f, 2);
  g_autoptr(PbPackEntry) moved = NULL;
  GtkWidget *focus;
  guint position = 0, removed = 0, added = 0;

  g_assert_cmpuint (n_rows (list), ==, g_list_model_get_n_items (G_LIST_MODEL (contents)));
  g_assert_cmpint (pb_pack_entry_get_kind (first), !=, PB_PACK_ENTRY_SECTION);
  g_assert_cmpint (pb_pack_entry_get_kind (second), !=, PB_PACK_ENTRY_SECTION);

  gt_signal_logger_connect (logger, contents, "items-changed");
  focus_row (f, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.move-down", NULL));

  gt_signal_logger_assert_emission_pop (logger, contents, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (added, ==, 2);
  gt_signal_logger_assert_no_emissions (logger);

  moved = pb_packs_entry_at (f, 2);
  g_assert_cmpint (pb_pack_entry_get_id (moved), ==, pb_pack_entry_get_id (first));
  g_assert_cmpuint (n_rows (list), ==, g_list_model_get_n_items (G_LIST_MODEL (contents)));

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW))),
                   ==, 2);

  /* And back up. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.move-up", NULL));
  g_clear_object (&moved);
  moved = pb_packs_entry_at (f, 1);
  g_assert_cmpint (pb_pack_entry_get_id (moved), ==, pb_pack_entry_get_id (first));
}

/* Delete takes the selected rows out; Undo puts them back where they were. */
static void
test_remove_undo (Fixture       *f,
                  gconstpointer  data)
{
  PbPackContents *contents = pb_pack_editor_get_contents (f->editor);
  GtkListBox *list = pb_pack_editor_get_list (f->editor);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (contents));
  g_autoptr(PbPackEntry) gone = pb_packs_entry_at (f, 2);
  g_autoptr(PbPackEntry) back = NULL;

  focus_row (f, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "pack.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contents)), ==, before - 1);
  g_assert_cmpuint (n_rows (list), ==, before - 1);
  g_assert_cmpuint (pb_pack_contents_find (contents, PB_PACK_ENTRY_FINDING, pb_pack_entry_get_id (gone)), ==, G_MAXUINT);

  g_assert_true (pb_pack_editor_undo_remove (f->editor));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (contents)), ==, before);
  back = pb_packs_entry_at (f, 2);
  g_assert_cmpstr (pb_pack_entry_get_text (back), ==, pb_pack_entry_get_text (gone));
  /* Once only. */
  g_assert_false (pb_pack_editor_undo_remove (f->editor));
}

static AdwMessageDialog *
find_dialog (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (f->window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label under @widget that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of the editor titled @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The entry beside the label @title in the editor's grid of details. */
static GtkWidget *
find_field (GtkWidget  *widget,
            const char *title)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (GTK_IS_LABEL (widget) && GTK_IS_GRID (parent) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0)
    {
      int row;

      gtk_grid_query_child (GTK_GRID (parent), widget, NULL, &row, NULL, NULL);
      return gtk_grid_get_child_at (GTK_GRID (parent), 1, row);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_field (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first combo row in the editor: the classification. */
static AdwComboRow *
classification_row (Fixture *f)
{
  GtkWidget *found = find_descendant (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW);

  g_assert_nonnull (found);
  return ADW_COMBO_ROW (found);
}

/* Making an exempt pack public lists what is not for publication and asks;
 * keeping it exempt changes nothing, going ahead takes those findings out. */
static void
test_make_public_asks (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(GPtrArray) exempt = NULL;
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GArray) held = NULL;
  gint64 exempt_id;
  AdwComboRow *row = classification_row (f);
  AdwMessageDialog *dialog;

  filter.exempt = 1;
  exempt = pb_library_list_findings (f->library, &filter, &error);
  g_assert_cmpuint (exempt->len, ==, 1);
  exempt_id = pb_finding_get_id (g_ptr_array_index (exempt, 0));

  /* Exempt, holding the exempt finding. */
  adw_combo_row_set_selected (row, 1);
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_true (pb_pack_get_exempt (pack));
  g_clear_object (&pack);
  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, &exempt_id, 1, &error));
  g_assert_no_error (error);
  g_assert_null (find_dialog (f));

  /* Public: asked; kept exempt. */
  adw_combo_row_set_selected (row, 0);
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not for publication"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_true (pb_pack_get_exempt (pack));
  g_clear_object (&pack);

  /* Public again: this time remove and go ahead. */
  adw_combo_row_set_selected (row, 0);
  dialog = find_dialog (f);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_false (pb_pack_get_exempt (pack));
  held = pb_library_list_pack_exempt_findings (f->library, f->pack_id, &error);
  g_assert_cmpuint (held->len, ==, 0);
}

/* A council paper's details in the editor: the agenda item and contact
 * typed and applied are the pack's; the paragraph of Schedule 12A is
 * offered only for an exempt pack, chosen with its description shown. */
static void
test_board_details (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPack) pack = NULL;
  GtkWidget *agenda = find_field (GTK_WIDGET (f->editor), "Agenda Item");
  GtkWidget *contact = find_field (GTK_WIDGET (f->editor), "Contact");
  GtkWidget *paragraph = find_row (GTK_WIDGET (f->editor), "Exempt Under");

  g_assert_nonnull (agenda);
  g_assert_nonnull (contact);
  g_assert_nonnull (paragraph);

  gtk_editable_set_text (GTK_EDITABLE (agenda), "7");
  g_signal_emit_by_name (agenda, "activate");
  gtk_editable_set_text (GTK_EDITABLE (contact), "jo.marsh@harrowdale.example");
  g_signal_emit_by_name (contact, "activate");
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_pack_get_agenda_item (pack), ==, "7");
  g_assert_cmpstr (pb_pack_get_contact (pack), ==, "jo.marsh@harrowdale.example");
  g_clear_object (&pack);

  /* Public: no paragraph to choose. Exempt: chosen, and described. */
  adw_combo_row_set_selected (classification_row (f), 0);
  g_assert_false (gtk_widget_get_visible (paragraph));
  adw_combo_row_set_selected (classification_row (f), 1);
  g_assert_true (gtk_widget_get_visible (paragraph));
  adw_combo_row_set_selected (ADW_COMBO_ROW (paragraph), 3);
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (pack), ==, 3);
  g_clear_object (&pack);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (paragraph)), ==,
                   pb_exempt_paragraph_get_description (3));

  /* On the row, the paragraph alone, which stays whole in a narrow
   * window; a screen reader hears its description too. */
  g_assert_nonnull (find_label (paragraph, "Paragraph 3"));
  {
    g_autofree char *spoken = g_strdup_printf ("Exempt under: Paragraph 3: %s", pb_exempt_paragraph_get_description (3));

    gtk_test_accessible_assert_property (paragraph, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
  }

  /* In the list, every paragraph with its description, spoken as one. */
  g_assert_true (gtk_widget_activate (paragraph));
  {
    GtkWidget *popover = find_descendant (paragraph, GTK_TYPE_POPOVER);

    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_mapped (popover));
    gtk_test_widget_wait_for_draw (popover);
    for (guint p = 1; p <= PB_EXEMPT_PARAGRAPH_LAST; p++)
      {
        g_autofree char *title = g_strdup_printf ("Paragraph %u", p);
        g_autofree char *spoken = g_strdup_printf ("Paragraph %u: %s", p, pb_exempt_paragraph_get_description (p));
        GtkWidget *described = find_label (popover, pb_exempt_paragraph_get_description (p));

        g_assert_nonnull (described);
        g_assert_true (gtk_widget_get_visible (described));
        g_assert_nonnull (find_label (gtk_widget_get_parent (described), title));
        gtk_test_accessible_assert_property (gtk_widget_get_parent (described), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
      }
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
}

/* A finding dropped on a row lands just before it. */
static void
test_drop_finding (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PbPackContents *contents = pb_pack_editor_get_contents (f->editor);
  g_autoptr(PbPackEntry) finding_row = NULL;
  g_autoptr(PbPackEntry) anchor = NULL;
  g_autoptr(PbPackEntry) landed = NULL;
  g_autoptr(PbFinding) finding = NULL;
  guint last = g_list_model_get_n_items (G_LIST_MODEL (contents)) - 1;
  guint from;

  /* Take a finding out, then drop it before the last row. */
  for (guint i = 0; i <= last && finding_row == NULL; i++)
    {
      g_autoptr(PbPackEntry) entry = pb_packs_entry_at (f, i);

      if (pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_FINDING)
        finding_row = g_object_ref (entry);
    }
  g_assert_nonnull (finding_row);
  finding = g_object_ref (pb_pack_entry_get_finding (finding_row));
  from = pb_pack_contents_find (contents, PB_PACK_ENTRY_FINDING, pb_pack_entry_get_id (finding_row));
  {
    PbPackRemoval *removal = pb_pack_contents_remove (contents, &from, 1, &error);
    g_assert_no_error (error);
    pb_pack_removal_free (removal);
  }

  last = g_list_model_get_n_items (G_LIST_MODEL (contents)) - 1;
  anchor = pb_packs_entry_at (f, last);
  g_assert_true (pb_pack_editor_drop_finding (f->editor, finding, last));
  landed = pb_packs_entry_at (f, last);
  g_assert_nonnull (pb_pack_entry_get_finding (landed));
  g_assert_cmpint (pb_finding_get_id (pb_pack_entry_get_finding (landed)), ==, pb_finding_get_id (finding));
  g_clear_object (&landed);
  landed = pb_packs_entry_at (f, last + 1);
  g_assert_cmpint (pb_pack_entry_get_id (landed), ==, pb_pack_entry_get_id (anchor));
}

/* The meeting's date as it is written in Britain, or picked from the
 * calendar beside it; kept as a date, shown again as typed. */
static void
test_meeting_date (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *row = find_field (GTK_WIDGET (f->editor), "Meeting Date");
  GtkWidget *calendar;
  int line;
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GDateTime) day = NULL;

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "14/01/2027");
  g_signal_emit_by_name (row, "activate");
  pack = pb_library_get_pack (f->library, f->pack_id, NULL);
  g_assert_cmpstr (pb_pack_get_meeting_date (pack), ==, "2027-01-14");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "14/01/2027");

  /* Not a date: said so, and the pack keeps its date. */
  gtk_editable_set_text (GTK_EDITABLE (row), "01/14/2027");
  g_signal_emit_by_name (row, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_clear_object (&pack);
  pack = pb_library_get_pack (f->library, f->pack_id, NULL);
  g_assert_cmpstr (pb_pack_get_meeting_date (pack), ==, "2027-01-14");

  /* The calendar's day is the meeting's: its button beside the date. */
  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (row)), row, NULL, &line, NULL, NULL);
  calendar = gtk_grid_get_child_at (GTK_GRID (gtk_widget_get_parent (row)), 2, line);
  g_assert_true (GTK_IS_MENU_BUTTON (calendar));
  g_assert_nonnull (calendar);
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (calendar)));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  day = g_date_time_new_local (2027, 2, 3, 0, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_clear_object (&pack);
  pack = pb_library_get_pack (f->library, f->pack_id, NULL);
  g_assert_cmpstr (pb_pack_get_meeting_date (pack), ==, "2027-02-03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "03/02/2027");
}

/* Whether @trigger is @keyval with @modifiers, or has it as one of its
 * alternatives (the window binds Tab and keypad Tab as one). */
static gboolean
triggered_by (GtkShortcutTrigger *trigger,
              guint               keyval,
              GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return triggered_by (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           triggered_by (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* A key as the keyboard gives it: the first shortcut for it on the focused
 * widget or the nearest of its ancestors (the window's Tab moves the
 * focus). */
static void
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  modifiers)
{

  for (GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (f->window)); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (triggered_by (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return;
            }
        }
    }
  g_assert_not_reached ();
}

/* Where the keyboard is: the focused widget, or the entry or menu button
 * whose inner part has the focus (suites share one X server, so the focus
 * is asked of the window, never of the widget). */
static GtkWidget *
stop_of (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *outer;

  g_assert_nonnull (focus);
  if ((outer = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY)) != NULL ||
      (outer = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON)) != NULL)
    return outer;
  return focus;
}

/* Tab goes through the whole editor in the order it shows, one stop a
 * control, never staying put: the details, the latest grades, Add, then
 * the contents as one stop (the arrow keys within them, Tab to the row's
 * Remove button, in sight, and out); Shift+Tab comes back the same way. */
static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (pb_pack_editor_get_list (f->editor));
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *title = find_field (GTK_WIDGET (f->editor), "Title");
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  GtkWidget *add = NULL;
  GtkWidget *row = NULL;
  GtkWidget *remove;
  GtkWidget *stop;
  graphene_rect_t bounds;
  guint n;

  pb_pack_editor_focus_title (f->editor);
  g_assert_true (stop_of (f) == title);
  g_ptr_array_add (stops, title);

  for (n = 0; n < 40 && row == NULL; n++)
    {
      press (f, GDK_KEY_Tab, 0);
      stop = stop_of (f);
      g_assert_true (stop != g_ptr_array_index (stops, stops->len - 1));
      if (gtk_widget_is_ancestor (stop, list))
        row = stop;
      else
        {
          /* Each control once on the way. */
          g_assert_false (g_ptr_array_find (stops, stop, NULL));
          g_ptr_array_add (stops, stop);
        }
      if (GTK_IS_MENU_BUTTON (stop) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (stop)), "_Add") == 0)
        add = stop;
    }
  /* Add is the last stop before the contents, and the grades came before. */
  g_assert_nonnull (add);
  g_assert_true (add == g_ptr_array_index (stops, stops->len - 1));
  g_assert_nonnull (row);
  g_assert_true (PB_IS_PACK_ROW (row));
  g_assert_cmpint (pb_pack_entry_get_kind (pb_pack_row_get_entry (PB_PACK_ROW (row))), ==, PB_PACK_ENTRY_SECTION);

  /* The arrow keys within the contents, a row at a time, to a finding. */
  for (n = 1; n < 6 && pb_pack_entry_get_kind (pb_pack_row_get_entry (PB_PACK_ROW (row))) != PB_PACK_ENTRY_FINDING; n++)
    {
      press (f, GDK_KEY_Down, 0);
      row = stop_of (f);
      g_assert_true (PB_IS_PACK_ROW (row));
      g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, n);
    }
  g_assert_cmpint (pb_pack_entry_get_kind (pb_pack_row_get_entry (PB_PACK_ROW (row))), ==, PB_PACK_ENTRY_FINDING);

  /* Tab: its Remove button, scrolled into sight. */
  press (f, GDK_KEY_Tab, 0);
  remove = stop_of (f);
  g_assert_true (GTK_IS_BUTTON (remove));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (remove)), ==, "row.remove");
  g_assert_true (gtk_widget_get_ancestor (remove, PB_TYPE_PACK_ROW) == row);
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (gtk_widget_compute_bounds (remove, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scroller));

  /* Tab again leaves the contents, not to another row. */
  press (f, GDK_KEY_Tab, 0);
  g_assert_false (gtk_widget_is_ancestor (stop_of (f), list));

  /* Shift+Tab: back into the contents, then out of them to Add... */
  press (f, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (gtk_widget_is_ancestor (stop_of (f), list));
  for (n = 0; n < 3 && gtk_widget_is_ancestor (stop_of (f), list); n++)
    press (f, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_true (stop_of (f) == add);

  /* ...and back to the title by the same stops, in reverse. */
  for (guint i = stops->len - 1; i > 0; i--)
    {
      press (f, GDK_KEY_Tab, GDK_SHIFT_MASK);
      g_assert_true (stop_of (f) == g_ptr_array_index (stops, i - 1));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/packs-ui/keyboard-move", Fixture, NULL, pb_packs_fixture_setup, test_keyboard_move, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/remove-undo", Fixture, NULL, pb_packs_fixture_setup, test_remove_undo, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/make-public-asks", Fixture, NULL, pb_packs_fixture_setup, test_make_public_asks, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/board-details", Fixture, NULL, pb_packs_fixture_setup, test_board_details,
              pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/drop-finding", Fixture, NULL, pb_packs_fixture_setup, test_drop_finding, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/meeting-date", Fixture, NULL, pb_packs_fixture_setup, test_meeting_date, pb_packs_fixture_teardown);
  g_test_add ("/packs-ui/tab-order", Fixture, NULL, pb_packs_fixture_setup, test_tab_order, pb_packs_fixture_teardown);

  return g_test_run ();
}
