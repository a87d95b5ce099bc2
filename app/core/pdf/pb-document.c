/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-document"

#include "config.h"

#include <math.h>
#include <string.h>
#include <poppler.h>

#include "pb-document-private.h"
#include "pb-pdf-open.h"
#include "pb-post.h"

/* An open PDF for reading. Poppler is not thread-safe for one document, so
 * each PbDocument has one worker thread that alone touches the poppler
 * document: it renders pages, finds text and reads page text (the two jobs
 * in pb-document-text.c), and posts the results to the main thread.
 *
 * Renders are asked for as a set: each call to pb_document_request_renders ()
 * replaces what is waiting, so pages the user has scrolled or zoomed past are
 * never rendered, and a page being rendered when it stops being wanted is
 * dropped when it finishes. Pages on screen come first, then finds and page
 * text (the user is waiting for those), then pages near the screen. */

G_DEFINE_QUARK (pb-document-error-quark, pb_document_error)

/* PbPageImage: a rendered page, for callers that set no image function. */

struct _PbPageImage
{
  GObject          parent_instance;
  cairo_surface_t *surface;
};

G_DEFINE_FINAL_TYPE (PbPageImage, pb_page_image, G_TYPE_OBJECT)

static void
pb_page_image_finalize (GObject *object)
{
  g_clear_pointer (&PB_PAGE_IMAGE (object)->surface, cairo_surface_destroy);
  G_OBJECT_CLASS (pb_page_image_parent_class)->finalize (object);
}

static void
pb_page_image_class_init (PbPageImageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_page_image_finalize;
}

static void
pb_page_image_init (PbPageImage *self)
{
}

/**
 * pb_page_image_get_surface:
 * @self: a rendered page, as the default image function makes it
 *
 * Returns: (transfer none): the page, an ARGB32 image surface of the
 *   requested scale
 */
cairo_surface_t *
pb_page_image_get_surface (PbPageImage *self)
{
  g_return_val_if_fail (PB_IS_PAGE_IMAGE (self), NULL);
  return self->surface;
}

static GObject *
default_image_func (cairo_surface_t *surface,
                    gpointer         user_data)
{
  PbPageImage *image = g_object_new (PB_TYPE_PAGE_IMAGE, NULL);

  image->surface = cairo_surface_reference (surface);
  return G_OBJECT (image);
}

/* PbDocument */

struct _PbDocument
{
  GObject           parent_instance;

  /* Set at open, then read-only. */
  PopplerDocument  *poppler;          /* touched by the worker thread only */
  guint             n_pages;
  double           *widths;
  double           *heights;
  GMainContext     *context;

  GThread          *thread;
  GMutex            lock;
  GCond             cond;

  /* Guarded by lock. */
  GArray           *wanted;           /* PbRenderRequest */
  GQueue            tasks;            /* GTask, find and page-text jobs (pb-document-text.c) */
  gboolean          paused;
  gboolean          shutdown;
  gboolean          rendering;
  PbRenderRequest   current;
  gboolean          current_cancelled;
  guint             n_rendered;
  guint             n_cancelled;
  PbImageFunc       image_func;
  gpointer          image_data;
  GDestroyNotify    image_destroy;
};

G_DEFINE_FINAL_TYPE (PbDocument, pb_document, G_TYPE_OBJECT)

enum {
  PAGE_RENDERED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  GWeakRef         document;
  PbRenderRequest  request;
  GObject         *image;
  gsize            n_bytes;
} Rendered;

static void
rendered_free (Rendered *rendered)
{
  g_weak_ref_clear (&rendered->document);
  g_clear_object (&rendered->image);
  g_free (rendered);
}

static gboolean
same_request (const PbRenderRequest *a,
              const PbRenderRequest *b)
{
  return a->page == b->page && fabs (a->scale - b->scale) < 1e-6;
}

static gboolean
emit_rendered (gpointer data)
{
  Rendered *rendered = data;
  g_autoptr(PbDocument) self = g_weak_ref_get (&rendered->document);

  if (self != NULL)
    g_signal_emit (self, signals [PAGE_RENDERED], 0, rendered->request.page,
                   rendered->request.scale, rendered->image, (guint64)rendered->n_bytes);

  return G_SOURCE_REMOVE;
}

