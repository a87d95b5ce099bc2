/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pb-report.h"

G_BEGIN_DECLS

/* How the library's sidebar orders reports (within their groups, if
 * grouped). */
typedef enum
{
  PB_SORTING_IMPORTED,
  PB_SORTING_DATE,
  PB_SORTING_AUTHORITY,
  PB_SORTING_KIND,
  PB_SORTING_TITLE,
} PbSorting;

PbSorting   pb_sorting_from_string (const char *text);
const char *pb_sorting_to_string   (PbSorting   sorting);
int         pb_report_compare      (PbReport   *a,
                                    PbReport   *b,
                                    PbSorting   sorting);
GtkSorter  *pb_report_sorter_new   (PbSorting  *sorting);

G_END_DECLS
