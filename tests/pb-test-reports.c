/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-import.h"
#include "pb-library.h"
#include "pb-test-reports.h"
#include "pb-test-util.h"

#define LINE_WIDTH     68   /* characters that fit a line of pb_test_write_pdf () */
#define LINES_PER_PAGE 36

/* Adds @text to @lines, wrapped at word boundaries, the first line after
 * @first and the rest after @rest. */
static void
add_wrapped (GPtrArray  *lines,
             const char *first,
             const char *rest,
             const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (first);
  gboolean empty = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!empty && line->len + 1 + strlen (words[i]) > LINE_WIDTH)
        {
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_assign (line, rest);
          empty = TRUE;
        }
      if (!empty)
        g_string_append_c (line, ' ');
      g_string_append (line, words[i]);
      empty = FALSE;
    }
  g_ptr_array_add (lines, g_strdup (line->str));
}

static const char *
grade_of (const PbTestInspection *inspection,
          guint                   i)
{
  return inspection->grades[i] ? inspection->grades[i] : "Good";
}

static void
add_judgements (GPtrArray              *lines,
                const PbTestInspection *inspection)
{
  g_ptr_array_add (lines, g_strdup ("Judgement Grade"));
  g_ptr_array_add (lines, g_strdup ("The impact of leaders on social work practice with children"));
  g_ptr_array_add (lines, g_strdup_printf ("and families %s", grade_of (inspection, 3)));
  g_ptr_array_add (lines, g_strdup ("The experiences and progress of children who need help and"));
  g_ptr_array_add (lines, g_strdup_printf ("protection %s", grade_of (inspection, 0)));
  if (inspection->era == PB_TEST_ERA_ILACS_COMBINED)
    {
      g_ptr_array_add (lines, g_strdup ("The experiences and progress of children in care and care"));
      g_ptr_array_add (lines, g_strdup_printf ("leavers %s", grade_of (inspection, 1)));
    }
  else
    {
      g_ptr_array_add (lines, g_strdup ("The experiences and progress of"));
      g_ptr_array_add (lines, g_strdup_printf ("children in care %s", grade_of (inspection, 1)));
      g_ptr_array_add (lines, g_strdup ("The experiences and progress of care"));
      g_ptr_array_add (lines, g_strdup_printf ("leavers %s", grade_of (inspection, 2)));
    }
  if (inspection->era != PB_TEST_ERA_ILACS_2026)
    g_ptr_array_add (lines, g_strdup_printf ("Overall effectiveness %s", grade_of (inspection, 0)));
}

static void
add_sections (GPtrArray              *lines,
              const PbTestInspection *inspection,
              guint                  *number)
{
  static const char * const cohorts[] = {
    "children who need help and protection", "children in care", "care leavers",
  };
  const char *word = inspection->paragraph_word ? inspection->paragraph_word : "practice";

  for (guint c = 0; c < G_N_ELEMENTS (cohorts); c++)
    {
      g_autofree char *heading = NULL;
      g_autofree char *grade = g_ascii_strdown (grade_of (inspection, c), -1);

      if (inspection->era == PB_TEST_ERA_ILACS_COMBINED && c == 2)
        continue;
      heading = g_strdup_printf ("The experiences and progress of %s: %s",
                                 inspection->era == PB_TEST_ERA_ILACS_COMBINED && c == 1
                                 ? "children in care and care leavers" : cohorts[c], grade);
      add_wrapped (lines, "", "", heading);
      for (guint p = 0; p < 3; p++)
        {
          g_autofree char *number_text = g_strdup_printf ("%u. ", (*number)++);
          g_autofree char *text =
            g_strdup_printf ("In %s, paragraph %u about %s says that %s is looked at closely by "
                             "inspectors, who spoke to children, carers and staff.",
                             inspection->authority, *number - 1, cohorts[c], word);

          add_wrapped (lines, number_text, "", text);
        }
    }
}

/**
 * pb_test_write_inspection:
 *
 * Returns: (transfer full): the path of a PDF of the report described
 */
