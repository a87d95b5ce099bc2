/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pb-bundle-private.h"
#include "pb-citation.h"
#include "pb-db.h"
#include "pb-cohort-store.h"
#include "pb-finding-store.h"
#include "pb-output-path.h"
#include "pb-pack-store.h"
#include "pb-pdf-annotate.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"

/* Writing a pack's bundle from an officer's library.
 *
 * The pack is read as every export reads it, under the same rule: a public
 * pack carries no exempt finding (nor a report marked exempt), and a
 * section left with nothing to show is left out, as pb-pack-walk.c does.
 * Each cited report goes in as it was imported, checked against its
 * checksum, and as a copy with the pack's findings in it as highlights.
 * The zip is written beside its destination under a private temporary
 * name and renamed into place once whole and on disk; an exempt pack's is
 * encrypted entry by entry with AES-256 under the officer's passphrase,
 * which goes no further than libzip. */

typedef struct
{
  PbBundleProgressFunc  func;
  gpointer              data;
  double                start;
  double                share;
  GCancellable         *cancellable;
} Progress;

static void
report_progress (Progress *progress,
                 double    fraction)
{
  if (progress->func != NULL)
    progress->func (progress->start + progress->share * CLAMP (fraction, 0, 1), progress->data);
}

static void
zip_progress_cb (zip_t  *zip,
                 double  fraction,
                 void   *data)
{
  report_progress (data, fraction);
}

static int
zip_cancel_cb (zip_t *zip,
               void  *data)
{
  Progress *progress = data;

  return g_cancellable_is_cancelled (progress->cancellable) ? 1 : 0;
}

/* ---- The pack ------------------------------------------------------------ */

typedef struct
{
  PbLibrary       *library;
  BundleContents  *contents;
  GHashTable      *section_uuids;   /* section id → uuid */
  GHashTable      *finding_uuids;   /* finding id → uuid */
  GHashTable      *reports;         /* sha256 → BundleReport (borrowed) */
  GHashTable      *structures;      /* report id → PbStructure, or NULL */
  GHashTable      *added;           /* finding uuids already in contents */
  GHashTable      *cohorts;         /* slug → PbCohort, the library's */
  GHashTable      *used_cohorts;    /* slugs */
} Collect;

static void
use_cohort (Collect    *collect,
            const char *slug)
{
  PbCohort *cohort;

  if (slug == NULL || g_hash_table_contains (collect->used_cohorts, slug) ||
      !(cohort = g_hash_table_lookup (collect->cohorts, slug)))
    return;
  g_hash_table_add (collect->used_cohorts, g_strdup (slug));
  g_ptr_array_add (collect->contents->cohorts,
                   _pb_bundle_cohort_new (slug, pb_cohort_get_name (cohort), pb_cohort_get_color (cohort)));
}

static BundleReport *
cite_report (Collect   *collect,
             PbReport  *report)
{
  BundleReport *entry = g_hash_table_lookup (collect->reports, pb_report_get_sha256 (report));
  guint n;

  if (entry != NULL)
    return entry;

  n = collect->contents->reports->len + 1;
  entry = _pb_bundle_report_new ();
  entry->sha256 = g_strdup (pb_report_get_sha256 (report));
  entry->title = g_strdup (pb_report_get_title (report));
  entry->file_name = g_strdup (pb_report_get_file_name (report));
  entry->exempt = pb_report_get_is_exempt (report);
  entry->entry = g_strdup_printf ("reports/%u.pdf", n);
  entry->highlighted = g_strdup_printf ("highlighted/%u.pdf", n);
  g_ptr_array_add (collect->contents->reports, entry);
  g_hash_table_insert (collect->reports, entry->sha256, entry);
  return entry;
}

static PbStructure *
structure_of (Collect *collect,
              gint64   report_id)
{
  if (!g_hash_table_contains (collect->structures, &report_id))
    g_hash_table_insert (collect->structures, g_memdup2 (&report_id, sizeof report_id),
                         pb_library_get_structure (collect->library, report_id, NULL));
  return g_hash_table_lookup (collect->structures, &report_id);
}

