/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"

/* The judgement table, and the grades in it.
 *
 * A row is a label naming a judgement in the words of its framework and a
 * grade. Read from the page text, the rows do not always come out in order:
 * a grade in a right-hand column may follow two labels (the layout reads the
 * labels' column first), a wrapped grade may be split around its label
 * ("Requires improvement to" / "Overall effectiveness" / "be good") or
 * around the next row ("Requires" / "3. Leadership, … Good" /
 * "Improvement"), and a label may be wrapped over lines or around its
 * grade. So the labels and
 * grades are found wherever they fall, in order, and each grade goes to the
 * earliest label still without one (or, coming before any, to the next).
 * The table ends at prose: a long stretch of words that is neither. */

/* The labels, one framework at a time. Wrapped lines are joined with
 * spaces, and a tagged cell's text may lose the space at its line breaks
 * ("achievingpermanence"), so words may be apart by any space or none. At
 * one place in the text the first that matches wins, so a longer label
 * comes before its prefix. */
typedef struct
{
  const char *pattern;
  int         judgement;   /* PbJudgement, or -1 to tell by the words */
  gboolean    combined;
  PbLabelEra  era;
} LabelForm;

static const LabelForm label_forms[] = {
  { "(?:The\\s*i|I)mpact\\s*of\\s*leaders(?:\\s*on\\s*social\\s*work(?:\\s*practice(?:\\s*with\\s*children"
    "(?:\\s*and\\s*families)?)?)?)?", PB_JUDGEMENT_LEADERS, FALSE, PB_LABEL_ERA_ILACS },
  { "The\\s*experiences\\s*and\\s*progress\\s*of\\s*children\\s*who\\s*need\\s*help(?:\\s*and\\s*protection)?",
    PB_JUDGEMENT_HELP_AND_PROTECTION, FALSE, PB_LABEL_ERA_ILACS },
  { "The\\s*experiences\\s*and\\s*progress\\s*of\\s*children\\s*in\\s*care\\s*and\\s*care\\s*leavers",
    PB_JUDGEMENT_CHILDREN_IN_CARE, TRUE, PB_LABEL_ERA_ILACS },
  { "The\\s*experiences\\s*and\\s*progress\\s*of\\s*children\\s*in\\s*care",
    PB_JUDGEMENT_CHILDREN_IN_CARE, FALSE, PB_LABEL_ERA_ILACS },
  { "The\\s*experiences\\s*and\\s*progress\\s*of\\s*care\\s*leavers",
    PB_JUDGEMENT_CARE_LEAVERS, FALSE, PB_LABEL_ERA_ILACS },
  { "Overall\\s*effectiveness", PB_JUDGEMENT_OVERALL, FALSE, PB_LABEL_ERA_ANY },
  { "(?:\\d\\.\\s*)?Children\\s*who\\s*need\\s*help\\s*and\\s*protection",
    PB_JUDGEMENT_HELP_AND_PROTECTION, FALSE, PB_LABEL_ERA_SIF },
  { "(?:\\d\\.\\s*)?Children\\s*looked\\s*after\\s*and\\s*achieving(?:\\s*permanence)?",
    PB_JUDGEMENT_CHILDREN_IN_CARE, FALSE, PB_LABEL_ERA_SIF },
  { "(?:\\d\\.\\d\\.?\\s*)?Adoption\\s*performance", PB_JUDGEMENT_ADOPTION, FALSE, PB_LABEL_ERA_SIF },
  { "(?:\\d\\.\\d\\.?\\s*)?Experiences\\s*and\\s*progress\\s*of\\s*care\\s*leavers",
    PB_JUDGEMENT_CARE_LEAVERS, FALSE, PB_LABEL_ERA_SIF },
  { "(?:\\d\\.\\s*)?Leadership,?\\s*management\\s*and\\s*governance", PB_JUDGEMENT_LEADERS, FALSE, PB_LABEL_ERA_SIF },
  /* The first row of a SIF table, the overall judgement, when the table
   * starts a page of its own: labels are read with the grades blanked, so
   * a grade right after it leaves a run of spaces, where a sentence that
   * starts so goes on after one. */
  { "Children's\\s*services\\s*in\\s*the\\s*local\\s*authority(?=\\s{6,})",
    PB_JUDGEMENT_OVERALL, FALSE, PB_LABEL_ERA_SIF },
  /* Worded otherwise ("… of children care leavers"): told by its words. */
  { "(?:The\\s+e|E)xperiences?\\s+and\\s+progress\\s+of(?:\\s+[a-z][a-z'-]*){1,10}", -1, FALSE, PB_LABEL_ERA_ILACS },
};

