/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-report"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-report-private.h"

/* One report in the library, as a read-only snapshot of its row. The library
 * hands out new snapshots when a report changes. */

G_DEFINE_FINAL_TYPE (PbReport, pb_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SHA256,
  PROP_TITLE,
  PROP_FILE_NAME,
  PROP_PAGE_COUNT,
  PROP_CREATED,
  PROP_IMPORTED_AT,
  PROP_DISPLAY_DATE,
  PROP_DISPLAY_TITLE,
  PROP_HAS_TEXT_LAYER,
  PROP_IS_EXEMPT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GDateTime *
_pb_report_parse_time (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

/* The local time zone, taken again at most once a second. GLib's
 * g_time_zone_new_local () looks at /etc/localtime (three system calls)
 * each time, and each report read needs the zone twice: listing a library
 * of 500 reports made 3,000 system calls, a large part of the sidebar's
 * start and of `panel-brief list`. A zone changed while the app runs is
 * still seen within the second. Reports are read on worker threads too. */
G_LOCK_DEFINE_STATIC (local_zone);

static GTimeZone *
dup_local_zone (void)
{
  static GTimeZone *zone;
  static gint64 taken_at;
  gint64 now = g_get_monotonic_time ();
  GTimeZone *result;

  G_LOCK (local_zone);
  if (zone == NULL || now - taken_at > G_USEC_PER_SEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      taken_at = now;
    }
  result = g_time_zone_ref (zone);
  G_UNLOCK (local_zone);
  return result;
}

static void
pb_report_finalize (GObject *object)
{
  PbReport *self = (PbReport *)object;

  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->producer, g_free);
  g_clear_pointer (&self->local_authority, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->imported_at, g_date_time_unref);
  g_clear_pointer (&self->user_title, g_free);
  g_clear_pointer (&self->user_date, g_free);
  g_clear_pointer (&self->display_title, g_free);
  g_clear_pointer (&self->known_date, g_date_time_unref);

  G_OBJECT_CLASS (pb_report_parent_class)->finalize (object);
}

static void
pb_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PbReport *self = PB_REPORT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_PAGE_COUNT:
      g_value_set_uint (value, self->page_count);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_IMPORTED_AT:
      g_value_set_boxed (value, self->imported_at);
      break;

    case PROP_DISPLAY_DATE:
      g_value_set_boxed (value, pb_report_get_display_date (self));
      break;

    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, pb_report_get_display_title (self));
      break;

    case PROP_HAS_TEXT_LAYER:
      g_value_set_boolean (value, self->has_text_layer);
      break;

    case PROP_IS_EXEMPT:
      g_value_set_boolean (value, self->is_exempt);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_report_class_init (PbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pb_report_finalize;
  object_class->get_property = pb_report_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PAGE_COUNT] =
    g_param_spec_uint ("page-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_IMPORTED_AT] =
    g_param_spec_boxed ("imported-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DISPLAY_DATE] =
    g_param_spec_boxed ("display-date", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * PbReport:display-title:
   *
   * The title to list and show the report under: see
   * pb_report_get_display_title ().
   */
  properties [PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_TEXT_LAYER] =
    g_param_spec_boolean ("has-text-layer", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_IS_EXEMPT] =
    g_param_spec_boolean ("is-exempt", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_report_init (PbReport *self)
{
  self->has_text_layer = TRUE;
  pb_document_dates_init (&self->dates);
}

/* "Worcestershire — ILACS inspection, June 2019": who, what and when, as the
 * structure read them; the file's own title for anything else. */
static char *
make_display_title (PbReport *self)
{
  char month[32];
  GDate date;

  if (self->user_title != NULL && *self->user_title != '\0')
    return g_strdup (self->user_title);

  if (self->document_type == PB_DOCUMENT_OTHER || self->local_authority == NULL ||
      *self->local_authority == '\0')
    return g_strdup (self->title);

  if (!g_date_valid (&self->dates.published) && !g_date_valid (&self->dates.end))
    /* Translators: a report's title: its authority and its kind */
    return g_strdup_printf (_("%s — %s"), self->local_authority, pb_document_type_get_label (self->document_type));

  date = g_date_valid (&self->dates.end) ? self->dates.end : self->dates.published;
  /* Translators: a month and year in a report's title; see strftime(3) */
  g_date_strftime (month, sizeof month, _("%B %Y"), &date);
  /* Translators: a report's title: its authority, its kind and when,
   * "Worcestershire — ILACS inspection, June 2019" */
  return g_strdup_printf (_("%s — %s, %s"), self->local_authority,
                          pb_document_type_get_label (self->document_type), month);
}

/* Once the store has filled the fields in: what is made of them. */
void
_pb_report_finish (PbReport *self)
{
  g_autoptr(GTimeZone) zone = dup_local_zone ();
  GDate known;

  self->dates.type = self->document_type;
  if (self->imported_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (self->imported_at, zone);

      g_date_set_dmy (&self->dates.imported, (GDateDay)g_date_time_get_day_of_month (local),
                      (GDateMonth)g_date_time_get_month (local), (GDateYear)g_date_time_get_year (local));
    }
  /* The officer's date corrects the one the document is known by. */
  if (self->user_date != NULL)
    pb_date_set_iso (pb_document_type_dated_by_publication (self->document_type) ? &self->dates.published
                                                                                : &self->dates.stated,
                     self->user_date);

  g_clear_pointer (&self->display_title, g_free);
  self->display_title = make_display_title (self);

  g_clear_pointer (&self->known_date, g_date_time_unref);
  if (pb_document_dates_get_date (&self->dates, &known))
    self->known_date = g_date_time_new (zone, g_date_get_year (&known), g_date_get_month (&known),
                                        g_date_get_day (&known), 0, 0, 0);
}

/* For the store, which fills in the fields of the row it read. */
PbReport *
_pb_report_new (void)
{
  return g_object_new (PB_TYPE_REPORT, NULL);
}

/**
 * pb_report_get_id:
 * @self: a report
 *
 * Returns: its id in the library
 */
gint64
pb_report_get_id (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), 0);
  return self->id;
}

/**
 * pb_report_get_sha256:
 * @self: a report
 *
 * Returns: the SHA-256 of its PDF, in hex: the name of its file in the
 *   library's reports/ folder, and what findings know it by
 */
const char *
pb_report_get_sha256 (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->sha256;
}

/**
 * pb_report_get_title:
 * @self: a report
 *
 * Returns: the title it is listed under
 */
const char *
pb_report_get_title (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->title;
}

/**
 * pb_report_get_file_name:
 * @self: a report
 *
 * Returns: the name of the file it was imported from, without its folder
 */
const char *
pb_report_get_file_name (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->file_name;
}

/**
 * pb_report_get_byte_size:
 * @self: a report
 *
 * Returns: the size of its PDF, in bytes
 */
gint64
pb_report_get_byte_size (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), 0);
  return self->byte_size;
}

