/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"

/* Letters: the focused visits, monitoring visits and joint targeted area
 * inspections a panel reads between inspections. They have no judgement
 * table and, mostly, no "Inspection dates" line: the opening paragraph names
 * the visit and its days ("This letter summarises the findings of the
 * focused visit to … on 8 and 9 November 2022"), the inspectors are named
 * there or sign the letter, and a sentence says what the visit looked at. */

/* The days of the visit, from the opening paragraph. */
static void
read_visit_dates (const char  *opening,
                  PbStructure *structure)
{
  static GRegex *cache, *day_name_cache;
  /* "on Tuesday 24 and Wednesday, 25 January 2023": the days' names say
   * nothing the dates do not, and would split the span. */
  GRegex *day_name = _pb_structure_regex (&day_name_cache,
                                          "\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+(?=\\d)", 0);
  g_autofree char *plain = g_regex_replace_literal (day_name, opening, -1, 0, "", 0, NULL);
  GRegex *on = _pb_structure_regex (&cache,
                                    "\\b(?:[Oo]n|[Ff]rom|[Bb]etween|took place)\\s+((?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s+[A-Z][a-z]+)?"
                                    "(?:\\s+\\d{4})?\\s*(?:to|-|and|until)\\s*)?\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]+\\s+\\d{4})",
                                    0);
  g_autofree char *span = _pb_structure_match_group (on, plain != NULL ? plain : opening, 1);
  GDate start, end;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (span != NULL && _pb_structure_read_date_span (span, &start, &end))
    {
      structure->inspection_start = start;
      structure->inspection_end = end;
    }
}

/* Looks like a name: two to five words, each capitalised or a particle. */
static gboolean
is_name (const char *line)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);
  guint n = g_strv_length (words);

  if (n < 2 || n > 5 || strlen (line) > 50)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_unichar_isupper (g_utf8_get_char (words[i])) &&
        !g_str_equal (words[i], "de") && !g_str_equal (words[i], "van") && !g_str_equal (words[i], "von"))
      return FALSE;
  return TRUE;
}

/* Whether line @i is set apart from the letter's text: a running header
 * or footer, or a page's number. */
static gboolean
is_page_furniture (GArray *lines,
                   guint   i)
{
  const char *text = _pb_structure_line_at (lines, i);

  return g_array_index (lines, Line, i).running || strspn (text, "0123456789 ") == strlen (text);
}

/* The inspector who signs the letter: the name after "Yours sincerely",
 * with "His Majesty's Inspector" (or another inspector's title) under it,
 * perhaps over a page break (the name at the foot of one page, the title
 * at the top of the next). */
static char *
read_signature (GArray *lines)
{
  for (guint i = lines->len; i-- > 0;)
    {
      const char *line = _pb_structure_line_at (lines, i);
      guint signature[2];
      guint n = 0;

      if (!g_str_has_prefix (line, "Yours sincerely") && !g_str_has_prefix (line, "Yours faithfully"))
        continue;

      /* The two lines of the signature, past the page's furniture. */
      for (guint k = i + 1; k < lines->len && k <= i + 6 && n < 2; k++)
        if (!is_page_furniture (lines, k))
          signature[n++] = k;

      if (n == 0)
        return NULL;

      {
        const char *name = _pb_structure_line_at (lines, signature[0]);
        const char *role = n > 1 ? _pb_structure_line_at (lines, signature[1]) : "";

        if (is_name (name) && strstr (role, "Inspector") != NULL)
          return _pb_structure_clean_name (name);
        /* "Jane Doe, His Majesty's Inspector" on one line. */
        if (strstr (name, "Majesty's Inspector") != NULL)
          return _pb_structure_clean_name (name);
      }
      return NULL;
    }

  return NULL;
}

/* The first inspector the opening names: "His Majesty's Inspectors for this
 * visit were Steve Lowe and Louise Hocking", "The visit was carried out by
 * Her Majesty's Inspectors Jane Doe and John Roe". */
static char *
read_named_inspector (const char *opening)
{
  static GRegex *cache;
  GRegex *named = _pb_structure_regex (&cache,
                                       "(?:[Ll]ead inspector (?:was|is)|[Ii]nspectors? for this (?:visit|inspection) (?:were|was)|"
                                       "carried out by (?:Her|His) Majesty's Inspectors?)\\s+"
                                       "([A-Z][^\\s,.;:()]+(?:\\s+(?:[A-Z][^\\s,.;:()]+|de|van)){1,3})",
                                       0);
  g_autofree char *name = _pb_structure_match_group (named, opening, 1);

  return name != NULL ? _pb_structure_clean_name (name) : NULL;
}