/* The index of the next render to do: the lowest priority value, and among
 * equals the first asked for. -1 if none is at or below @max_priority. */
static int
pick_render (GArray           *wanted,
             PbRenderPriority  max_priority)
{
  int best = -1;

  for (guint i = 0; i < wanted->len; i++)
    {
      const PbRenderRequest *r = &g_array_index (wanted, PbRenderRequest, i);

      if (r->priority > max_priority)
        continue;
      if (best < 0 || r->priority < g_array_index (wanted, PbRenderRequest, best).priority)
        best = (int)i;
    }

  return best;
}

static void
render_page (PbDocument            *self,
             const PbRenderRequest *request,
             PbImageFunc            image_func,
             gpointer               image_data)
{
  PopplerPage *page = poppler_document_get_page (self->poppler, (int)request->page);
  cairo_surface_t *surface;
  cairo_t *cr;
  GObject *image;
  int width = (int)ceil (self->widths[request->page] * request->scale);
  int height = (int)ceil (self->heights[request->page] * request->scale);
  gboolean cancelled;
  Rendered *rendered;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (page != NULL)
    {
      cairo_scale (cr, request->scale, request->scale);
      poppler_page_render (page, cr);
      g_object_unref (page);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  image = (image_func ? image_func : default_image_func) (surface, image_data);

  g_mutex_lock (&self->lock);
  cancelled = self->current_cancelled;
  self->rendering = FALSE;
  if (cancelled)
    self->n_cancelled++;
  else
    self->n_rendered++;
  g_mutex_unlock (&self->lock);

  if (cancelled)
    {
      g_object_unref (image);
      cairo_surface_destroy (surface);
      return;
    }

  rendered = g_new0 (Rendered, 1);
  g_weak_ref_init (&rendered->document, self);
  rendered->request = *request;
  rendered->image = image;
  rendered->n_bytes = (gsize)cairo_image_surface_get_stride (surface) * MAX (height, 1);
  cairo_surface_destroy (surface);

  pb_post (self->context, emit_rendered, rendered, (GDestroyNotify)rendered_free);
}

/* A task holds a reference to the document; were the worker to drop the last
 * one, the document would be disposed on the worker thread, which would then
 * wait for itself to end. The last reference is let go on the main thread. */
static gboolean
release_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static gpointer
worker_main (gpointer data)
{
  PbDocument *self = data;

  for (;;)
    {
      PbRenderRequest request;
      GTask *task = NULL;
      int index;

      g_mutex_lock (&self->lock);
      while (!self->shutdown &&
             (self->paused || (self->wanted->len == 0 && self->tasks.length == 0)))
        g_cond_wait (&self->cond, &self->lock);

      if (self->shutdown)
        {
          g_mutex_unlock (&self->lock);
          break;
        }

      index = pick_render (self->wanted, PB_RENDER_PRIORITY_VISIBLE);
      if (index < 0 && self->tasks.length > 0)
        task = g_queue_pop_head (&self->tasks);
      else if (index < 0)
        index = pick_render (self->wanted, PB_RENDER_PRIORITY_PRELOAD);

      if (task == NULL)
        {
          PbImageFunc func = self->image_func;
          gpointer func_data = self->image_data;

          request = g_array_index (self->wanted, PbRenderRequest, index);
          g_array_remove_index (self->wanted, index);
          self->current = request;
          self->current_cancelled = FALSE;
          self->rendering = TRUE;
          g_mutex_unlock (&self->lock);

          render_page (self, &request, func, func_data);
          continue;
        }

      g_mutex_unlock (&self->lock);

      _pb_document_run_task (self, task);
      pb_post (self->context, release_task, task, NULL);
    }

  return NULL;
}

static void
pb_document_dispose (GObject *object)
{
  PbDocument *self = (PbDocument *)object;

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->shutdown = TRUE;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->lock);

      g_thread_join (self->thread);
      self->thread = NULL;
    }

  G_OBJECT_CLASS (pb_document_parent_class)->dispose (object);
}

