/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reindex"

#include "config.h"

#include "pb-db.h"
#include "pb-document.h"
#include "pb-finding-store.h"
#include "pb-library-private.h"
#include "pb-pdf-content.h"
#include "pb-pdf-open.h"
#include "pb-pdf-text.h"
#include "pb-post.h"
#include "pb-quote-locate.h"
#include "pb-reindex.h"
#include "pb-report-insert.h"
#include "pb-report-store.h"
#include "pb-structure-pdf.h"
#include "pb-structure-reader.h"
#include "pb-structure-store-private.h"

/* Reading again what import read once.
 *
 *  - A report's structure from its stored page text, for reports imported
 *    before Panel Brief read structure.
 *  - A report's pages from its PDF, when the page-text builder has changed
 *    since (each report records the PB_PAGE_TEXT_VERSION that read it): its
 *    text, and so the search index, its structure, the highlights it arrived
 *    with, and its fingerprint. Its findings are kept, and each is placed
 *    again by finding its quote in the new text. A report whose password has
 *    not been given in this session is left for later. */

/**
 * pb_library_read_structure:
 *
 * Reads the structure of a report imported before Panel Brief read
 * structure, from its stored page text, and stores it.
 */
gboolean
pb_library_read_structure (PbLibrary  *library,
                           gint64      report_id,
                           GError    **error)
{
  g_autoptr(PbReport) report = NULL;
  g_autoptr(PbStructure) structure = NULL;
  g_auto(GStrv) pages = NULL;
  sqlite3 *db = _pb_library_get_db (library);

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (!(report = pb_library_get_report (library, report_id, error)) ||
      !(pages = pb_library_dup_page_texts (library, pb_report_get_sha256 (report), error)))
    return FALSE;

  structure = pb_structure_read_text ((const char * const *)pages);

  if (!pb_db_begin (db, error))
    return FALSE;

  if (!_pb_structure_store (db, report_id, pb_report_get_sha256 (report), structure, error) ||
      !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * pb_library_count_stale_reports:
 *
 * Returns: how many reports were read by an older page-text builder than
 *   this one (PB_PAGE_TEXT_VERSION), and want pb_library_reindex (); 0 with
 *   @error set (PB_DB_ERROR) when the library cannot be read
 */
guint
pb_library_count_stale_reports (PbLibrary  *library,
                                GError    **error)
{
  g_autofree char *sql = NULL;
  gint64 n;

  g_return_val_if_fail (PB_IS_LIBRARY (library), 0);

  /* Our own integer, not the user's. */
  sql = g_strdup_printf ("SELECT count(*) FROM reports WHERE text_version < %d", PB_PAGE_TEXT_VERSION);
  n = pb_db_query_int (_pb_library_get_db (library), sql, error);

  return n > 0 ? (guint)n : 0;
}

/**
 * pb_library_reindex_report:
 * @password: (nullable): the report's password, when it has one; %NULL for
 *   the one given earlier in the session
 * @out_n_reanchored: (out) (optional): how many of its findings were placed
 *   again
 *
 * Reads a report's PDF again with this page-text builder and replaces what
 * was read before (see above); its findings are kept and placed again by
 * their quotes, and a finding whose quote is not found keeps its place.
 *
 * Returns: %TRUE on success; otherwise %FALSE with @error set: a
 *   %PB_DOCUMENT_ERROR (%PB_DOCUMENT_ERROR_NEEDS_PASSWORD when no password
 *   is known), %PB_LIBRARY_ERROR_NOT_FOUND or a %PB_DB_ERROR
 */
gboolean
pb_library_reindex_report (PbLibrary   *library,
                           gint64       report_id,
                           const char  *password,
                           guint       *out_n_reanchored,
                           GError     **error)
{
  PbFindingFilter filter = PB_FINDING_FILTER_INIT;
  g_autoptr(PbReport) report = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(PbReportContent) content = NULL;
  g_autoptr(PbStructure) structure = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = _pb_library_get_db (library);
  guint n_reanchored = 0;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (out_n_reanchored != NULL)
    *out_n_reanchored = 0;

  if (!(report = pb_library_get_report (library, report_id, error)))
    return FALSE;

  path = pb_library_dup_report_path (library, pb_report_get_sha256 (report));
  if (!(document = G_OBJECT (pb_pdf_open_for_text (path, password, error))) ||
      !(content = pb_pdf_read_content (POPPLER_DOCUMENT (document), NULL, NULL, NULL, error)))
    return FALSE;
  pb_pdf_read_raw_markups (content, POPPLER_DOCUMENT (document), path);

  {
    g_autoptr(GPtrArray) texts = pb_report_content_get_texts (content);
    structure = pb_structure_read_document (POPPLER_DOCUMENT (document), (const char * const *)texts->pdata);
  }

  if (!pb_db_begin (db, error))
    return FALSE;
  if (!_pb_library_replace_report_text (db, report_id, pb_report_get_sha256 (report), content,
                                        structure, error) ||
      !pb_db_commit (db, error))
    {
      pb_db_rollback (db);
      return FALSE;
    }

  /* Each finding where its quote now is. */
  filter.report_id = report_id;
  if (!(findings = pb_library_list_findings (library, &filter, error)))
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      g_autoptr(GArray) anchors = NULL;
      g_autoptr(GError) local_error = NULL;

      anchors = pb_pdf_locate_quote_in_document (POPPLER_DOCUMENT (document), pb_finding_get_page (finding),
                                                 pb_finding_get_quote (finding), NULL);
      if (anchors == NULL)
        continue;

      pb_finding_set_anchors (finding, (PbAnchor *)(gpointer)anchors->data, anchors->len);
      if (pb_library_update_finding (library, finding, &local_error))
        n_reanchored++;
      else
        g_warning ("Finding %" G_GINT64_FORMAT " could not be placed again: %s",
                   pb_finding_get_id (finding), local_error->message);
    }

  if (out_n_reanchored != NULL)
    *out_n_reanchored = n_reanchored;

  return TRUE;
}

/**
 * pb_library_reindex:
 * @all: read every report again, not only those an older builder read
 * @cancellable: (nullable): to stop between reports
 * @progress: (nullable): called before each report and at the end, from
 *   this thread
 * @out_n_done: (out) (optional): how many reports were read again
 * @out_locked: (out) (optional) (transfer full) (element-type utf8): the
 *   titles of the reports left for later, because their password has not been
 *   given in this session or their file cannot be read
 *
 * Reads again the reports an older page-text builder read (or all of them),
 * one after the other, each in its own transaction (see
 * pb_library_reindex_report ()). Stopped part-way, the reports done stay
 * done and the others are done next time.
 *
 * Returns: %TRUE when every report that could be read was; %FALSE with @error
 *   set on cancellation (%G_IO_ERROR_CANCELLED) or a database error
 */
gboolean
pb_library_reindex (PbLibrary             *library,
                    gboolean               all,
                    GCancellable          *cancellable,
                    PbReindexProgressFunc  progress,
                    gpointer               progress_data,
                    guint                 *out_n_done,
                    GPtrArray            **out_locked,
                    GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) locked = g_ptr_array_new_with_free_func (g_free);
  guint n_done = 0;
  int rc;

  g_return_val_if_fail (PB_IS_LIBRARY (library), FALSE);

  if (out_n_done != NULL)
    *out_n_done = 0;
  if (out_locked != NULL)
    *out_locked = NULL;

  if (!(stmt = pb_db_prepare (_pb_library_get_db (library),
                              "SELECT id, title FROM reports WHERE ?1 OR text_version < ?2 ORDER BY id",
                              error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, all);
  sqlite3_bind_int (stmt, 2, PB_PAGE_TEXT_VERSION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (titles, g_strdup (pb_db_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      pb_db_set_error (_pb_library_get_db (library), rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      const char *title = g_ptr_array_index (titles, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (progress != NULL)
        progress (i, ids->len, title, progress_data);

      if (pb_library_reindex_report (library, g_array_index (ids, gint64, i), NULL, NULL, &local_error))
        n_done++;
      else if (local_error->domain == PB_DOCUMENT_ERROR || local_error->domain == G_FILE_ERROR ||
               local_error->domain == G_CONVERT_ERROR)
        g_ptr_array_add (locked, g_strdup (title));
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (progress != NULL)
    progress (ids->len, ids->len, NULL, progress_data);

  if (out_n_done != NULL)
    *out_n_done = n_done;
  if (out_locked != NULL)
    *out_locked = g_steal_pointer (&locked);

  return TRUE;
}

typedef struct
{
  char                  *library_path;
  GMainContext          *context;
  PbReindexProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_destroy;
  guint                  n_done;
  GPtrArray             *locked;
  GTask                 *task;        /* not owned: the task owns the job */
} ReindexJob;

/* Holds the task, and so the job, until it is delivered. */
typedef struct
{
  GTask      *task;
  ReindexJob *job;
  guint       n_done;
  guint       n_total;
  char       *title;
} ReindexUpdate;

static void
reindex_job_free (ReindexJob *job)
{
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_free (job->library_path);
  g_main_context_unref (job->context);
  g_clear_pointer (&job->locked, g_ptr_array_unref);
  g_free (job);
}

static void
reindex_update_free (ReindexUpdate *update)
{
  g_clear_object (&update->task);
  g_free (update->title);
  g_free (update);
}

static gboolean
deliver_progress (gpointer data)
{
  ReindexUpdate *update = data;

  update->job->progress (update->n_done, update->n_total, update->title, update->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
post_progress (guint       n_done,
               guint       n_total,
               const char *title,
               gpointer    user_data)
{
  ReindexJob *job = user_data;
  ReindexUpdate *update = g_new0 (ReindexUpdate, 1);

  update->task = g_object_ref (job->task);
  update->job = job;
  update->n_done = n_done;
  update->n_total = n_total;
  update->title = g_strdup (title);
  pb_post (job->context, deliver_progress, update, (GDestroyNotify)reindex_update_free);
}

/* On its own connection: SQLite connections stay with their thread. */
static void
reindex_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReindexJob *job = task_data;
  g_autoptr(PbLibrary) library = NULL;
  GError *error = NULL;

  job->task = task;
  if ((library = pb_library_open (job->library_path, &error)) != NULL &&
      pb_library_reindex (library, FALSE, cancellable, job->progress ? post_progress : NULL, job,
                          &job->n_done, &job->locked, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * pb_library_reindex_async:
 * @progress: (nullable): called on the thread-default main context of the
 *   caller as the re-index goes on
 * @progress_destroy: (nullable): frees @progress_data when the job is over
 *
 * Runs pb_library_reindex () (of the reports an older builder read) in a
 * worker thread, on its own connection to the library. The app calls it at
 * start-up when pb_library_count_stale_reports () is not 0.
 */
void
pb_library_reindex_async (PbLibrary             *library,
                          GCancellable          *cancellable,
                          PbReindexProgressFunc  progress,
                          gpointer               progress_data,
                          GDestroyNotify         progress_destroy,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ReindexJob *job = g_new0 (ReindexJob, 1);

  g_return_if_fail (PB_IS_LIBRARY (library));

  job->library_path = g_strdup (pb_library_get_path (library));
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_library_reindex_async);
  g_task_set_task_data (task, job, (GDestroyNotify)reindex_job_free);
  g_task_run_in_thread (task, reindex_worker);
}

/**
 * pb_library_reindex_finish:
 * @out_n_done: (out) (optional): how many reports were read again
 * @out_locked: (out) (optional) (transfer full) (element-type utf8): the
 *   titles of the reports left for later
 *
 * Returns: as pb_library_reindex ()
 */
gboolean
pb_library_reindex_finish (PbLibrary     *library,
                           GAsyncResult  *result,
                           guint         *out_n_done,
                           GPtrArray    **out_locked,
                           GError       **error)
{
  ReindexJob *job;

  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (out_n_done != NULL)
    *out_n_done = job->n_done;
  if (out_locked != NULL)
    *out_locked = job->locked ? g_ptr_array_ref (job->locked) : NULL;

  return g_task_propagate_boolean (G_TASK (result), error);
}