/* A label, read: the judgements it names. */
typedef struct
{
  guint       mask;
  gboolean    combined;
  PbLabelEra  era;
} Label;

/* The judgements a label's words name when they take no form of
 * label_forms. */
static guint
mask_of_words (const char *words,
               gboolean   *combined)
{
  gboolean in_care = strstr (words, "in care") || strstr (words, "looked after");
  gboolean leavers = strstr (words, "leavers") != NULL;

  *combined = FALSE;
  if (strstr (words, "help") || strstr (words, "protection"))
    return 1u << PB_JUDGEMENT_HELP_AND_PROTECTION;
  if (in_care && leavers)
    {
      *combined = TRUE;
      return (1u << PB_JUDGEMENT_CHILDREN_IN_CARE) | (1u << PB_JUDGEMENT_CARE_LEAVERS);
    }
  if (leavers)
    return 1u << PB_JUDGEMENT_CARE_LEAVERS;
  if (in_care)
    return 1u << PB_JUDGEMENT_CHILDREN_IN_CARE;
  return 0;
}

/* The grade words as a table cell gives them: capitalised, the long one
 * perhaps wrapped ("Requires" / "Improvement" / "to be good", or in a
 * tagged cell "Requiresimprovement", "improvementto be good"). */
#define GRADE_WORDS "(?:Outstanding|Good|Inadequate|Requires?\\s*[Ii]mprovement(?:\\s*to\\s*be\\s*good)?)"

static GRegex *
label_regex (void)
{
  static GRegex *cache;

  if (g_once_init_enter (&cache))
    {
      g_autoptr(GString) pattern = g_string_new ("\\b(?:");
      g_autoptr(GError) error = NULL;
      GRegex *regex;

      for (guint i = 0; i < G_N_ELEMENTS (label_forms); i++)
        g_string_append_printf (pattern, "%s(%s)", i > 0 ? "|" : "", label_forms[i].pattern);
      g_string_append (pattern, ")");

      regex = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, &error);
      if (regex == NULL)
        g_error ("%s", error->message);
      g_once_init_leave (&cache, regex);
    }

  return cache;
}

/* What a match of label_regex () names; FALSE when nothing. */
static gboolean
matched_label (GMatchInfo *match,
               Label      *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_forms); i++)
    {
      const LabelForm *form = &label_forms[i];
      int start = -1, end = -1;

      if (!g_match_info_fetch_pos (match, (int)i + 1, &start, &end) || start < 0)
        continue;

      label->era = form->era;
      label->combined = form->combined;
      if (form->judgement < 0)
        {
          g_autofree char *words = g_match_info_fetch (match, (int)i + 1);

          label->mask = mask_of_words (words, &label->combined);
        }
      else if (form->combined)
        label->mask = (1u << PB_JUDGEMENT_CHILDREN_IN_CARE) | (1u << PB_JUDGEMENT_CARE_LEAVERS);
      else
        label->mask = 1u << form->judgement;
      return label->mask != 0;
    }
  return FALSE;
}

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

/* The grade a table cell holds when it holds nothing else (a footnote's
 * number aside); PB_GRADE_NONE otherwise. */
PbGrade
_pb_grade_of_cell (const char *cell)
{
  static GRegex *cache;
  GRegex *whole = _pb_structure_regex (&cache, "^\\s*(outstanding|good|inadequate|requires?\\s*improvement"
                                               "(?:\\s*to\\s*be\\s*good)?)[\\s\\d*.]*$", G_REGEX_CASELESS);

  if (!g_regex_match (whole, cell, 0, NULL))
    return PB_GRADE_NONE;
  return _pb_grade_from_words (cell + strspn (cell, " \t\n"));
}

/* A cell that holds a label and then its grade: returns the label and sets
 * @grade, or returns NULL. */