/* The finding's identity, once it is in the bundle; NULL when the pack
 * may not carry it. */
static const char *
add_finding (Collect  *collect,
             gint64    finding_id,
             gboolean  exempt_pack,
             GError  **error)
{
  g_autoptr(PbFinding) finding = NULL;
  g_autoptr(PbReport) report = NULL;
  const char *uuid = g_hash_table_lookup (collect->finding_uuids, &finding_id);
  const char *status;
  const char * const *cohorts;
  BundleFinding *entry;
  PbStructure *structure;
  GArray *anchors;

  if (uuid == NULL)
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NOT_FOUND,
                   _("The pack changed while its bundle was being written. Try again."));
      return NULL;
    }
  if (g_hash_table_contains (collect->added, uuid))
    return uuid;

  if (!(finding = pb_library_get_finding (collect->library, finding_id, error)) ||
      !(report = pb_library_get_report (collect->library, pb_finding_get_report_id (finding), error)))
    return NULL;
  /* The exempt rule, as pb-pack-walk.c keeps it. */
  if (!exempt_pack && (pb_finding_get_exempt (finding) || pb_report_get_is_exempt (report)))
    return NULL;

  cite_report (collect, report);
  structure = structure_of (collect, pb_report_get_id (report));
  status = pb_finding_status_to_slug (pb_finding_get_status (finding));
  cohorts = pb_finding_get_cohorts (finding);
  anchors = pb_finding_get_anchors (finding);

  entry = _pb_bundle_finding_new ();
  entry->uuid = g_strdup (uuid);
  entry->report_sha256 = g_strdup (pb_report_get_sha256 (report));
  entry->page = pb_finding_get_page (finding);
  entry->paragraph = pb_finding_get_paragraph (finding);
  if (anchors != NULL)
    g_array_append_vals (entry->anchors, anchors->data, anchors->len);
  entry->quote = g_strdup (pb_finding_get_quote (finding));
  entry->kind = g_strdup (pb_finding_kind_to_slug (pb_finding_get_kind (finding)));
  entry->status = g_strdup (status);
  entry->note = g_strdup (pb_finding_get_note (finding) ? pb_finding_get_note (finding) : "");
  entry->cohorts = g_strdupv ((char **)cohorts);
  entry->exempt = pb_finding_get_exempt (finding);
  entry->citation = pb_citation_format (finding, structure);
  entry->about = pb_citation_format_about (finding, structure);
  g_ptr_array_add (collect->contents->findings, entry);
  g_hash_table_add (collect->added, entry->uuid);

  for (guint i = 0; cohorts != NULL && cohorts[i] != NULL; i++)
    use_cohort (collect, cohorts[i]);
  return uuid;
}

static gboolean
add_section (Collect        *collect,
             PbPackSection  *section,
             gboolean        exempt_pack,
             GError        **error)
{
  BundleSection *entry = _pb_bundle_section_new ();

  entry->uuid = g_strdup (g_hash_table_lookup (collect->section_uuids, &section->id));
  entry->title = g_strdup (section->title);
  entry->cohort = g_strdup (section->cohort);

  for (guint i = 0; i < section->items->len; i++)
    {
      PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
      g_autoptr(GError) local_error = NULL;
      const char *uuid;

      if (item->kind == PB_PACK_ITEM_NOTE || item->kind == PB_PACK_ITEM_HEADING)
        {
          g_ptr_array_add (entry->items, _pb_bundle_item_new (item->kind == PB_PACK_ITEM_NOTE ? "note" : "heading",
                                                              NULL, item->text));
          continue;
        }
      if ((uuid = add_finding (collect, item->finding_id, exempt_pack, &local_error)) != NULL)
        g_ptr_array_add (entry->items, _pb_bundle_item_new ("finding", uuid, NULL));
      else if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          _pb_bundle_section_free (entry);
          return FALSE;
        }
    }

  /* Nothing to show: left out, as every export leaves it out. */
  if (entry->items->len == 0)
    {
      _pb_bundle_section_free (entry);
      return TRUE;
    }
  use_cohort (collect, entry->cohort);
  g_ptr_array_add (collect->contents->sections, entry);
  return TRUE;
}

