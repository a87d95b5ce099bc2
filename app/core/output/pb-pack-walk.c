/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "pb-cohort-store.h"
#include "pb-dates.h"
#include "pb-finding-store.h"
#include "pb-pack-store.h"
#include "pb-pack-walk-private.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"
#include "pb-structure.h"

/* A pack as every export has it, in one place: loaded once, then given part
 * by part in the order the panel reads it (the cover, the contents, the
 * grades of the inspections it cites, then each section's headings, notes
 * and findings, each finding with its citation line).  The writers for PDF,
 * DOCX, HTML and CSV only render the parts; what goes in, in which order
 * and under which words is decided here.
 *
 * The exempt rule holds at this door as it does in the library: a public
 * pack never prints an exempt finding, whatever the database says.  Every
 * word a writer prints is decided here too, in words rather than the
 * library's codes: cohorts by name, dates in the British way.
 *
 * This file loads the pack and the lines every page repeats;
 * pb-pack-walk-run.c gives the parts. */

/**
 * pb_pack_walk_free:
 * @self: (nullable): a walk
 */
void
pb_pack_walk_free (PbPackWalk *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->library);
  g_clear_object (&self->pack);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->structures, g_hash_table_unref);
  g_clear_pointer (&self->report_order, g_array_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_hash_table_unref);
  g_clear_pointer (&self->cohorts, g_hash_table_unref);
  g_clear_pointer (&self->options, pb_pack_export_options_free);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_free (self->exempt_line);
  g_free (self->footer);
  g_free (self->subject);
  g_free (self->classification);
  g_free (self->logo_description);
  g_free (self);
}

/**
 * pb_pack_export_options_copy:
 * @options: (nullable): options
 *
 * Returns: (transfer full) (nullable): a copy with its own strings, empty
 *   ones left out; %NULL for %NULL
 */
PbPackExportOptions *
pb_pack_export_options_copy (const PbPackExportOptions *options)
{
  PbPackExportOptions *copy;

  if (options == NULL)
    return NULL;
  copy = g_new0 (PbPackExportOptions, 1);
  copy->council = options->council && *options->council ? g_strdup (options->council) : NULL;
  copy->logo_path = options->logo_path && *options->logo_path ? g_strdup (options->logo_path) : NULL;
  copy->default_author = options->default_author && *options->default_author
                         ? g_strdup (options->default_author) : NULL;
  return copy;
}

/**
 * pb_pack_export_options_free:
 * @options: (nullable): options from pb_pack_export_options_copy()
 */
void
pb_pack_export_options_free (PbPackExportOptions *options)
{
  if (options == NULL)
    return;
  g_free ((char *)options->council);
  g_free ((char *)options->logo_path);
  g_free ((char *)options->default_author);
  g_free (options);
}

/**
 * pb_pack_walk_report:
 * @fraction: from 0 to 1
 *
 * Tells the export's progress function, if it has one, how far it has got.
 * Loading is the first tenth, walking the findings the next eight, and
 * finishing the file, which the caller reports, the last.
 */
void
pb_pack_walk_report (PbPackWalk *self,
                     double      fraction)
{
  g_return_if_fail (self != NULL);

  if (self->progress != NULL)
    self->progress (fraction, self->progress_data);
}

static void
clear_report (PbReport *report)
{
  g_clear_object (&report);
}

static gboolean
load (PbPackWalk  *self,
      gint64       pack_id,
      GError     **error)
{
  g_autoptr(GPtrArray) cohorts = NULL;

  if (!(self->pack = pb_library_get_pack (self->library, pack_id, error)) ||
      !(self->sections = pb_library_get_pack_sections (self->library, pack_id, error)) ||
      !(cohorts = pb_library_list_cohorts (self->library, error)))
    return FALSE;

  for (guint i = 0; i < cohorts->len; i++)
    g_hash_table_insert (self->cohorts, g_strdup (pb_cohort_get_slug (g_ptr_array_index (cohorts, i))),
                         g_strdup (pb_cohort_get_name (g_ptr_array_index (cohorts, i))));

  for (guint s = 0; s < self->sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (self->sections, s);

      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding;
          gint64 report_id;

          if (item->kind != PB_PACK_ITEM_FINDING)
            continue;
          if (!(finding = pb_library_get_finding (self->library, item->finding_id, error)))
            return FALSE;

          if (pb_finding_get_exempt (finding) && !pb_pack_get_exempt (self->pack))
            {
              g_object_unref (finding);
              self->n_withheld++;
              continue;
            }

          g_hash_table_insert (self->findings, g_memdup2 (&item->finding_id, sizeof (gint64)), finding);
          report_id = pb_finding_get_report_id (finding);
          if (!g_hash_table_contains (self->structures, &report_id))
            {
              g_hash_table_insert (self->structures, g_memdup2 (&report_id, sizeof (gint64)),
                                   pb_library_get_structure (self->library, report_id, NULL));
              g_array_append_val (self->report_order, report_id);
              g_hash_table_insert (self->titles, g_memdup2 (&report_id, sizeof (gint64)),
                                   g_strdup (pb_finding_get_report_title (finding)));
              g_hash_table_insert (self->reports, g_memdup2 (&report_id, sizeof (gint64)),
                                   pb_library_get_report (self->library, report_id, NULL));
            }
        }
    }
  return TRUE;
}