char *
pb_test_write_inspection (const char             *dir,
                          const char             *name,
                          const PbTestInspection *inspection)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  const char * const *recs = inspection->recommendations;
  guint number = 1;

  switch (inspection->era)
    {
    case PB_TEST_ERA_SIF:
      g_ptr_array_add (lines, g_strdup_printf ("%s Metropolitan Borough Council", inspection->authority));
      g_ptr_array_add (lines, g_strdup ("Inspection of services for children in need of help and"));
      g_ptr_array_add (lines, g_strdup ("protection, children looked after and care leavers"));
      g_ptr_array_add (lines, g_strdup_printf ("Inspection date: %s", inspection->dates));
      g_ptr_array_add (lines, g_strdup_printf ("Children’s services in %s %s", inspection->authority,
                                               "require improvement to be good"));
      g_ptr_array_add (lines, g_strdup ("Recommendations"));
      for (guint i = 0; recs != NULL && recs[i] != NULL; i++)
        {
          g_autofree char *first = g_strdup_printf ("%u. ", number++);

          add_wrapped (lines, first, "", recs[i]);
        }
      g_ptr_array_add (lines, g_strdup ("Summary for children and young people"));
      add_wrapped (lines, "", "", "Inspectors spoke to many children, who said that their social "
                                  "workers listened to them.");
      break;

    case PB_TEST_ERA_ILACS_COMBINED:
    case PB_TEST_ERA_ILACS:
    case PB_TEST_ERA_ILACS_2026:
      g_ptr_array_add (lines, g_strdup_printf ("Inspection of %s local authority children’s services",
                                               inspection->authority));
      g_ptr_array_add (lines, g_strdup_printf ("Inspection dates: %s", inspection->dates));
      g_ptr_array_add (lines, g_strdup ("Lead inspector: Ann Example, His Majesty’s Inspector"));
      add_judgements (lines, inspection);
      add_wrapped (lines, "", "", "Leaders know their services well and have acted on what they "
                                  "found since the last inspection of the council.");
      g_ptr_array_add (lines, g_strdup ("What needs to improve?"));
      for (guint i = 0; recs != NULL && recs[i] != NULL; i++)
        add_wrapped (lines, "• ", "", recs[i]);
      add_sections (lines, inspection, &number);
      break;

    case PB_TEST_ERA_FOCUSED_VISIT:
    case PB_TEST_ERA_MONITORING_VISIT:
      g_ptr_array_add (lines, g_strdup_printf ("%s visit to %s local authority children’s services",
                                               inspection->era == PB_TEST_ERA_FOCUSED_VISIT
                                               ? "Focused" : "Monitoring", inspection->authority));
      g_ptr_array_add (lines, g_strdup_printf ("Inspection dates: %s", inspection->dates));
      g_ptr_array_add (lines, g_strdup ("Lead inspector: Di Name, His Majesty’s Inspector"));
      add_wrapped (lines, "", "", "This letter summarises the findings of the visit, which looked at "
                                  "the council’s arrangements for children in care.");
      g_ptr_array_add (lines, g_strdup (inspection->era == PB_TEST_ERA_FOCUSED_VISIT
                                        ? "What needs to improve in this area of social work practice?"
                                        : "Areas for priority action"));
      for (guint i = 0; recs != NULL && recs[i] != NULL; i++)
        add_wrapped (lines, "• ", "", recs[i]);
      g_ptr_array_add (lines, g_strdup ("Main findings"));
      add_wrapped (lines, "", "", "Personal advisers know young people well, and visit them often.");
      break;
    }

  for (guint i = 0; i < lines->len; i += LINES_PER_PAGE)
    {
      g_autoptr(GString) page = g_string_new (NULL);

      for (guint k = i; k < lines->len && k < i + LINES_PER_PAGE; k++)
        g_string_append_printf (page, "%s%s", k > i ? "\n" : "", (char *)g_ptr_array_index (lines, k));
      g_ptr_array_add (pages, g_string_free (g_steal_pointer (&page), FALSE));
    }
  g_ptr_array_add (pages, NULL);

  return pb_test_write_pdf (dir, name, (const char * const *)pages->pdata, NULL);
}

/* Imports @pdf and returns its report's id. */
gint64
pb_test_import_pdf (gpointer    library,
                    const char *pdf)
{
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  pb_import_file (library, file, NULL, NULL, NULL, NULL, NULL, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
