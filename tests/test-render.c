/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"


#include "pb-document.h"
#include "pb-page-cache.h"
#include "pb-page-text.h"
#include "pb-test-util.h"

/* The reader's machinery without a display: the per-document render worker
 * (priorities, superseded requests), the byte-bounded page cache, find, and
 * selection over page text. */

/* Holds the render worker inside its image function, so a test can act
 * while a page is being rendered. Only the first render is held. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean entered;     /* the worker is in the image function */
  gboolean released;    /* the test has let it go on */
} Gate;

typedef struct
{
  char       *dir;
  char       *pdf;
  PbDocument *document;
  GArray     *rendered;     /* guint page, in the order the signal came */
  GMainLoop  *loop;
  guint       expected;
  Gate        gate;
} Fixture;

static void
rendered_cb (PbDocument *document,
             guint       page,
             double      scale,
             GObject    *image,
             guint64     n_bytes,
             Fixture    *f)
{
  g_assert_true (PB_IS_PAGE_IMAGE (image));
  g_assert_cmpuint (n_bytes, >, 0);
  g_array_append_val (f->rendered, page);
  if (f->rendered->len == f->expected)
    g_main_loop_quit (f->loop);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Page %u about care leavers.\nThe local offer\nis generous.", i + 1));
  g_ptr_array_add (pages, NULL);

  f->dir = pb_test_make_dir ();
  f->pdf = pb_test_write_pdf (f->dir, "twelve.pdf", (const char **)pages->pdata, NULL);
  f->document = pb_document_new_from_file (f->pdf, NULL, &error);
  g_assert_no_error (error);
  f->rendered = g_array_new (FALSE, FALSE, sizeof (guint));
  f->loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (f->document, "page-rendered", G_CALLBACK (rendered_cb), f);
  g_mutex_init (&f->gate.lock);
  g_cond_init (&f->gate.cond);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  pb_test_wait_for_finalize (f->document);
  g_array_unref (f->rendered);
  g_main_loop_unref (f->loop);
  g_mutex_clear (&f->gate.lock);
  g_cond_clear (&f->gate.cond);
  pb_test_remove_dir (f->dir);
  g_free (f->pdf);
  g_free (f->dir);
}

static gboolean
fail_timeout (gpointer data)
{
  g_error ("timed out waiting for renders");
  return G_SOURCE_REMOVE;
}

static void
wait_for (Fixture *f,
          guint    n)
{
  guint timeout = g_timeout_add_seconds (20, fail_timeout, NULL);

  f->expected = n;
  if (f->rendered->len < n)
    g_main_loop_run (f->loop);
  g_source_remove (timeout);
}

/* Runs on the worker thread: the first render waits here, after poppler
 * has drawn the page and before the worker decides whether to keep it. */
static GObject *
gated_image_func (cairo_surface_t *surface,
                  gpointer         user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->lock);
  if (!gate->entered)
    {
      gate->entered = TRUE;
      g_cond_broadcast (&gate->cond);
      while (!gate->released)
        g_cond_wait (&gate->cond, &gate->lock);
    }
  g_mutex_unlock (&gate->lock);

  return g_object_new (PB_TYPE_PAGE_IMAGE, NULL);
}

static void
gate_wait_entered (Gate *gate)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_mutex_lock (&gate->lock);
  while (!gate->entered)
    if (!g_cond_wait_until (&gate->cond, &gate->lock, deadline))
      g_error ("timed out waiting for the worker to start rendering");
  g_mutex_unlock (&gate->lock);
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static void
test_page_sizes (Fixture       *f,
                 gconstpointer  data)
{
  double w, h;

  g_assert_cmpuint (pb_document_get_n_pages (f->document), ==, 12);
  pb_document_get_page_size (f->document, 11, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595, 0.5);
  g_assert_cmpfloat_with_epsilon (h, 842, 0.5);
}

static void
test_priorities (Fixture       *f,
                 gconstpointer  data)
{
  const PbRenderRequest requests[] = {
    { 9, 0.5, PB_RENDER_PRIORITY_PRELOAD },
    { 4, 0.5, PB_RENDER_PRIORITY_NEAR },
    { 2, 0.5, PB_RENDER_PRIORITY_VISIBLE },
    { 5, 0.5, PB_RENDER_PRIORITY_NEAR },
    { 3, 0.5, PB_RENDER_PRIORITY_VISIBLE },
  };
  const guint expected[] = { 2, 3, 4, 5, 9 };

  /* Queue everything before the worker may start, so the order is the queue's. */
  pb_document_set_paused (f->document, TRUE);
  pb_document_request_renders (f->document, requests, G_N_ELEMENTS (requests));
  pb_document_set_paused (f->document, FALSE);
  wait_for (f, G_N_ELEMENTS (expected));

  g_assert_cmpmem (f->rendered->data, f->rendered->len * sizeof (guint), expected, sizeof expected);
  g_assert_cmpuint (pb_document_get_n_rendered (f->document), ==, 5);
}