static void
pb_document_finalize (GObject *object)
{
  PbDocument *self = (PbDocument *)object;

  /* Tasks hold a reference to the document, so none is left by now. */
  g_assert (self->tasks.length == 0);

  if (self->image_destroy != NULL)
    self->image_destroy (self->image_data);

  g_clear_object (&self->poppler);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->heights, g_free);
  g_clear_pointer (&self->wanted, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (pb_document_parent_class)->finalize (object);
}

static void
pb_document_class_init (PbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_document_dispose;
  object_class->finalize = pb_document_finalize;

  /**
   * PbDocument::page-rendered:
   * @page: the page, from 0
   * @scale: device pixels per PDF point
   * @image: what the image function made of it
   * @n_bytes: the memory the image holds
   *
   * Emitted on the main thread for each page rendered and still wanted.
   */
  signals [PAGE_RENDERED] =
    g_signal_new ("page-rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_UINT, G_TYPE_DOUBLE, G_TYPE_OBJECT, G_TYPE_UINT64);
}

static void
pb_document_init (PbDocument *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->tasks);
  self->wanted = g_array_new (FALSE, FALSE, sizeof (PbRenderRequest));
}

/**
 * pb_document_new_from_file:
 *
 * Opens a PDF for reading and starts its worker. Results are delivered to the
 * thread-default main context of the calling thread.
 */
PbDocument *
pb_document_new_from_file (const char  *path,
                           const char  *password,
                           GError     **error)
{
  g_autoptr(PbDocument) self = NULL;
  PopplerDocument *poppler;

  g_return_val_if_fail (path != NULL, NULL);

  /* A password given earlier in the session opens it without asking. */
  if (!(poppler = pb_pdf_open (path, password, error)))
    return NULL;

  self = g_object_new (PB_TYPE_DOCUMENT, NULL);
  self->poppler = poppler;
  self->n_pages = (guint)MAX (poppler_document_get_n_pages (poppler), 0);
  self->widths = g_new0 (double, MAX (self->n_pages, 1));
  self->heights = g_new0 (double, MAX (self->n_pages, 1));
  self->context = g_main_context_ref_thread_default ();

  for (guint i = 0; i < self->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (poppler, (int)i);

      if (page != NULL)
        {
          poppler_page_get_size (page, &self->widths[i], &self->heights[i]);
          g_object_unref (page);
        }
      else
        {
          self->widths[i] = 595;
          self->heights[i] = 842;
        }
    }

  self->thread = g_thread_new ("pb-document", worker_main, self);

  return g_steal_pointer (&self);
}

