/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Who signs the officer's work, as Preferences keep it: the default author of
 * new packs, and the council's name and logo for the head of exported packs.
 * Each getter takes the app's settings, or %NULL for the installed schema's
 * (none when the schema is not installed: then every answer is %NULL). */

GSettings *pb_identity_dup_settings       (void);
char      *pb_identity_dup_default_author (GSettings *settings);
char      *pb_identity_dup_council_name   (GSettings *settings);
GFile     *pb_identity_dup_council_logo   (GSettings *settings);

G_END_DECLS