/* A logo of more pixels than this (a 5000 × 5000 scan) is refused before
 * it is decoded: decoding takes four bytes a pixel, and a PNG's header can
 * claim 60000 × 60000 in a file of a few bytes. */
#define LOGO_MAX_PIXELS (25 * 1000 * 1000)

/* The finest a logo is kept at: 300 dots to the inch at its printed size
 * (at most 56 points high and 200 wide, as the PDF and DOCX print it). */
#define LOGO_DPI 300.0

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} LogoReader;

static cairo_status_t
read_logo_cb (void          *closure,
              unsigned char *data,
              unsigned int   length)
{
  LogoReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_logo_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Decodes the logo once, so that a damaged or cut-short PNG is refused
 * by every export alike (the DOCX and HTML would otherwise carry it
 * as it is), and replaces one larger than its printed size needs with a
 * copy at LOGO_DPI: a 12000-pixel scan would otherwise go whole into
 * every DOCX and HTML file and be decoded again by the PDF writer. */
static gboolean
shrink_logo (PbPackWalk  *self,
             const char  *name,
             gboolean     check_only,
             GError     **error)
{
  LogoReader reader = { NULL, 0, 0 };
  cairo_surface_t *image;
  cairo_surface_t *small;
  cairo_t *cr;
  double scale = MIN (56.0 / self->logo_height, 200.0 / self->logo_width);
  int to_width = MAX (1, (int)ceil (self->logo_width * scale / 72.0 * LOGO_DPI));
  int to_height = MAX (1, (int)ceil (self->logo_height * scale / 72.0 * LOGO_DPI));
  GByteArray *png;

  reader.data = g_bytes_get_data (self->logo, &reader.length);
  image = cairo_image_surface_create_from_png_stream (read_logo_cb, &reader);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The logo “%s” could not be read: the PNG file is damaged or cut short."), name);
      return FALSE;
    }
  if (check_only || to_width >= (int)self->logo_width || to_height >= (int)self->logo_height)
    {
      cairo_surface_destroy (image);
      return TRUE;
    }

  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, to_width, to_height);
  cr = cairo_create (small);
  cairo_scale (cr, (double)to_width / self->logo_width, (double)to_height / self->logo_height);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  png = g_byte_array_new ();
  if (cairo_surface_write_to_png_stream (small, write_logo_cb, png) != CAIRO_STATUS_SUCCESS)
    {
      /* Only memory can fail here: keep the logo as it came. */
      cairo_surface_destroy (small);
      g_byte_array_unref (png);
      return TRUE;
    }
  cairo_surface_destroy (small);
  g_bytes_unref (self->logo);
  self->logo = g_byte_array_free_to_bytes (png);
  self->logo_width = to_width;
  self->logo_height = to_height;
  return TRUE;
}

/* The PNG at @path, with its size in pixels; FALSE with @error set when it
 * cannot be read or is not a PNG.  The size is read from the IHDR chunk
 * that every PNG opens with.  With @check_only, the PNG is decoded but
 * not shrunk: only whether it can be used is wanted. */
static gboolean
load_logo (PbPackWalk  *self,
           const char  *path,
           gboolean     check_only,
           GError     **error)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) local = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  const guint8 *data;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The logo “%s” could not be read: %s"),
                   name, local->message);
      return FALSE;
    }
  self->logo = g_bytes_new_take (contents, length);
  data = (const guint8 *)contents;
  if (length < 24 || memcmp (data, signature, sizeof signature) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The logo “%s” is not a PNG image."), name);
      return FALSE;
    }
  self->logo_width = (guint)data[16] << 24 | (guint)data[17] << 16 | (guint)data[18] << 8 | data[19];
  self->logo_height = (guint)data[20] << 24 | (guint)data[21] << 16 | (guint)data[22] << 8 | data[23];
  if (self->logo_width == 0 || self->logo_height == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The logo “%s” is not a PNG image."), name);
      return FALSE;
    }
  if ((guint64)self->logo_width * self->logo_height > LOGO_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The logo “%s” is too large (%u × %u pixels). Use a smaller copy: 2,000 pixels across is plenty."),
                   name, self->logo_width, self->logo_height);
      return FALSE;
    }
  return shrink_logo (self, name, check_only, error);
}

