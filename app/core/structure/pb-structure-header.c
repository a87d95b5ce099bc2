/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-structure"

#include "config.h"

#include <string.h>

#include "pb-structure-private.h"

/* What a report's first lines say: the kind of document, the authority, the
 * inspection and publication dates and the lead inspector. */

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

PbDocumentType
_pb_structure_detect_type (GArray *lines)
{
  g_autofree char *title = _pb_structure_title_block (lines, 4);

  for (guint i = 0; i < 4 && i < lines->len; i++)
    {
      if (g_str_has_prefix (_pb_structure_line_at (lines, i), "Focused visit to "))
        return PB_DOCUMENT_FOCUSED_VISIT;
      if (g_str_has_prefix (_pb_structure_line_at (lines, i), "Monitoring visit to "))
        return PB_DOCUMENT_MONITORING_VISIT;
      if (g_str_has_prefix (_pb_structure_line_at (lines, i), "Joint targeted area inspection"))
        return PB_DOCUMENT_JTAI;
    }

  /* Case matters: council papers quote these titles in capitals. */
  if (strstr (title, "Inspection of services for children in need of help and protection"))
    return PB_DOCUMENT_SIF_INSPECTION;

  {
    g_autofree char *la = _pb_structure_match_group ("^Inspection of (.+?) local authority children's services", title, 1);

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

char *
_pb_structure_detect_authority (GArray         *lines,
                                PbDocumentType  type)
{
  g_autofree char *title = _pb_structure_title_block (lines, 4);
  g_autoptr(GString) before = g_string_new (NULL);
  char *found;

  if ((found = _pb_structure_match_group ("^Inspection of (.+?) local authority children's services", title, 1)) ||
      (found = _pb_structure_match_group ("^(?:Focused|Monitoring) visit to (.+?) (?:local authority )?children's services",
                            title, 1)))
    {
      g_autofree char *raw = found;
      return clean_authority (raw);
    }

  /* Older reports: the council's name heads the page, above the title. */
  for (guint i = 0; i < lines->len && i < 4; i++)
    {
      if (g_str_has_prefix (_pb_structure_line_at (lines, i), "Inspection of"))
        break;
      if (before->len > 0)
        g_string_append_c (before, ' ');
      g_string_append (before, _pb_structure_line_at (lines, i));
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

void
_pb_structure_detect_dates (GArray      *lines,
                            PbStructure *structure)
{
  g_autofree char *title = _pb_structure_title_block (lines, 14);
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

char *
_pb_structure_detect_lead_inspector (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = _pb_structure_line_at (lines, i);
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
          name = g_strdup (_pb_structure_line_at (lines, i + 1));
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
