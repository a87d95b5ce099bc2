/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"

/* What kind of document this is, decided by what it contains rather than by
 * one form of title.
 *
 * An inspection report has a judgement table whose rows are its framework's
 * judgements; its title ("Inspection of … children's services",
 * "Re-inspection of services for children in need of help and protection …"),
 * its "Inspection dates" line and its lead inspector confirm it, and the
 * judgements' words tell the era. A letter (a focused or monitoring visit, a
 * joint targeted area inspection) is titled so on its first page and reads as
 * a letter. Council papers that quote these titles, in capitals or mid-line,
 * have none of this, and stay "other". */

typedef enum
{
  TITLE_NONE,
  TITLE_ILACS,
  TITLE_SIF,
  TITLE_SIF_REINSPECTION,
  TITLE_FOCUSED_VISIT,
  TITLE_MONITORING_VISIT,
  TITLE_JTAI,
  TITLE_ASSURANCE_VISIT,
} TitleKind;

static const char * const title_reasons[] = {
  NULL, "title: ILACS inspection", "title: SIF inspection", "title: re-inspection",
  "title: focused visit", "title: monitoring visit", "title: joint targeted area inspection",
  "title: assurance visit",
};

typedef struct
{
  TitleKind  kind;
  guint      line;        /* index of the title's first line */
  char      *authority;   /* as the title names it, or NULL */
  char      *theme;       /* what a joint inspection looked at, or NULL */
  char      *lead_in;     /* words before the title on its line, or NULL */
  gboolean   in_opening;  /* a letter named by its opening sentence, not a title */
} Title;

/* Words that join the capitalised words of a council's name: "London
 * Borough of Barnet", "Kingston upon Thames", "Brighton and Hove". */
static gboolean
is_name_particle (const char *word)
{
  static const char * const particles[] = { "of", "and", "the", "upon", "on", "in", "&" };

  for (guint k = 0; k < G_N_ELEMENTS (particles); k++)
    if (g_str_equal (word, particles[k]))
      return TRUE;
  return FALSE;
}

/* Whether @text, the words before a title on its line, is an authority's
 * name: capitalised words and the particles between them, no sentence and
 * no label ("TITLE: Outcome of the …", "12. Inspection of …"). */
static gboolean
is_name_lead_in (const char *text,
                 gsize       len)
{
  g_autofree char *words = g_strndup (text, len);
  g_auto(GStrv) split = NULL;

  if (len > 60 || !g_unichar_isupper (g_utf8_get_char (words)) || strpbrk (words, ".:;!?") != NULL)
    return FALSE;

  split = g_strsplit (g_strstrip (words), " ", -1);
  for (guint w = 0; split[w] != NULL; w++)
    if (*split[w] != '\0' && !g_unichar_isupper (g_utf8_get_char (split[w])) && !is_name_particle (split[w]))
      return FALSE;
  return TRUE;
}

/* Where an inspection report's title starts in @line: at its start, or
 * after the authority's name on the same line ("Manchester City Council
 * Re-inspection of services …"); -1 if it has none. */
static int
report_title_start (const char *line)
{
  static const char * const starts[] = {
    "Inspection of ", "Re-inspection of ", "Reinspection of ", "Re-Inspection of ",
  };
  const char *found = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
    {
      const char *at = strstr (line, starts[k]);

      if (at != NULL && (found == NULL || at < found))
        found = at;
    }

  if (found == NULL)
    return -1;
  if (found == line)
    return 0;

  if (found[-1] != ' ' || !is_name_lead_in (line, found - line))
    return -1;
  return (int)(found - line);
}

/* Whether line @i goes on from a sentence on the line before it, as a
 * title quoted in a paragraph does ("… following a full" / "Inspection of
 * local authority children's services in September 2023."). */