static BundleContents *
collect_pack (PbLibrary  *library,
              PbPack     *pack,
              GError    **error)
{
  g_autoptr(BundleContents) contents = _pb_bundle_contents_new ();
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) cohorts = NULL;
  g_autoptr(GHashTable) section_uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) finding_uuids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) reports = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) structures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify)pb_structure_free);
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cohort_table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Collect collect = { library, contents, section_uuids, finding_uuids, reports, structures, added,
                      cohort_table, used };
  gint64 pack_id = pb_pack_get_id (pack);

  if (!_pb_bundle_identify_pack (library, pack_id, &contents->uuid, section_uuids, finding_uuids, error) ||
      !(sections = pb_library_get_pack_sections (library, pack_id, error)) ||
      !(cohorts = pb_library_list_cohorts (library, error)))
    return NULL;
  for (guint i = 0; i < cohorts->len; i++)
    g_hash_table_insert (cohort_table, (gpointer)pb_cohort_get_slug (g_ptr_array_index (cohorts, i)),
                         g_ptr_array_index (cohorts, i));

  contents->title = g_strdup (pb_pack_get_title (pack));
  contents->committee = g_strdup (pb_pack_get_committee (pack));
  contents->meeting_date = g_strdup (pb_pack_get_meeting_date (pack));
  contents->author = g_strdup (pb_pack_get_author (pack));
  contents->introduction = g_strdup (pb_pack_get_introduction (pack));
  contents->exempt = pb_pack_get_exempt (pack);
  contents->exported_at = pb_db_now ();
  if ((contents->revision = _pb_bundle_next_revision (library, pack_id, error)) < 0)
    return NULL;

  for (guint s = 0; s < sections->len; s++)
    if (!add_section (&collect, g_ptr_array_index (sections, s), contents->exempt, error))
      return NULL;

  return g_steal_pointer (&contents);
}

/* ---- The reports --------------------------------------------------------- */

/* What a PDF reader shows when a highlight is opened: the kind, the
 * cohorts and the officer's note, as the annotated export writes them. */
