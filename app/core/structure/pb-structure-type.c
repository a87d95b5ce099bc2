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
} TitleKind;

static const char * const title_reasons[] = {
  NULL, "title: ILACS inspection", "title: SIF inspection", "title: re-inspection",
  "title: focused visit", "title: monitoring visit", "title: joint targeted area inspection",
};

typedef struct
{
  TitleKind  kind;
  guint      line;        /* index of the title's first line */
  char      *authority;   /* as the title names it, or NULL */
  char      *theme;       /* what a joint inspection looked at, or NULL */
  char      *lead_in;     /* words before the title on its line, or NULL */
} Title;

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

  /* After a name: capitalised words ending in a space, no sentence. */
  if (found[-1] != ' ' || !g_unichar_isupper (g_utf8_get_char (line)) || found - line > 60 ||
      memchr (line, '.', found - line) != NULL)
    return -1;
  return (int)(found - line);
}

/* The title of an inspection report: in its first lines, perhaps under the
 * authority's name, and perhaps wrapped. */
static gboolean
find_report_title (GArray *lines,
                   Title  *title)
{
  static GRegex *sif_cache, *ilacs_cache, *trust_cache;
  GRegex *sif = _pb_structure_regex (&sif_cache,
                                     "^(Re-?inspection|Inspection) of services for children in need of help\\s+and\\s+protection",
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
      const char *text;

      if (start < 0)
        continue;

      joined = _pb_structure_join_lines (lines, i, 4);
      text = joined + start;

      if (g_regex_match (sif, text, 0, &match))
        {
          g_autofree char *word = g_match_info_fetch (match, 1);

          title->kind = g_ascii_strncasecmp (word, "re", 2) == 0 ? TITLE_SIF_REINSPECTION : TITLE_SIF;
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
          title->kind = TITLE_ILACS;
          title->authority = g_match_info_fetch (match, 1);
        }

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

/* The title of a letter: on the first page, perhaps below an address. */
static gboolean
find_letter_title (GArray *lines,
                   Title  *title)
{
  static GRegex *visit_cache, *jtai_cache;
  GRegex *visit = _pb_structure_regex (&visit_cache,
                                       "^(Focused|Monitoring) visit (?:to|of|at) (?:the\\s+)?(.+?)"
                                       "(?:\\s+(?:local\\s+authority\\s+)?children's\\s+(?:social\\s+care\\s+)?services\\b.*)?$",
                                       G_REGEX_CASELESS);
  GRegex *jtai = _pb_structure_regex (&jtai_cache,
                                      "^Joint targeted area inspection (?:of|into) (?:the\\s+)?(.+)\\s+in\\s+([A-Z][\\w' ,&-]+?)\\.?$",
                                      0);

  for (guint i = 0; i < lines->len && i < 80 && g_array_index (lines, Line, i).page == 1; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (g_ascii_strncasecmp (line, "Focused visit ", 14) == 0 ||
          g_ascii_strncasecmp (line, "Monitoring visit ", 17) == 0)
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

            title->kind = g_ascii_strcasecmp (kind, "Focused") == 0 ? TITLE_FOCUSED_VISIT : TITLE_MONITORING_VISIT;
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
          return TRUE;
        }
    }

  return FALSE;
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

static gboolean
has_dates_line (GArray *lines)
{
  for (guint i = 0; i < lines->len && i < 25 && g_array_index (lines, Line, i).page == 1; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);

      if (g_str_has_prefix (line, "Inspection date") || g_str_has_prefix (line, "Dates of inspection") ||
          g_str_has_prefix (line, "Date of inspection"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_lead_inspector_line (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_ascii_strncasecmp (_pb_structure_line_at (lines, i), "Lead inspector", 14) == 0)
      return TRUE;
  return FALSE;
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
  Title title = { TITLE_NONE, G_MAXUINT, NULL, NULL, NULL };
  PbTableReading layout, tagged, table;
  gboolean have_tagged = FALSE;
  gboolean dates, lead, sif;
  const char *table_reason;
  const char *letter;
  guint line;

  *body = 0;

  /* A letter is known by its title and its form. */
  if (find_letter_title (lines, &title) && (letter = letter_evidence (lines)))
    {
      static const PbDocumentType types[] = {
        [TITLE_FOCUSED_VISIT] = PB_DOCUMENT_FOCUSED_VISIT,
        [TITLE_MONITORING_VISIT] = PB_DOCUMENT_MONITORING_VISIT,
        [TITLE_JTAI] = PB_DOCUMENT_JTAI,
      };

      structure->type = types[title.kind];
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
   * inspection's title, confirmed by a row, the dates or the inspector. */
  if (!(table.n_rows >= 3 && (title.kind != TITLE_NONE || dates || lead)) &&
      !(title.kind != TITLE_NONE && (table.n_rows >= 1 || dates || lead)))
    {
      _pb_structure_add_reason (structure, "not an inspection: %s",
                                title.kind != TITLE_NONE || table.n_rows > 0 ? "nothing confirms it"
                                                                             : "no inspection title or judgement table");
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
