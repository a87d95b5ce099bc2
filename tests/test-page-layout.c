/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-page-layout.h"
#include "pb-view-model.h"

/* The reader's page layout and view state, with no display: where pages go,
 * what a viewport shows, how fitting works, and how the state moves. */

#define A4_W 595.0
#define A4_H 842.0
#define K    PB_PX_PER_PT
#define GAP  14.0
#define EDGE 18.0

static const PbPageSize portrait = { A4_W, A4_H };
static const PbPageSize landscape = { A4_H, A4_W };

static PbPageLayout *
three_pages (void)
{
  PbPageSize sizes[] = { portrait, landscape, portrait };
  PbPageLayout *layout = pb_page_layout_new ();

  pb_page_layout_set_pages (layout, sizes, G_N_ELEMENTS (sizes));
  return layout;
}

static void
test_empty (void)
{
  g_autoptr(PbPageLayout) layout = pb_page_layout_new ();
  PbRect rect;
  guint first = 9, last = 9, page;
  double x, y;

  pb_page_layout_set_viewport (layout, 800, 600);
  g_assert_cmpuint (pb_page_layout_get_n_pages (layout), ==, 0);
  g_assert_cmpfloat (pb_page_layout_get_content_width (layout), ==, 0);
  g_assert_cmpfloat (pb_page_layout_get_content_height (layout), ==, 0);
  g_assert_false (pb_page_layout_get_visible_pages (layout, 0, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);
  g_assert_false (pb_page_layout_get_page_rect (layout, 0, &rect));
  g_assert_false (pb_page_layout_point_to_page (layout, 10, 10, &page, &x, &y));
  g_assert_false (pb_page_layout_page_to_point (layout, 0, 10, 10, &x, &y));
  g_assert_cmpfloat (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_WIDTH, 0), ==, 1.0);
  g_assert_cmpfloat (pb_page_layout_clamp_offset (layout, 50), ==, 0);
}

/* Pages one under another: a margin, each page at zoom × 96/72 pixels per
 * point, a gap between, a margin under the last. */
static void
test_stacking (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  PbRect rect;

  pb_page_layout_set_viewport (layout, 2000, 600);
  g_assert_cmpfloat (pb_page_layout_get_scale (layout), ==, K);

  g_assert_true (pb_page_layout_get_page_rect (layout, 0, &rect));
  g_assert_cmpfloat_with_epsilon (rect.y1, EDGE, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.y2 - rect.y1, A4_H * K, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.x2 - rect.x1, A4_W * K, 1e-9);

  g_assert_true (pb_page_layout_get_page_rect (layout, 1, &rect));
  g_assert_cmpfloat_with_epsilon (rect.y1, EDGE + A4_H * K + GAP, 1e-9);
  g_assert_cmpfloat_with_epsilon (rect.y2 - rect.y1, A4_W * K, 1e-9);

  g_assert_true (pb_page_layout_get_page_rect (layout, 2, &rect));
  g_assert_cmpfloat_with_epsilon (rect.y1, EDGE + (A4_H + A4_W) * K + 2 * GAP, 1e-9);
  g_assert_false (pb_page_layout_get_page_rect (layout, 3, &rect));

  g_assert_cmpfloat_with_epsilon (pb_page_layout_get_content_height (layout),
                                  2 * EDGE + (2 * A4_H + A4_W) * K + 2 * GAP, 1e-9);
  /* As wide as the widest page, the landscape one. */
  g_assert_cmpfloat_with_epsilon (pb_page_layout_get_content_width (layout), A4_H * K + 2 * EDGE, 1e-9);

  /* Twice the zoom, twice the pages; margins and gaps stay. */
  pb_page_layout_set_zoom (layout, 2.0);
  g_assert_true (pb_page_layout_get_page_rect (layout, 1, &rect));
  g_assert_cmpfloat_with_epsilon (rect.y1, EDGE + A4_H * K * 2 + GAP, 1e-9);
}

/* Centred across the viewport, or across the widest page when the viewport
 * is narrower and scrolls sideways. */
static void
test_centring (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  PbRect rect;

  pb_page_layout_set_viewport (layout, 2000, 600);
  pb_page_layout_get_page_rect (layout, 0, &rect);
  g_assert_cmpfloat_with_epsilon (rect.x1, (2000 - A4_W * K) / 2, 1e-9);

  pb_page_layout_set_viewport (layout, 300, 600);
  pb_page_layout_get_page_rect (layout, 0, &rect);
  g_assert_cmpfloat_with_epsilon (rect.x1, (A4_H * K + 2 * EDGE - A4_W * K) / 2, 1e-9);
  pb_page_layout_get_page_rect (layout, 1, &rect);
  g_assert_cmpfloat_with_epsilon (rect.x1, EDGE, 1e-9);
}