char *
_pb_split_label_and_grade (const char *cell,
                           PbGrade    *grade)
{
  static GRegex *cache;
  GRegex *split = _pb_structure_regex (&cache, "^(.*\\S)\\s+(" GRADE_WORDS ")[\\s\\d*.]*$", G_REGEX_DOTALL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *words = NULL;

  if (!g_regex_match (split, cell, 0, &match))
    return NULL;

  words = g_match_info_fetch (match, 2);
  *grade = _pb_grade_from_words (words);
  return g_match_info_fetch (match, 1);
}

/* Which judgements a table row's label names. */
guint
_pb_classify_label (const char *label,
                    gboolean   *combined,
                    PbLabelEra *era)
{
  g_autoptr(GMatchInfo) match = NULL;
  Label found;

  if (!g_regex_match (label_regex (), label, 0, &match) || !matched_label (match, &found))
    return 0;

  if (era != NULL)
    *era = found.era;
  *combined = *combined || found.combined;
  return found.mask;
}

/* One row read: its judgements take the grade, unless an earlier row gave
 * them one. */
void
_pb_table_reading_add (PbTableReading *table,
                       guint           mask,
                       gboolean        combined,
                       PbLabelEra      era,
                       PbGrade         grade)
{
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    if ((mask & (1u << j)) && table->judgements[j] == PB_GRADE_NONE)
      table->judgements[j] = grade;

  table->combined = table->combined || combined;
  table->n_rows++;
  if (era == PB_LABEL_ERA_SIF)
    table->n_sif_rows++;
  else if (era == PB_LABEL_ERA_ILACS)
    table->n_ilacs_rows++;
}

typedef struct
{
  int      start;
  int      end;
  Label    label;      /* its mask is 0 for a grade */
  PbGrade  grade;
  gboolean bulleted;   /* on a line of a bulleted list */
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return ((const Event *)a)->start - ((const Event *)b)->start;
}

/* The letters of the words between two labels or grades that are neither:
 * the rest of a wrapped grade ("to be good"), the table's header, a
 * footnote's number do not count. */
static guint
count_prose (const char *text,
             int         from,
             int         to)
{
  static const char * const ignored[] = {
    "to", "be", "good", "improvement", "Improvement", "Judgement", "Grade", "Key", "and",
  };
  g_autofree char *gap = g_strndup (text + from, MAX (0, to - from));
  g_auto(GStrv) words = g_strsplit_set (gap, " \t\n", -1);
  guint letters = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      gboolean skip = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (ignored) && !skip; k++)
        skip = g_str_equal (words[w], ignored[k]);
      if (skip)
        continue;

      for (const char *p = words[w]; *p; p++)
        if (g_ascii_isalpha (*p))
          letters++;
    }

  return letters;
}

/* A contents page's entry: its words, a leader of dots and a page number
 * ("Children who need help and protection ........ 6"). */
static gboolean
is_contents_entry (const char *line)
{
  static GRegex *cache;
  GRegex *entry = _pb_structure_regex (&cache, "\\S(?:\\s*\\.){4,}\\s*\\d{1,3}\\s*$|\\S\\s*\u2026+\\s*\\d{1,3}\\s*$", 0);

  return g_regex_match (entry, line, 0, NULL);
}

/* The layout's judgement table: on the first two pages, from the first row
 * label to the prose after the last row. */
