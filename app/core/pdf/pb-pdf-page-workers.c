/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-page-workers"

#include "config.h"

#include <string.h>

#include "pb-pdf-open.h"
#include "pb-pdf-page-workers.h"

/* Reading a document's pages on every core.
 *
 * Poppler is not thread-safe per document, but separate documents are
 * independent: each extra thread opens the same file for itself and reads
 * the pages it takes, while the calling thread reads with the caller's own
 * document. Pages are handed out a few at a time from one counter, so a
 * thread slowed by a busy machine simply takes fewer; each page is read by
 * exactly one thread, which writes only that page's result, so merging is
 * the caller's reading of its results in page order.
 *
 * Opening the file again costs a few milliseconds (poppler reads its
 * cross-reference table), about as much as reading a few pages: short
 * documents are read on the calling thread alone. */

/* A thread is worth opening the file for when it has at least this many
 * pages to read. */
#define MIN_PAGES_PER_THREAD 12

/* Never more threads than this, however many cores: past it the threads
 * mostly wait on memory. */
#define MAX_THREADS 8

typedef struct
{
  PopplerDocument *document;     /* the caller's, for the calling thread */
  const char      *path;         /* for the others to open */
  guint            n_pages;
  guint            chunk;        /* pages handed out at once, at most */
  guint            n_threads;
  PbPdfPageFunc    func;
  gpointer         user_data;
  GCancellable    *cancellable;

  gint             next_page;    /* atomic: the next page nobody has taken */

  GMutex           mutex;
  GCond            cond;
  guint            n_done;       /* pages read, under mutex */
  guint            n_running;    /* extra threads still working, under mutex */
  gboolean         caller_waiting; /* the calling thread waits on cond, under mutex */
} Run;

/* Takes the next pages to read; FALSE when none are left (or on cancel).
 * Whole chunks while many pages are left; towards the end, fewer at a time,
 * down to one, so that no thread is left reading a chunk while the others
 * have nothing to do. */
static gboolean
take_pages (Run   *run,
            guint *first,
            guint *last)
{
  gint start;
  guint chunk;

  if (g_cancellable_is_cancelled (run->cancellable))
    return FALSE;

  do
    {
      start = g_atomic_int_get (&run->next_page);
      if (start < 0 || (guint)start >= run->n_pages)
        return FALSE;
      chunk = CLAMP ((run->n_pages - (guint)start) / (2 * run->n_threads), 1, run->chunk);
    }
  while (!g_atomic_int_compare_and_exchange (&run->next_page, start, start + (gint)chunk));

  *first = (guint)start;
  *last = (guint)start + chunk;
  return TRUE;
}

static void
read_pages (Run             *run,
            PopplerDocument *document,
            guint            first,
            guint            last)
{
  for (guint i = first; i < last; i++)
    {
      run->func (document, i, run->user_data);

      g_mutex_lock (&run->mutex);
      run->n_done++;
      /* Only a waiting caller needs waking: a wake is a system call. */
      if (run->caller_waiting)
        g_cond_broadcast (&run->cond);
      g_mutex_unlock (&run->mutex);
    }
}

/* An extra thread: its own copy of the document, then pages until none are
 * left. A copy that does not open leaves its pages to the others. */
static gpointer
worker_thread (gpointer data)
{
  Run *run = data;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  guint first, last;

  document = pb_pdf_open_for_text (run->path, NULL, &error);
  if (document == NULL)
    g_debug ("A page reader could not open its copy of the document: %s", error->message);

  while (document != NULL && take_pages (run, &first, &last))
    read_pages (run, document, first, last);

  g_clear_object (&document);

  g_mutex_lock (&run->mutex);
  run->n_running--;
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);

  return NULL;
}

/**
 * pb_pdf_page_workers_default:
 * @n_pages: how many pages there are to read
 *
 * Returns: how many threads (the calling one included) are worth using to
 *   read @n_pages pages on this machine: one per core, each with enough
 *   pages to pay for opening the file again; at least 1
 */
guint
pb_pdf_page_workers_default (guint n_pages)
{
  guint n_threads = MIN ((guint)g_get_num_processors (), MAX_THREADS);

  n_threads = MIN (n_threads, n_pages / MIN_PAGES_PER_THREAD);
  return MAX (n_threads, 1);
}

