/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <poppler.h>
#include <string.h>

#include "pb-pdf-text.h"
#include "pb-structure.h"
#include "pb-structure-private.h"
#include "pb-structure-tagged.h"

/* Reads what an inspection report says about itself: its type, authority,
 * dates, lead inspector, judgements, cohort sections, numbered paragraphs and
 * "What needs to improve?" items. These are pure functions over each page's
 * text in reading order (as import stores it), so any PDF, or none, gives an
 * answer: a document that is not an Ofsted report is "other", with nothing
 * else claimed.
 *
 * The judgement table is read from the reading-order lines, in which each row
 * is its label followed by its grade; labels are matched by the words Ofsted
 * has used for each judgement across the SIF (2013-2017) and ILACS (2018 on)
 * frameworks. */

typedef struct
{
  char  *text;       /* apostrophes and dashes made plain, for matching */
  guint  page;       /* from 1 */
  gsize  offset;     /* of the line in its page's text */
  gboolean running;  /* a header or footer repeated on the pages */
} Line;

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

const char *
pb_document_type_to_slug (PbDocumentType type)
{
  static const char * const slugs[] = {
    "other", "sif_inspection", "ilacs_inspection", "focused_visit", "monitoring_visit", "jtai",
  };

  g_return_val_if_fail (type < G_N_ELEMENTS (slugs), "other");
  return slugs[type];
}

/* Anything unknown, or NULL, is another document. */
PbDocumentType
pb_document_type_from_slug (const char *slug)
{
  for (PbDocumentType type = PB_DOCUMENT_OTHER; type <= PB_DOCUMENT_JTAI; type++)
    if (g_strcmp0 (slug, pb_document_type_to_slug (type)) == 0)
      return type;
  return PB_DOCUMENT_OTHER;
}

const char *
pb_grade_to_slug (PbGrade grade)
{
  static const char * const slugs[] = {
    NULL, "outstanding", "good", "requires_improvement", "inadequate",
  };

  g_return_val_if_fail (grade < G_N_ELEMENTS (slugs), NULL);
  return slugs[grade];
}

const char *
pb_judgement_to_slug (PbJudgement judgement)
{
  static const char * const slugs[] = {
    "overall_effectiveness", "impact_of_leaders", "help_and_protection",
    "children_in_care", "care_leavers", "adoption",
  };

  g_return_val_if_fail (judgement < G_N_ELEMENTS (slugs), NULL);
  return slugs[judgement];
}

char *
_pb_plain_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018)
        g_string_append_c (out, '\'');
      else if (c == 0x201C || c == 0x201D)
        g_string_append_c (out, '"');
      else if (c == 0x2013 || c == 0x2014)
        g_string_append_c (out, '-');
      else if (c == 0xA0)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
line_clear (Line *line)
{
  g_free (line->text);
}

static GArray *
split_lines (const char * const *pages)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));

  g_array_set_clear_func (lines, (GDestroyNotify)line_clear);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      const char *start = pages[i];

      while (*start)
        {
          const char *end = strchr (start, '\n');
          gsize len = end ? (gsize)(end - start) : strlen (start);
          g_autofree char *raw = g_strndup (start, len);
          Line line = { NULL, 0, 0, FALSE };

          g_strstrip (raw);
          if (*raw != '\0')
            {
              line.text = _pb_plain_text (raw);
              line.page = i + 1;
              line.offset = start - pages[i];
              g_array_append_val (lines, line);
            }

          start += len;
          if (*start == '\n')
            start++;
        }
    }

  return lines;
}

/* The line with its numbers taken out: "… - page 3" and "… - page 4" are
 * the same running footer. */
static char *
without_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Marks the headers and footers that repeat at the top or bottom of most
 * pages, so that text running over a page break reads on without them. */
static void
mark_running_lines (GArray *lines)
{
  g_autoptr(GHashTable) pages_with = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_pages = lines->len > 0 ? g_array_index (lines, Line, lines->len - 1).page : 0;
  guint threshold = MAX (2, (n_pages + 1) / 2);
  guint first = 0;

  if (n_pages < 2)
    return;

  /* Count each page once for each of its first two and last two lines. */
  for (int pass = 0; pass < 2; pass++)
    {
      first = 0;
      while (first < lines->len)
        {
          guint page = g_array_index (lines, Line, first).page;
          guint end = first;
          g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

          while (end < lines->len && g_array_index (lines, Line, end).page == page)
            end++;

          for (guint i = first; i < end; i++)
            {
              Line *line = &g_array_index (lines, Line, i);
              char *key;

              if (i >= first + 2 && i + 2 < end)
                continue;

              key = without_digits (line->text);
              if (pass == 0 && !g_hash_table_contains (seen, key))
                {
                  g_hash_table_add (seen, g_strdup (key));
                  g_hash_table_insert (pages_with, g_strdup (key),
                                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pages_with, key)) + 1));
                }
              else if (pass == 1)
                line->running = *key != '\0' &&
                                GPOINTER_TO_UINT (g_hash_table_lookup (pages_with, key)) >= threshold;
              g_free (key);
            }

          first = end;
        }
    }
}

