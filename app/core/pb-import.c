/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "pb-db.h"
#include "pb-finding.h"
#include "pb-import.h"
#include "pb-structure-tagged.h"
#include "pb-library-private.h"
#include "pb-pdf-text.h"
#include "pb-report-structure.h"
#include "pb-structure.h"

/* Importing one PDF:
 *
 *   1. copy it into reports/ under a temporary name, hashing as it goes, and
 *      check that it is a PDF at all;
 *   2. if the library already has that SHA-256, stop: it is a duplicate;
 *   3. open the copy with poppler and read metadata and each page's text;
 *   4. in one transaction, insert the report and its pages, move the copy to
 *      reports/<sha256>.pdf and commit.
 *
 * Any failure or cancellation rolls back and deletes the copy, so a failed
 * import leaves neither rows nor files behind. The source file is only read.
 *
 * A process killed part-way leaves one of two things, each with its own mark:
 * a partial copy named .import-XXXXXX.part, or, if it died between moving the
 * copy into place and committing, a journal .import-<sha256>.journal beside
 * reports/<sha256>.pdf. Only these marks make a file a leftover. A stored PDF
 * that no report row points at is never deleted for that alone: the database
 * may have been replaced by an older copy, and the file may be all that is left
 * of a report (see pb_import_list_orphans ()). */

#define TEMP_PREFIX ".import-"
#define TEMP_SUFFIX ".part"
#define JOURNAL_SUFFIX ".journal"

/* Where the work goes, for progress: copying is quick, reading the pages is
 * most of it, the commit (with its fsync) is the rest. */
#define COPY_SHARE   0.10
#define PAGES_SHARE  0.85

G_DEFINE_QUARK (pb-import-error-quark, pb_import_error)

typedef struct
{
  double width;
  double height;
  char  *text;
} PageData;

/* A highlight or underline the PDF arrived with: offered as a finding. */
typedef struct
{
  guint   page;
  GArray *anchors;    /* PbAnchor */
  char   *quote;
  char   *note;
} Markup;

static void
markup_free (Markup *markup)
{
  g_clear_pointer (&markup->anchors, g_array_unref);
  g_free (markup->quote);
  g_free (markup->note);
  g_free (markup);
}

typedef struct
{
  PbLibrary            *library;
  GFile                *file;
  const char           *password;
  GCancellable         *cancellable;
  PbImportProgressFunc  progress;
  gpointer              progress_data;

  char                 *display_name;
  char                 *temp_path;
  int                   temp_fd;      /* held open and locked while importing */
  char                 *sha256;
  gint64                byte_size;

  PopplerDocument      *document;
  GArray               *pages;        /* PageData */
  GPtrArray            *markups;      /* Markup */
  char                 *title;
  gboolean              has_text_layer;
  gboolean              is_tagged;
} ImportState;

static void
page_data_clear (PageData *page)
{
  g_free (page->text);
}

static void
import_state_clear (ImportState *state)
{
  if (state->temp_path != NULL)
    g_unlink (state->temp_path);
  if (state->temp_fd >= 0)
    g_close (state->temp_fd, NULL);

  g_clear_pointer (&state->display_name, g_free);
  g_clear_pointer (&state->temp_path, g_free);
  g_clear_pointer (&state->sha256, g_free);
  g_clear_object (&state->document);
  g_clear_pointer (&state->pages, g_array_unref);
  g_clear_pointer (&state->markups, g_ptr_array_unref);
  g_clear_pointer (&state->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportState, import_state_clear)

static void
report_progress (ImportState *state,
                 double       fraction)
{
  if (state->progress != NULL)
    state->progress (CLAMP (fraction, 0.0, 1.0), state->progress_data);
}

const char *
pb_import_status_to_string (PbImportStatus status)
{
  switch (status)
    {
    case PB_IMPORT_STATUS_IMPORTED:
      return "imported";

    case PB_IMPORT_STATUS_DUPLICATE:
      return "duplicate";

    case PB_IMPORT_STATUS_FAILED:
    default:
      return "error";
    }
}

static void
set_storage_error (ImportState  *state,
                   int           saved_errno,
                   GError      **error)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE,
                 _("There is not enough free disk space to import “%s”."),
                 state->display_name);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE,
                 _("“%s” could not be stored in the library: %s."),
                 state->display_name, g_strerror (saved_errno));
}