/**
 * pb_pdf_run_pages:
 * @document: a document opened with pb_pdf_open () (or given its path with
 *   pb_pdf_document_set_path ()), used by the calling thread only
 * @n_threads: how many threads to read with, the calling one included; 0
 *   for pb_pdf_page_workers_default (); 1 to read every page on the calling
 *   thread with @document
 * @func: reads one page; called once for every page of @document
 * @user_data: for @func
 * @cancellable: (nullable): stops handing out pages
 * @progress: (nullable): called on the calling thread as pages are read,
 *   with the share read so far
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Calls @func for each page of @document, on @n_threads threads, each of
 * them but the calling one with its own copy of the document (opened from
 * its file with the password known for it, see pb_pdf_dup_password ()).
 * A document without a file is read on the calling thread alone. Returns
 * when every thread has finished.
 *
 * Returns: %TRUE when every page was read; %FALSE with
 *   %G_IO_ERROR_CANCELLED when @cancellable was cancelled (some pages may
 *   have been read)
 */
gboolean
pb_pdf_run_pages (PopplerDocument   *document,
                  guint              n_threads,
                  PbPdfPageFunc      func,
                  gpointer           user_data,
                  GCancellable      *cancellable,
                  PbPdfProgressFunc  progress,
                  gpointer           progress_data,
                  GError           **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Run run = { 0 };
  guint first, last;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  run.document = document;
  run.path = pb_pdf_document_get_path (document);
  run.n_pages = (guint)MAX (poppler_document_get_n_pages (document), 0);
  run.func = func;
  run.user_data = user_data;
  run.cancellable = cancellable;
  g_mutex_init (&run.mutex);
  g_cond_init (&run.cond);

  if (n_threads == 0)
    n_threads = pb_pdf_page_workers_default (run.n_pages);
  if (run.path == NULL)
    n_threads = 1;
  n_threads = MIN (n_threads, MAX (run.n_pages, 1));

  /* Small pieces, so that the threads finish together: a page takes about
   * a millisecond, and the last piece is what one thread may still be
   * reading while the others wait. */
  run.chunk = CLAMP (run.n_pages / (n_threads * 16), 1, 4);
  if (n_threads == 1)
    run.chunk = MAX (run.n_pages, 1);

  run.n_threads = n_threads;
  run.n_running = n_threads - 1;
  for (guint i = 1; i < n_threads; i++)
    {
      g_autoptr(GError) thread_error = NULL;
      GThread *thread = g_thread_try_new ("pb-page-reader", worker_thread, &run, &thread_error);

      if (thread == NULL)
        {
          g_debug ("No thread to read pages on: %s", thread_error->message);
          g_mutex_lock (&run.mutex);
          run.n_running--;
          g_mutex_unlock (&run.mutex);
          continue;
        }
      g_ptr_array_add (threads, thread);
    }

  /* The calling thread reads too, reporting progress between its pages. */
  while (take_pages (&run, &first, &last))
    for (guint i = first; i < last; i++)
      {
        read_pages (&run, document, i, i + 1);
        if (progress != NULL)
          {
            guint n_done;

            g_mutex_lock (&run.mutex);
            n_done = run.n_done;
            g_mutex_unlock (&run.mutex);
            progress ((double)n_done / run.n_pages, progress_data);
          }
      }

  /* Then waits for the others, still reporting. */
  g_mutex_lock (&run.mutex);
  while (run.n_running > 0)
    {
      guint n_done = run.n_done;

      if (progress != NULL)
        {
          g_mutex_unlock (&run.mutex);
          progress ((double)n_done / run.n_pages, progress_data);
          g_mutex_lock (&run.mutex);
        }
      if (run.n_running > 0 && run.n_done == n_done)
        {
          run.caller_waiting = TRUE;
          g_cond_wait (&run.cond, &run.mutex);
          run.caller_waiting = FALSE;
        }
    }
  g_mutex_unlock (&run.mutex);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));

  g_mutex_clear (&run.mutex);
  g_cond_clear (&run.cond);

  /* The calling thread took pages until none were left, so every page has
   * been read, unless a cancel stopped the handing out. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}