/**
 * pb_report_get_page_count:
 * @self: a report
 *
 * Returns: how many pages it has
 */
guint
pb_report_get_page_count (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), 0);
  return self->page_count;
}

/**
 * pb_report_get_author:
 * @self: a report
 *
 * Returns: (nullable): the PDF's Author, as its document information gives
 *   it; %NULL when it has none
 */
const char *
pb_report_get_author (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->author;
}

/**
 * pb_report_get_subject:
 * @self: a report
 *
 * Returns: (nullable): the PDF's Subject; %NULL when it has none
 */
const char *
pb_report_get_subject (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->subject;
}

/**
 * pb_report_get_producer:
 * @self: a report
 *
 * Returns: (nullable): the PDF's Producer (the program that wrote it);
 *   %NULL when it has none
 */
const char *
pb_report_get_producer (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->producer;
}

/**
 * pb_report_get_created:
 * @self: a report
 *
 * Returns: (transfer none) (nullable): the PDF's CreationDate; %NULL when
 *   it has none
 */
GDateTime *
pb_report_get_created (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->created;
}

/**
 * pb_report_get_imported_at:
 * @self: a report
 *
 * Returns: (transfer none): when it came into the library
 */
GDateTime *
pb_report_get_imported_at (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->imported_at;
}

/**
 * pb_report_get_has_text_layer:
 * @self: a report
 *
 * Returns: whether its pages have any text to select and search; a scan
 *   without recognised text has none
 */
