/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-dates.h"
#include "pb-structure-private.h"

/* What a report's first lines say: the authority, the inspection and
 * publication dates and the lead inspector. */

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

/* The authority's name without the kind of council it is: "Metropolitan
 * Borough of Barnsley Council" is Barnsley, "Doncaster Metropolitan Borough
 * Council" Doncaster, "Sandwell Children's Trust" Sandwell. */
char *
_pb_structure_clean_authority (const char *name)
{
  static const char * const prefixes[] = {
    "The London Borough of ", "The Royal Borough of ", "The Borough of ", "The City of ",
    "the London Borough of ", "the Royal Borough of ", "the Borough of ", "the Council of the ",
    "The Council of the ", "Council of the ",
    "Metropolitan Borough of ", "London Borough of ", "Royal Borough of ", "City of ",
    "Borough of ", "County of ",
  };
  static const char * const suffixes[] = {
    " Metropolitan Borough Council", " Metropolitan District Council", " Metropolitan Council",
    " London Borough Council", " Royal Borough Council",
    " County Borough Council", " County Council", " Borough Council", " City Council",
    " District Council", " Council", " Metropolitan Borough", " Metropolitan", " Borough",
    " Children's Services Trust", " Children and Families Trust", " Children's Trust", " Children First",
    " Children's Services", " children's services", " local authority", ",", "'s",
  };
  g_autofree char *text = g_strstrip (g_strdup (name));
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
        if (g_str_has_prefix (text, prefixes[i]))
          {
            char *rest = g_strdup (text + strlen (prefixes[i]));
            g_free (text);
            text = rest;
            changed = TRUE;
          }

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        if (g_str_has_suffix (text, suffixes[i]) && strlen (text) > strlen (suffixes[i]))
          {
            text[strlen (text) - strlen (suffixes[i])] = '\0';
            changed = TRUE;
          }

      g_strstrip (text);
    }

  /* A name is a few words, not a sentence. */
  if (*text == '\0' || g_utf8_strlen (text, -1) > 60)
    return NULL;
  return g_steal_pointer (&text);
}

/* The authority: as the title names it (@named), or else from the lines
 * above the title, where older reports put the council's name. */
char *
_pb_structure_detect_authority (GArray     *lines,
                                guint       title,
                                const char *named)
{
  g_autoptr(GString) before = g_string_new (NULL);

  if (named != NULL && *named != '\0')
    return _pb_structure_clean_authority (named);

  for (guint i = 0; title != G_MAXUINT && i < title && i < 4; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);

      /* A page number, a logo's words, the dates or the inspector set above
       * the title are not the name. */
      if (strspn (line, "0123456789 ") == strlen (line) || g_str_equal (line, "Ofsted") ||
          g_str_has_prefix (line, "Inspection date") || g_str_has_prefix (line, "Lead inspector") ||
          g_str_has_prefix (line, "Report published"))
        continue;
      if (before->len > 0)
        g_string_append_c (before, ' ');
      g_string_append (before, line);
    }

  return before->len > 0 ? _pb_structure_clean_authority (before->str) : NULL;
}

/* The number of the month @name names in English ("March" is 3), or 0. */
int
_pb_structure_month_number (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strcasecmp (name, months[i]) == 0)
      return (int)i + 1;
  return 0;
}

