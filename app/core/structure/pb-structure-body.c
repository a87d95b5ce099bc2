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

/* The cohort an item's words are about, by the words of each cohort's
 * work ("pathway plans", "later life letters", "child in need plans"), or
 * NULL when they do not say. The first cohort whose words it uses wins:
 * care leavers' words are the most particular, then children in care's,
 * leaders' and help and protection's; "care plans" last, as children in
 * need and subject to protection have plans too. */
static const char *
cohort_of_words (const char *text)
{
  static const struct
  {
    const char *cohort;
    const char *words[16];
  } cohorts[] = {
    { "care_leavers", { "care leaver", "leaving care", "pathway plan", "personal adviser", "staying put",
                        "local offer", NULL } },
    { "children_in_care", { "children in care", "child in care", "placement", "permanence", "looked after",
                            "foster", "adopt", "later life letter", "life story", "children's home",
                            "personal education plan", "virtual school", "independent reviewing officer",
                            "corporate parent", NULL } },
    { "leadership", { "leaders", "management oversight", "supervision", "quality assurance", "workforce",
                      "caseload", NULL } },
    { "help_and_protection", { "protection", "assessment", "strategy", "risk", "early help", "missing",
                               "exploitation", "front door", "referral", "child in need", "children in need",
                               "neglect", "domestic abuse", NULL } },
    /* Children's plans, when no other cohort's words are used. */
    { "children_in_care", { "care plan", NULL } },
  };
  g_autofree char *t = g_ascii_strdown (text, -1);

  for (guint c = 0; c < G_N_ELEMENTS (cohorts); c++)
    for (guint w = 0; cohorts[c].words[w] != NULL; w++)
      if (strstr (t, cohorts[c].words[w]) != NULL)
        return cohorts[c].cohort;
  return NULL;
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
                    guint        page,
                    gboolean     priority)
{
  PbRecommendation rec = { g_string_free (item, FALSE), page, NULL, priority };

  rec.cohort = cohort_of_words (rec.text);
  g_array_append_val (structure->recommendations, rec);
}

static gboolean
ends_sentence (const char *text,
               gsize       len)
{
  return len > 0 && strchr (".?!", text[len - 1]) != NULL;
}

/* Whether @item stops mid-sentence: on a lower-case word, with no
 * punctuation after it. */
static gboolean
continues_sentence (GString *item)
{
  const char *last;

  if (item->len == 0)
    return FALSE;
  last = g_utf8_find_prev_char (item->str, item->str + item->len);
  return last != NULL && g_unichar_islower (g_utf8_get_char (last));
}

/* How a list's items are set out. */
typedef struct
{
  gboolean numbered;          /* "12. Ensure that …" rather than bullets */
  gboolean across_headings;   /* a SIF report's subheadings ("Areas for
                               * improvement", "Help and protection") sit
                               * between items numbered on */
  gboolean priority;          /* its items are areas for priority action */
} ListForm;

static guint
item_number (GRegex     *numbered,
             const char *text)
{
  return g_ascii_isdigit (text[0]) && g_regex_match (numbered, text, 0, NULL) ? (guint)atoi (text) : 0;
}

/* A heading between the items of a SIF list ("Areas for improvement",
 * "Help and protection"), when an item numbered on follows it within a few
 * lines; the report's next section ("The local authority's strengths") is
 * not one. */
/* Whether @text heads one of a SIF report's sections ("Executive summary",
 * "Information about this inspection", …). */
static gboolean
is_report_section (const char *text)
{
  static const char * const sections[] = {
    "The local authority", "Summary", "Progress since", "Information about", "Inspection judgement",
    "What the inspection", "Section ", "The Local Safeguarding", "Executive summary", "Contents",
  };

  for (guint k = 0; k < G_N_ELEMENTS (sections); k++)
    if (g_str_has_prefix (text, sections[k]))
      return TRUE;
  return FALSE;
}

static gboolean
heading_within_list (GArray *lines,
                     guint   i,
                     GRegex *numbered,
                     guint   next)
{
  const char *text = _pb_structure_line_at (lines, i);

  if (is_report_section (text))
    return FALSE;

  for (guint k = i; k < lines->len && k < i + 4; k++)
    {
      guint number = item_number (numbered, _pb_structure_line_at (lines, k));

      if (number != 0)
        return next == 0 || number == next;
    }
  return FALSE;
}

/* The items of a list that starts after line @start: bulleted under "What
 * needs to improve?", "Areas for priority action" and a letter's "Areas for
 * improvement" (or numbered, in a letter whose paragraphs are), numbered
 * under a SIF report's "Recommendations" and "What does the local
 * authority need to improve?". An item runs on over its wrapped lines; the
 * list ends at the next heading, at the report's numbered paragraphs, or at
 * prose after a finished item. A list set out without bullets (some
 * layouts lose them) has an item per sentence. Returns whether the heading
 * had its list, or said it had none: a contents page's entry has not. */