static const char *
line_at (GArray *lines,
         guint   i)
{
  return i < lines->len ? g_array_index (lines, Line, i).text : "";
}

/* The first lines of the first page, joined: the document's title block. */
static char *
title_block (GArray *lines,
             guint   n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len && i < n && g_array_index (lines, Line, i).page == 1; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, line_at (lines, i));
    }

  return g_string_free (out, FALSE);
}

static char *
match_group (const char *pattern,
             const char *text,
             int         group)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (regex == NULL || !g_regex_match (regex, text, 0, &match))
    return NULL;

  return g_match_info_fetch (match, group);
}

static PbDocumentType
detect_type (GArray *lines)
{
  g_autofree char *title = title_block (lines, 4);

  for (guint i = 0; i < 4 && i < lines->len; i++)
    {
      if (g_str_has_prefix (line_at (lines, i), "Focused visit to "))
        return PB_DOCUMENT_FOCUSED_VISIT;
      if (g_str_has_prefix (line_at (lines, i), "Monitoring visit to "))
        return PB_DOCUMENT_MONITORING_VISIT;
      if (g_str_has_prefix (line_at (lines, i), "Joint targeted area inspection"))
        return PB_DOCUMENT_JTAI;
    }

  /* Case matters: council papers quote these titles in capitals. */
  if (strstr (title, "Inspection of services for children in need of help and protection"))
    return PB_DOCUMENT_SIF_INSPECTION;

  {
    g_autofree char *la = match_group ("^Inspection of (.+?) local authority children's services", title, 1);

    if (la != NULL || strstr (title, "Inspection of children's social care services"))
      return PB_DOCUMENT_ILACS_INSPECTION;
  }

  return PB_DOCUMENT_OTHER;
}

static char *
clean_authority (const char *name)
{
  static const char * const prefixes[] = {
    "Metropolitan Borough of ", "London Borough of ", "Royal Borough of ", "City of ",
    "Borough of ", "County of ",
  };
  static const char * const suffixes[] = {
    " Metropolitan Borough Council", " Metropolitan District Council", " County Borough Council",
    " County Council", " Borough Council", " City Council", " District Council", " Council",
    " Children's Services", " children's services",
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

  return *text ? g_steal_pointer (&text) : NULL;
}

static char *
detect_authority (GArray         *lines,
                  PbDocumentType  type)
{
  g_autofree char *title = title_block (lines, 4);
  g_autoptr(GString) before = g_string_new (NULL);
  char *found;

  if ((found = match_group ("^Inspection of (.+?) local authority children's services", title, 1)) ||
      (found = match_group ("^(?:Focused|Monitoring) visit to (.+?) (?:local authority )?children's services",
                            title, 1)))
    {
      g_autofree char *raw = found;
      return clean_authority (raw);
    }

  /* Older reports: the council's name heads the page, above the title. */
  for (guint i = 0; i < lines->len && i < 4; i++)
    {
      if (g_str_has_prefix (line_at (lines, i), "Inspection of"))
        break;
      if (before->len > 0)
        g_string_append_c (before, ' ');
      g_string_append (before, line_at (lines, i));
    }

  return before->len > 0 ? clean_authority (before->str) : NULL;
}

static int
month_number (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_strcmp0 (name, months[i]) == 0)
      return (int)i + 1;
  return 0;
}

static void
set_date (GDate      *date,
          const char *day,
          const char *month,
          const char *year)
{
  int d = atoi (day ? day : "0");
  int m = month_number (month);
  int y = atoi (year ? year : "0");

  if (g_date_valid_dmy (d, m, y))
    g_date_set_dmy (date, d, m, y);
}