static gboolean
continues_sentence (GArray *lines,
                    guint   i)
{
  const Line *line = &g_array_index (lines, Line, i);
  const Line *before;
  gsize len;

  if (i == 0 || (before = &g_array_index (lines, Line, i - 1))->page != line->page)
    return FALSE;

  len = strlen (before->text);
  return len > 0 && (before->text[len - 1] == ',' ||
                     (len > 40 && g_ascii_islower (before->text[len - 1])));
}

/* Whether the title that ends at byte @end of @joined (lines @first on,
 * joined) ends its line: a title stands alone, while one quoted in a
 * sentence runs on ("… children's services: outcome", "… services took
 * place"). A footnote's number may follow it; so may the "and" that joins
 * a SIF report's title to the review of its safeguarding board. */
static gboolean
ends_its_line (GArray     *lines,
               guint       first,
               const char *joined,
               gsize       end,
               gboolean    and_may_follow)
{
  g_autofree char *rest = NULL;

  for (guint n = 1; first + n <= lines->len && n <= 4; n++)
    {
      g_autofree char *upto = _pb_structure_join_lines (lines, first, n);
      gsize line_end = strlen (upto);

      if (line_end < end)
        continue;
      rest = g_strstrip (g_strndup (joined + end, line_end - end));
      break;
    }

  if (rest == NULL)
    return FALSE;
  if (and_may_follow && (g_str_equal (rest, "and") || g_str_has_prefix (rest, "and ")))
    return TRUE;
  return strspn (rest, "0123456789*") == strlen (rest);
}

/* The title of an inspection report: in its first lines, perhaps under the
 * authority's name, and perhaps wrapped; alone on its line, not a phrase of
 * a paragraph. */
static gboolean
find_report_title (GArray *lines,
                   Title  *title)
{
  static GRegex *sif_cache, *ilacs_cache, *trust_cache;
  GRegex *sif = _pb_structure_regex (&sif_cache,
                                     "^(Re-?inspection|Inspection) of services for children in need of help\\s+and\\s+protection"
                                     "(?:,?\\s+children\\s+looked\\s+after(?:,?\\s+and\\s+care\\s+leavers)?)?",
                                     G_REGEX_CASELESS);
  /* Case matters here: council papers quote the title in capitals. */
  GRegex *ilacs = _pb_structure_regex (&ilacs_cache,
                                       "^Inspection of ([^.:;]{0,80}?)\\s*(?:local\\s+authority\\s+)?children's\\s+"
                                       "(?:social\\s+care\\s+)?services\\b", 0);
  GRegex *trust = _pb_structure_regex (&trust_cache,
                                       "^Inspection of ([A-Z][^.:;]{0,60}?\\s*(?:Children and Families Trust|"
                                       "Children's Services Trust|Children's Trust|Children First))\\b", 0);

  for (guint i = 0; i < lines->len && i < 12 && g_array_index (lines, Line, i).page == 1; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
      int start = report_title_start (line);
      g_autofree char *joined = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      TitleKind kind;
      const char *text;
      int end = 0;

      if (start < 0 || continues_sentence (lines, i))
        continue;

      joined = _pb_structure_join_lines (lines, i, 4);
      text = joined + start;

      if (g_regex_match (sif, text, 0, &match))
        {
          g_autofree char *word = g_match_info_fetch (match, 1);

          kind = g_ascii_strncasecmp (word, "re", 2) == 0 ? TITLE_SIF_REINSPECTION : TITLE_SIF;
        }
      else
        {
          /* A GMatchInfo is made even when nothing matches. */
          g_clear_pointer (&match, g_match_info_unref);
          if (!g_regex_match (ilacs, text, 0, &match))
            {
              g_clear_pointer (&match, g_match_info_unref);
              g_regex_match (trust, text, 0, &match);
            }
          if (!g_match_info_matches (match))
            continue;
          kind = TITLE_ILACS;
        }

      g_match_info_fetch_pos (match, 0, NULL, &end);
      if (!ends_its_line (lines, i, joined, start + end, kind != TITLE_ILACS))
        continue;

      title->kind = kind;
      if (kind == TITLE_ILACS)
        title->authority = g_match_info_fetch (match, 1);
      title->line = i;
      if (start > 0)
        title->lead_in = g_strstrip (g_strndup (line, start));
      return TRUE;
    }

  return FALSE;
}