/* The lines that repeat on every page and in the file's properties. */
static void
make_lines (PbPackWalk *self)
{
  PbPack *pack = self->pack;
  guint paragraph = pb_pack_get_exempt_paragraph (pack);
  g_autofree char *meeting = pb_date_format_iso (pb_pack_get_meeting_date (pack));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (pb_pack_get_exempt (pack))
    {
      if (paragraph > 0)
        {
          /* Translators: in the running header of an exempt pack; %u is 1 to 7 */
          self->exempt_line = g_strdup_printf (_("Exempt information under paragraph %u of Schedule 12A "
                                                 "to the Local Government Act 1972"), paragraph);
          /* Translators: a pack's classification; %u is the Schedule 12A paragraph */
          self->classification = g_strdup_printf (_("Exempt: not for publication (Schedule 12A, paragraph %u)"),
                                                  paragraph);
        }
      else
        {
          self->exempt_line = g_strdup (_("Exempt information under Schedule 12A to the Local Government Act 1972"));
          self->classification = g_strdup (_("Exempt: not for publication"));
        }
    }
  else
    self->classification = g_strdup (_("Public"));

  if (*pb_pack_get_committee (pack) != '\0')
    g_ptr_array_add (parts, g_strdup (pb_pack_get_committee (pack)));
  if (meeting != NULL)
    g_ptr_array_add (parts, g_strdup (meeting));
  if (*pb_pack_get_agenda_item (pack) != '\0')
    /* Translators: in the footer and properties of a pack; %s is "7" or "5b" */
    g_ptr_array_add (parts, g_strdup_printf (_("Agenda item %s"), pb_pack_get_agenda_item (pack)));
  g_ptr_array_add (parts, NULL);
  self->footer = g_strjoinv (" · ", (char **)parts->pdata);
  self->subject = g_strjoinv (", ", (char **)parts->pdata);

  if (self->options != NULL && self->options->council != NULL)
    /* Translators: the description of a council's logo, for screen readers;
     * %s is the council's name */
    self->logo_description = g_strdup_printf (_("Logo of %s"), self->options->council);
  else
    self->logo_description = g_strdup (_("Logo of the council"));
}

/**
 * pb_pack_walk_new:
 * @library: the library holding the pack
 * @pack_id: the pack
 * @options: (nullable): the council's name and logo and a default author
 * @cancellable: (nullable): stops the walk
 * @progress: (nullable): told how far the export has got, from 0
 * @error: a #GError, or %NULL
 *
 * Loads the pack, its sections and the findings it may print, with the
 * structures of their reports, and the logo.
 *
 * Returns: (transfer full): the walk, or %NULL with @error set
 *   (%PB_PACKS_ERROR_NOT_FOUND for no such pack, a database error,
 *   %G_IO_ERROR_NOT_FOUND or %G_IO_ERROR_INVALID_DATA for a logo that
 *   cannot be read, is not a PNG, is damaged or has more than 25 million
 *   pixels, or %G_IO_ERROR_CANCELLED)
 */
PbPackWalk *
pb_pack_walk_new (PbLibrary                  *library,
                  gint64                      pack_id,
                  const PbPackExportOptions  *options,
                  GCancellable               *cancellable,
                  PbExportProgressFunc        progress,
                  gpointer                    progress_data,
                  GError                    **error)
{
  PbPackWalk *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (PbPackWalk, 1);
  self->library = g_object_ref (library);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->progress = progress;
  self->progress_data = progress_data;
  self->options = pb_pack_export_options_copy (options);
  self->findings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->structures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify)pb_structure_free);
  self->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->reports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)clear_report);
  self->cohorts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->report_order = g_array_new (FALSE, FALSE, sizeof (gint64));

  pb_pack_walk_report (self, 0);
  if ((self->options != NULL && self->options->logo_path != NULL &&
       !load_logo (self, self->options->logo_path, FALSE, error)) ||
      !load (self, pack_id, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      pb_pack_walk_free (self);
      return NULL;
    }
  make_lines (self);
  pb_pack_walk_report (self, 0.1);

  return self;
}

