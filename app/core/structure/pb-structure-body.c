/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"

/* The body of a report: its cohort sections, numbered paragraphs and the
 * "What needs to improve?" items. */

const char *
_pb_cohort_of_heading (const char *heading)
{
  g_autofree char *h = g_ascii_strdown (heading, -1);

  if (strstr (h, "impact of leaders") || strstr (h, "leadership, management"))
    return "leadership";
  if (strstr (h, "help and protection"))
    return "help_and_protection";
  if (strstr (h, "children in care") || strstr (h, "looked after"))
    return "children_in_care";
  if (strstr (h, "care leavers"))
    return "care_leavers";
  return NULL;
}

static const char *
cohort_of_words (const char *text)
{
  g_autofree char *t = g_ascii_strdown (text, -1);

  if (strstr (t, "care leaver") || strstr (t, "leaving care") || strstr (t, "pathway plan"))
    return "care_leavers";
  if (strstr (t, "children in care") || strstr (t, "placement") || strstr (t, "permanence") ||
      strstr (t, "looked after") || strstr (t, "foster"))
    return "children_in_care";
  if (strstr (t, "leaders") || strstr (t, "management oversight") || strstr (t, "supervision") ||
      strstr (t, "quality assurance") || strstr (t, "workforce") || strstr (t, "caseload"))
    return "leadership";
  if (strstr (t, "protection") || strstr (t, "assessment") || strstr (t, "strategy") ||
      strstr (t, "risk") || strstr (t, "early help") || strstr (t, "missing") ||
      strstr (t, "exploitation") || strstr (t, "front door") || strstr (t, "referral"))
    return "help_and_protection";
  return NULL;
}

static gboolean
is_bullet (const char *line)
{
  static const char * const bullets[] = { "\u25FC", "\u25AA", "\u2022", "\u25A0", "\u25CF", "- ", "\u2013 " };

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (line, bullets[i]))
      return TRUE;
  return FALSE;
}