static gboolean
read_list (GArray         *lines,
           guint           start,
           const ListForm *form,
           PbStructure    *structure)
{
  static GRegex *cache;
  GRegex *numbered = _pb_structure_regex (&cache, "^\\d{1,3}\\.(?: |$)", 0);
  GString *item = NULL;
  guint item_page = 0;
  guint n_items = 0;
  guint next = 0;
  gboolean first = TRUE;
  gboolean plain = FALSE;     /* items set out without bullets */
  gboolean in_numbers = form->numbered;
  gboolean priority = form->priority;
  gboolean none = FALSE;      /* the list says there are no items */

  for (guint i = start + 1; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const char *text = line->text;
      guint number = item_number (numbered, text);
      gboolean bullet = _pb_structure_is_bullet (text);
      gboolean capital = g_unichar_isupper (g_utf8_get_char (text));
      gboolean finished = item != NULL && ends_sentence (item->str, item->len);
      gboolean starts = FALSE;
      gboolean ends;

      if (line->running || strspn (text, "0123456789") == strlen (text))
        continue;

      /* A number at the start of a line that goes on an item cut off
       * mid-sentence ("… when they reach the age of" / "17.") is its
       * next word, not the next item or the report's first paragraph:
       * neither follows a sentence that stops at "of". The next item of
       * a numbered list still starts it. */
      if (number != 0 && item != NULL && continues_sentence (item) &&
          (!in_numbers || (next != 0 && number != next)))
        number = 0;

      /* The first line says how the items are set out, or that there are
       * none. */
      if (first && !form->numbered && !bullet && number == 0)
        {
          if (g_str_has_prefix (text, "There are no") || g_str_has_prefix (text, "There were no") ||
              g_str_has_prefix (text, "None") || g_str_has_prefix (text, "The inspection did not"))
            {
              none = TRUE;
              break;
            }
          plain = capital && strlen (text) > 20;
        }
      /* A letter whose paragraphs are numbered numbers its items too. */
      if (first && number != 0)
        in_numbers = TRUE;
      first = FALSE;

      /* Words before bullets introduce them. */
      if (plain && bullet)
        {
          if (item != NULL && n_items == 0)
            g_string_free (g_steal_pointer (&item), TRUE);
          plain = FALSE;
          finished = FALSE;
        }

      /* The report's next section before any item: the heading was a
       * contents page's entry. */
      if (item == NULL && n_items == 0 && number == 0 && is_report_section (text))
        break;

      /* A SIF list's own subheadings end the item before them and say
       * whether the items after them are for priority action. */
      if (form->across_headings && number == 0 &&
          (g_str_has_prefix (text, "Priority and immediate action") || g_str_has_prefix (text, "Areas for improvement")))
        {
          if (item != NULL)
            {
              add_recommendation (structure, g_steal_pointer (&item), item_page, priority);
              n_items++;
            }
          priority = g_str_has_prefix (text, "Priority");
          continue;
        }

      ends = g_str_has_prefix (text, "The experiences and progress") ||
             g_str_has_prefix (text, "The impact of leaders") ||
             g_str_has_prefix (text, "What needs to improve") ||
             g_str_has_prefix (text, "Areas for priority action") ||
             /* A letter's closing paragraph and sign-off, after items set
              * out as plain lines, which nothing else sets apart. */
             g_str_has_prefix (text, "Ofsted will take the findings") ||
             g_str_has_prefix (text, "Yours sincerely") || g_str_has_prefix (text, "Yours faithfully") ||
             (g_str_has_prefix (text, "Areas for improvement") && !form->across_headings) ||
             (number != 0 && (!in_numbers || (next != 0 && number != next)));

      /* A short capitalised line without a full stop, after a finished
       * item, is the next heading; "(outcome 2, …)" still belongs to it,
       * and a wrapped item's first line goes on in lower case. */
      if (!ends && !bullet && number == 0 && finished && capital &&
          strlen (text) < 80 && !ends_sentence (text, strlen (text)) &&
          (!plain || !g_unichar_islower (g_utf8_get_char (_pb_structure_line_at (lines, i + 1)))))
        ends = TRUE;

      /* A bullet is one item: a capitalised line of prose after a finished
       * one is the paragraph after the list ("Ofsted will take the findings
       * from this visit into account …"). */
      if (!ends && !in_numbers && !plain && !bullet && finished && capital)
        ends = TRUE;

      /* In a SIF list, a subheading with the next item after it does not
       * end the list. */
      if (ends && form->across_headings && number == 0 && heading_within_list (lines, i, numbered, next))
        {
          if (item != NULL)
            {
              add_recommendation (structure, g_steal_pointer (&item), item_page, priority);
              n_items++;
            }
          continue;
        }

      if (!ends)
        {
          if (in_numbers)
            starts = number != 0;
          else if (plain)
            starts = capital && (item == NULL || finished);
          else
            starts = bullet;
        }

      if ((starts || ends) && item != NULL)
        {
          add_recommendation (structure, g_steal_pointer (&item), item_page, priority);
          n_items++;
        }

      if (ends || n_items >= 40)
        break;

      if (starts)
        {
          const char *body = plain ? text : strip_bullet (text);

          /* "12. Ensure …", or "12." alone with the item on the next line. */
          if (in_numbers)
            body = strchr (text, ' ') ? strchr (text, ' ') + 1 : "";
          item = g_string_new (body);
          item_page = line->page;
          next = number + 1;
        }
      else if (item != NULL)
        _pb_structure_append_line (item, text);
      else if (n_items == 0 && i > start + (form->across_headings ? 6 : 3))
        break;   /* no list here after all */
    }

  if (item != NULL)
    {
      add_recommendation (structure, item, item_page, priority);
      n_items++;
    }

  return n_items > 0 || none;
}