/* Rewords a database error so that the user learns which file it was about. */
static void
set_database_error (ImportState  *state,
                    GError       *db_error,
                    GError      **error)
{
  if (g_error_matches (db_error, PB_DB_ERROR, PB_DB_ERROR_DISK_FULL))
    set_storage_error (state, ENOSPC, error);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_STORAGE,
                 _("“%s” could not be added to the library. %s"),
                 state->display_name, db_error->message);
}

/* A PDF announces itself with "%PDF-" in its first kilobyte. Pages saved from
 * a web browser under a .pdf name are common enough to get their own message. */
static gboolean
check_pdf_header (ImportState  *state,
                  const guint8 *head,
                  gsize         len,
                  GError      **error)
{
  gsize skip = 0;

  for (gsize i = 0; i + 5 <= MIN (len, 1024); i++)
    if (memcmp (head + i, "%PDF-", 5) == 0)
      return TRUE;

  if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    skip = 3;
  while (skip < len && g_ascii_isspace (head[skip]))
    skip++;

  if (skip < len && head[skip] == '<')
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_NOT_PDF,
                 _("“%s” is a web page saved under a PDF name, not a PDF. "
                   "Download the report again and choose the PDF link."),
                 state->display_name);
  else
    g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_NOT_PDF,
                 _("“%s” is not a PDF file."), state->display_name);

  return FALSE;
}

static gboolean
copy_and_hash (ImportState  *state,
               GError      **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *template = NULL;
  g_autofree guint8 *buffer = NULL;
  goffset total_size = 0;
  gboolean header_checked = FALSE;
  guint8 head[1024];
  gsize head_len = 0;
  int fd;

  {
    g_autoptr(GFileInfo) info =
      g_file_query_info (state->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                         G_FILE_QUERY_INFO_NONE, state->cancellable, NULL);
    if (info != NULL)
      total_size = g_file_info_get_size (info);
  }

  if (!(input = g_file_read (state->file, state->cancellable, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                     _("“%s” is a folder, not a PDF file."), state->display_name);
      else
        g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                     _("“%s” could not be read: %s."),
                     state->display_name, local_error->message);
      return FALSE;
    }

  template = g_build_filename (_pb_library_get_reports_dir (state->library),
                               TEMP_PREFIX "XXXXXX" TEMP_SUFFIX, NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, PB_LIBRARY_FILE_MODE);
  if (fd < 0)
    {
      set_storage_error (state, errno, error);
      return FALSE;
    }
  state->temp_path = g_steal_pointer (&template);
  state->temp_fd = fd;

  /* The lock says "an import is using this file" for as long as this process
   * lives; pb_import_clean_leftovers () removes only unlocked ones. */
  flock (fd, LOCK_EX);

  buffer = g_malloc (64 * 1024);

  for (;;)
    {
      gssize n_read = g_input_stream_read (G_INPUT_STREAM (input), buffer, 64 * 1024,
                                           state->cancellable, &local_error);
      gssize written = 0;

      if (n_read < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_UNREADABLE,
                         _("“%s” could not be read: %s."),
                         state->display_name, local_error->message);
          return FALSE;
        }

      if (n_read == 0)
        break;

      if (head_len < sizeof head)
        {
          gsize take = MIN (sizeof head - head_len, (gsize)n_read);
          memcpy (head + head_len, buffer, take);
          head_len += take;
        }

      if (!header_checked && head_len == sizeof head)
        {
          if (!check_pdf_header (state, head, head_len, error))
            return FALSE;
          header_checked = TRUE;
        }

      g_checksum_update (checksum, buffer, n_read);

      while (written < n_read)
        {
          gssize w = write (fd, buffer + written, n_read - written);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              set_storage_error (state, errno, error);
              return FALSE;
            }
          written += w;
        }

      state->byte_size += n_read;
      if (total_size > 0)
        report_progress (state, COPY_SHARE * state->byte_size / (double)total_size);
    }

  /* The copy must be on disk before the commit that points at it. */
  if (fsync (fd) != 0)
    {
      set_storage_error (state, errno, error);
      return FALSE;
    }

  if (state->byte_size == 0)
    {
      g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty."), state->display_name);
      return FALSE;
    }

  if (!header_checked && !check_pdf_header (state, head, head_len, error))
    return FALSE;

  state->sha256 = g_strdup (g_checksum_get_string (checksum));
  report_progress (state, COPY_SHARE);

  return TRUE;
}