static void
test_page_at_y (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double second_top = EDGE + A4_H * K + GAP;

  g_assert_cmpuint (pb_page_layout_page_at_y (layout, -100), ==, 0);
  g_assert_cmpuint (pb_page_layout_page_at_y (layout, 0), ==, 0);
  g_assert_cmpuint (pb_page_layout_page_at_y (layout, second_top - 1), ==, 0);   /* the gap is page 1's */
  g_assert_cmpuint (pb_page_layout_page_at_y (layout, second_top), ==, 1);
  g_assert_cmpuint (pb_page_layout_page_at_y (layout, 1e9), ==, 2);
}

static void
test_visible_and_current (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double second_top = EDGE + A4_H * K + GAP;
  guint first, last;

  pb_page_layout_set_viewport (layout, 900, 600);

  g_assert_true (pb_page_layout_get_visible_pages (layout, 0, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 0);

  /* The bottom of page 1 and the top of page 2. */
  g_assert_true (pb_page_layout_get_visible_pages (layout, second_top - 300, &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 1);

  /* At the top, the first page, whatever a third of the way down shows. */
  g_assert_cmpuint (pb_page_layout_get_current_page (layout, 0), ==, 0);
  /* Otherwise the page a third of the way down. */
  g_assert_cmpuint (pb_page_layout_get_current_page (layout, second_top - 150), ==, 1);
  g_assert_cmpuint (pb_page_layout_get_current_page (layout, second_top - 210), ==, 0);
}

static void
test_offsets (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double height;

  pb_page_layout_set_viewport (layout, 900, 600);
  height = pb_page_layout_get_content_height (layout);

  g_assert_cmpfloat (pb_page_layout_get_page_offset (layout, 0), ==, 0);
  g_assert_cmpfloat_with_epsilon (pb_page_layout_get_page_offset (layout, 1), A4_H * K + GAP, 1e-9);
  g_assert_cmpfloat (pb_page_layout_get_page_offset (layout, 7), ==, 0);

  g_assert_cmpfloat (pb_page_layout_clamp_offset (layout, -5), ==, 0);
  g_assert_cmpfloat (pb_page_layout_clamp_offset (layout, 1e9), ==, height - 600);
  g_assert_cmpfloat (pb_page_layout_clamp_offset (layout, 123), ==, 123);
}

static void
test_fit (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double fit_width = (800 - 2 * EDGE) / (A4_H * K);   /* the widest page fills the width */

  pb_page_layout_set_viewport (layout, 800, 600);
  g_assert_cmpfloat_with_epsilon (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_WIDTH, 0), fit_width, 1e-9);

  /* A tall page must also fit the height. */
  g_assert_cmpfloat_with_epsilon (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_PAGE, 0),
                                  (600 - 2 * EDGE) / (A4_H * K), 1e-9);
  /* A landscape page is short enough that the width decides. */
  g_assert_cmpfloat_with_epsilon (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_PAGE, 1), fit_width, 1e-9);

  /* The user's own zoom is not touched. */
  pb_page_layout_set_zoom (layout, 1.7);
  g_assert_cmpfloat (pb_page_layout_fit_zoom (layout, PB_SIZING_FREE, 0), ==, 1.7);

  /* Within the limits, and unchanged with no room at all. */
  pb_page_layout_set_viewport (layout, 60, 60);
  g_assert_cmpfloat (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_WIDTH, 0), ==, PB_ZOOM_MIN);
  pb_page_layout_set_viewport (layout, 60000, 60000);
  g_assert_cmpfloat (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_WIDTH, 0), ==, PB_ZOOM_MAX);
  pb_page_layout_set_viewport (layout, 0, 0);
  g_assert_cmpfloat (pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_WIDTH, 0), ==, 1.7);

  pb_page_layout_set_zoom (layout, 100);
  g_assert_cmpfloat (pb_page_layout_get_zoom (layout), ==, PB_ZOOM_MAX);
  pb_page_layout_set_zoom (layout, 0.001);
  g_assert_cmpfloat (pb_page_layout_get_zoom (layout), ==, PB_ZOOM_MIN);
}