/* The list under the first line from @from that is the heading @heading
 * (the line's start, or with @whole the whole line) and has one: a
 * contents page lists the heading before the list's own. Returns whether
 * one was found. */
static gboolean
read_first_list (GArray         *lines,
                 guint           from,
                 const char     *heading,
                 gboolean        whole,
                 const ListForm *form,
                 PbStructure    *structure)
{
  for (guint i = from; i < lines->len; i++)
    {
      const char *text = _pb_structure_line_at (lines, i);

      if ((whole ? g_str_equal (text, heading) : g_str_has_prefix (text, heading)) &&
          read_list (lines, i, form, structure))
        return TRUE;
    }
  return FALSE;
}

void
_pb_structure_read_recommendations (GArray      *lines,
                                    guint        from,
                                    PbStructure *structure)
{
  static const ListForm bullets = { FALSE, FALSE, FALSE };
  static const ListForm priority = { FALSE, FALSE, TRUE };
  static const ListForm numbered = { TRUE, FALSE, FALSE };
  static const ListForm sif = { TRUE, TRUE, FALSE };
  gboolean letter = structure->type == PB_DOCUMENT_FOCUSED_VISIT ||
                    structure->type == PB_DOCUMENT_MONITORING_VISIT ||
                    structure->type == PB_DOCUMENT_ASSURANCE_VISIT ||
                    structure->type == PB_DOCUMENT_JTAI;

  read_first_list (lines, from, "What needs to improve", FALSE, &bullets, structure);
  read_first_list (lines, from, "Areas for priority action", FALSE, &priority, structure);
  if (letter)
    read_first_list (lines, from, "Areas for improvement", FALSE, &bullets, structure);

  /* SIF reports: "Recommendations", then a numbered list; or, earlier,
   * "What does the local authority need to improve?", its numbered items
   * under subheadings. */
  if (structure->type == PB_DOCUMENT_SIF_INSPECTION &&
      !read_first_list (lines, from, "Recommendations", TRUE, &numbered, structure))
    read_first_list (lines, from, "What does the local authority need to improve?", TRUE, &sif, structure);
}

static gboolean
starts_heading (const char *text,
                gboolean   *ilacs)
{
  static const char * const ilacs_prefixes[] = {
    "The experiences and progress of", "The experience and progress of", "The impact of leaders on social work",
  };
  static const char * const sif_prefixes[] = {
    "Leadership, management and", "The graded judgement about the experience",
    "The graded judgment about the experience", "The graded judgement for adoption",
    "The graded judgment for adoption",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ilacs_prefixes); i++)
    if (g_str_has_prefix (text, ilacs_prefixes[i]))
      return *ilacs = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (sif_prefixes); i++)
    if (g_str_has_prefix (text, sif_prefixes[i]))
      return !(*ilacs = FALSE);
  return FALSE;
}

/* A cohort section's heading and its grade, from line @i: "The experiences
 * and progress of care leavers: good" (ILACS, perhaps wrapped), "… care
 * leavers is good" or "… protection" / "require improvement to be good"
 * (2018), "The graded judgement about … care leavers is that it requires
 * improvement" and the SIF "Key judgement / Judgement grade" box. Sets
 * *@last to the heading's last line. */
