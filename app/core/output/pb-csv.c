/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-export"

#include "config.h"

#include <string.h>

#include "pb-csv.h"

/* Fields of a CSV file, in one place: every field quoted (RFC 4180), rows
 * ended with CR LF.  A spreadsheet takes a cell that starts with = + - or @
 * (or a tab or carriage return before one) as a formula, so a passage that
 * opens "=HYPERLINK(…)" would run when the file is opened.  Such text cells
 * get a leading apostrophe, as OWASP advises, which spreadsheets show as
 * text and do not evaluate.  Numbers have their own writer, left as they
 * are. */

static void
end_field (GString  *out,
           gboolean  last)
{
  g_string_append (out, last ? "\"\r\n" : "\",");
}

/**
 * pb_csv_append_field:
 * @out: the file so far
 * @text: (nullable): the cell's text; %NULL for an empty cell
 * @last: whether the cell ends its row
 *
 * Appends a quoted text cell, made inert if a spreadsheet would read it as
 * a formula (a leading "'"), and valid UTF-8.
 */
void
pb_csv_append_field (GString    *out,
                     const char *text,
                     gboolean    last)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      valid = g_utf8_make_valid (text, -1);
      text = valid;
    }

  g_string_append_c (out, '"');
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  end_field (out, last);
}

/**
 * pb_csv_append_number:
 * @out: the file so far
 * @number: the cell's value
 * @last: whether the cell ends its row
 *
 * Appends a quoted number cell; a negative number stays a number.
 */
void
pb_csv_append_number (GString  *out,
                      gint64    number,
                      gboolean  last)
{
  g_return_if_fail (out != NULL);

  g_string_append_printf (out, "\"%" G_GINT64_FORMAT, number);
  end_field (out, last);
}