/* The lines of a letter's title: the first, and those after it that are
 * still short, before the letter's opening sentence. */
static char *
letter_title_text (GArray *lines,
                   guint   first)
{
  guint n = 1;

  while (n < 3 && first + n < lines->len)
    {
      const char *next = _pb_structure_line_at (lines, first + n);

      if (strlen (next) > 70 || g_str_has_prefix (next, "This ") || g_str_has_prefix (next, "Dear") ||
          g_ascii_isdigit (next[0]) || g_array_index (lines, Line, first + n).page != 1)
        break;
      n++;
    }

  return _pb_structure_join_lines (lines, first, n);
}

/* A letter without its subject line: the opening sentence on the first
 * page names the visit ("This letter summarises the findings of the
 * focused visit to Fernvale children's services on …"). */
static gboolean
find_letter_opening (GArray *lines,
                     Title  *title)
{
  static GRegex *cache;
  GRegex *opening = _pb_structure_regex (&cache,
                                         "^This letter (?:summarises|sets out) the findings (?:of|from) (?:the|a|an|our)\\s+"
                                         "(focused|monitoring|assurance)\\s+visit\\s+(?:to|of)\\s+(?:the\\s+)?"
                                         "([A-Z][^.:;]{0,80}?)\\s+(?:local\\s+authority\\s+)?children's\\s+"
                                         "(?:social\\s+care\\s+)?services\\b",
                                         0);

  for (guint i = 0; i < lines->len && i < 80 && g_array_index (lines, Line, i).page == 1; i++)
    {
      g_autofree char *joined = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_prefix (_pb_structure_line_at (lines, i), "This letter "))
        continue;

      joined = _pb_structure_join_lines (lines, i, 3);
      if (!g_regex_match (opening, joined, 0, &match))
        continue;

      {
        g_autofree char *kind = g_match_info_fetch (match, 1);

        title->kind = g_str_equal (kind, "focused")     ? TITLE_FOCUSED_VISIT
                      : g_str_equal (kind, "assurance") ? TITLE_ASSURANCE_VISIT
                                                        : TITLE_MONITORING_VISIT;
      }
      title->authority = g_match_info_fetch (match, 2);
      title->line = i;
      title->in_opening = TRUE;
      return TRUE;
    }

  return FALSE;
}