static gboolean
read_heading (GArray    *lines,
              guint      i,
              PbSection *section,
              guint     *last)
{
  static GRegex *end_cache;
  GRegex *at_end = _pb_structure_regex (&end_cache,
                                        "^([^.:]{10,200}?)(?:\\s+(?:is|are)(?:\\s+that\\s+it(?:\\s+is)?)?)?\\s+"
                                        "(outstanding|good|inadequate|requires?\\s+improvement(?:\\s+to\\s+be\\s+good)?)\\.?$",
                                        G_REGEX_CASELESS);
  const Line *line = &g_array_index (lines, Line, i);
  g_autoptr(GString) heading = g_string_new (NULL);
  gboolean ilacs = FALSE;

  if (!starts_heading (line->text, &ilacs))
    return FALSE;

  /* Line by line, up to the first numbered paragraph, on its page, until
   * the heading ends with its grade. */
  for (guint k = i; k < lines->len && k <= i + 5; k++)
    {
      const Line *next = &g_array_index (lines, Line, k);
      g_autoptr(GMatchInfo) match = NULL;
      const char *colon;

      if (k > i && (next->page != line->page || g_ascii_isdigit (next->text[0])))
        return FALSE;
      if (heading->len > 0)
        g_string_append_c (heading, ' ');
      g_string_append (heading, next->text);
      *last = k;

      if (ilacs && (colon = strchr (heading->str, ':')))
        {
          g_autofree char *after = g_strstrip (g_strdup (colon + 1));

          /* The grade may be on the next line ("…protection:" / "inadequate"). */
          if (*after == '\0')
            continue;
          section->heading = g_strndup (heading->str, colon - heading->str);
          section->grade = _pb_grade_from_words (after);
          /* "… care leavers is: good" */
          if (g_str_has_suffix (section->heading, " is") || g_str_has_suffix (section->heading, " are"))
            *strrchr (section->heading, ' ') = '\0';
          break;
        }

      if (g_regex_match (at_end, heading->str, 0, &match))
        {
          g_autofree char *words = g_match_info_fetch (match, 2);
          char *box;

          section->heading = g_match_info_fetch (match, 1);
          section->grade = _pb_grade_from_words (words);
          /* The SIF box repeats the heading under "Key Judgement". */
          if ((box = strstr (section->heading, " Key Judgement")) || (box = strstr (section->heading, " Key judgement")))
            *box = '\0';
          break;
        }
    }

  section->first_page = section->last_page = line->page;
  section->cohort = section->heading ? _pb_cohort_of_heading (section->heading) : NULL;
  if (section->cohort == NULL || section->grade == PB_GRADE_NONE)
    {
      g_clear_pointer (&section->heading, g_free);
      return FALSE;
    }
  return TRUE;
}

/* A SIF judgement table's numbered row ("1. Children who need help and
 * protection"), when the body is read from before the table because the
 * layout did not give where it ends. */
static gboolean
is_table_row (PbStructure *structure,
              const Line  *line)
{
  gboolean combined = FALSE;

  return structure->type == PB_DOCUMENT_SIF_INSPECTION && line->page == 1 && strlen (line->text) < 90 &&
         _pb_classify_label (line->text, &combined, NULL) != 0;
}

/* Section headings and the numbered paragraphs under them. */
void
_pb_structure_read_body (GArray      *lines,
                         guint        from,
                         PbStructure *structure)
{
  /* "12. Text…", or "12." alone when the number is set apart from a
   * paragraph of one line. */
  static GRegex *cache;
  GRegex *numbered = _pb_structure_regex (&cache, "^(\\d{1,3})\\.( \\S|$)", 0);
  const char *cohort = NULL;
  guint next = 1;
  guint n_pages = lines->len > 0 ? g_array_index (lines, Line, lines->len - 1).page : 0;

  for (guint i = from; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      PbSection section = { NULL, NULL, PB_GRADE_NONE, 0, 0 };
      guint last = i;

      if (read_heading (lines, i, &section, &last))
        {
          if (structure->sections->len > 0)
            {
              PbSection *previous = &g_array_index (structure->sections, PbSection,
                                                    structure->sections->len - 1);
              previous->last_page = MAX (previous->first_page, line->page);
            }
          section.last_page = n_pages;
          g_array_append_val (structure->sections, section);
          cohort = section.cohort;
          i = last;
          continue;
        }

      if (g_ascii_isdigit (line->text[0]) && (guint)atoi (line->text) == next &&
          g_regex_match (numbered, line->text, 0, NULL) && !is_table_row (structure, line))
        {
          PbParagraph paragraph = { next, line->page, cohort, line->offset };

          g_array_append_val (structure->paragraphs, paragraph);
          next++;
        }
    }
}