static gboolean
open_document (ImportState  *state,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uri = g_filename_to_uri (state->temp_path, NULL, NULL);

  state->document = poppler_document_new_from_file (uri, state->password, &local_error);

  if (state->document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          if (state->password != NULL && *state->password != '\0')
            g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_WRONG_PASSWORD,
                         _("The password for “%s” is not right."), state->display_name);
          else
            g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_ENCRYPTED,
                         _("“%s” is protected by a password."), state->display_name);
        }
      else
        {
          g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_DAMAGED,
                       _("“%s” is damaged and cannot be read as a PDF."),
                       state->display_name);
        }
      return FALSE;
    }

  if (poppler_document_get_n_pages (state->document) < 1)
    {
      g_set_error (error, PB_IMPORT_ERROR, PB_IMPORT_ERROR_DAMAGED,
                   _("“%s” is damaged: it has no pages."), state->display_name);
      return FALSE;
    }

  return TRUE;
}

static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text ? text : "", 0, 0);
  g_autofree char *joined = g_strjoinv (" ", words);

  return g_strdup (g_strstrip (joined));
}

static void
read_markups (ImportState *state,
              PopplerPage *page,
              guint        page_number,
              double       height)
{
  GList *mapping = poppler_page_get_annot_mapping (page);

  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      PopplerAnnotType type = poppler_annot_get_annot_type (m->annot);
      g_autoptr(GArray) quads = NULL;
      g_autoptr(GString) text = NULL;
      Markup *markup;

      if (type != POPPLER_ANNOT_HIGHLIGHT && type != POPPLER_ANNOT_UNDERLINE)
        continue;

      quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (m->annot));
      if (quads == NULL || quads->len == 0)
        continue;

      markup = g_new0 (Markup, 1);
      markup->page = page_number;
      markup->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
      text = g_string_new (NULL);

      for (guint q = 0; q < quads->len; q++)
        {
          PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, q);
          double xs[] = { quad->p1.x, quad->p2.x, quad->p3.x, quad->p4.x };
          double ys[] = { quad->p1.y, quad->p2.y, quad->p3.y, quad->p4.y };
          PbAnchor anchor = { page_number, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };
          PopplerRectangle area;
          g_autofree char *words = NULL;

          /* Quadrilaterals use the PDF's bottom-left origin. */
          for (guint k = 0; k < 4; k++)
            {
              anchor.rect.x1 = MIN (anchor.rect.x1, xs[k]);
              anchor.rect.x2 = MAX (anchor.rect.x2, xs[k]);
              anchor.rect.y1 = MIN (anchor.rect.y1, height - ys[k]);
              anchor.rect.y2 = MAX (anchor.rect.y2, height - ys[k]);
            }
          g_array_append_val (markup->anchors, anchor);

          area = (PopplerRectangle) { anchor.rect.x1, anchor.rect.y1, anchor.rect.x2, anchor.rect.y2 };
          words = poppler_page_get_text_for_area (page, &area);
          g_string_append_printf (text, "%s ", words ? words : "");
        }

      markup->quote = collapse_spaces (text->str);
      {
        g_autofree char *contents = poppler_annot_get_contents (m->annot);
        markup->note = collapse_spaces (contents);
      }

      if (*markup->quote == '\0')
        markup_free (markup);
      else
        g_ptr_array_add (state->markups, markup);
    }

  poppler_page_free_annot_mapping (mapping);
}