typedef struct
{
  char *path;
  char *password;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  PbDocument *document;

  document = pb_document_new_from_file (data->path, data->password, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * pb_document_open_async:
 * @path: (type filename): a PDF file
 * @password: (nullable): its password; %NULL to use the one given earlier in
 *   the session, if any
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when it is open
 * @user_data: for @callback
 *
 * Opens the document as pb_document_new_from_file() does, but off the main
 * thread (poppler reads the cross-reference table and every page's size).
 * The copy of @password is wiped when the task is done.
 */
void
pb_document_open_async (const char          *path,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data = g_new0 (OpenData, 1);

  g_return_if_fail (path != NULL);

  data->path = g_strdup (path);
  data->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pb_document_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (task, open_worker);
}

/**
 * pb_document_open_finish:
 * @result: the result given to the callback
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the document, delivering its results to the
 *   thread-default main context of the thread that calls this; or %NULL
 *   with @error set as pb_document_new_from_file() sets it
 */
PbDocument *
pb_document_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  PbDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  document = g_task_propagate_pointer (G_TASK (result), error);
  if (document != NULL)
    {
      /* Made on a pool thread: deliver to the thread that asked. */
      g_main_context_unref (document->context);
      document->context = g_main_context_ref_thread_default ();
    }

  return document;
}

/**
 * pb_document_get_n_pages:
 * @self: a document
 *
 * Returns: how many pages it has
 */
guint
pb_document_get_n_pages (PbDocument *self)
{
  g_return_val_if_fail (PB_IS_DOCUMENT (self), 0);
  return self->n_pages;
}

/**
 * pb_document_get_page_size:
 * @self: a document
 * @page_index: a page, from 0, below pb_document_get_n_pages()
 * @width: (out) (optional): its width, in PDF points
 * @height: (out) (optional): its height, in PDF points
 *
 * The page's size as poppler gives it, rotation applied; an A4 portrait
 * page (595 × 842 points) for a page poppler cannot read.
 */
void
pb_document_get_page_size (PbDocument *self,
                           guint       page_index,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (PB_IS_DOCUMENT (self));
  g_return_if_fail (page_index < self->n_pages);

  if (width != NULL)
    *width = self->widths[page_index];
  if (height != NULL)
    *height = self->heights[page_index];
}

/**
 * pb_document_set_image_func:
 * @self: a document
 * @func: (nullable) (scope notified): turns each rendered page into the
 *   object #PbDocument::page-rendered carries, on the worker thread; %NULL
 *   for a #PbPageImage
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data when another function replaces
 *   this one, or the document is finalised
 *
 * Renders already started use the function they started with.
 */
void
pb_document_set_image_func (PbDocument     *self,
                            PbImageFunc     func,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (PB_IS_DOCUMENT (self));

  g_mutex_lock (&self->lock);
  old_destroy = self->image_destroy;
  old_data = self->image_data;
  self->image_func = func;
  self->image_data = user_data;
  self->image_destroy = destroy;
  g_mutex_unlock (&self->lock);

  if (old_destroy != NULL)
    old_destroy (old_data);
}

/**
 * pb_document_request_renders:
 * @requests: (array length=n_requests): the pages wanted now
 *
 * Replaces every render still waiting with @requests. A render under way that
 * is not among them is dropped when it finishes.
 */
void
pb_document_request_renders (PbDocument            *self,
                             const PbRenderRequest *requests,
                             guint                  n_requests)
{
  gboolean current_wanted = FALSE;

  g_return_if_fail (PB_IS_DOCUMENT (self));
  g_return_if_fail (requests != NULL || n_requests == 0);

  g_mutex_lock (&self->lock);

  g_array_set_size (self->wanted, 0);
  for (guint i = 0; i < n_requests; i++)
    {
      if (requests[i].page >= self->n_pages)
        continue;

      if (self->rendering && same_request (&requests[i], &self->current))
        {
          current_wanted = TRUE;
          continue;
        }

      g_array_append_val (self->wanted, requests[i]);
    }

  if (self->rendering && !current_wanted)
    self->current_cancelled = TRUE;

  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * pb_document_set_paused:
 * @self: a document
 * @paused: whether the worker is to start nothing new
 *
 * A render or job under way finishes; those waiting wait until the document
 * is resumed (for a window that is not shown, say).
 */
void
pb_document_set_paused (PbDocument *self,
                        gboolean    paused)
{
  g_return_if_fail (PB_IS_DOCUMENT (self));

  g_mutex_lock (&self->lock);
  self->paused = !!paused;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * pb_document_get_n_rendered:
 * @self: a document
 *
 * Returns: how many renders the worker has finished and delivered since
 *   the document was opened, for tests and benchmarks
 */
guint
pb_document_get_n_rendered (PbDocument *self)
{
  guint n;

  g_return_val_if_fail (PB_IS_DOCUMENT (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_rendered;
  g_mutex_unlock (&self->lock);

  return n;
}

/**
 * pb_document_get_n_cancelled:
 * @self: a document
 *
 * Returns: how many renders the worker finished but dropped because they
 *   were no longer wanted when they ended (see
 *   pb_document_request_renders())
 */
guint
pb_document_get_n_cancelled (PbDocument *self)
{
  guint n;

  g_return_val_if_fail (PB_IS_DOCUMENT (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_cancelled;
  g_mutex_unlock (&self->lock);

  return n;
}

/* The poppler document: for the worker thread alone. */
PopplerDocument *
_pb_document_get_poppler (PbDocument *self)
{
  return self->poppler;
}

/* Queues @task (taken) for the worker: after the pages on screen, before
 * those rendered ahead. */
void
_pb_document_queue_task (PbDocument *self,
                         GTask      *task)
{
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->tasks, task);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}