/* The title of a letter: on the first page, perhaps below an address. */
static gboolean
find_letter_title (GArray *lines,
                   Title  *title)
{
  static GRegex *visit_cache, *jtai_cache, *jtai_area_cache;
  GRegex *visit = _pb_structure_regex (&visit_cache,
                                       "^(Focused|Monitoring|Assurance) visit (?:to|of|at) (?:the\\s+)?(.+?)"
                                       "(?:\\s+(?:local\\s+authority\\s+)?children's\\s+(?:social\\s+care\\s+)?services\\b.*)?$",
                                       G_REGEX_CASELESS);
  GRegex *jtai = _pb_structure_regex (&jtai_cache,
                                      "^Joint targeted area inspection (?:of|into) (?:the\\s+)?(.+)\\s+in\\s+([A-Z][\\w' ,&-]+?)\\.?$",
                                      0);
  /* "Joint targeted area inspection of Fernvale": the area alone, the
   * theme left to the opening. */
  GRegex *jtai_area = _pb_structure_regex (&jtai_area_cache,
                                           "^Joint targeted area inspection (?:of|in) ([A-Z][\\w'&-]*"
                                           "(?:\\s+(?:[A-Z][\\w'&-]*|of|and|upon|on|the))*)\\.?$",
                                           0);

  for (guint i = 0; i < lines->len && i < 80 && g_array_index (lines, Line, i).page == 1; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (g_ascii_strncasecmp (line, "Focused visit ", 14) == 0 ||
          g_ascii_strncasecmp (line, "Monitoring visit ", 17) == 0 ||
          g_ascii_strncasecmp (line, "Assurance visit ", 16) == 0)
        {
          /* A letter's title starts with a capital; "focused visit" in a
           * sentence does not make one. */
          if (!g_ascii_isupper (line[0]))
            continue;

          text = letter_title_text (lines, i);
          if (!g_regex_match (visit, text, 0, &match))
            continue;

          {
            g_autofree char *kind = g_match_info_fetch (match, 1);

            title->kind = g_ascii_strcasecmp (kind, "Focused") == 0      ? TITLE_FOCUSED_VISIT
                          : g_ascii_strcasecmp (kind, "Assurance") == 0  ? TITLE_ASSURANCE_VISIT
                                                                         : TITLE_MONITORING_VISIT;
          }
          title->authority = g_match_info_fetch (match, 2);
          title->line = i;
          return TRUE;
        }

      if (g_str_has_prefix (line, "Joint targeted area inspection"))
        {
          text = letter_title_text (lines, i);
          title->kind = TITLE_JTAI;
          title->line = i;
          if (g_regex_match (jtai, text, 0, &match))
            {
              title->theme = g_match_info_fetch (match, 1);
              title->authority = g_match_info_fetch (match, 2);
            }
          else
            {
              g_clear_pointer (&match, g_match_info_unref);
              if (g_regex_match (jtai_area, text, 0, &match))
                title->authority = g_match_info_fetch (match, 1);
            }
          return TRUE;
        }
    }

  return find_letter_opening (lines, title);
}

/* Reads as a letter: a salutation, a sign-off, a summary of the findings,
 * or the dates and inspector of the visit set out. */
static const char *
letter_evidence (GArray *lines)
{
  static const char * const openings[] = {
    "Dear ", "This letter ", "Yours sincerely", "Yours faithfully", "Inspection date", "Lead inspector",
  };

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);

      for (guint k = 0; k < G_N_ELEMENTS (openings); k++)
        if (g_str_has_prefix (line, openings[k]))
          return k < 2 ? "letter: opening" : k < 4 ? "letter: sign-off" : "letter: dates and inspector";
      if (strstr (line, "letter summarises the findings") || strstr (line, "sets out the findings"))
        return "letter: opening";
    }

  return NULL;
}

/* Whether a letter has a salutation ("Dear …") and a sign-off ("Yours
 * sincerely"). */
static gboolean
is_addressed_and_signed (GArray *lines)
{
  gboolean dear = FALSE, yours = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);

      dear = dear || g_str_has_prefix (line, "Dear ");
      yours = yours || g_str_has_prefix (line, "Yours sincerely") || g_str_has_prefix (line, "Yours faithfully");
    }
  return dear && yours;
}

/* Whether @words are dates and nothing else: "4 to 15 March 2024", "2 June
 * 2014 - 25 June 2014", "Monday 2 June 2014", "30 September 2019 to"
 * (wrapped). */
static gboolean
only_dates (const char *words)
{
  static const char * const joins[] = {
    "to", "and", "until", "-", "&",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  };
  /* "4-15 March 2024": the dash (made plain) joins as "to" does. */
  g_auto(GStrv) dashed = g_strsplit (words, "-", -1);
  g_autofree char *spaced = g_strjoinv (" - ", dashed);
  g_auto(GStrv) split = g_strsplit (spaced, " ", -1);
  guint n_words = 0;

  for (guint w = 0; split[w] != NULL; w++)
    {
      char *word = split[w];
      gsize len = strlen (word);
      gboolean known = FALSE;

      if (len == 0)
        continue;
      /* A full stop or comma after a year or a day. */
      if (len > 1 && strchr (".,", word[len - 1]))
        word[--len] = '\0';
      n_words++;

      if (strspn (word, "0123456789") > 0)
        {
          gsize digits = strspn (word, "0123456789");

          /* A day of the month (perhaps "1st") or a year. */
          known = (digits == len || (len == digits + 2 && strstr ("st nd rd th", word + digits) != NULL)) &&
                  ((digits <= 2 && atoi (word) >= 1 && atoi (word) <= 31) || digits == 4);
        }
      else
        {
          for (guint k = 0; k < G_N_ELEMENTS (joins) && !known; k++)
            known = g_str_equal (word, joins[k]);
          known = known || _pb_structure_month_number (word) > 0;
        }

      if (!known)
        return FALSE;
    }

  return n_words > 0;
}