static void
test_point_and_page (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double x, y, x_pt, y_pt;
  guint page;

  pb_page_layout_set_viewport (layout, 1000, 600);
  pb_page_layout_set_zoom (layout, 1.5);

  g_assert_true (pb_page_layout_page_to_point (layout, 1, 72, 100, &x, &y));
  g_assert_true (pb_page_layout_point_to_page (layout, x, y, &page, &x_pt, &y_pt));
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat_with_epsilon (x_pt, 72, 1e-9);
  g_assert_cmpfloat_with_epsilon (y_pt, 100, 1e-9);

  /* The top left of page 3 is its rectangle's corner. */
  {
    PbRect rect;

    pb_page_layout_get_page_rect (layout, 2, &rect);
    g_assert_true (pb_page_layout_page_to_point (layout, 2, 0, 0, &x, &y));
    g_assert_cmpfloat (x, ==, rect.x1);
    g_assert_cmpfloat (y, ==, rect.y1);
  }
  g_assert_false (pb_page_layout_page_to_point (layout, 3, 0, 0, &x, &y));
}

/* Zooming keeps what is at the top of the viewport there. */
static void
test_zoom_keeping (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double offset = EDGE + A4_H * K + GAP + 200;   /* 200 px into page 2 */
  double before_pt, after_pt, x_pt, new_offset;
  guint page;

  pb_page_layout_set_viewport (layout, 1000, 600);
  g_assert_true (pb_page_layout_point_to_page (layout, 500, offset, &page, &x_pt, &before_pt));
  g_assert_cmpuint (page, ==, 1);

  new_offset = pb_page_layout_set_zoom_keeping (layout, 2.0, 1, offset);
  g_assert_cmpfloat (pb_page_layout_get_zoom (layout), ==, 2.0);
  g_assert_true (pb_page_layout_point_to_page (layout, 500, new_offset, &page, &x_pt, &after_pt));
  g_assert_cmpuint (page, ==, 1);
  g_assert_cmpfloat_with_epsilon (after_pt, before_pt, 1e-9);
}

/* Zooming about a point of the viewport keeps the point of the page under
 * it there, across as well as down, as far as the scrolling allows. */
static void
test_zoom_around (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  double y_offset = EDGE + A4_H * K + GAP + 200;   /* 200 px into page 2 */
  double x_pt, y_pt, x_after, y_after, new_x, new_y;
  guint page, page_after;

  pb_page_layout_set_viewport (layout, 1000, 600);
  g_assert_true (pb_page_layout_point_to_page (layout, 500, y_offset + 300, &page, &x_pt, &y_pt));
  g_assert_cmpuint (page, ==, 1);

  pb_page_layout_set_zoom_around (layout, 2.0, 0, y_offset, 500, 300, &new_x, &new_y);
  g_assert_cmpfloat (pb_page_layout_get_zoom (layout), ==, 2.0);
  g_assert_cmpfloat (new_x, >, 0);      /* wider than the viewport now: scrolled across */
  g_assert_true (pb_page_layout_point_to_page (layout, new_x + 500, new_y + 300, &page_after, &x_after, &y_after));
  g_assert_cmpuint (page_after, ==, 1);
  g_assert_cmpfloat_with_epsilon (x_after, x_pt, 1e-6);
  g_assert_cmpfloat_with_epsilon (y_after, y_pt, 1e-6);

  /* Zooming right out from the end of the document: the offsets stay in the
   * range the smaller pages can scroll, and nothing is to scroll across. */
  pb_page_layout_set_zoom_around (layout, PB_ZOOM_MIN, new_x, pb_page_layout_get_content_height (layout) - 600,
                                  900, 590, &new_x, &new_y);
  g_assert_cmpfloat (new_y, >=, 0);
  g_assert_cmpfloat (new_y, <=, pb_page_layout_get_content_height (layout) - 600);
  g_assert_cmpfloat (new_x, ==, 0);
}

/* What the pages would take in a viewport, before they are laid out in it:
 * the same, rounded, as the layout then has. */