gboolean
pb_report_get_has_text_layer (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), FALSE);
  return self->has_text_layer;
}

/**
 * pb_report_get_is_tagged:
 * @self: a report
 *
 * Returns: whether it is a tagged PDF: one whose structure tree (headings,
 *   paragraphs, tables) the structure reader can use
 */
gboolean
pb_report_get_is_tagged (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), FALSE);
  return self->is_tagged;
}

/**
 * pb_report_get_is_exempt:
 * @self: a report
 *
 * Returns: whether the library holds it as exempt information (Schedule 12A
 *   to the Local Government Act 1972), kept out of anything made public
 */
gboolean
pb_report_get_is_exempt (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), FALSE);
  return self->is_exempt;
}

/**
 * pb_report_get_display_date:
 *
 * The date the report is known by, as pb_document_dates_get_date () has
 * it: an inspection's publication or last day, another document's own date
 * or its import; never the PDF's creation, which is often years out.
 *
 * Returns: (transfer none) (nullable): that day, at midnight local time
 */
GDateTime *
pb_report_get_display_date (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->known_date;
}

/**
 * pb_report_get_dates:
 *
 * Returns: (transfer none): every date the library knows of the report
 */
const PbDocumentDates *
pb_report_get_dates (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return &self->dates;
}

/**
 * pb_report_dup_dates_description:
 *
 * Returns: (transfer full) (nullable): its dates, each labelled: "inspected
 *   9–20 Sep 2024, published 4 Nov 2024", "dated 14 Jan 2027", "imported 3
 *   May 2025"
 */
char *
pb_report_dup_dates_description (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return pb_document_dates_describe (&self->dates);
}

/**
 * pb_report_get_display_title:
 *
 * Returns: the title to list and show the report under: the officer's own
 *   if they gave one, else who, what and when ("Worcestershire — ILACS
 *   inspection, June 2019") for an Ofsted report, else the file's own title
 *   (pb_report_get_title ())
 */
const char *
pb_report_get_display_title (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->display_title ? self->display_title : self->title;
}

/**
 * pb_report_get_user_title:
 *
 * Returns: (nullable): the title the officer gave the report, if any
 */
const char *
pb_report_get_user_title (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->user_title;
}

/**
 * pb_report_get_user_date:
 *
 * Returns: (nullable): the date the officer gave the report, "YYYY-MM-DD"
 */
const char *
pb_report_get_user_date (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->user_date;
}

/**
 * pb_report_compare_newest_first:
 * @a: (type PbReport): a report
 * @b: (type PbReport): another
 *
 * A #GCompareFunc for reports (not pointers to them): the one imported last
 * comes first, and of two imported together the one with the larger id.
 *
 * Returns: less than, equal to or greater than 0, as @a sorts before, with
 *   or after @b
 */
int
pb_report_compare_newest_first (gconstpointer a,
                                gconstpointer b)
{
  PbReport *ra = (PbReport *)a;
  PbReport *rb = (PbReport *)b;
  int cmp = g_date_time_compare (rb->imported_at, ra->imported_at);

  if (cmp != 0)
    return cmp;

  return (rb->id > ra->id) - (rb->id < ra->id);
}

/**
 * pb_report_get_local_authority:
 * @self: a report
 *
 * Returns: (nullable): the authority an inspection report is about; %NULL
 *   for other documents and for reports whose structure has not been read
 */
const char *
pb_report_get_local_authority (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), NULL);
  return self->local_authority;
}

/**
 * pb_report_get_document_type:
 * @self: a report
 *
 * Returns: what kind of document the structure reader found it to be;
 *   %PB_DOCUMENT_OTHER when it is none of Ofsted's, or not yet read
 */
PbDocumentType
pb_report_get_document_type (PbReport *self)
{
  g_return_val_if_fail (PB_IS_REPORT (self), PB_DOCUMENT_OTHER);
  return self->document_type;
}