static gboolean
read_pages (ImportState  *state,
            GError      **error)
{
  int n_pages = poppler_document_get_n_pages (state->document);

  state->pages = g_array_sized_new (FALSE, TRUE, sizeof (PageData), n_pages);
  state->markups = g_ptr_array_new_with_free_func ((GDestroyNotify)markup_free);
  g_array_set_clear_func (state->pages, (GDestroyNotify)page_data_clear);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      PageData data = { 0 };

      if (g_cancellable_set_error_if_cancelled (state->cancellable, error))
        return FALSE;

      if ((page = poppler_document_get_page (state->document, i)) != NULL)
        {
          poppler_page_get_size (page, &data.width, &data.height);
          data.text = pb_pdf_page_get_reading_text (page);

          if (i == 0 && state->title == NULL)
            state->title = pb_pdf_page_guess_heading (page);

          read_markups (state, page, (guint)i + 1, data.height);

          g_object_unref (page);
        }
      else
        {
          data.text = g_strdup ("");
        }

      for (const char *p = data.text; *p && !state->has_text_layer; p++)
        state->has_text_layer = !g_ascii_isspace (*p);

      g_array_append_val (state->pages, data);
      report_progress (state, COPY_SHARE + PAGES_SHARE * (i + 1) / n_pages);
    }

  return TRUE;
}

static char *
date_to_iso8601 (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  return g_date_time_format_iso8601 (date);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static gint64
find_existing (sqlite3     *db,
               const char  *sha256,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = pb_db_prepare (db, "SELECT id FROM reports WHERE sha256 = ?1", error)))
    return -1;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (db, rc, error);
      return -1;
    }

  return 0;
}

