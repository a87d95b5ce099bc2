/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-document-private.h"
#include "pb-pdf-text.h"
#include "pb-text-fold.h"

/* What a document's worker reads besides pixels: the matches of a find,
 * and a page's text with each character's box. Each is a GTask the worker
 * runs between the pages on screen and those rendered ahead, and returns
 * to the thread that asked. */

/**
 * pb_find_match_copy:
 * @match: a match
 *
 * Returns: (transfer full): a copy of @match, its rectangles copied too
 */
PbFindMatch *
pb_find_match_copy (const PbFindMatch *match)
{
  PbFindMatch *copy = g_new0 (PbFindMatch, 1);

  copy->page = match->page;
  copy->rects = g_array_copy (match->rects);
  return copy;
}

/**
 * pb_find_match_free:
 * @match: (nullable) (transfer full): a match
 */
void
pb_find_match_free (PbFindMatch *match)
{
  if (match == NULL)
    return;
  g_clear_pointer (&match->rects, g_array_unref);
  g_free (match);
}

G_DEFINE_BOXED_TYPE (PbFindMatch, pb_find_match, pb_find_match_copy, pb_find_match_free)

typedef enum
{
  JOB_FIND,
  JOB_PAGE_TEXT,
} JobKind;

typedef struct
{
  JobKind  kind;
  char    *text;
  guint    page;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job);
}

static void
run_find (PbDocument *self,
          GTask      *task,
          Job        *job)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_find_match_free);
  g_autoptr(PbTextKey) needle = pb_text_key_new (job->text, -1);
  PopplerDocument *poppler = _pb_document_get_poppler (self);
  guint n_pages = pb_document_get_n_pages (self);

  /* Matched as search and quotes are (pb-text-fold.c), in the page-text
   * builder's text: whatever the case, the typography and the line breaks,
   * and a phrase over several lines is one match over several rectangles. */
  for (guint i = 0; i < n_pages && pb_text_key_get_length (needle) > 0; i++)
    {
      g_autoptr(PbPageText) text = NULL;
      g_autoptr(PbTextKey) haystack = NULL;
      guint from = 0, start, end;

      if (g_task_return_error_if_cancelled (task))
        return;

      text = pb_pdf_document_read_page_text (poppler, i);
      haystack = pb_text_key_new (pb_page_text_get_text (text), -1);

      while (pb_text_key_find (haystack, needle, from, PB_TEXT_FIND_DEFAULT, &start, &end))
        {
          PbFindMatch *match = g_new0 (PbFindMatch, 1);

          match->page = i;
          match->rects = pb_page_text_get_range_rects (text, pb_text_key_get_origin (haystack, start),
                                                       pb_text_key_get_origin (haystack, end - 1) + 1);
          g_ptr_array_add (matches, match);
          from = end;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&matches), (GDestroyNotify)g_ptr_array_unref);
}

static void
run_page_text (PbDocument *self,
               GTask      *task,
               Job        *job)
{
  PopplerPage *page = poppler_document_get_page (_pb_document_get_poppler (self), (int)job->page);
  PbPageText *text;

  if (page == NULL)
    {
      g_task_return_new_error (task, PB_DOCUMENT_ERROR, PB_DOCUMENT_ERROR_DAMAGED,
                               _("Page %u cannot be read."), job->page + 1);
      return;
    }
  g_object_unref (page);

  /* The same text import stored, so that what is selected is what search
   * found and what a quote is matched against. */
  text = pb_pdf_document_read_page_text (_pb_document_get_poppler (self), job->page);
  g_task_return_pointer (task, text, (GDestroyNotify)pb_page_text_unref);
}

/* Runs a find or page-text task, on the worker thread. */
void
_pb_document_run_task (PbDocument *self,
                       GTask      *task)
{
  Job *job = g_task_get_task_data (task);

  if (job->kind == JOB_FIND)
    run_find (self, task, job);
  else
    run_page_text (self, task, job);
}

static void
queue_job (PbDocument          *self,
           Job                 *job,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);

  _pb_document_queue_task (self, task);
}

/**
 * pb_document_find_async:
 * @text: what to find, matched as search and quotes are: whatever the case,
 *   the accents, the typography and the line breaks; it may run across lines
 */
void
pb_document_find_async (PbDocument          *self,
                        const char          *text,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (PB_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  job->kind = JOB_FIND;
  job->text = g_strdup (text);
  queue_job (self, job, pb_document_find_async, cancellable, callback, user_data);
}

/**
 * pb_document_find_finish:
 *
 * Returns: (transfer container) (element-type PbFindMatch): the matches in
 *   page order
 */
GPtrArray *
pb_document_find_finish (PbDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pb_document_get_page_text_async:
 * @self: a document
 * @page_index: a page, from 0
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the document's main context when it is read
 * @user_data: for @callback
 *
 * Reads a page's text on the worker thread: the same text import stored,
 * so that what is selected is what search found and what a quote is
 * matched against. It waits behind pages being rendered for the screen,
 * and goes before pages rendered ahead.
 */
void
pb_document_get_page_text_async (PbDocument          *self,
                                 guint                page_index,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (PB_IS_DOCUMENT (self));

  job->kind = JOB_PAGE_TEXT;
  job->page = page_index;
  queue_job (self, job, pb_document_get_page_text_async, cancellable, callback, user_data);
}

/**
 * pb_document_get_page_text_finish:
 * @self: a document
 * @result: the result given to the callback
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the page's text with each character's box;
 *   or %NULL with @error set (%PB_DOCUMENT_ERROR_DAMAGED for a page poppler
 *   cannot read, %G_IO_ERROR_CANCELLED)
 */
PbPageText *
pb_document_get_page_text_finish (PbDocument    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
