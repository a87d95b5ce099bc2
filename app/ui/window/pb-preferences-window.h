/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pb-library.h"

G_BEGIN_DECLS

#define PB_TYPE_PREFERENCES_WINDOW (pb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PbPreferencesWindow, pb_preferences_window, PB, PREFERENCES_WINDOW, AdwPreferencesWindow)

PbPreferencesWindow *pb_preferences_window_new (GtkWindow  *parent,
                                                GSettings  *settings,
                                                PbLibrary  *library);
guint                pb_preferences_window_get_n_cohort_rows (PbPreferencesWindow *self);
gboolean             pb_preferences_window_use_council_logo  (PbPreferencesWindow *self,
                                                              GFile               *file);

G_END_DECLS
