/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report-sort"

#include "config.h"

#include "pb-report-sort.h"

/* The orders the library can be listed in: as imported (newest first), by
 * the date each report is known by (newest first), by authority (A to Z,
 * then newest first), by kind (inspections, visits, then other papers) or
 * by title. */

static const char * const sorting_names[] = { "imported", "date", "authority", "kind", "title" };

PbSorting
pb_sorting_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (sorting_names); i++)
    if (g_strcmp0 (text, sorting_names[i]) == 0)
      return (PbSorting)i;
  return PB_SORTING_IMPORTED;
}

const char *
pb_sorting_to_string (PbSorting sorting)
{
  g_return_val_if_fail (sorting < G_N_ELEMENTS (sorting_names), "imported");
  return sorting_names[sorting];
}

static int
newest_first (PbReport *a,
              PbReport *b)
{
  GDateTime *da = pb_report_get_display_date (a);
  GDateTime *db = pb_report_get_display_date (b);

  if (da != NULL && db != NULL && g_date_time_compare (da, db) != 0)
    return g_date_time_compare (db, da);
  if ((da == NULL) != (db == NULL))
    return (da == NULL) - (db == NULL);
  return pb_report_compare_newest_first (a, b);
}

/* Inspections (newest framework first), then visits, then other papers. */
static int
kind_rank (PbReport *report)
{
  switch (pb_report_get_document_type (report))
    {
    case PB_DOCUMENT_ILACS_INSPECTION: return 0;
    case PB_DOCUMENT_SIF_INSPECTION: return 1;
    case PB_DOCUMENT_JTAI: return 2;
    case PB_DOCUMENT_FOCUSED_VISIT: return 3;
    case PB_DOCUMENT_MONITORING_VISIT: return 4;
    case PB_DOCUMENT_ASSURANCE_VISIT: return 5;
    case PB_DOCUMENT_OTHER:
    default: return 6;
    }
}

/**
 * pb_report_compare:
 *
 * Returns: < 0 if @a is listed before @b in @sorting, > 0 after, 0 for the
 *   same report
 */
int
pb_report_compare (PbReport  *a,
                   PbReport  *b,
                   PbSorting  sorting)
{
  const char *la, *lb;
  int cmp = 0;

  switch (sorting)
    {
    case PB_SORTING_DATE:
      return newest_first (a, b);

    case PB_SORTING_AUTHORITY:
      la = pb_report_get_local_authority (a);
      lb = pb_report_get_local_authority (b);
      /* Papers about no authority after the authorities. */
      if ((la == NULL) != (lb == NULL))
        return (la == NULL) - (lb == NULL);
      if (la != NULL && (cmp = g_utf8_collate (la, lb)) != 0)
        return cmp;
      return newest_first (a, b);

    case PB_SORTING_KIND:
      if ((cmp = kind_rank (a) - kind_rank (b)) != 0)
        return cmp;
      return newest_first (a, b);

    case PB_SORTING_TITLE:
      if ((cmp = g_utf8_collate (pb_report_get_display_title (a), pb_report_get_display_title (b))) != 0)
        return cmp;
      return newest_first (a, b);

    case PB_SORTING_IMPORTED:
    default:
      return pb_report_compare_newest_first (a, b);
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  return pb_report_compare ((PbReport *)a, (PbReport *)b, *(PbSorting *)data);
}

/**
 * pb_report_sorter_new:
 * @sorting: where the order is kept; it must outlive the sorter, and
 *   gtk_sorter_changed () told when it changes
 *
 * Returns: (transfer full): a sorter of #PbReport in that order
 */
GtkSorter *
pb_report_sorter_new (PbSorting *sorting)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_cb, sorting, NULL));
}