/**
 * pb_pack_check_logo:
 * @path: a file the user offers as the council's logo
 * @error: a #GError, or %NULL
 *
 * Checks a logo the way every export that prints one reads it (the PDF,
 * DOCX and web page), so that a logo they would refuse can be refused
 * when it is chosen, with the same words, rather than at every export.
 * The PNG is decoded once, in full: a damaged file is found here.
 *
 * Returns: %TRUE when the exports can use the logo; %FALSE with @error
 *   set as pb_pack_walk_new() sets it (%G_IO_ERROR_NOT_FOUND for a file
 *   that cannot be read, %G_IO_ERROR_INVALID_DATA for one that is not a
 *   PNG, is damaged or cut short, or has more than 25 million pixels)
 */
gboolean
pb_pack_check_logo (const char  *path,
                    GError     **error)
{
  PbPackWalk *probe;
  gboolean usable;

  g_return_val_if_fail (path != NULL, FALSE);

  /* A walk with nothing but the logo: load_logo() fills no more. (Freed
   * by hand: clang's analyser loses a cleanup after a returned call.) */
  probe = g_new0 (PbPackWalk, 1);
  usable = load_logo (probe, path, TRUE, error);
  pb_pack_walk_free (probe);
  return usable;
}

/**
 * pb_pack_walk_get_pack:
 *
 * Returns: (transfer none): the pack
 */
PbPack *
pb_pack_walk_get_pack (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pack;
}

/**
 * pb_pack_walk_get_banner:
 *
 * Returns: (nullable): "NOT FOR PUBLICATION" for an exempt pack, for the
 *   top of every page; %NULL for a public one
 */
const char *
pb_pack_walk_get_banner (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Translators: at the top of an exempt pack, and of each of its pages */
  return pb_pack_get_exempt (self->pack) ? _("NOT FOR PUBLICATION") : NULL;
}

/**
 * pb_pack_walk_get_exempt_line:
 *
 * Returns: (nullable): for an exempt pack, why, in one line for the top of
 *   every page ("Exempt information under paragraph 3 of Schedule 12A to
 *   the Local Government Act 1972"); %NULL for a public one
 */
const char *
pb_pack_walk_get_exempt_line (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->exempt_line;
}

/**
 * pb_pack_walk_get_council:
 *
 * Returns: (nullable): the council's name, from the export's options
 */
const char *
pb_pack_walk_get_council (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->options != NULL ? self->options->council : NULL;
}

/**
 * pb_pack_walk_get_author:
 *
 * Returns: (nullable): who prepared the pack: the pack's author, else the
 *   options' default author, else %NULL
 */
const char *
pb_pack_walk_get_author (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (*pb_pack_get_author (self->pack) != '\0')
    return pb_pack_get_author (self->pack);
  return self->options != NULL ? self->options->default_author : NULL;
}

/**
 * pb_pack_walk_get_subject:
 *
 * Returns: the meeting the pack is for, for a document's subject
 *   ("Corporate Parenting Panel, 12 March 2026, Agenda item 7"); "" when
 *   the pack says nothing of it
 */
const char *
pb_pack_walk_get_subject (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->subject;
}

/**
 * pb_pack_walk_get_classification:
 *
 * Returns: the pack's classification in words: "Public", or "Exempt: not
 *   for publication (Schedule 12A, paragraph 3)"
 */
const char *
pb_pack_walk_get_classification (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->classification;
}

/**
 * pb_pack_walk_get_footer:
 *
 * Returns: the meeting, for the foot of every page ("Corporate Parenting
 *   Panel · 12 March 2026 · Agenda item 7"); "" when the pack says nothing
 *   of it
 */
const char *
pb_pack_walk_get_footer (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->footer;
}

/**
 * pb_pack_walk_get_logo:
 * @width: (out) (optional): its width in pixels
 * @height: (out) (optional): its height in pixels
 *
 * Returns: (transfer none) (nullable): the logo's PNG file, or %NULL when
 *   the options give none
 */
GBytes *
pb_pack_walk_get_logo (PbPackWalk *self,
                       guint      *width,
                       guint      *height)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (width != NULL)
    *width = self->logo_width;
  if (height != NULL)
    *height = self->logo_height;
  return self->logo;
}

/**
 * pb_pack_walk_get_logo_description:
 *
 * Returns: the logo in words, for those who cannot see it ("Harrowdale
 *   Borough Council logo")
 */
const char *
pb_pack_walk_get_logo_description (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->logo_description;
}

/**
 * pb_pack_walk_get_n_findings:
 *
 * Returns: how many findings the walk gives: those the pack may print
 */
guint
pb_pack_walk_get_n_findings (PbPackWalk *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->findings);
}