static void
test_measure (void)
{
  g_autoptr(PbPageLayout) layout = three_pages ();
  int width, height;

  pb_page_layout_set_viewport (layout, 800, 600);
  pb_page_layout_set_zoom (layout, 1.0);

  /* The user's zoom: whatever the viewport. */
  pb_page_layout_measure (layout, PB_SIZING_FREE, 0, 300, 300, &width, &height);
  g_assert_cmpint (width, ==, pb_page_layout_round_size (pb_page_layout_get_content_width (layout)));
  g_assert_cmpint (height, ==, pb_page_layout_round_size (pb_page_layout_get_content_height (layout)));

  /* Fitting the width: exactly as wide as the viewport, never a hair more;
   * as narrow as the least zoom when no width is given. */
  pb_page_layout_measure (layout, PB_SIZING_FIT_WIDTH, 0, 640, -1, &width, &height);
  g_assert_cmpint (width, ==, 640);
  pb_page_layout_set_viewport (layout, 640, 600);
  pb_page_layout_set_zoom (layout, pb_page_layout_fit_zoom (layout, PB_SIZING_FIT_WIDTH, 0));
  g_assert_cmpint (height, ==, pb_page_layout_round_size (pb_page_layout_get_content_height (layout)));
  g_assert_cmpint (pb_page_layout_round_size (pb_page_layout_get_content_width (layout)), ==, 640);

  pb_page_layout_measure (layout, PB_SIZING_FIT_WIDTH, 0, -1, -1, &width, &height);
  g_assert_cmpint (width, ==, pb_page_layout_round_size (A4_H * K * PB_ZOOM_MIN + 2 * EDGE));

  /* Fitting the page: the page's height decides in a short viewport. */
  pb_page_layout_measure (layout, PB_SIZING_FIT_PAGE, 0, 2000, 400, &width, &height);
  g_assert_cmpint (width, <, 2000);
  g_assert_cmpint (width, ==, pb_page_layout_round_size (A4_H * K * ((400 - 2 * EDGE) / (A4_H * K)) + 2 * EDGE));

  g_assert_cmpint (pb_page_layout_round_size (640.004), ==, 640);
  g_assert_cmpint (pb_page_layout_round_size (640.2), ==, 641);
}

/* The view state: its limits, its order of telling, and its round trip
 * through what the library keeps. */

static void
record_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static void
test_model_page (void)
{
  g_autoptr(PbViewModel) model = pb_view_model_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (model, "notify", G_CALLBACK (record_cb), log);

  /* No pages: no page but the first. */
  pb_view_model_set_page (model, 3);
  g_assert_cmpuint (pb_view_model_get_page (model), ==, 0);

  pb_view_model_set_n_pages (model, 8);
  pb_view_model_set_page (model, 7);
  g_assert_cmpuint (pb_view_model_get_page (model), ==, 7);
  pb_view_model_set_page (model, 8);   /* not in the report */
  g_assert_cmpuint (pb_view_model_get_page (model), ==, 7);
  pb_view_model_set_page (model, 7);   /* no change, no notification */

  /* Fewer pages: the page follows. */
  pb_view_model_set_n_pages (model, 5);
  g_assert_cmpuint (pb_view_model_get_page (model), ==, 4);
  pb_view_model_set_n_pages (model, 0);
  g_assert_cmpuint (pb_view_model_get_page (model), ==, 0);

  g_assert_cmpstr (log->str, ==, "n-pages;page;n-pages;page;n-pages;page;");
}

static void
test_model_zoom (void)
{
  g_autoptr(PbViewModel) model = pb_view_model_new ();
  g_autoptr(GString) log = g_string_new (NULL);

  g_assert_cmpint (pb_view_model_get_sizing (model), ==, PB_SIZING_FIT_WIDTH);
  g_assert_cmpfloat (pb_view_model_get_zoom (model), ==, 1.0);

  /* A fitted zoom stays fitted. */
  pb_view_model_set_zoom (model, 0.8);
  g_assert_cmpint (pb_view_model_get_sizing (model), ==, PB_SIZING_FIT_WIDTH);

  /* The user's own: sizing is told first. */
  g_signal_connect (model, "notify", G_CALLBACK (record_cb), log);
  pb_view_model_zoom_in (model);
  g_assert_cmpstr (log->str, ==, "sizing;zoom;");
  g_assert_cmpint (pb_view_model_get_sizing (model), ==, PB_SIZING_FREE);
  g_assert_cmpfloat_with_epsilon (pb_view_model_get_zoom (model), 0.8 * PB_ZOOM_STEP, 1e-9);
  pb_view_model_zoom_out (model);
  g_assert_cmpfloat_with_epsilon (pb_view_model_get_zoom (model), 0.8, 1e-9);

  pb_view_model_zoom_to (model, 1000);
  g_assert_cmpfloat (pb_view_model_get_zoom (model), ==, PB_ZOOM_MAX);
  pb_view_model_set_zoom (model, 0.01);   /* clamped, not refused */
  g_assert_cmpfloat (pb_view_model_get_zoom (model), ==, PB_ZOOM_MIN);

  g_object_set (model, "sizing", PB_SIZING_FIT_PAGE, NULL);
  g_assert_cmpint (pb_view_model_get_sizing (model), ==, PB_SIZING_FIT_PAGE);
}