static void
detect_dates (GArray      *lines,
              PbStructure *structure)
{
  g_autofree char *title = title_block (lines, 14);
  g_autoptr(GRegex) span = g_regex_new ("Inspection dates?:\\s*(\\d{1,2})(?:\\s+([A-Z][a-z]+))?(?:\\s+(\\d{4}))?"
                                        "\\s*(?:to|-|and)\\s*(\\d{1,2})\\s+([A-Z][a-z]+)\\s+(\\d{4})",
                                        0, 0, NULL);
  g_autoptr(GRegex) published = g_regex_new ("(?:Report published|Publication date|Published):?\\s*"
                                             "(\\d{1,2})\\s+([A-Z][a-z]+)\\s+(\\d{4})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (span, title, 0, &match))
    {
      g_autofree char *d1 = g_match_info_fetch (match, 1);
      g_autofree char *m1 = g_match_info_fetch (match, 2);
      g_autofree char *y1 = g_match_info_fetch (match, 3);
      g_autofree char *d2 = g_match_info_fetch (match, 4);
      g_autofree char *m2 = g_match_info_fetch (match, 5);
      g_autofree char *y2 = g_match_info_fetch (match, 6);

      set_date (&structure->inspection_end, d2, m2, y2);
      set_date (&structure->inspection_start, d1, (m1 && *m1) ? m1 : m2, (y1 && *y1) ? y1 : y2);
    }

  g_clear_pointer (&match, g_match_info_unref);
  if (g_regex_match (published, title, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      set_date (&structure->published, d, m, y);
    }
}

static char *
detect_lead_inspector (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = line_at (lines, i);
      g_autofree char *name = NULL;
      char *cut;

      if (!g_str_has_prefix (line, "Lead inspector") && !g_str_has_prefix (line, "Lead Inspector"))
        continue;

      name = g_strdup (line + strlen ("Lead inspector"));
      g_strstrip (name);
      if (name[0] == ':')
        memmove (name, name + 1, strlen (name));
      g_strstrip (name);
      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup (line_at (lines, i + 1));
        }

      if ((cut = strchr (name, ',')))
        *cut = '\0';
      if ((cut = strstr (name, " HMI")) && cut[4] == '\0')
        *cut = '\0';
      if ((cut = strstr (name, "Majesty's Inspector")) && cut > name)
        *cut = '\0';
      g_strstrip (name);

      if (*name != '\0' && strlen (name) < 60)
        return g_steal_pointer (&name);
    }

  return NULL;
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
static guint
read_table (GArray      *lines,
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
      g_string_append (region, line_at (lines, i));
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
static void
read_sif_overall (GArray      *lines,
                  PbStructure *structure)
{
  g_autofree char *title = title_block (lines, 30);
  char *words;

  if ((words = match_group ("The overall judgement is (?:that children's services )?"
                            "(outstanding|good|requires? improvement|inadequate)", title, 1)) ||
      (words = match_group ("Children's services in .+? (?:are|is) (outstanding|good|inadequate)", title, 1)) ||
      (words = match_group ("Children's services in .+? (requires? improvement)", title, 1)))
    {
      structure->judgements[PB_JUDGEMENT_OVERALL] = _pb_grade_from_words (words);
      g_free (words);
    }
}

static guint
find_line (GArray     *lines,
           guint       from,
           const char *prefix,
           guint       limit)
{
  for (guint i = from; i < lines->len && i < limit; i++)
    if (g_str_has_prefix (line_at (lines, i), prefix))
      return i;
  return G_MAXUINT;
}

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

static void
read_recommendations (GArray      *lines,
                      guint        from,
                      PbStructure *structure)
{
  guint start;

  if ((start = find_line (lines, from, "What needs to improve", lines->len)) != G_MAXUINT)
    read_list (lines, start, FALSE, structure);
  if ((start = find_line (lines, from, "Areas for priority action", lines->len)) != G_MAXUINT)
    read_list (lines, start, FALSE, structure);

  /* SIF reports: "Recommendations", then a numbered list. */
  if (structure->type == PB_DOCUMENT_SIF_INSPECTION)
    for (guint i = from; i < lines->len; i++)
      if (g_str_equal (line_at (lines, i), "Recommendations"))
        {
          read_list (lines, i, TRUE, structure);
          break;
        }
}

/* Section headings and the numbered paragraphs under them. */
static void
read_body (GArray      *lines,
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
              g_string_append (heading, line_at (lines, k));
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

static void
section_clear (PbSection *section)
{
  g_free (section->heading);
}

static void
recommendation_clear (PbRecommendation *rec)
{
  g_free (rec->text);
}

/**
 * pb_structure_read_text:
 * @pages: (array zero-terminated=1): each page's text in reading order
 *
 * Returns: (transfer full): what the text says about the document
 */
PbStructure *
pb_structure_read_text (const char * const *pages)
{
  PbStructure *structure = g_new0 (PbStructure, 1);
  g_autoptr(GArray) lines = NULL;
  guint body = 0;

  g_return_val_if_fail (pages != NULL, NULL);

  g_date_clear (&structure->inspection_start, 1);
  g_date_clear (&structure->inspection_end, 1);
  g_date_clear (&structure->published, 1);
  structure->sections = g_array_new (FALSE, TRUE, sizeof (PbSection));
  structure->paragraphs = g_array_new (FALSE, TRUE, sizeof (PbParagraph));
  structure->recommendations = g_array_new (FALSE, TRUE, sizeof (PbRecommendation));
  g_array_set_clear_func (structure->sections, (GDestroyNotify)section_clear);
  g_array_set_clear_func (structure->recommendations, (GDestroyNotify)recommendation_clear);

  lines = split_lines (pages);
  mark_running_lines (lines);
  structure->type = detect_type (lines);

  if (structure->type == PB_DOCUMENT_OTHER)
    return structure;

  structure->local_authority = detect_authority (lines, structure->type);
  detect_dates (lines, structure);
  structure->lead_inspector = detect_lead_inspector (lines);

  if (structure->type == PB_DOCUMENT_ILACS_INSPECTION)
    {
      guint table = find_line (lines, 0, "Judgement", 40);

      if (table != G_MAXUINT)
        body = read_table (lines, table + 1, structure);
    }
  else if (structure->type == PB_DOCUMENT_SIF_INSPECTION)
    {
      guint table = find_line (lines, 0, "1. Children who need help and protection", 60);

      read_sif_overall (lines, structure);
      if (table != G_MAXUINT)
        body = read_table (lines, table, structure);
    }

  read_recommendations (lines, 0, structure);
  read_body (lines, body, structure);

  return structure;
}

/**
 * pb_structure_read_pdf:
 *
 * Reads a PDF's pages as import does, then its structure. Touches no library.
 */
PbStructure *
pb_structure_read_pdf (const char  *path,
                       const char  *password,
                       GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  PopplerDocument *document;
  PbStructure *structure;

  if (uri == NULL || !(document = poppler_document_new_from_file (uri, password, error)))
    return NULL;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      g_ptr_array_add (pages, page ? pb_pdf_page_get_reading_text (page) : g_strdup (""));
      g_clear_object (&page);
    }
  g_ptr_array_add (pages, NULL);

  structure = pb_structure_read_document (document, (const char * const *)pages->pdata);
  g_object_unref (document);
  return structure;
}

void
pb_structure_free (PbStructure *structure)
{
  if (structure == NULL)
    return;

  g_free (structure->local_authority);
  g_free (structure->lead_inspector);
  g_clear_pointer (&structure->sections, g_array_unref);
  g_clear_pointer (&structure->paragraphs, g_array_unref);
  g_clear_pointer (&structure->recommendations, g_array_unref);
  g_free (structure);
}

/* The cohort of the section @page (from 1) is in, or NULL. */
const char *
pb_structure_cohort_at_page (PbStructure *structure,
                             guint        page)
{
  const char *cohort = NULL;

  for (guint i = 0; i < structure->sections->len; i++)
    {
      const PbSection *s = &g_array_index (structure->sections, PbSection, i);

      if (s->first_page <= page)
        cohort = s->cohort;
    }

  return cohort;
}

/**
 * pb_structure_paragraph_for_quote:
 *
 * Returns: the number of the numbered paragraph that @quote on @page (from 1)
 *   is in, or 0 when the report's paragraphs are not numbered or the quote is
 *   not after one
 */
guint
pb_structure_paragraph_for_quote (const char * const *pages,
                                  guint               page,
                                  const char         *quote)
{
  g_autoptr(PbStructure) structure = pb_structure_read_text (pages);
  g_autofree char *needle = NULL;
  const char *page_text;
  const char *found;
  gsize position;
  guint paragraph = 0;

  for (guint n = 0; n < page; n++)
    if (pages[n] == NULL)
      return 0;

  /* Where the quote starts on its page: its first words are enough. */
  page_text = pages[page - 1];
  needle = g_utf8_substring (quote, 0, MIN (g_utf8_strlen (quote, -1), 24));
  if (!(found = strstr (page_text, needle)))
    return 0;
  position = found - page_text;

  /* The last numbered paragraph that starts before it. */
  for (guint i = 0; i < structure->paragraphs->len; i++)
    {
      const PbParagraph *p = &g_array_index (structure->paragraphs, PbParagraph, i);

      if (p->page > page || (p->page == page && p->offset > position))
        break;
      paragraph = p->number;
    }

  return paragraph;
}