static gint64
insert_rows (ImportState  *state,
             sqlite3      *db,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) report = NULL;
  g_autoptr(sqlite3_stmt) page = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (state->document);
  g_autoptr(GDateTime) modified = poppler_document_get_modification_date_time (state->document);
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  g_autofree char *created_text = date_to_iso8601 (created);
  g_autofree char *modified_text = date_to_iso8601 (modified);
  g_autofree char *author = poppler_document_get_author (state->document);
  g_autofree char *subject = poppler_document_get_subject (state->document);
  g_autofree char *keywords = poppler_document_get_keywords (state->document);
  g_autofree char *creator = poppler_document_get_creator (state->document);
  g_autofree char *producer = poppler_document_get_producer (state->document);
  g_autofree char *pdf_title = poppler_document_get_title (state->document);
  gint64 report_id;

  if (!(report = pb_db_prepare (db,
                                "INSERT INTO reports (sha256, title, file_name, byte_size,"
                                "  page_count, pdf_title, pdf_author, pdf_subject, pdf_keywords,"
                                "  pdf_creator, pdf_producer, pdf_created, pdf_modified,"
                                "  is_tagged, has_text_layer, imported_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                                "  ?13, ?14, ?15, ?16)",
                                error)))
    return -1;

  sqlite3_bind_text (report, 1, state->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (report, 2, state->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (report, 3, state->display_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (report, 4, state->byte_size);
  sqlite3_bind_int (report, 5, (int)state->pages->len);
  bind_optional_text (report, 6, pdf_title);
  bind_optional_text (report, 7, author);
  bind_optional_text (report, 8, subject);
  bind_optional_text (report, 9, keywords);
  bind_optional_text (report, 10, creator);
  bind_optional_text (report, 11, producer);
  bind_optional_text (report, 12, created_text);
  bind_optional_text (report, 13, modified_text);
  sqlite3_bind_int (report, 14, state->is_tagged);
  sqlite3_bind_int (report, 15, state->has_text_layer);
  sqlite3_bind_text (report, 16, now_text, -1, SQLITE_TRANSIENT);

  if (!pb_db_step_done (report, error))
    return -1;

  report_id = sqlite3_last_insert_rowid (db);

  /* A report removed earlier and imported again is no longer "kept only for a
   * backup's sake". */
  {
    g_autoptr(sqlite3_stmt) unremove = NULL;

    if (!(unremove = pb_db_prepare (db, "DELETE FROM removed_reports WHERE sha256 = ?1", error)))
      return -1;
    sqlite3_bind_text (unremove, 1, state->sha256, -1, SQLITE_TRANSIENT);
    if (!pb_db_step_done (unremove, error))
      return -1;
  }

  if (!(page = pb_db_prepare (db,
                              "INSERT INTO report_pages (report_id, page_number, width,"
                              "  height, text) VALUES (?1, ?2, ?3, ?4, ?5)",
                              error)))
    return -1;

  for (guint i = 0; i < state->pages->len; i++)
    {
      const PageData *data = &g_array_index (state->pages, PageData, i);

      sqlite3_reset (page);
      sqlite3_bind_int64 (page, 1, report_id);
      sqlite3_bind_int (page, 2, (int)i + 1);
      sqlite3_bind_double (page, 3, data->width);
      sqlite3_bind_double (page, 4, data->height);
      sqlite3_bind_text (page, 5, data->text, -1, SQLITE_STATIC);

      if (!pb_db_step_done (page, error))
        return -1;
    }

  /* What the report says about itself: type, dates, judgements, sections. */
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();
    g_autoptr(PbStructure) structure = NULL;

    for (guint i = 0; i < state->pages->len; i++)
      g_ptr_array_add (texts, g_array_index (state->pages, PageData, i).text);
    g_ptr_array_add (texts, NULL);

    structure = pb_structure_read_document (state->document, (const char * const *)texts->pdata);
    if (!_pb_structure_store (db, report_id, state->sha256, structure, error))
      return -1;
  }

  if (state->markups->len > 0)
    {
      g_autoptr(sqlite3_stmt) suggestion = NULL;

      if (!(suggestion = pb_db_prepare (db,
                                        "INSERT INTO suggestions (report_sha256, source, page_number,"
                                        "  quads, quote, note) VALUES (?1, 'pdf-annotation', ?2, ?3, ?4, ?5)",
                                        error)))
        return -1;

      for (guint i = 0; i < state->markups->len; i++)
        {
          Markup *markup = g_ptr_array_index (state->markups, i);
          g_autofree char *quads = pb_anchors_to_json (markup->anchors);

          sqlite3_reset (suggestion);
          sqlite3_bind_text (suggestion, 1, state->sha256, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (suggestion, 2, (int)markup->page);
          sqlite3_bind_text (suggestion, 3, quads, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (suggestion, 4, markup->quote, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (suggestion, 5, markup->note, -1, SQLITE_TRANSIENT);
          if (!pb_db_step_done (suggestion, error))
            return -1;
        }
    }

  return report_id;
}

static char *
journal_path_for (PbLibrary  *library,
                  const char *sha256)
{
  g_autofree char *name = g_strconcat (TEMP_PREFIX, sha256, JOURNAL_SUFFIX, NULL);

  return g_build_filename (_pb_library_get_reports_dir (library), name, NULL);
}

/* Creates the journal that marks reports/<sha256>.pdf as placed by this import
 * and not yet committed, locked for as long as the import runs, and on disk
 * before the file it marks. Called with the write lock held, so that
 * pb_import_clean_leftovers (), which takes the write lock too, never sees a
 * journal between its creation and its lock. */
static gboolean
journal_open (ImportState  *state,
              int          *out_fd,
              GError      **error)
{
  g_autofree char *path = journal_path_for (state->library, state->sha256);
  int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, PB_LIBRARY_FILE_MODE);

  if (fd < 0 || flock (fd, LOCK_EX) != 0 ||
      write (fd, state->sha256, strlen (state->sha256)) < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        {
          g_close (fd, NULL);
          g_unlink (path);
        }
      set_storage_error (state, saved_errno, error);
      return FALSE;
    }

  *out_fd = fd;
  return TRUE;
}

static void
journal_close (ImportState *state,
               int          fd)
{
  g_autofree char *path = NULL;

  if (fd < 0)
    return;

  path = journal_path_for (state->library, state->sha256);
  g_unlink (path);
  g_close (fd, NULL);
}

/* Moves the copy into place and commits. Returns the report id, 0 if another
 * import of the same file got there first, or -1 on error. */
static gint64
store (ImportState  *state,
       GError      **error)
{
  g_autoptr(GError) db_error = NULL;
  g_autofree char *final_path = NULL;
  gboolean file_was_there;
  int journal_fd = -1;
  sqlite3 *db;
  gint64 report_id = -1;
  gint64 existing;

  if (!(db = _pb_library_open_connection (state->library, &db_error)))
    {
      set_database_error (state, db_error, error);
      return -1;
    }

  final_path = pb_library_dup_report_path (state->library, state->sha256);
  file_was_there = g_file_test (final_path, G_FILE_TEST_EXISTS);

  if (!pb_db_begin (db, &db_error))
    goto failed;

  /* Checked again under the write lock: another process may have imported the
   * same file since the first look. */
  if ((existing = find_existing (db, state->sha256, &db_error)) != 0)
    {
      pb_db_rollback (db);
      pb_db_close (db);
      if (existing < 0)
        set_database_error (state, db_error, error);
      return existing < 0 ? -1 : 0;
    }

  if ((report_id = insert_rows (state, db, &db_error)) < 0)
    goto failed;

  if (g_cancellable_set_error_if_cancelled (state->cancellable, error))
    {
      pb_db_rollback (db);
      pb_db_close (db);
      return -1;
    }

  /* A file this import puts into reports/ is marked by a journal until the
   * commit, so that if the process dies in between, the file is known for a
   * leftover of this import and not for an orphan that some database needs.
   * A file that was there already is someone else's and needs no mark. */
  if (!file_was_there && !journal_open (state, &journal_fd, error))
    {
      pb_db_rollback (db);
      pb_db_close (db);
      return -1;
    }

  if (g_rename (state->temp_path, final_path) != 0)
    {
      int saved_errno = errno;
      pb_db_rollback (db);
      pb_db_close (db);
      journal_close (state, journal_fd);
      set_storage_error (state, saved_errno, error);
      return -1;
    }
  g_clear_pointer (&state->temp_path, g_free);

  if (!pb_db_commit (db, &db_error))
    {
      /* The row is gone, so the file this import placed goes too. */
      if (!file_was_there)
        g_unlink (final_path);
      journal_close (state, journal_fd);
      goto failed;
    }

  journal_close (state, journal_fd);
  pb_db_close (db);
  return report_id;

failed:
  pb_db_rollback (db);
  pb_db_close (db);
  set_database_error (state, db_error, error);
  return -1;
}

/* A duplicate whose stored copy has gone missing gets it back from this import. */
static void
restore_missing_copy (ImportState *state)
{
  g_autofree char *final_path = pb_library_dup_report_path (state->library, state->sha256);

  if (!g_file_test (final_path, G_FILE_TEST_EXISTS) &&
      g_rename (state->temp_path, final_path) == 0)
    g_clear_pointer (&state->temp_path, g_free);
}

/**
 * pb_import_file:
 * @library: the library to import into
 * @file: the PDF to import; it is only read
 * @password: (nullable): the password, for an encrypted PDF
 * @progress: (nullable): called as the import advances, from this thread
 * @out_status: (out): imported or duplicate
 * @out_report_id: (out): the id of the new or existing report
 *
 * Imports one PDF. Safe to call from any thread. On failure nothing is left
 * behind in the library and @error says why, in a sentence meant for the user.
 */
gboolean
pb_import_file (PbLibrary             *library,
                GFile                 *file,
                const char            *password,
                GCancellable          *cancellable,
                PbImportProgressFunc   progress,
                gpointer               progress_data,
                PbImportStatus        *out_status,
                gint64                *out_report_id,
                GError               **error)
{
  g_auto(ImportState) state = { .temp_fd = -1 };
  g_autoptr(GError) db_error = NULL;
  gint64 report_id;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  state.library = library;
  state.file = file;
  state.password = password;
  state.cancellable = cancellable;
  state.progress = progress;
  state.progress_data = progress_data;
  state.display_name = g_file_get_basename (file);

  if (out_status != NULL)
    *out_status = PB_IMPORT_STATUS_FAILED;
  if (out_report_id != NULL)
    *out_report_id = 0;

  if (!copy_and_hash (&state, error))
    return FALSE;

  /* A read-only look first, so a duplicate never waits for the write lock. */
  {
    sqlite3 *db = _pb_library_open_connection (library, &db_error);
    gint64 existing = db != NULL ? find_existing (db, state.sha256, &db_error) : -1;

    pb_db_close (db);

    if (existing < 0)
      {
        set_database_error (&state, db_error, error);
        return FALSE;
      }

    if (existing > 0)
      {
        restore_missing_copy (&state);
        if (out_status != NULL)
          *out_status = PB_IMPORT_STATUS_DUPLICATE;
        if (out_report_id != NULL)
          *out_report_id = existing;
        report_progress (&state, 1.0);
        return TRUE;
      }
  }

  if (!open_document (&state, error))
    return FALSE;

  {
    PopplerStructureElementIter *structure =
      poppler_structure_element_iter_new (state.document);
    g_autofree char *pdf_title = poppler_document_get_title (state.document);

    state.is_tagged = structure != NULL;
    g_clear_pointer (&structure, poppler_structure_element_iter_free);
    state.title = pb_pdf_clean_title (pdf_title);
  }

  if (!read_pages (&state, error))
    return FALSE;

  if (state.title == NULL)
    {
      g_autofree char *base = g_strdup (state.display_name);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".pdf") == 0)
        *dot = '\0';
      state.title = g_strdup (base);
    }

  if ((report_id = store (&state, error)) < 0)
    return FALSE;

  if (report_id == 0)
    {
      /* Lost a race with another import of the same file: it is a duplicate. */
      g_autoptr(GError) lookup_error = NULL;
      sqlite3 *db = _pb_library_open_connection (library, &lookup_error);

      report_id = db != NULL ? find_existing (db, state.sha256, &lookup_error) : -1;
      pb_db_close (db);
      if (out_status != NULL)
        *out_status = PB_IMPORT_STATUS_DUPLICATE;
    }
  else if (out_status != NULL)
    {
      *out_status = PB_IMPORT_STATUS_IMPORTED;
    }

  if (out_report_id != NULL)
    *out_report_id = report_id;

  report_progress (&state, 1.0);

  return TRUE;
}

/**
 * pb_import_is_report_file_name:
 * @name: a file name, without its folder
 *
 * Returns: whether @name is that of a stored report: 64 lowercase hex digits
 *   (a SHA-256) and ".pdf".
 */
gboolean
pb_import_is_report_file_name (const char *name)
{
  return strlen (name) == 64 + strlen (".pdf") &&
         strspn (name, "0123456789abcdef") == 64 &&
         g_str_has_suffix (name, ".pdf");
}

static int
compare_strings (gconstpointer a,
                           gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Unlinks @path when no other process holds a lock on it: a lock means an
 * import that is still running, here or in another process. */
static gboolean
remove_if_unlocked (const char *path)
{
  gboolean removed = FALSE;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    removed = g_unlink (path) == 0;

  g_close (fd, NULL);
  return removed;
}

/* A journal whose import is dead: the import placed reports/<sha256>.pdf and
 * did not live to commit. If the row is there after all (it died between the
 * commit and removing the journal), the file is the report's; otherwise the
 * file is this import's leftover and goes, unless a backup lists the report,
 * in which case it is kept for the backup's sake. */
static void
settle_journal (PbLibrary    *library,
                sqlite3_stmt *has_row,
                const char   *reports_dir,
                const char   *name)
{
  g_autofree char *journal = g_build_filename (reports_dir, name, NULL);
  g_autofree char *sha256 = NULL;
  g_autofree char *pdf_name = NULL;
  g_autofree char *pdf_path = NULL;
  gsize prefix_len = strlen (TEMP_PREFIX);
  gsize name_len = strlen (name);
  int fd;

  if (name_len != prefix_len + 64 + strlen (JOURNAL_SUFFIX))
    return;

  sha256 = g_strndup (name + prefix_len, 64);
  if (strspn (sha256, "0123456789abcdef") != 64)
    return;

  if ((fd = g_open (journal, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return;

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_close (fd, NULL);
      return;
    }

  sqlite3_reset (has_row);
  sqlite3_bind_text (has_row, 1, sha256, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (has_row))
    {
    case SQLITE_ROW:
      break;

    case SQLITE_DONE:
      pdf_name = g_strconcat (sha256, ".pdf", NULL);
      pdf_path = g_build_filename (reports_dir, pdf_name, NULL);
      if (_pb_library_backups_may_list (library, sha256))
        {
          g_debug ("Keeping %s, left by an import that did not finish: a backup lists it",
                   pdf_name);
        }
      else
        {
          g_debug ("Removing %s, left by an import that did not finish", pdf_name);
          g_unlink (pdf_path);
        }
      break;

    default:
      /* Not known either way: keep both, and look again next time. */
      g_close (fd, NULL);
      return;
    }

  g_unlink (journal);
  g_close (fd, NULL);
}

/**
 * pb_import_clean_leftovers:
 * @library: the library to tidy
 *
 * Deletes what imports that were killed left in reports/, recognised by their
 * own marks and nothing else: partial copies (.import-XXXXXX.part) and copies
 * moved into place whose commit never came (marked by .import-<sha256>.journal).
 * A mark still locked belongs to an import running now, perhaps in another
 * process, and is left alone. A stored PDF with no report row and no journal
 * is an orphan and is kept (see pb_import_list_orphans ()).
 *
 * Errors are not reported: anything that cannot be looked at is left as it is.
 */
void
pb_import_clean_leftovers (PbLibrary *library)
{
  g_autoptr(sqlite3_stmt) has_row = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *reports_dir;
  const char *name;
  sqlite3 *db;

  g_return_if_fail (PB_IS_LIBRARY (library));

  reports_dir = _pb_library_get_reports_dir (library);
  if (!(dir = g_dir_open (reports_dir, 0, NULL)))
    return;

  /* The write lock, so that no import in another process is between creating
   * its journal and locking it (it creates journals under the write lock). */
  if (!(db = _pb_library_open_connection (library, NULL)))
    return;
  if (!pb_db_begin (db, NULL) ||
      !(has_row = pb_db_prepare (db, "SELECT 1 FROM reports WHERE sha256 = ?1", NULL)))
    goto out;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, TEMP_PREFIX))
        continue;

      if (g_str_has_suffix (name, TEMP_SUFFIX))
        {
          path = g_build_filename (reports_dir, name, NULL);
          if (remove_if_unlocked (path))
            g_debug ("Removed %s, left by an import that did not finish", name);
        }
      else if (g_str_has_suffix (name, JOURNAL_SUFFIX))
        {
          settle_journal (library, has_row, reports_dir, name);
        }
    }

out:
  g_clear_pointer (&has_row, sqlite3_finalize);
  pb_db_rollback (db);
  pb_db_close (db);
}

/**
 * pb_import_list_orphans:
 * @library: the library to look in
 * @error: a #GError, or %NULL
 *
 * Lists the stored PDFs in reports/ that no report row points at and that no
 * import is placing: what a database replaced by an older copy, or emptied,
 * has lost track of. They are never deleted; re-importing one from its own
 * file (pb_library_dup_report_path ()) reads its text and structure again.
 * Files kept only because a backup lists a report that was removed since are
 * not orphans and are not listed.
 *
 * Returns: (transfer full) (element-type utf8): the SHA-256 checksums (64
 *   lowercase hex digits), sorted; or %NULL with @error set from the
 *   database (PB_DB_ERROR) if the library could not be read.
 */
GPtrArray *
pb_import_list_orphans (PbLibrary  *library,
                        GError    **error)
{
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) has_row = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *reports_dir;
  const char *name;
  sqlite3 *db;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  reports_dir = _pb_library_get_reports_dir (library);
  if (!(dir = g_dir_open (reports_dir, 0, NULL)))
    return g_steal_pointer (&orphans);

  db = _pb_library_get_db (library);
  if (!(has_row = pb_db_prepare (db,
                                 "SELECT 1 FROM reports WHERE sha256 = ?1"
                                 " UNION ALL SELECT 1 FROM removed_reports WHERE sha256 = ?1",
                                 error)))
    return NULL;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *sha256 = NULL;
      g_autofree char *journal = NULL;
      int rc;

      if (!pb_import_is_report_file_name (name))
        continue;

      sha256 = g_strndup (name, 64);
      journal = journal_path_for (library, sha256);
      if (g_file_test (journal, G_FILE_TEST_EXISTS))
        continue;

      sqlite3_reset (has_row);
      sqlite3_bind_text (has_row, 1, sha256, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (has_row);
      if (rc == SQLITE_DONE)
        g_ptr_array_add (orphans, g_steal_pointer (&sha256));
      else if (rc != SQLITE_ROW)
        {
          pb_db_set_error (db, rc, error);
          return NULL;
        }
    }

  g_ptr_array_sort (orphans, (GCompareFunc)compare_strings);
  return g_steal_pointer (&orphans);
}