static void
test_superseded (Fixture       *f,
                 gconstpointer  data)
{
  const PbRenderRequest old[] = {
    { 0, 0.5, PB_RENDER_PRIORITY_VISIBLE },
    { 1, 0.5, PB_RENDER_PRIORITY_VISIBLE },
    { 2, 0.5, PB_RENDER_PRIORITY_NEAR },
  };
  /* The preload comes last of all, so any old page still waiting would be
   * rendered before it: once it is in, nothing else can come. */
  const PbRenderRequest now[] = {
    { 10, 0.5, PB_RENDER_PRIORITY_VISIBLE },
    { 11, 0.5, PB_RENDER_PRIORITY_VISIBLE },
    { 6, 0.5, PB_RENDER_PRIORITY_PRELOAD },
  };
  const guint expected[] = { 10, 11, 6 };

  /* The user scrolled on before the first pages were started. */
  pb_document_set_paused (f->document, TRUE);
  pb_document_request_renders (f->document, old, G_N_ELEMENTS (old));
  pb_document_request_renders (f->document, now, G_N_ELEMENTS (now));
  pb_document_set_paused (f->document, FALSE);
  wait_for (f, G_N_ELEMENTS (expected));

  g_assert_cmpmem (f->rendered->data, f->rendered->len * sizeof (guint), expected, sizeof expected);
  g_assert_cmpuint (pb_document_get_n_rendered (f->document), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (pb_document_get_n_cancelled (f->document), ==, 0);
}

static void
test_superseded_while_rendering (Fixture       *f,
                                 gconstpointer  data)
{
  /* A big render, superseded while the worker is on it, is dropped. */
  const PbRenderRequest big = { 0, 6.0, PB_RENDER_PRIORITY_VISIBLE };
  const PbRenderRequest small = { 7, 0.3, PB_RENDER_PRIORITY_VISIBLE };

  pb_document_set_image_func (f->document, gated_image_func, &f->gate, NULL);
  pb_document_request_renders (f->document, &big, 1);
  gate_wait_entered (&f->gate);

  /* The worker is in the middle of page 0 when the user scrolls on. */
  pb_document_request_renders (f->document, &small, 1);
  gate_release (&f->gate);
  wait_for (f, 1);

  /* The worker finished (and dropped) page 0 before it took page 7, and its
   * signal would have been posted first: by now it would be here. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->rendered->len, ==, 1);
  g_assert_cmpuint (g_array_index (f->rendered, guint, 0), ==, 7);
  g_assert_cmpuint (pb_document_get_n_cancelled (f->document), ==, 1);
  g_assert_cmpuint (pb_document_get_n_rendered (f->document), ==, 1);
}

static void
find_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pb_document_find_finish (PB_DOCUMENT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  GPtrArray *matches = NULL;
  GPtrArray *multiline = NULL;
  PbFindMatch *first;
  PbRect *rect;

  pb_document_find_async (f->document, "CARE leavers", NULL, find_done_cb, &matches);
  while (matches == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (matches->len, ==, 12);
  g_assert_cmpuint (matches->len, ==, pb_test_poppler_count (f->pdf, "CARE leavers"));

  /* Top-left origin: the first line of a page is near its top. */
  first = g_ptr_array_index (matches, 0);
  g_assert_cmpuint (first->page, ==, 0);
  rect = &g_array_index (first->rects, PbRect, 0);
  g_assert_cmpfloat (rect->y1, <, 200);
  g_assert_cmpfloat (rect->y2, >, rect->y1);
  g_assert_cmpfloat (rect->x2, >, rect->x1);

  /* A phrase that runs across a line break is one match over two lines. */
  pb_document_find_async (f->document, "local offer is generous", NULL, find_done_cb, &multiline);
  while (multiline == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (multiline->len, ==, 12);
  g_assert_cmpuint (((PbFindMatch *)g_ptr_array_index (multiline, 0))->rects->len, ==, 2);

  g_ptr_array_unref (matches);
  g_ptr_array_unref (multiline);
}

static void
page_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PbPageText **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = pb_document_get_page_text_finish (PB_DOCUMENT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_page_text_selection (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PbPageText) text = NULL;
  PbPageText *out = NULL;
  g_autofree char *selected = NULL;
  g_autoptr(GArray) rects = NULL;
  int start, end;

  pb_document_get_page_text_async (f->document, 2, NULL, page_text_cb, &out);
  while (out == NULL)
    g_main_context_iteration (NULL, TRUE);
  text = out;

  g_assert_cmpuint (pb_page_text_get_page (text), ==, 2);

  /* The test page's lines start at x = 72 and are 18 points apart from y = 100
   * (the baseline): drag from the start of line 1 to the middle of line 2. */
  start = pb_page_text_index_at_point (text, 72.5, 95);
  end = pb_page_text_index_at_point (text, 72 + 40, 113);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, >, start);

  selected = pb_page_text_dup_range (text, start, end);
  g_assert_true (g_str_has_prefix (selected, "Page 3 about care leavers.\nThe "));

  rects = pb_page_text_get_range_rects (text, start, end);
  g_assert_cmpuint (rects->len, ==, 2);
  g_assert_cmpfloat (g_array_index (rects, PbRect, 0).y2, <=, g_array_index (rects, PbRect, 1).y1 + 1);

  /* Off the text, the nearest character of the nearest line. */
  g_assert_cmpint (pb_page_text_index_at_point (text, 500, 95), ==,
                   (int)strlen ("Page 3 about care leavers."));
}

static void
test_cache_budget (void)
{
  g_autoptr(PbPageCache) cache = pb_page_cache_new (1000);
  double scale = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GObject) image = g_object_new (G_TYPE_OBJECT, NULL);
      pb_page_cache_insert (cache, i, 1.0, image, 300);
    }

  /* Least recently used went first, within the budget. */
  g_assert_cmpuint (pb_page_cache_get_size (cache), <=, 1000);
  g_assert_cmpuint (pb_page_cache_get_n_images (cache), ==, 3);
  g_assert_null (pb_page_cache_lookup (cache, 0, 1.0));
  g_assert_nonnull (pb_page_cache_lookup (cache, 9, 1.0));
  g_assert_null (pb_page_cache_lookup (cache, 9, 2.0));
  g_assert_nonnull (pb_page_cache_lookup_any (cache, 9, &scale));
  g_assert_cmpfloat (scale, ==, 1.0);

  /* Using page 7 keeps it over page 8 when the next one comes in. */
  g_assert_nonnull (pb_page_cache_lookup (cache, 7, 1.0));
  {
    g_autoptr(GObject) image = g_object_new (G_TYPE_OBJECT, NULL);
    pb_page_cache_insert (cache, 10, 1.0, image, 300);
  }
  g_assert_nonnull (pb_page_cache_lookup (cache, 7, 1.0));
  g_assert_null (pb_page_cache_lookup (cache, 8, 1.0));
}