/* What the visit looked at: "Inspectors looked at the local authority's
 * arrangements for care leavers." gives "care leavers". */
static char *
read_theme (const char *opening)
{
  static GRegex *cache;
  GRegex *looked = _pb_structure_regex (&cache,
                                        "(?:(?:Inspectors|This visit|The visit|The inspectors)(?:\\s+also)?\\s+"
                                        "(?:looked\\s+at|focused\\s+on|evaluated|examined|reviewed|considered)|"
                                        "The focus of (?:this|the) (?:monitoring |focused )?visit was(?:\\s+on)?)"
                                        "\\s+([^.]{4,400})\\.",
                                        0);
  g_autofree char *sentence = _pb_structure_match_group (looked, opening, 1);
  const char *theme;
  const char *cut;

  if (sentence == NULL)
    return NULL;

  theme = sentence;
  if ((cut = strstr (theme, "arrangements for ")))
    theme = cut + strlen ("arrangements for ");
  else if ((cut = strstr (theme, "arrangements to ")))
    theme = cut + strlen ("arrangements to ");

  if (g_utf8_strlen (theme, -1) > 200)
    {
      g_autofree char *shorter = g_utf8_substring (theme, 0, 200);
      char *space = strrchr (shorter, ' ');

      if (space != NULL)
        *space = '\0';
      return g_strconcat (shorter, "…", NULL);
    }
  return g_strdup (theme);
}

/* What a joint inspection looked at and where, from its opening (@title_len
 * bytes of it the title's first line) when its title names only the area or
 * nothing: "… the joint targeted area
 * inspection (JTAI) of the multi-agency response to serious youth
 * violence in Fernvale.", "… undertook a joint inspection of the
 * multi-agency response to abuse and neglect in Fernvale." */
static void
read_joint_subject (const char  *opening,
                    gsize        title_len,
                    PbStructure *structure)
{
  static GRegex *cache;
  GRegex *subject = _pb_structure_regex (&cache,
                                         "\\b[Jj]oint (?:targeted area )?inspection(?:\\s*\\(JTAI\\))?\\s+(?:of|into)\\s+"
                                         "(?:the\\s+)?([^.]{8,300}?)\\s+in\\s+([A-Z][\\w'&-]*"
                                         "(?:\\s+(?:[A-Z][\\w'&-]*|of|and|upon|on|the))*)",
                                         0);
  g_autoptr(GMatchInfo) match = NULL;

  /* After the title's first line, which names the inspection too. */
  if (!g_regex_match_full (subject, opening, -1, MIN (title_len, strlen (opening)), 0, &match, NULL))
    return;

  if (structure->theme == NULL)
    structure->theme = g_match_info_fetch (match, 1);
  if (structure->local_authority == NULL)
    {
      g_autofree char *area = g_match_info_fetch (match, 2);

      structure->local_authority = _pb_structure_clean_authority (area);
    }
}

void
_pb_structure_read_letter (GArray      *lines,
                           guint        title,
                           PbStructure *structure)
{
  g_autofree char *opening = NULL;
  guint from = title != G_MAXUINT ? title : 0;
  guint n = 0;

  /* The opening: from the title, over the first page and the next. */
  while (from + n < lines->len && n < 80 && g_array_index (lines, Line, from + n).page <= 2)
    n++;
  opening = _pb_structure_join_lines (lines, from, n);

  _pb_structure_detect_dates (lines, structure);
  if (!g_date_valid (&structure->inspection_end))
    read_visit_dates (opening, structure);

  /* A joint inspection is signed by each inspectorate's director, none of
   * them its lead inspector: only a "Lead inspector" line names one. */
  structure->lead_inspector = _pb_structure_detect_lead_inspector (lines);
  if (structure->lead_inspector == NULL && structure->type != PB_DOCUMENT_JTAI &&
      !(structure->lead_inspector = read_signature (lines)))
    structure->lead_inspector = read_named_inspector (opening);

  if (structure->type == PB_DOCUMENT_JTAI)
    read_joint_subject (opening, title != G_MAXUINT ? strlen (_pb_structure_line_at (lines, title)) : 0,
                        structure);
  else if (structure->theme == NULL)
    structure->theme = read_theme (opening);
}