static gboolean
set_date (GDate      *date,
          const char *day,
          const char *month,
          const char *year)
{
  int d = atoi (day ? day : "0");
  int m = _pb_structure_month_number (month);
  int y = atoi (year ? year : "0");

  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* The first span of dates in @text: "9 to 20 September 2024", "30 September
 * - 4 October 2019", "3 June 2014 - 25 June 2014", "4 and 5 October 2022",
 * "Monday 2 June to Friday 13 June 2014", or one day ("12 March 2019"),
 * which is then both start and end. */
gboolean
_pb_structure_read_date_span (const char *text,
                              GDate      *start,
                              GDate      *end)
{
  static GRegex *span_cache, *day_cache;
  GRegex *span = _pb_structure_regex (&span_cache,
                                      "\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+([A-Z][a-z]+))?(?:\\s+(\\d{4}))?"
                                      "\\s*(?:to|-|and|until)\\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?"
                                      "(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Z][a-z]+)\\s+(\\d{4})",
                                      0);
  GRegex *day = _pb_structure_regex (&day_cache, "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Z][a-z]+)\\s+(\\d{4})", 0);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (span, text, 0, &match))
    {
      g_autofree char *d1 = g_match_info_fetch (match, 1);
      g_autofree char *m1 = g_match_info_fetch (match, 2);
      g_autofree char *y1 = g_match_info_fetch (match, 3);
      g_autofree char *d2 = g_match_info_fetch (match, 4);
      g_autofree char *m2 = g_match_info_fetch (match, 5);
      g_autofree char *y2 = g_match_info_fetch (match, 6);

      if (_pb_structure_month_number (m2) > 0 && (*m1 == '\0' || _pb_structure_month_number (m1) > 0) &&
          set_date (end, d2, m2, y2))
        {
          set_date (start, d1, *m1 ? m1 : m2, *y1 ? y1 : y2);
          return TRUE;
        }
    }

  g_clear_pointer (&match, g_match_info_unref);
  if (g_regex_match (day, text, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      if (set_date (end, d, m, y))
        {
          *start = *end;
          return TRUE;
        }
    }

  return FALSE;
}

void
_pb_structure_detect_dates (GArray      *lines,
                            PbStructure *structure)
{
  static GRegex *dates_cache, *published_cache;
  GRegex *dates = _pb_structure_regex (&dates_cache, "(?:Inspection dates?|Dates? of (?:the )?inspection):?\\s*(.{6,60})", 0);
  GRegex *published = _pb_structure_regex (&published_cache, "(?:Report published|Publication date|Published):?\\s*"
                                                             "(\\d{1,2}\\s+[A-Z][a-z]+\\s+\\d{4})", 0);
  g_autofree char *title = _pb_structure_title_block (lines, 20);
  g_autofree char *span = _pb_structure_match_group (dates, title, 1);
  g_autofree char *day = _pb_structure_match_group (published, title, 1);
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (span != NULL && _pb_structure_read_date_span (span, &start, &end))
    {
      structure->inspection_start = start;
      structure->inspection_end = end;
    }

  if (day != NULL && _pb_structure_read_date_span (day, &start, &end))
    structure->published = end;
}

/* A person's name as a line gives it, without the title that follows:
 * "Amanda Maxwell, His Majesty's Inspector", "Helen Cawston HMI.". */
char *
_pb_structure_clean_name (const char *raw)
{
  static const char * const titles[] = {
    " HMI", " (HMI)", " Her Majesty's Inspector", " His Majesty's Inspector", " Ofsted Inspector",
  };
  g_autofree char *name = g_strstrip (g_strdup (raw));
  gboolean changed = TRUE;
  char *cut;

  if (name[0] == ':')
    memmove (name, name + 1, strlen (name));
  if ((cut = strchr (name, ',')))
    *cut = '\0';
  if ((cut = strstr (name, "Majesty's Inspector")) && cut > name)
    *cut = '\0';
  /* An inspector's title alone ("His Majesty's Inspector") names no one. */
  if (g_str_equal (g_strstrip (name), "His") || g_str_equal (name, "Her"))
    return NULL;

  while (changed)
    {
      changed = FALSE;
      g_strstrip (name);
      while (*name && strchr (".;:", name[strlen (name) - 1]))
        {
          name[strlen (name) - 1] = '\0';
          changed = TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        if (g_str_has_suffix (name, titles[i]))
          {
            name[strlen (name) - strlen (titles[i])] = '\0';
            changed = TRUE;
          }
      if (g_str_has_suffix (name, " Her") || g_str_has_suffix (name, " His"))
        {
          name[strlen (name) - 4] = '\0';
          changed = TRUE;
        }
    }

  /* A name: a few words, the first capitalised. */
  if (*name == '\0' || strlen (name) >= 60 || !g_unichar_isupper (g_utf8_get_char (name)))
    return NULL;
  return g_steal_pointer (&name);
}

char *
_pb_structure_detect_lead_inspector (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
      g_autofree char *name = NULL;

      if (g_ascii_strncasecmp (line, "Lead inspector", strlen ("Lead inspector")) != 0)
        continue;

      name = g_strdup (line + strlen ("Lead inspector"));
      /* "Lead inspectors: Jane Doe and John Roe": the first is named. */
      if (*name == 's' && (name[1] == ':' || name[1] == ' '))
        {
          char *and;

          memmove (name, name + 1, strlen (name));
          if ((and = strstr (name, " and ")) != NULL)
            *and = '\0';
        }
      g_strstrip (name);
      if (*name == ':')
        memmove (name, name + 1, strlen (name));
      g_strstrip (name);

      /* "Lead inspector:" alone, the name on the next line. */
      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup (_pb_structure_line_at (lines, i + 1));
        }

      {
        char *clean = _pb_structure_clean_name (name);

        if (clean != NULL)
          return clean;
      }
    }

  return NULL;
}