/* The dates of an inspection set out on a line of their own on the first
 * page ("Inspection dates: 4 to 15 March 2024"), not a sentence that starts
 * with them. */
static gboolean
has_dates_line (GArray *lines)
{
  static GRegex *cache;
  GRegex *label = _pb_structure_regex (&cache, "^(?:Inspection dates?|Dates? of (?:the )?inspection)\\s*:?\\s*(.*)$", 0);

  for (guint i = 0; i < lines->len && i < 25 && g_array_index (lines, Line, i).page == 1; i++)
    {
      g_autofree char *rest = _pb_structure_match_group (label, _pb_structure_line_at (lines, i), 1);

      if (rest != NULL && only_dates (rest))
        return TRUE;
    }
  return FALSE;
}

/* A "Lead inspector" line naming a person: "Lead inspector: Jane Doe, His
 * Majesty's Inspector", or the name on the next line. */
static gboolean
has_lead_inspector_line (GArray *lines)
{
  g_autofree char *name = _pb_structure_detect_lead_inspector (lines);

  if (name == NULL)
    return FALSE;

  {
    g_auto(GStrv) words = g_strsplit (name, " ", -1);
    guint n = g_strv_length (words);

    if (n < 2 || n > 5)
      return FALSE;
    for (guint w = 0; w < n; w++)
      if (!g_unichar_isupper (g_utf8_get_char (words[w])) && !is_name_particle (words[w]) &&
          !g_str_equal (words[w], "de") && !g_str_equal (words[w], "van") && !g_str_equal (words[w], "von"))
        return FALSE;
  }
  return TRUE;
}

/* What marks @lines, on their first two pages, as a council paper or a
 * press release that reproduces an inspection's table, dates or lead
 * inspector ("Report to Cabinet", "Agenda item 7", "Contact officer: …",
 * "NEWS RELEASE", "Notes to editors"): a line that starts so, which no
 * report or letter of Ofsted's has. Returns the reason, or NULL. */
static char *
paper_furniture (GArray *lines)
{
  static GRegex *council_cache, *press_cache;
  GRegex *council = _pb_structure_regex (&council_cache,
                                         "^(?:Report to:?\\s+(?:the\\s+)?[A-Z]|REPORT TO\\b|Agenda item\\b|AGENDA ITEM\\b|"
                                         "Contact officer|CONTACT OFFICER|Report of the (?:Executive |Strategic |Corporate )?Director\\b|"
                                         "Report author\\b|Purpose of (?:the |this )?report\\b|PURPOSE OF (?:THE )?REPORT\\b|"
                                         "Title of report\\b|RESOLVED\\b|Resolved:|Recommendations? to (?:Cabinet|Committee|Council)\\b|"
                                         "(?:Cabinet|Committee|Members|Council) (?:is|are) (?:asked|recommended) to\\b|"
                                         "Wards? affected\\b|Portfolio holder\\b|Key decision\\b)",
                                         0);
  GRegex *press = _pb_structure_regex (&press_cache,
                                       "^(?:Press release\\b|PRESS RELEASE\\b|News release\\b|NEWS RELEASE\\b|"
                                       "Embargoed\\b|EMBARGOED\\b|Notes to editors\\b|NOTES TO EDITORS\\b|"
                                       "Media enquiries\\b|For immediate release\\b)",
                                       0);

  for (guint i = 0; i < lines->len && g_array_index (lines, Line, i).page <= 2; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
      gboolean is_council = g_regex_match (council, line, 0, NULL);

      if (is_council || g_regex_match (press, line, 0, NULL))
        {
          /* The line itself, shortened, says where to look. */
          g_autofree char *quoted = g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 40));

          return g_strdup_printf ("not an inspection: %s (\"%s\")",
                                  is_council ? "council paper" : "press release", g_strstrip (quoted));
        }
    }
  return NULL;
}

