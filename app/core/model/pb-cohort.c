/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-cohort"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort.h"

/* A group of children that findings concern: the four Ofsted judges, and any
 * the council adds (disabled children, unaccompanied children…). The built-in
 * names are translated; names users give are shown as typed. */

struct _PbCohort
{
  GObject   parent_instance;
  gint64    id;
  char     *slug;
  char     *name;
  char     *color;
  gboolean  built_in;
};

G_DEFINE_FINAL_TYPE (PbCohort, pb_cohort, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SLUG,
  PROP_NAME,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pb_cohort_finalize (GObject *object)
{
  PbCohort *self = (PbCohort *)object;

  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (pb_cohort_parent_class)->finalize (object);
}

static void
pb_cohort_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PbCohort *self = PB_COHORT (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_NAME:
      g_value_set_string (value, pb_cohort_get_name (self));
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_cohort_class_init (PbCohortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_cohort_finalize;
  object_class->get_property = pb_cohort_get_property;

  properties [PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_cohort_init (PbCohort *self)
{
}

/**
 * pb_cohort_new:
 * @id: its id in the library
 * @slug: its name in the database and in files ("children_in_care")
 * @name: its name as stored: English for a built-in cohort
 * @color: its colour, "#rrggbb"
 * @built_in: whether it is one of the four Ofsted judges
 *
 * Returns: (transfer full): the cohort, a value read from the library
 */
PbCohort *
pb_cohort_new (gint64      id,
               const char *slug,
               const char *name,
               const char *color,
               gboolean    built_in)
{
  PbCohort *self = g_object_new (PB_TYPE_COHORT, NULL);

  self->id = id;
  self->slug = g_strdup (slug);
  self->name = g_strdup (name);
  self->color = g_strdup (color);
  self->built_in = built_in;

  return self;
}

/**
 * pb_cohort_get_id:
 * @self: a cohort
 *
 * Returns: its id in the library
 */
gint64
pb_cohort_get_id (PbCohort *self)
{
  g_return_val_if_fail (PB_IS_COHORT (self), 0);
  return self->id;
}

/**
 * pb_cohort_get_slug:
 * @self: a cohort
 *
 * Returns: its name in the database and in files, made from the name it
 *   was added with and never changed ("children_in_care")
 */
const char *
pb_cohort_get_slug (PbCohort *self)
{
  g_return_val_if_fail (PB_IS_COHORT (self), NULL);
  return self->slug;
}

/**
 * pb_cohort_get_name:
 * @self: a cohort
 *
 * The built-in cohorts' names are stored in English and shown translated,
 * unless the user has renamed them; names users give are shown as typed.
 *
 * Returns: its name for users
 */
const char *
pb_cohort_get_name (PbCohort *self)
{
  static const struct { const char *slug; const char *name; } built_in[] = {
    { "help_and_protection", N_("Help and protection") },
    { "children_in_care", N_("Children in care") },
    { "care_leavers", N_("Care leavers") },
    { "leadership", N_("Leadership") },
  };

  g_return_val_if_fail (PB_IS_COHORT (self), NULL);

  if (self->built_in)
    for (guint i = 0; i < G_N_ELEMENTS (built_in); i++)
      if (g_str_equal (self->slug, built_in[i].slug) && g_str_equal (self->name, built_in[i].name))
        return _(built_in[i].name);

  return self->name;
}

/**
 * pb_cohort_get_color:
 * @self: a cohort
 *
 * Returns: its colour, "#rrggbb", for the dots that match findings to
 *   cohorts
 */
const char *
pb_cohort_get_color (PbCohort *self)
{
  g_return_val_if_fail (PB_IS_COHORT (self), NULL);
  return self->color;
}

/**
 * pb_cohort_get_built_in:
 * @self: a cohort
 *
 * Returns: whether it is one of the four groups Ofsted judges (help and
 *   protection, children in care, care leavers, leadership) rather than
 *   one the council added
 */
gboolean
pb_cohort_get_built_in (PbCohort *self)
{
  g_return_val_if_fail (PB_IS_COHORT (self), FALSE);
  return self->built_in;
}

/**
 * pb_cohort_join_names:
 * @cohorts: (nullable) (element-type PbCohort): the library's cohorts
 * @slugs: (nullable) (array zero-terminated=1): cohort slugs, as stored on a
 *   finding or recommendation
 * @separator: what goes between two names, e.g. ", " for a table cell or
 *   "; " for a CSV field whose names may themselves hold commas
 *
 * Names the cohorts in words, in the order of @slugs, so that people read
 * "Care leavers" rather than the internal code. A slug that no cohort in
 * @cohorts carries (a cohort deleted since) is shown as itself rather than
 * dropped, so that no tag silently disappears from a list or export.
 *
 * Returns: (transfer full): the names joined by @separator; "" when @slugs
 *   is empty or %NULL
 */
char *
pb_cohort_join_names (GPtrArray          *cohorts,
                      const char * const *slugs,
                      const char         *separator)
{
  GString *text;

  g_return_val_if_fail (separator != NULL, NULL);

  text = g_string_new (NULL);

  for (guint i = 0; slugs != NULL && slugs[i] != NULL; i++)
    {
      const char *name = slugs[i];

      for (guint c = 0; cohorts != NULL && c < cohorts->len; c++)
        if (g_str_equal (pb_cohort_get_slug (g_ptr_array_index (cohorts, c)), slugs[i]))
          name = pb_cohort_get_name (g_ptr_array_index (cohorts, c));
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, name);
    }
  return g_string_free (text, FALSE);
}