static char *
describe (BundleFinding *finding,
          GHashTable    *names)
{
  g_autoptr(GString) text = NULL;
  PbFindingKind kind = PB_FINDING_KIND_CONTEXT;

  pb_finding_kind_from_slug (finding->kind, &kind);
  text = g_string_new (pb_finding_kind_get_label (kind));
  for (guint i = 0; finding->cohorts[i] != NULL; i++)
    {
      const char *name = g_hash_table_lookup (names, finding->cohorts[i]);

      g_string_append_printf (text, i == 0 ? " · %s" : ", %s", name ? name : finding->cohorts[i]);
    }
  if (finding->note != NULL && *finding->note != '\0')
    g_string_append_printf (text, "\n%s", finding->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Finds the report's file, checks that it is the one imported, and writes
 * the copy with the pack's findings on it highlighted into @dir. */
static gboolean
prepare_report (PbLibrary       *library,
                BundleContents  *contents,
                BundleReport    *report,
                const char      *dir,
                guint            n,
                GError         **error)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_highlight_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *actual = NULL;
  g_autofree char *dest = NULL;
  int fd;

  if (!(report->source_path = pb_library_locate_report_file (library, report->sha256, error)) ||
      !(actual = _pb_bundle_hash_file (report->source_path, NULL, error)))
    return FALSE;
  if (!g_str_equal (actual, report->sha256))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                   _("The stored file of “%s” is not the one imported, so it cannot go in the pack. "
                     "Run Check Library."), report->title);
      return FALSE;
    }
  /* A report that needs a password goes without it, or not at all. */
  if (!_pb_bundle_unlock_report_copy (contents, report, dir, n, error))
    return FALSE;

  for (guint i = 0; i < contents->cohorts->len; i++)
    {
      BundleCohort *cohort = g_ptr_array_index (contents->cohorts, i);

      g_hash_table_insert (names, cohort->slug, cohort->name);
      g_hash_table_insert (colors, cohort->slug, cohort->color);
    }
  for (guint i = 0; i < contents->findings->len; i++)
    {
      BundleFinding *finding = g_ptr_array_index (contents->findings, i);
      PbHighlight *highlight;

      if (!g_str_equal (finding->report_sha256, report->sha256) || finding->anchors->len == 0)
        continue;
      highlight = g_new0 (PbHighlight, 1);
      highlight->anchors = g_array_ref (finding->anchors);
      highlight->contents = describe (finding, names);
      highlight->color = g_strdup (finding->cohorts[0] ? g_hash_table_lookup (colors, finding->cohorts[0]) : NULL);
      g_ptr_array_add (highlights, highlight);
    }
  if (highlights->len == 0)
    {
      g_clear_pointer (&report->highlighted, g_free);
      return TRUE;
    }

  /* Made private first: poppler writes into the file it is given. */
  dest = g_strdup_printf ("%s/highlighted-%u.pdf", dir, n);
  if ((fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The highlighted copy of “%s” could not be made: %s."), report->title,
                   g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  if (!pb_pdf_write_highlights (report->source_path, NULL, highlights, dest, error))
    return FALSE;
  report->highlighted_path = g_steal_pointer (&dest);
  return TRUE;
}

/* ---- The zip --------------------------------------------------------------- */

typedef struct
{
  zip_t        *zip;
  const char   *passphrase;   /* NULL for a public pack */
  JsonBuilder  *manifest;
} Writer;

static void
set_write_error (GError      **error,
                 zip_error_t  *details)
{
  if (zip_error_code_system (details) == ENOSPC)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("The disk is full: the pack was not saved. Free some space and try again."));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The pack could not be saved: %s."),
                 zip_error_strerror (details));
}

/* Adds @source (taken) as @name, stored, encrypted unless it is the marker,
 * and lists it in the manifest with its checksum. */
static gboolean
add_entry (Writer        *writer,
           const char    *name,
           zip_source_t  *source,
           const char    *sha256,
           gint64         size,
           GError       **error)
{
  zip_int64_t index;

  if (source == NULL || (index = zip_file_add (writer->zip, name, source, ZIP_FL_ENC_UTF_8)) < 0)
    {
      if (source != NULL)
        zip_source_free (source);
      set_write_error (error, zip_get_error (writer->zip));
      return FALSE;
    }
  if (zip_set_file_compression (writer->zip, (zip_uint64_t)index, ZIP_CM_STORE, 0) < 0 ||
      (writer->passphrase != NULL && !g_str_equal (name, BUNDLE_MARKER_NAME) &&
       zip_file_set_encryption (writer->zip, (zip_uint64_t)index, ZIP_EM_AES_256, writer->passphrase) < 0))
    {
      set_write_error (error, zip_get_error (writer->zip));
      return FALSE;
    }

  if (sha256 != NULL)
    {
      json_builder_begin_object (writer->manifest);
      json_builder_set_member_name (writer->manifest, "name");
      json_builder_add_string_value (writer->manifest, name);
      json_builder_set_member_name (writer->manifest, "sha256");
      json_builder_add_string_value (writer->manifest, sha256);
      json_builder_set_member_name (writer->manifest, "size");
      json_builder_add_int_value (writer->manifest, size);
      json_builder_end_object (writer->manifest);
    }
  return TRUE;
}

static gboolean
add_buffer (Writer      *writer,
            const char  *name,
            const char  *text,
            gboolean     listed,
            GError     **error)
{
  gsize length = strlen (text);
  g_autofree char *sha = listed ? g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)text, length)
                                : NULL;

  return add_entry (writer, name, zip_source_buffer (writer->zip, text, length, 0), sha, (gint64)length, error);
}