/* The tagged table where it has rows, the layout's where it has not; a
 * judgement only the layout grades is taken from it. */
static const char *
merge_tables (PbTableReading       *best,
              const PbTableReading *tagged,
              gboolean              have_tagged,
              const PbTableReading *layout)
{
  if (!have_tagged || tagged->n_rows < 2)
    {
      *best = *layout;
      return layout->n_rows > 0 ? "judgement table (layout)" : NULL;
    }

  *best = *tagged;
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    if (best->judgements[j] == PB_GRADE_NONE)
      best->judgements[j] = layout->judgements[j];
  best->combined = best->combined || layout->combined;
  best->n_sif_rows = MAX (tagged->n_sif_rows, layout->n_sif_rows);
  best->n_ilacs_rows = MAX (tagged->n_ilacs_rows, layout->n_ilacs_rows);
  best->end_line = layout->end_line;
  return "judgement table (tagged)";
}

/* The authority of a report whose title takes none of the known forms:
 * what follows "Inspection of", or else the lines above its dates. */
static char *
untitled_authority (GArray *lines)
{
  for (guint i = 0; i < lines->len && i < 12 && g_array_index (lines, Line, i).page == 1; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);

      if (g_str_has_prefix (line, "Inspection of "))
        return _pb_structure_clean_authority (line + strlen ("Inspection of "));
      if (g_str_has_prefix (line, "Inspection date"))
        return _pb_structure_detect_authority (lines, i, NULL);
    }

  return NULL;
}

static void
title_clear (Title *title)
{
  g_clear_pointer (&title->authority, g_free);
  g_clear_pointer (&title->theme, g_free);
  g_clear_pointer (&title->lead_in, g_free);
}

