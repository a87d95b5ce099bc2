/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"

/* The judgement table as reading-order lines give it, in which each row is its
 * label followed by its grade; labels are matched by the words Ofsted has used
 * for each judgement across the SIF (2013-2017) and ILACS (2018 on)
 * frameworks. */

PbGrade
_pb_grade_from_words (const char *words)
{
  g_autofree char *folded = g_ascii_strdown (words, -1);

  if (g_str_has_prefix (folded, "outstanding"))
    return PB_GRADE_OUTSTANDING;
  if (g_str_has_prefix (folded, "good"))
    return PB_GRADE_GOOD;
  if (g_str_has_prefix (folded, "require"))
    return PB_GRADE_REQUIRES_IMPROVEMENT;
  if (g_str_has_prefix (folded, "inadequate"))
    return PB_GRADE_INADEQUATE;
  return PB_GRADE_NONE;
}

/* Which judgements a table row's label names. */
guint
_pb_classify_label (const char *label,
                    gboolean   *combined)
{
  g_autofree char *l = g_ascii_strdown (label, -1);
  guint mask = 0;

  if (strstr (l, "overall effectiveness"))
    return 1u << PB_JUDGEMENT_OVERALL;
  if (strstr (l, "impact of leaders") || strstr (l, "leadership, management"))
    return 1u << PB_JUDGEMENT_LEADERS;
  if (strstr (l, "adoption"))
    return 1u << PB_JUDGEMENT_ADOPTION;
  if (strstr (l, "help and protection"))
    return 1u << PB_JUDGEMENT_HELP_AND_PROTECTION;

  if (strstr (l, "children in care and care leavers"))
    {
      *combined = TRUE;
      return (1u << PB_JUDGEMENT_CHILDREN_IN_CARE) | (1u << PB_JUDGEMENT_CARE_LEAVERS);
    }
  if (strstr (l, "children in care") || strstr (l, "looked after"))
    mask |= 1u << PB_JUDGEMENT_CHILDREN_IN_CARE;
  else if (strstr (l, "care leavers"))
    mask |= 1u << PB_JUDGEMENT_CARE_LEAVERS;

  return mask;
}

/* Reads the judgement table, from the line after @start. Returns the index
 * of the line after the table. */
guint
_pb_structure_read_table (GArray      *lines,
                          guint        start,
                          PbStructure *structure)
{
  g_autoptr(GRegex) grade = g_regex_new ("(Outstanding|Good|Requires? improvement(?: to be good)?|Inadequate)",
                                         0, 0, NULL);
  g_autoptr(GString) region = g_string_new (NULL);
  g_autoptr(GArray) line_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GMatchInfo) match = NULL;
  gsize previous_end = 0;
  gsize table_end = 0;
  guint end_line = start;

  for (guint i = start; i < lines->len && i < start + 45; i++)
    {
      if (region->len > 0)
        g_string_append_c (region, ' ');
      g_string_append (region, _pb_structure_line_at (lines, i));
      g_array_append_val (line_ends, region->len);
    }

  g_regex_match (grade, region->str, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *words = g_match_info_fetch (match, 1);
      g_autofree char *label = NULL;
      int match_start, match_end;
      gboolean combined = FALSE;
      guint mask;

      g_match_info_fetch_pos (match, 1, &match_start, &match_end);
      label = g_strndup (region->str + previous_end, match_start - previous_end);
      g_strstrip (label);

      /* A long stretch before a grade word is prose: the table has ended. */
      if (strlen (label) > 170)
        break;

      mask = _pb_classify_label (label, &combined);
      if (mask == 0)
        break;

      for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
        if ((mask & (1u << j)) && structure->judgements[j] == PB_GRADE_NONE)
          structure->judgements[j] = _pb_grade_from_words (words);
      if (combined)
        structure->cic_and_care_leavers_combined = TRUE;

      previous_end = (gsize)match_end;
      table_end = previous_end;

      if (mask & (1u << PB_JUDGEMENT_OVERALL))
        break;
      g_match_info_next (match, NULL);
    }

  for (guint i = 0; i < line_ends->len; i++)
    if (g_array_index (line_ends, gsize, i) >= table_end)
      {
        end_line = start + i + 1;
        break;
      }

  return end_line;
}

/* SIF reports give the overall judgement in a sentence, not a table row. */
void
_pb_structure_read_sif_overall (GArray      *lines,
                                PbStructure *structure)
{
  g_autofree char *title = _pb_structure_title_block (lines, 30);
  char *words;

  if ((words = _pb_structure_match_group ("The overall judgement is (?:that children's services )?"
                            "(outstanding|good|requires? improvement|inadequate)", title, 1)) ||
      (words = _pb_structure_match_group ("Children's services in .+? (?:are|is) (outstanding|good|inadequate)", title, 1)) ||
      (words = _pb_structure_match_group ("Children's services in .+? (requires? improvement)", title, 1)))
    {
      structure->judgements[PB_JUDGEMENT_OVERALL] = _pb_grade_from_words (words);
      g_free (words);
    }
}
