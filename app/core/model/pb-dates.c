/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-dates"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-dates.h"

/* Dates as a council paper writes them: "9 September 2024". */

/**
 * pb_date_format:
 * @date: a date, valid or not
 *
 * Returns: (transfer full) (nullable): @date in words, day first, in the
 *   user's language; %NULL when @date is not valid
 */
char *
pb_date_format (const GDate *date)
{
  char text[64];

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  /* Translators: a date in a citation or an exported pack; see strftime(3) */
  g_date_strftime (text, sizeof text, _("%-d %B %Y"), date);
  return g_strdup (text);
}

/**
 * pb_date_format_iso:
 * @iso: (nullable): a date as "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): the date in words as pb_date_format ()
 *   writes it; %NULL when @iso is %NULL or not a date
 */
char *
pb_date_format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  return pb_date_format (&date);
}