/* The date a document gives itself on its first page: a meeting's ("Date of
 * Meeting 14th June 2023", "Date: 14/01/2027") or, failing a label, a line
 * that is a date and nothing else, as a letter's is, or else the date its
 * title ends in. */
void
_pb_structure_detect_stated_date (GArray      *lines,
                                  PbStructure *structure)
{
  static GRegex *label_cache;
  GRegex *label = _pb_structure_regex (&label_cache,
                                       "^(?:Date\\s+of\\s+(?:the\\s+)?[Mm]eeting|Meeting\\s+[Dd]ate|Date\\s+of\\s+[Ll]etter|Date)"
                                       "\\s*[:\\t ]\\s*(.*)$", 0);
  GDate date;
  guint n = 0;

  for (guint i = 0; i < lines->len && n < 30; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
      g_autofree char *value = NULL;

      if (g_array_index (lines, Line, i).page > 1)
        break;
      n++;

      if ((value = _pb_structure_match_group (label, line, 1)) != NULL)
        {
          g_strstrip (value);
          if (pb_date_parse (value, &date) ||
              (*value == '\0' && i + 1 < lines->len && pb_date_parse (_pb_structure_line_at (lines, i + 1), &date)))
            {
              structure->stated = date;
              return;
            }
        }
    }

  n = 0;
  for (guint i = 0; i < lines->len && n < 30; i++)
    {
      if (g_array_index (lines, Line, i).page > 1)
        break;
      n++;

      if (pb_date_parse (_pb_structure_line_at (lines, i), &date))
        {
          structure->stated = date;
          return;
        }
    }

  /* Failing both, a title that ends in its date, as minutes are headed:
   * "Corporate Parenting Panel minutes, 21 January 2025", wrapped over two
   * lines or not. Only the first lines: a date further down is what the
   * document speaks of. */
  {
    static GRegex *title_cache;
    GRegex *titled = _pb_structure_regex (&title_cache,
                                          "[,\\x{2013}\\x{2014}-]\\s*(\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}+\\s+\\d{4})\\s*$",
                                          0);

    for (guint i = 0; i < lines->len && i < 3; i++)
      {
        for (guint with = 0; with < 2 && i + with < lines->len; with++)
          {
            g_autofree char *title = NULL;
            g_autofree char *value = NULL;

            if (g_array_index (lines, Line, i + with).page > 1)
              break;
            title = with == 0 ? g_strdup (_pb_structure_line_at (lines, i))
                              : g_strconcat (_pb_structure_line_at (lines, i), " ",
                                             _pb_structure_line_at (lines, i + 1), NULL);
            if ((value = _pb_structure_match_group (titled, title, 1)) != NULL &&
                pb_date_parse (value, &date))
              {
                structure->stated = date;
                return;
              }
          }
      }
  }
}