guint
_pb_structure_decide_type (GArray            *lines,
                           PbTaggedTableFunc  tagged_func,
                           gpointer           data,
                           PbStructure       *structure,
                           guint             *body)
{
  Title title = { TITLE_NONE, G_MAXUINT, NULL, NULL, NULL, FALSE };
  PbTableReading layout, tagged, table;
  gboolean have_tagged = FALSE;
  gboolean dates, lead, sif;
  const char *table_reason;
  const char *letter;
  g_autofree char *paper = NULL;
  guint line;

  *body = 0;

  /* A council paper or press release may copy a letter's title and
   * opening, or an inspection's table, dates line and lead inspector line:
   * only the inspection's or letter's own layout makes one. */
  paper = paper_furniture (lines);

  /* A letter is known by its title and its form; one known by its opening
   * alone must be written as a letter too, to someone and signed, as a
   * paper that quotes the opening is not. */
  if (find_letter_title (lines, &title) && (letter = letter_evidence (lines)) &&
      (!title.in_opening || is_addressed_and_signed (lines)))
    {
      if (paper != NULL)
        {
          _pb_structure_add_reason (structure, "%s", title_reasons[title.kind]);
          _pb_structure_add_reason (structure, "%s", paper);
          title_clear (&title);
          return G_MAXUINT;
        }

      static const PbDocumentType types[] = {
        [TITLE_FOCUSED_VISIT] = PB_DOCUMENT_FOCUSED_VISIT,
        [TITLE_MONITORING_VISIT] = PB_DOCUMENT_MONITORING_VISIT,
        [TITLE_JTAI] = PB_DOCUMENT_JTAI,
        [TITLE_ASSURANCE_VISIT] = PB_DOCUMENT_ASSURANCE_VISIT,
      };

      structure->type = types[title.kind];
      if (title.in_opening)
        _pb_structure_add_reason (structure, "opening: %s", title_reasons[title.kind] + strlen ("title: "));
      else
        _pb_structure_add_reason (structure, "%s", title_reasons[title.kind]);
      _pb_structure_add_reason (structure, "%s", letter);
      structure->local_authority = title.authority ? _pb_structure_clean_authority (title.authority) : NULL;
      structure->theme = g_steal_pointer (&title.theme);
      line = title.line;
      title_clear (&title);
      return line;
    }
  title_clear (&title);
  title.kind = TITLE_NONE;
  title.line = G_MAXUINT;
  title.in_opening = FALSE;

  find_report_title (lines, &title);
  _pb_structure_read_table (lines, &layout);
  dates = has_dates_line (lines);
  lead = has_lead_inspector_line (lines);

  /* The tagged tree is asked only when the text points to a report, and
   * the layout has not given the whole table in order: each of its cells'
   * text costs poppler a reading of the page, a second or more for some
   * reports. */
  memset (&tagged, 0, sizeof tagged);
  if (tagged_func != NULL && (title.kind != TITLE_NONE || layout.n_rows > 0 || dates) &&
      !(layout.in_order && layout.n_rows >= 4))
    have_tagged = tagged_func (data, &tagged);
  table_reason = merge_tables (&table, &tagged, have_tagged, &layout);

  if (title.kind != TITLE_NONE)
    _pb_structure_add_reason (structure, "%s", title_reasons[title.kind]);
  if (table_reason != NULL)
    _pb_structure_add_reason (structure, "%s: %u rows", table_reason, table.n_rows);
  if (dates)
    _pb_structure_add_reason (structure, "inspection dates line");
  if (lead)
    _pb_structure_add_reason (structure, "lead inspector line");

  /* A table of three judgements or more, confirmed by anything else; or an
   * inspection's title, confirmed by a table (of several rows: one line
   * naming a judgement and a grade is a sentence or a bullet, not a table),
   * the dates or the inspector. */
  if (!(table.n_rows >= 3 && (title.kind != TITLE_NONE || dates || lead)) &&
      !(title.kind != TITLE_NONE && (table.n_rows >= 2 || dates || lead)))
    {
      _pb_structure_add_reason (structure, "not an inspection: %s",
                                title.kind != TITLE_NONE || table.n_rows > 0 ? "nothing confirms it"
                                                                             : "no inspection title or judgement table");
      title_clear (&title);
      return G_MAXUINT;
    }

  if (paper != NULL)
    {
      _pb_structure_add_reason (structure, "%s", paper);
      title_clear (&title);
      return G_MAXUINT;
    }

  /* The era by the judgements' own words, else by the title. */
  if (table.n_sif_rows != table.n_ilacs_rows)
    {
      sif = table.n_sif_rows > table.n_ilacs_rows;
      _pb_structure_add_reason (structure, sif ? "judgements: SIF framework" : "judgements: ILACS framework");
    }
  else
    sif = title.kind == TITLE_SIF || title.kind == TITLE_SIF_REINSPECTION;

  structure->type = sif ? PB_DOCUMENT_SIF_INSPECTION : PB_DOCUMENT_ILACS_INSPECTION;
  structure->reinspection = sif && title.kind == TITLE_SIF_REINSPECTION;
  for (PbJudgement j = 0; j < PB_N_JUDGEMENTS; j++)
    structure->judgements[j] = table.judgements[j];
  structure->cic_and_care_leavers_combined = table.combined;
  if (title.lead_in != NULL && (title.authority == NULL || *title.authority == '\0'))
    {
      g_free (title.authority);
      title.authority = g_steal_pointer (&title.lead_in);
    }
  if (title.kind == TITLE_NONE)
    structure->local_authority = untitled_authority (lines);
  else
    structure->local_authority = _pb_structure_detect_authority (lines, title.line, title.authority);
  *body = table.end_line;

  line = title.line;
  title_clear (&title);
  return line;
}
