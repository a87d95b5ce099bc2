/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-dates"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pb-dates.h"

/* Dates as a council paper writes them ("9 September 2024", "9–20 Sep
 * 2024"), as British users type them ("14/01/2027"), and the one model of a
 * document's dates that everything showing one takes it from.
 *
 * A document is known by one date: an inspection or a visit by its last
 * day, else by the day it was published (a citation says "published" then);
 * any other
 * document by the date it gives itself (a meeting's, a letter's), else by
 * the day it was imported, which is then said to be that. */

static gboolean
valid (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

/* An inspection ends before its report is published: an end no earlier
 * than the publication is a publication date misread, and not believed
 * (as pb_structure_get_inspection_end()). */
static const GDate *
believed_end (const PbDocumentDates *dates)
{
  if (!valid (&dates->end))
    return NULL;
  if (valid (&dates->published) && g_date_compare (&dates->end, &dates->published) >= 0)
    return NULL;
  return &dates->end;
}

static gboolean
is_inspection (PbDocumentType type)
{
  return type != PB_DOCUMENT_OTHER;
}

static gboolean
is_visit (PbDocumentType type)
{
  return type == PB_DOCUMENT_FOCUSED_VISIT || type == PB_DOCUMENT_MONITORING_VISIT ||
         type == PB_DOCUMENT_ASSURANCE_VISIT;
}

/**
 * pb_document_type_dated_by_publication:
 * @type: a document's type
 *
 * Whether a document of @type is known by the day Ofsted published it: an
 * inspection's report is; a visit's letter gives its own date, and another
 * paper (minutes, an action plan) the date it states.  So the one date an
 * officer corrects (pb_library_set_report_date ()) is the publication date
 * for the first, and the document's own date for the others.
 *
 * Returns: %TRUE for an inspection's report
 */
gboolean
pb_document_type_dated_by_publication (PbDocumentType type)
{
  return is_inspection (type) && !is_visit (type);
}

/**
 * pb_document_dates_init:
 *
 * Clears every date: an "other" document of unknown dates.
 */
void
pb_document_dates_init (PbDocumentDates *dates)
{
  g_return_if_fail (dates != NULL);

  dates->type = PB_DOCUMENT_OTHER;
  g_date_clear (&dates->start, 1);
  g_date_clear (&dates->end, 1);
  g_date_clear (&dates->published, 1);
  g_date_clear (&dates->stated, 1);
  g_date_clear (&dates->imported, 1);
}

/**
 * pb_document_dates_set_structure:
 * @structure: (nullable): what a report says about itself
 *
 * Takes the dates a report's structure read: its type, inspection or visit
 * days, publication and stated date. The import date is left as it was.
 */
void
pb_document_dates_set_structure (PbDocumentDates *dates,
                                 PbStructure     *structure)
{
  g_return_if_fail (dates != NULL);

  if (structure == NULL)
    return;

  dates->type = structure->type;
  dates->start = structure->inspection_start;
  dates->end = structure->inspection_end;
  dates->published = structure->published;
  dates->stated = structure->stated;
}

/**
 * pb_document_dates_get_date:
 * @date: (out): the date the document is known by
 *
 * The one date to sort by, cite and show in a column: an inspection's or a
 * visit's last day (when believable: before its publication), else its
 * publication, else the date it states; any other document's stated date,
 * else its import.
 *
 * Returns: %FALSE when no date is known at all
 */
gboolean
pb_document_dates_get_date (const PbDocumentDates *dates,
                            GDate                 *date)
{
  const GDate *candidates[4];
  guint n = 0;

  g_return_val_if_fail (dates != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (is_inspection (dates->type))
    {
      candidates[n++] = believed_end (dates);
      candidates[n++] = &dates->published;
    }
  candidates[n++] = &dates->stated;
  candidates[n++] = &dates->imported;

  for (guint i = 0; i < n; i++)
    if (valid (candidates[i]))
      {
        *date = *candidates[i];
        return TRUE;
      }

  g_date_clear (date, 1);
  return FALSE;
}

/**
 * pb_document_dates_is_published_date:
 *
 * Whether the date the document is known by (pb_document_dates_get_date ())
 * is an inspection's publication, its last day not being known: a citation
 * then says "published 26 July 2019" rather than leave it to be taken for
 * the inspection's.
 *
 * Returns: %TRUE when the known date is the publication date
 */
gboolean
pb_document_dates_is_published_date (const PbDocumentDates *dates)
{
  g_return_val_if_fail (dates != NULL, FALSE);

  return is_inspection (dates->type) && believed_end (dates) == NULL && valid (&dates->published);
}

/**
 * pb_document_dates_format_date:
 *
 * Returns: (transfer full) (nullable): the date the document is known by
 *   (pb_document_dates_get_date ()), short: "4 Nov 2024"
 */
char *
pb_document_dates_format_date (const PbDocumentDates *dates)
{
  GDate date;

  g_return_val_if_fail (dates != NULL, NULL);

  if (!pb_document_dates_get_date (dates, &date))
    return NULL;
  return pb_date_format_short (&date);
}

/**
 * pb_document_dates_describe:
 *
 * Returns: (transfer full) (nullable): the dates in a phrase, each labelled
 *   with what it is: "inspected 9–20 Sep 2024, published 4 Nov 2024",
 *   "visited 3–4 Oct 2023", "dated 14 Jan 2027", "imported 3 May 2025";
 *   %NULL when no date is known
 */
char *
pb_document_dates_describe (const PbDocumentDates *dates)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (dates != NULL, NULL);

  if (is_inspection (dates->type) && believed_end (dates) != NULL)
    {
      const GDate *end = believed_end (dates);
      g_autofree char *span = pb_date_format_span (valid (&dates->start) && g_date_compare (&dates->start, end) <= 0
                                                   ? &dates->start : end, end);

      if (is_visit (dates->type))
        /* Translators: the days of an Ofsted visit, "visited 3–4 Oct 2023" */
        g_string_append_printf (text, _("visited %s"), span);
      else
        /* Translators: the days of an inspection, "inspected 9–20 Sep 2024" */
        g_string_append_printf (text, _("inspected %s"), span);
    }

  if (is_inspection (dates->type) && valid (&dates->published))
    {
      g_autofree char *day = pb_date_format_short (&dates->published);

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: the day Ofsted published a report, "published 4 Nov 2024" */
      g_string_append_printf (text, _("published %s"), day);
    }

  if (valid (&dates->stated) && (text->len == 0 || is_visit (dates->type)))
    {
      g_autofree char *day = pb_date_format_short (&dates->stated);

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: the date a document gives itself, "dated 14 Jan 2027" */
      g_string_append_printf (text, _("dated %s"), day);
    }

  if (text->len == 0 && valid (&dates->imported))
    {
      g_autofree char *day = pb_date_format_short (&dates->imported);

      /* Translators: the day a document came into the library */
      g_string_append_printf (text, _("imported %s"), day);
    }

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

/**
 * pb_date_format:
 * @date: a date, valid or not
 *
 * Returns: (transfer full) (nullable): @date in words, day first, in the
 *   user's language ("9 September 2024"); %NULL when @date is not valid
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
 * pb_date_format_short:
 * @date: a date, valid or not
 *
 * Returns: (transfer full) (nullable): "4 Nov 2024"; %NULL when @date is
 *   not valid
 */
char *
pb_date_format_short (const GDate *date)
{
  char text[64];

  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  /* Translators: a date in a list or a table; see strftime(3) */
  g_date_strftime (text, sizeof text, _("%-d %b %Y"), date);
  return g_strdup (text);
}

/**
 * pb_date_format_span:
 * @start: the first day
 * @end: the last day, not before @start
 *
 * Returns: (transfer full) (nullable): "9–20 Sep 2024", "30 Sep–4 Oct 2019",
 *   "28 Dec 2019–3 Jan 2020", or one day ("12 Mar 2019"); %NULL when either
 *   is not valid
 */
char *
pb_date_format_span (const GDate *start,
                     const GDate *end)
{
  char first[64];
  g_autofree char *last = NULL;

  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  if (!g_date_valid (start) || !g_date_valid (end))
    return NULL;

  last = pb_date_format_short (end);
  if (g_date_compare (start, end) >= 0)
    return g_steal_pointer (&last);

  if (g_date_get_year (start) != g_date_get_year (end))
    g_date_strftime (first, sizeof first, _("%-d %b %Y"), start);
  else if (g_date_get_month (start) != g_date_get_month (end))
    /* Translators: the first day of a span within one year; see strftime(3) */
    g_date_strftime (first, sizeof first, _("%-d %b"), start);
  else
    g_date_strftime (first, sizeof first, "%-d", start);

  /* Translators: a span of days, "9–20 Sep 2024" (with an en dash) */
  return g_strdup_printf (_("%s–%s"), first, last);
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

  if (!pb_date_set_iso (&date, iso))
    return NULL;
  return pb_date_format (&date);
}

/**
 * pb_date_set_iso:
 * @date: (out): the date, or cleared
 * @iso: (nullable): "YYYY-MM-DD"
 *
 * Returns: whether @iso is a date
 */
gboolean
pb_date_set_iso (GDate      *date,
                 const char *iso)
{
  int y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * pb_date_to_iso:
 *
 * Returns: (transfer full) (nullable): "YYYY-MM-DD", or %NULL for an invalid
 *   date
 */
char *
pb_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
  "november", "december",
};

static int
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_ascii_strncasecmp (word, month_names[i], len) == 0 ||
        (len > 3 && g_ascii_strncasecmp (word, month_names[i], 3) == 0 && g_ascii_tolower (word[3]) == '.'))
      return (int)i + 1;
  return 0;
}