static void
test_model_state (void)
{
  g_autoptr(PbViewModel) model = pb_view_model_new ();
  g_autoptr(PbViewModel) other = pb_view_model_new ();
  PbViewState saved = { 0 }, restored = { 0 };
  PbViewState fitted = { 3, 0.9, PB_SIZING_FIT_PAGE };

  pb_view_model_set_n_pages (model, 10);
  pb_view_model_zoom_to (model, 1.44);
  pb_view_model_set_page (model, 6);
  pb_view_model_get_state (model, &saved);
  g_assert_cmpuint (saved.page_index, ==, 6);
  g_assert_cmpfloat (saved.zoom, ==, 1.44);
  g_assert_cmpint (saved.sizing, ==, PB_SIZING_FREE);

  pb_view_model_set_n_pages (other, 10);
  pb_view_model_set_state (other, &saved);
  pb_view_model_get_state (other, &restored);
  g_assert_true (pb_view_state_equal (&saved, &restored));

  /* A fitting state keeps the zoom the view fits to. */
  pb_view_model_set_zoom (other, 1.0);
  pb_view_model_set_sizing (other, PB_SIZING_FIT_WIDTH);
  pb_view_model_set_state (other, &fitted);
  g_assert_cmpint (pb_view_model_get_sizing (other), ==, PB_SIZING_FIT_PAGE);
  g_assert_cmpfloat (pb_view_model_get_zoom (other), ==, 1.0);
  g_assert_cmpuint (pb_view_model_get_page (other), ==, 3);

  /* A page the report lacks is left where it was. */
  pb_view_model_set_state (other, &(PbViewState) { 40, 1.0, PB_SIZING_FIT_PAGE });
  g_assert_cmpuint (pb_view_model_get_page (other), ==, 3);
}

static void
test_state_equal (void)
{
  PbViewState a = { 2, 1.0, PB_SIZING_FIT_WIDTH };
  PbViewState b = { 2, 0.7, PB_SIZING_FIT_WIDTH };

  /* A fitted zoom follows the window: it is not a change. */
  g_assert_true (pb_view_state_equal (&a, &b));
  b.page_index = 3;
  g_assert_false (pb_view_state_equal (&a, &b));
  b.page_index = 2;
  b.sizing = PB_SIZING_FIT_PAGE;
  g_assert_false (pb_view_state_equal (&a, &b));

  a.sizing = b.sizing = PB_SIZING_FREE;
  g_assert_false (pb_view_state_equal (&a, &b));
  b.zoom = 1.0;
  g_assert_true (pb_view_state_equal (&a, &b));
}

/* What the window's controls do: follow the model through a binding. */
static void
test_model_binding (void)
{
  g_autoptr(PbViewModel) model = pb_view_model_new ();
  g_autoptr(PbViewModel) follower = pb_view_model_new ();

  pb_view_model_set_n_pages (model, 5);
  pb_view_model_set_n_pages (follower, 5);
  g_object_bind_property (model, "page", follower, "page", G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (model, "sizing", follower, "sizing", G_BINDING_SYNC_CREATE);

  pb_view_model_set_page (model, 2);
  g_assert_cmpuint (pb_view_model_get_page (follower), ==, 2);
  pb_view_model_set_page (follower, 4);
  g_assert_cmpuint (pb_view_model_get_page (model), ==, 4);
  pb_view_model_zoom_to (model, 2);
  g_assert_cmpint (pb_view_model_get_sizing (follower), ==, PB_SIZING_FREE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-layout/empty", test_empty);
  g_test_add_func ("/page-layout/stacking", test_stacking);
  g_test_add_func ("/page-layout/centring", test_centring);
  g_test_add_func ("/page-layout/page-at-y", test_page_at_y);
  g_test_add_func ("/page-layout/visible-and-current", test_visible_and_current);
  g_test_add_func ("/page-layout/offsets", test_offsets);
  g_test_add_func ("/page-layout/fit", test_fit);
  g_test_add_func ("/page-layout/point-and-page", test_point_and_page);
  g_test_add_func ("/page-layout/zoom-keeping", test_zoom_keeping);
  g_test_add_func ("/page-layout/zoom-around", test_zoom_around);
  g_test_add_func ("/page-layout/measure", test_measure);
  g_test_add_func ("/view-model/page", test_model_page);
  g_test_add_func ("/view-model/zoom", test_model_zoom);
  g_test_add_func ("/view-model/state", test_model_state);
  g_test_add_func ("/view-model/state-equal", test_state_equal);
  g_test_add_func ("/view-model/binding", test_model_binding);

  return g_test_run ();
}