static const char *
strip_bullet (const char *line)
{
  const char *p = line;

  while (*p && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

static void
add_recommendation (PbStructure *structure,
                    GString     *item,
                    guint        page)
{
  PbRecommendation rec = { g_string_free (item, FALSE), page, NULL };

  rec.cohort = cohort_of_words (rec.text);
  g_array_append_val (structure->recommendations, rec);
}

static gboolean
ends_sentence (const char *text,
               gsize       len)
{
  return len > 0 && strchr (".?!", text[len - 1]) != NULL;
}

/* The items of a list of recommendations that starts after line @start:
 * bulleted under "What needs to improve?" and "Areas for priority action",
 * numbered under a SIF report's "Recommendations".  An item runs on over
 * its wrapped lines; the list ends at the next heading, at the report's
 * numbered paragraphs, or at prose after a finished item. */
static void
read_list (GArray      *lines,
           guint        start,
           gboolean     numbered_items,
           PbStructure *structure)
{
  g_autoptr(GRegex) numbered = g_regex_new ("^\\d{1,3}\\. ", G_REGEX_OPTIMIZE, 0, NULL);
  GString *item = NULL;
  guint item_page = 0;

  for (guint i = start + 1; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const char *text = line->text;
      gboolean is_number = g_ascii_isdigit (text[0]) && g_regex_match (numbered, text, 0, NULL);
      gboolean starts = numbered_items ? is_number : is_bullet (text);
      gboolean ends = !starts && (g_str_has_prefix (text, "The experiences and progress") ||
                                  g_str_has_prefix (text, "The impact of leaders") ||
                                  g_str_has_prefix (text, "What needs to improve") ||
                                  g_str_has_prefix (text, "Areas for priority action") ||
                                  is_number);

      /* A short capitalised line without a full stop, after a finished
       * item, is the next heading; "(outcome 2, …)" still belongs to it. */
      if (!starts && !ends && item != NULL && ends_sentence (item->str, item->len) &&
          !line->running && g_unichar_isupper (g_utf8_get_char (text)) &&
          strlen (text) < 80 && !ends_sentence (text, strlen (text)))
        ends = TRUE;

      if ((starts || ends) && item != NULL)
        {
          add_recommendation (structure, item, item_page);
          item = NULL;
        }

      if (ends)
        break;

      if (starts)
        {
          const char *body = numbered_items ? strchr (text, ' ') + 1 : strip_bullet (text);

          item = g_string_new (body);
          item_page = line->page;
        }
      else if (item != NULL && strspn (text, "0123456789") != strlen (text) && !line->running)
        {
          g_string_append_c (item, ' ');
          g_string_append (item, text);
        }
      else if (item == NULL && structure->recommendations->len == 0 && i > start + 3)
        break;   /* no list here after all */
    }

  if (item != NULL)
    add_recommendation (structure, item, item_page);
}

void
_pb_structure_read_recommendations (GArray      *lines,
                                    guint        from,
                                    PbStructure *structure)
{
  guint start;

  if ((start = _pb_structure_find_line (lines, from, "What needs to improve", lines->len)) != G_MAXUINT)
    read_list (lines, start, FALSE, structure);
  if ((start = _pb_structure_find_line (lines, from, "Areas for priority action", lines->len)) != G_MAXUINT)
    read_list (lines, start, FALSE, structure);

  /* SIF reports: "Recommendations", then a numbered list. */
  if (structure->type == PB_DOCUMENT_SIF_INSPECTION)
    for (guint i = from; i < lines->len; i++)
      if (g_str_equal (_pb_structure_line_at (lines, i), "Recommendations"))
        {
          read_list (lines, i, TRUE, structure);
          break;
        }
}

/* Section headings and the numbered paragraphs under them. */
void
_pb_structure_read_body (GArray      *lines,
                         guint        from,
                         PbStructure *structure)
{
  /* "12. Text…", or "12." alone when the number is set apart from a
   * paragraph of one line. */
  g_autoptr(GRegex) numbered = g_regex_new ("^(\\d{1,3})\\.( \\S|$)", G_REGEX_OPTIMIZE, 0, NULL);
  const char *cohort = NULL;
  guint next = 1;
  guint n_pages = lines->len > 0 ? g_array_index (lines, Line, lines->len - 1).page : 0;

  for (guint i = from; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      g_autoptr(GMatchInfo) match = NULL;

      /* ILACS: "The experiences and progress of …: <grade>" over a few lines. */
      if (g_str_has_prefix (line->text, "The experiences and progress of") ||
          g_str_has_prefix (line->text, "The impact of leaders on social work"))
        {
          g_autoptr(GString) heading = g_string_new (line->text);
          char *colon;

          for (guint k = i + 1; k < lines->len && k <= i + 3 && !strchr (heading->str, ':'); k++)
            {
              g_string_append_c (heading, ' ');
              g_string_append (heading, _pb_structure_line_at (lines, k));
            }
          if ((colon = strchr (heading->str, ':')))
            {
              g_autofree char *grade_words = g_strstrip (g_strdup (colon + 1));

              /* The grade may run onto the next line ("requires" / "improvement to be good"). */
              PbSection section = { _pb_cohort_of_heading (heading->str), NULL,
                                    _pb_grade_from_words (grade_words), line->page, line->page };

              if (section.cohort != NULL)
                {
                  if (structure->sections->len > 0)
                    {
                      PbSection *previous = &g_array_index (structure->sections, PbSection,
                                                            structure->sections->len - 1);
                      previous->last_page = MAX (previous->first_page,
                                                 line->page > previous->first_page ? line->page : previous->first_page);
                    }
                  section.heading = g_strndup (heading->str, colon - heading->str);
                  section.last_page = n_pages;
                  g_array_append_val (structure->sections, section);
                  cohort = section.cohort;
                }
            }
          continue;
        }

      if (g_ascii_isdigit (line->text[0]) && g_regex_match (numbered, line->text, 0, &match) &&
          (guint)atoi (line->text) == next)
        {
          PbParagraph paragraph = { next, line->page, cohort, line->offset };

          g_array_append_val (structure->paragraphs, paragraph);
          next++;
        }
    }
}