static int
full_year (int year,
           gsize digits)
{
  /* Two digits are this century's. */
  return digits <= 2 ? 2000 + year : year;
}

/**
 * pb_date_parse:
 * @text: a date as a British user types or a paper writes it:
 *   "14/01/2027", "14/1/27", "14.01.2027", "14-01-2027", "14 January 2027",
 *   "14th Jan 2027", "Thursday 14 January 2027", or "2027-01-14"
 * @date: (out): the date, or cleared
 *
 * Day first, never month first: 04/05/2027 is 4 May.
 *
 * Returns: whether @text is one date and nothing else
 */
gboolean
pb_date_parse (const char *text,
               GDate      *date)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *clean = NULL;
  int d = 0, m = 0, y = 0;
  guint n = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  clean = g_strstrip (g_strdup (text));
  if (pb_date_set_iso (date, clean) && strlen (clean) == 10)
    return TRUE;

  parts = g_regex_split_simple ("[\\s/.,-]+", clean, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      char *end = NULL;
      long number;

      if (*part == '\0')
        continue;

      number = strtol (part, &end, 10);
      if (end != part)
        {
          /* "14th", "1st", "22nd", "3rd" */
          if (*end != '\0' && g_ascii_strcasecmp (end, "st") != 0 && g_ascii_strcasecmp (end, "nd") != 0 &&
              g_ascii_strcasecmp (end, "rd") != 0 && g_ascii_strcasecmp (end, "th") != 0)
            return FALSE;
          if (n == 0)
            d = (int)number;
          else if (n == 1 && m == 0)
            m = (int)number;
          else if (n == 2 || (n == 1 && m != 0))
            y = full_year ((int)number, (gsize)(end - part));
          else
            return FALSE;
          n++;
        }
      else if (month_from_word (part) > 0 && n == 1 && m == 0)
        {
          m = month_from_word (part);
          n++;
        }
      else if (n > 0)
        return FALSE;   /* a word after the day that is no month */
      /* else a weekday before the day: "Thursday 14 January 2027" */
    }

  if (n != 3 || !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y) || y < 1900)
    return FALSE;

  g_date_set_dmy (date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return TRUE;
}
