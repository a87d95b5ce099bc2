/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-identity"

#include "config.h"

#include "pb-identity.h"

/**
 * pb_identity_dup_settings:
 *
 * Returns: (transfer full) (nullable): the app's settings, when its schema is
 *   installed
 */
GSettings *
pb_identity_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;
  return g_settings_new (APP_ID);
}

/* A key's text, stripped; %NULL when empty or unknown. */
static char *
dup_text (GSettings  *settings,
          const char *key)
{
  g_autoptr(GSettings) owned = settings ? g_object_ref (settings) : pb_identity_dup_settings ();
  g_autofree char *text = NULL;

  if (owned == NULL)
    return NULL;
  text = g_strstrip (g_settings_get_string (owned, key));
  return *text ? g_steal_pointer (&text) : NULL;
}

/**
 * pb_identity_dup_default_author:
 * @settings: (nullable): the app's settings
 *
 * Returns: (transfer full) (nullable): the name new packs are prepared by
 */
char *
pb_identity_dup_default_author (GSettings *settings)
{
  return dup_text (settings, "default-author");
}

/**
 * pb_identity_dup_council_name:
 * @settings: (nullable): the app's settings
 *
 * Returns: (transfer full) (nullable): the council's name, as its board
 *   papers give it
 */
char *
pb_identity_dup_council_name (GSettings *settings)
{
  return dup_text (settings, "council-name");
}

/**
 * pb_identity_dup_council_logo:
 * @settings: (nullable): the app's settings
 *
 * Returns: (transfer full) (nullable): the council's logo (a PNG file),
 *   when one is chosen and still there
 */
GFile *
pb_identity_dup_council_logo (GSettings *settings)
{
  g_autofree char *path = dup_text (settings, "council-logo");

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}
