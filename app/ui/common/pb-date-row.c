/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-date-row.h"
#include "pb-dates.h"

/* A date in an entry row (or an entry), as British users write one
 * ("14/01/2027", "14 Jan 2027") or pick it from a calendar beside it.
 * Picking a day applies it, as the row's apply button (the entry's Enter)
 * does. */

static void
day_selected_cb (GtkCalendar *calendar,
                 GtkEditable *row)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (calendar);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)g_date_time_get_day_of_month (chosen),
                  (GDateMonth)g_date_time_get_month (chosen), (GDateYear)g_date_time_get_year (chosen));
  pb_date_row_set_date (row, &date);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit_by_name (row, ADW_IS_ENTRY_ROW (row) ? "apply" : "activate");
}

/* Opens at the row's date, or today. */
static void
popover_show_cb (GtkPopover  *popover,
                 GtkEditable *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (pb_date_row_get_date (row, &date) && g_date_valid (&date))
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  g_signal_handlers_block_by_func (calendar, day_selected_cb, row);
  gtk_calendar_select_day (calendar, when);
  g_signal_handlers_unblock_by_func (calendar, day_selected_cb, row);
}

/**
 * pb_date_row_new_calendar_button:
 * @editable: an entry row or an entry for a date
 *
 * Returns: (transfer floating): a button that picks @editable's date from
 *   a calendar, to put beside it
 */
GtkWidget *
pb_date_row_new_calendar_button (GtkEditable *editable)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose from a Calendar"));
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (day_selected_cb), editable, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_show_cb), editable, 0);
  return button;
}

/**
 * pb_date_row_setup:
 * @row: an entry row for a date
 *
 * Adds the calendar button to @row.
 */
void
pb_date_row_setup (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  adw_entry_row_add_suffix (row, pb_date_row_new_calendar_button (GTK_EDITABLE (row)));
}

/**
 * pb_date_row_set_date:
 * @row: an entry row or an entry for a date
 * @date: (nullable): the date to show, as "14/01/2027"; %NULL or invalid
 *   for none
 */
void
pb_date_row_set_date (GtkEditable *row,
                      const GDate *date)
{
  char text[32] = "";

  g_return_if_fail (GTK_IS_EDITABLE (row));

  if (date != NULL && g_date_valid (date))
    /* Translators: a date as it is typed in the user's country; see strftime(3) */
    g_date_strftime (text, sizeof text, _("%d/%m/%Y"), date);
  /* Only a change: GTK 4.8 sets even the same text again, which shows the
   * row's apply button again just after the user applied that date. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/**
 * pb_date_row_get_date:
 * @row: an entry row or an entry for a date
 * @date: (out): the date typed, or cleared when the row is empty
 *
 * Reads the row as pb_date_parse () does, day first; marks the row as in
 * error when it holds something that is not a date.
 *
 * Returns: %FALSE when the row holds something that is not a date
 */
gboolean
pb_date_row_get_date (GtkEditable *row,
                      GDate       *date)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (GTK_IS_EDITABLE (row), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_date_clear (date, 1);
  if (*text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }

  if (!pb_date_parse (text, date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  return TRUE;
}