static gboolean
add_file (Writer      *writer,
          const char  *name,
          const char  *path,
          const char  *known_sha,
          GError     **error)
{
  g_autofree char *sha = NULL;
  gint64 size = 0;

  if (!(sha = _pb_bundle_hash_file (path, &size, error)))
    return FALSE;
  if (known_sha != NULL && !g_str_equal (sha, known_sha))
    {
      g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_DAMAGED,
                   _("A report’s stored file changed while the pack was being written. Try again."));
      return FALSE;
    }
  return add_entry (writer, name, zip_source_file (writer->zip, path, 0, -1), sha, size, error);
}

static char *
marker_text (gboolean encrypted)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  /* Never encrypted, so nothing about the pack: only what a reader needs
   * to know before it asks for a passphrase. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BUNDLE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BUNDLE_VERSION);
  json_builder_set_member_name (builder, "encrypted");
  json_builder_add_boolean_value (builder, encrypted);
  json_builder_set_member_name (builder, "application_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* libzip writes through a file of its own and renames it over @partial:
 * make sure the result is private and on disk before it takes its name. */
static gboolean
commit (const char  *partial,
        const char  *path,
        GError     **error)
{
  int fd;

  if ((fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0)) < 0 || fchmod (fd, 0600) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   saved_errno == ENOSPC ? _("The disk is full: the pack was not saved.")
                                         : _("The pack could not be saved: %s."),
                   g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The pack could not be saved: %s."), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_zip (BundleContents  *contents,
           const char      *partial,
           const char      *passphrase,
           Progress        *progress,
           GError         **error)
{
  g_autoptr(JsonBuilder) manifest = json_builder_new ();
  g_autofree char *marker = marker_text (passphrase != NULL);
  g_autofree char *pack = _pb_bundle_contents_to_json (contents);
  g_autofree char *manifest_text = NULL;
  Writer writer = { NULL, passphrase, manifest };
  int code = 0;

  if (!(writer.zip = zip_open (partial, ZIP_TRUNCATE, &code)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The pack could not be saved."));
      return FALSE;
    }

  json_builder_begin_object (manifest);
  json_builder_set_member_name (manifest, "format");
  json_builder_add_string_value (manifest, BUNDLE_FORMAT);
  json_builder_set_member_name (manifest, "files");
  json_builder_begin_array (manifest);

  if (!add_buffer (&writer, BUNDLE_MARKER_NAME, marker, FALSE, error) ||
      !add_buffer (&writer, BUNDLE_PACK_NAME, pack, TRUE, error))
    goto fail;
  for (guint i = 0; i < contents->reports->len; i++)
    {
      BundleReport *report = g_ptr_array_index (contents->reports, i);

      if (!add_file (&writer, report->entry, report->source_path, report->sha256, error) ||
          (report->highlighted != NULL &&
           !add_file (&writer, report->highlighted, report->highlighted_path, NULL, error)))
        goto fail;
    }

  json_builder_end_array (manifest);
  json_builder_end_object (manifest);
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = json_builder_get_root (manifest);

    json_generator_set_root (generator, root);
    manifest_text = json_generator_to_data (generator, NULL);
  }
  if (!add_buffer (&writer, BUNDLE_MANIFEST_NAME, manifest_text, FALSE, error))
    goto fail;

  zip_register_progress_callback_with_state (writer.zip, 0.01, zip_progress_cb, NULL, progress);
  zip_register_cancel_callback_with_state (writer.zip, zip_cancel_cb, NULL, progress);
  if (zip_close (writer.zip) < 0)
    {
      if (!g_cancellable_set_error_if_cancelled (progress->cancellable, error))
        set_write_error (error, zip_get_error (writer.zip));
      goto fail;
    }
  return TRUE;

fail:
  zip_discard (writer.zip);
  return FALSE;
}

/* ---- The whole ------------------------------------------------------------- */