static void
test_cache_pins (void)
{
  g_autoptr(PbPageCache) cache = pb_page_cache_new (1000);

  pb_page_cache_pin_range (cache, 0, 4);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GObject) image = g_object_new (G_TYPE_OBJECT, NULL);
      pb_page_cache_insert (cache, i, 1.0, image, 300);
    }

  /* The pinned (visible) pages stay even past the budget; nothing else does. */
  for (guint i = 0; i <= 4; i++)
    g_assert_nonnull (pb_page_cache_lookup (cache, i, 1.0));
  for (guint i = 5; i < 8; i++)
    g_assert_null (pb_page_cache_lookup (cache, i, 1.0));
  g_assert_cmpuint (pb_page_cache_get_size (cache), ==, 5 * 300);

  /* Scrolling on releases them. */
  pb_page_cache_pin_range (cache, 6, 7);
  g_assert_cmpuint (pb_page_cache_get_size (cache), <=, 1000);

  /* A smaller budget applies at once; a replaced image does not count twice. */
  pb_page_cache_pin_range (cache, 100, 100);
  {
    g_autoptr(GObject) image = g_object_new (G_TYPE_OBJECT, NULL);
    pb_page_cache_insert (cache, 3, 1.0, image, 300);
    pb_page_cache_insert (cache, 3, 1.0, image, 300);
  }
  pb_page_cache_set_budget (cache, 300);
  g_assert_cmpuint (pb_page_cache_get_size (cache), ==, 300);
  g_assert_cmpuint (pb_page_cache_get_n_images (cache), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/page-sizes", Fixture, NULL, fixture_setup, test_page_sizes, fixture_teardown);
  g_test_add ("/render/priorities", Fixture, NULL, fixture_setup, test_priorities, fixture_teardown);
  g_test_add ("/render/superseded", Fixture, NULL, fixture_setup, test_superseded, fixture_teardown);
  g_test_add ("/render/superseded-while-rendering", Fixture, NULL, fixture_setup, test_superseded_while_rendering, fixture_teardown);
  g_test_add ("/render/find", Fixture, NULL, fixture_setup, test_find, fixture_teardown);
  g_test_add ("/render/page-text-selection", Fixture, NULL, fixture_setup, test_page_text_selection, fixture_teardown);
  g_test_add_func ("/render/cache-budget", test_cache_budget);
  g_test_add_func ("/render/cache-pins", test_cache_pins);

  return g_test_run ();
}