void
_pb_structure_read_table (GArray         *lines,
                          PbTableReading *table)
{
  static GRegex *grade_cache;
  /* "Requires" alone is a grade too: the rest of a wrapped grade may read
   * after another row ("Requires" / "3. Leadership, …" / "Improvement"). */
  GRegex *grade_regex = _pb_structure_regex (&grade_cache, "\\b(?:" GRADE_WORDS "|Requires?)\\b", 0);
  g_autoptr(GString) region = g_string_new (NULL);
  g_autoptr(GArray) line_ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) bulleted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GQueue) waiting_labels = g_queue_new ();
  g_autoptr(GQueue) waiting_grades = g_queue_new ();
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *blanked = NULL;
  guint32 seen = 0;
  int table_end = -1;
  int previous_end = -1;

  memset (table, 0, sizeof *table);
  table->in_order = TRUE;

  for (guint i = 0; i < lines->len && i < 150 && g_array_index (lines, Line, i).page <= 2; i++)
    {
      const char *text = _pb_structure_line_at (lines, i);

      if (region->len > 0)
        g_string_append_c (region, ' ');
      /* A contents page names the judgements with no grade after them:
       * its entries are blanked, so that they wait for none of the
       * table's grades. */
      if (is_contents_entry (text))
        {
          for (const char *p = text; *p != '\0'; p++)
            g_string_append_c (region, ' ');
        }
      else
        g_string_append (region, text);
      g_array_append_val (line_ends, region->len);
      {
        gboolean bullet = _pb_structure_is_bullet (_pb_structure_line_at (lines, i));

        g_array_append_val (bulleted, bullet);
      }
    }

  /* The grades, then the labels in the text with the grades blanked out, so
   * that a label wrapped around its grade still reads whole. */
  blanked = g_strdup (region->str);
  g_regex_match (grade_regex, region->str, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *words = g_match_info_fetch (match, 0);
      Event event = { 0, 0, { 0, FALSE, PB_LABEL_ERA_ANY }, _pb_grade_from_words (words), FALSE };

      g_match_info_fetch_pos (match, 0, &event.start, &event.end);
      memset (blanked + event.start, ' ', event.end - event.start);
      g_array_append_val (events, event);
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_unref);

  g_regex_match (label_regex (), blanked, 0, &match);
  while (g_match_info_matches (match))
    {
      Event event = { 0, 0, { 0, FALSE, PB_LABEL_ERA_ANY }, PB_GRADE_NONE, FALSE };

      g_match_info_fetch_pos (match, 0, &event.start, &event.end);
      if (matched_label (match, &event.label))
        g_array_append_val (events, event);
      g_match_info_next (match, NULL);
    }

  g_array_sort (events, compare_events);

  /* Which events are on a bulleted line: a list in a press release or a
   * council paper ("• Overall effectiveness: Good") is prose, not a table. */
  for (guint e = 0, i = 0; e < events->len; e++)
    {
      Event *event = &g_array_index (events, Event, e);

      while (i < line_ends->len && g_array_index (line_ends, gsize, i) <= (gsize)event->start)
        i++;
      event->bulleted = i < bulleted->len && g_array_index (bulleted, gboolean, i);
    }

  for (guint e = 0; e < events->len; e++)
    {
      Event *event = &g_array_index (events, Event, e);
      Event *label = NULL;
      Event *grade = NULL;

      /* Before the first label, the text is not the table's. */
      if (previous_end < 0 && (event->label.mask == 0 || event->bulleted))
        continue;

      /* A bulleted list after the table ends it. */
      if (event->bulleted)
        break;

      /* Prose between rows: the table has ended. */
      if (previous_end >= 0 && count_prose (blanked, previous_end, event->start) > 40)
        break;

      if (event->label.mask != 0)
        {
          guint mask = event->label.mask;

          /* A judgement named again, with every row graded: the report's
           * body has begun. */
          if ((seen & mask) == mask && g_queue_is_empty (waiting_labels))
            break;
          seen |= mask;

          if (!g_queue_is_empty (waiting_grades))
            {
              label = event;
              grade = g_queue_pop_head (waiting_grades);
            }
          else
            {
              table->in_order = table->in_order && g_queue_is_empty (waiting_labels);
              g_queue_push_tail (waiting_labels, event);
            }
        }
      else if (!g_queue_is_empty (waiting_labels))
        {
          label = g_queue_pop_head (waiting_labels);
          grade = event;
        }
      else
        {
          table->in_order = FALSE;
          g_queue_push_tail (waiting_grades, event);
        }

      previous_end = MAX (previous_end, event->end);

      if (label != NULL)
        {
          _pb_table_reading_add (table, label->label.mask, label->label.combined, label->label.era, grade->grade);
          table_end = MAX (label->end, grade->end);

          /* The overall judgement is the last row of a table that has one,
           * but for a SIF table's, which is its first. */
          if (label->label.mask == (1u << PB_JUDGEMENT_OVERALL) && label->label.era != PB_LABEL_ERA_SIF &&
              g_queue_is_empty (waiting_labels))
            break;
        }
    }

  table->end_line = 0;
  for (guint i = 0; table_end >= 0 && i < line_ends->len; i++)
    if (g_array_index (line_ends, gsize, i) >= (gsize)table_end)
      {
        table->end_line = i + 1;
        break;
      }
}

/* SIF reports give the overall judgement in a sentence, not a table row:
 * "The overall judgement is that children's services are good", "… is
 * requires improvement", "Children's services in Walsall require improvement
 * to be good", wrapped over lines or not. */
void
_pb_structure_read_sif_overall (GArray      *lines,
                                PbStructure *structure)
{
  static GRegex *cache;
  GRegex *overall = _pb_structure_regex (&cache,
                                         "(?:The overall judgement is|Children's services in (?:(?!\\bnot\\b)[^.:]){1,60}?)"
                                         "(?:\\s+that)?(?:\\s+(?:the\\s+)?(?:local\\s+authority's\\s+)?children's\\s+services"
                                         "(?:\\s+in\\s+(?:(?!\\bnot\\b)[^.:]){1,60}?)?)?"
                                         "(?:\\s+(?:are|is|were))?(?:\\s+judged)?(?:\\s+to\\s+be)?\\s+"
                                         "(outstanding|good|inadequate|requires?\\s+improvement)(?![a-z])",
                                         G_REGEX_CASELESS);
  g_autofree char *title = _pb_structure_title_block (lines, 40);
  g_autofree char *words = _pb_structure_match_group (overall, title, 1);

  if (words != NULL)
    structure->judgements[PB_JUDGEMENT_OVERALL] = _pb_grade_from_words (words);
}