/**
 * pb_library_export_bundle:
 * @library: an officer's library
 * @pack_id: the pack
 * @path: (type filename): where to write the bundle, outside the library,
 *   absolute or relative to the current folder; not a folder
 * @passphrase: (nullable): for an exempt pack, the passphrase to encrypt
 *   it with (at least %PB_BUNDLE_MIN_PASSPHRASE characters); not used for
 *   a public pack, whose bundle is never encrypted.  It is handed to
 *   libzip for the writing and kept nowhere.
 * @cancellable: (nullable): to stop, leaving no file
 * @progress_func: (nullable): told how far it has got, from 0 to 1, on this
 *   thread
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Writes the pack's bundle (.panelpack) for panel members: the pack, its
 * findings with their citations, cohorts, kinds, notes and highlight
 * positions, and each report it cites, as imported and highlighted.  A
 * public pack's bundle holds nothing exempt.  The file is private (0600)
 * and appears whole or not at all.
 *
 * The first bundle of a pack gives the pack, its sections and its findings
 * their lasting identities, which writes to the library; a library that
 * can only be read can bundle only packs bundled before.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_LIBRARY_ERROR_OUTPUT_INSIDE,
 *   %PB_PACKS_ERROR_NOT_FOUND, %PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
 *   %PB_BUNDLE_ERROR_WEAK_PASSPHRASE, %PB_BUNDLE_ERROR_NO_ENCRYPTION,
 *   %PB_BUNDLE_ERROR_DAMAGED for a report file not as imported,
 *   %PB_BUNDLE_ERROR_REPORT_LOCKED for a report whose password is needed,
 *   %PB_LIBRARY_ERROR_MISSING_FILE, %G_IO_ERROR incl.
 *   %G_IO_ERROR_NO_SPACE and %G_IO_ERROR_CANCELLED) and no file left
 */
gboolean
pb_library_export_bundle (PbLibrary             *library,
                          gint64                 pack_id,
                          const char            *path,
                          const char            *passphrase,
                          GCancellable          *cancellable,
                          PbBundleProgressFunc   progress_func,
                          gpointer               progress_data,
                          GError               **error)
{
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(BundleContents) contents = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *temp_dir = NULL;
  Progress progress = { progress_func, progress_data, 0, 0.05, cancellable };
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(absolute = pb_output_path_resolve (path, error)))
    return FALSE;
  path = absolute;
  if (!pb_library_check_output_path (library, path, error) ||
      !(pack = pb_library_get_pack (library, pack_id, error)))
    return FALSE;
  if (pb_pack_get_exempt (pack))
    {
      if (!pb_bundle_can_encrypt ())
        {
          g_set_error (error, PB_BUNDLE_ERROR, PB_BUNDLE_ERROR_NO_ENCRYPTION,
                       _("This pack is exempt, and this copy of Panel Brief cannot encrypt (its zip "
                         "library was built without AES-256), so it cannot write the pack’s bundle."));
          return FALSE;
        }
      if (!pb_bundle_check_passphrase (passphrase, error))
        return FALSE;
    }
  else
    passphrase = NULL;

  report_progress (&progress, 0);
  if (!(contents = collect_pack (library, pack, error)) ||
      !(temp_dir = _pb_bundle_make_temp_dir (error)))
    goto out;
  report_progress (&progress, 1);

  progress.start = 0.05;
  progress.share = 0.45;
  for (guint i = 0; i < contents->reports->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !prepare_report (library, contents, g_ptr_array_index (contents->reports, i), temp_dir, i + 1, error))
        goto out;
      report_progress (&progress, (double)(i + 1) / contents->reports->len);
    }

  folder = g_path_get_dirname (path);
  partial = g_build_filename (folder, ".panel-brief-bundle-XXXXXX.part", NULL);
  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&partial, g_free);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The pack could not be saved in “%s”: %s."), folder, g_strerror (saved_errno));
      goto out;
    }
  g_close (fd, NULL);

  progress.start = 0.5;
  progress.share = 0.5;
  if (!write_zip (contents, partial, passphrase, &progress, error) || !commit (partial, path, error))
    goto out;
  g_clear_pointer (&partial, g_free);
  report_progress (&progress, 1);
  ok = TRUE;

out:
  if (partial != NULL)
    g_unlink (partial);
  _pb_bundle_remove_temp_dir (temp_dir);
  return ok;
}
