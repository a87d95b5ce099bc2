/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "pb-finding-store.h"
#include "pb-import.h"
#include "pb-report-list.h"
#include "pb-reader-fixture.h"
#include "pb-test-util.h"

/* The reader from the keyboard alone: the Text view (the report as text
 * that a screen reader reads), a finding added from a selection made there
 * with the keys, caret browsing on the pages (F7, Shift+arrows, Ctrl+A and
 * Ctrl+Enter), and switching between the two keeping the page.
 *
 * Each page of the fixture's report reads:
 *   Page N: care leavers and the local offer.
 *   Personal advisers keep in touch with care
 *   leavers until they are 25. */

#define FIRST_LINE "Page 2: care leavers and the local offer.\n"

static PbReader *
reader_of (Fixture *f)
{
  return pb_window_get_reader (f->window);
}

static PbTextView *
text_view_of (Fixture *f)
{
  return pb_reader_get_text_view (reader_of (f));
}

static gboolean
text_loaded (Fixture *f)
{
  return pb_text_view_get_loaded (text_view_of (f)) &&
         gtk_widget_get_mapped (GTK_WIDGET (text_view_of (f)));
}

static gboolean
editor_open (Fixture *f)
{
  return pb_reader_find_editor () != NULL;
}

static gboolean
caret_placed (Fixture *f)
{
  return pb_document_view_get_caret (pb_reader_view_of (f), NULL, NULL);
}

static gboolean
has_selection (Fixture *f)
{
  gboolean selected;

  g_object_get (pb_reader_view_of (f), "has-selection", &selected, NULL);
  return selected;
}

static guint wanted_page;

static gboolean
on_wanted_page (Fixture *f)
{
  return pb_document_view_get_page (pb_reader_view_of (f)) == wanted_page;
}

/* The text shown: the view takes a new buffer each time it is filled. */
static GtkTextBuffer *
text_buffer (Fixture *f)
{
  return gtk_text_view_get_buffer (pb_text_view_get_text_view (text_view_of (f)));
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

/* A key pressed where the focus is, going up to whoever takes it, as
 * GTK's shortcut controllers do. */
static void
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  modifiers,
       guint            times)
{
  for (guint i = 0; i < times; i++)
    g_assert_nonnull (pb_reader_press_keys (GTK_ROOT (f->window), keyval, modifiers));
}

/* Ctrl+Enter; the finding the editor opens on, its window closed. */
static PbFinding *
add_finding_with_keys (Fixture *f)
{
  PbFindingEditor *editor;
  PbFinding *finding;

  press (f, GDK_KEY_Return, GDK_CONTROL_MASK, 1);
  pb_reader_iterate_until (editor_open, f);
  editor = pb_reader_find_editor ();
  finding = g_object_ref (pb_finding_editor_get_finding (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  return finding;
}

static void
assert_same_anchors (PbFinding *a,
                     PbFinding *b)
{
  GArray *x = pb_finding_get_anchors (a);
  GArray *y = pb_finding_get_anchors (b);

  g_assert_cmpuint (x->len, >, 0);
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      PbAnchor *p = &g_array_index (x, PbAnchor, i);
      PbAnchor *q = &g_array_index (y, PbAnchor, i);

      g_assert_cmpuint (p->page, ==, q->page);
      g_assert_cmpfloat_with_epsilon (p->rect.x1, q->rect.x1, 0.01);
      g_assert_cmpfloat_with_epsilon (p->rect.y1, q->rect.y1, 0.01);
      g_assert_cmpfloat_with_epsilon (p->rect.x2, q->rect.x2, 0.01);
      g_assert_cmpfloat_with_epsilon (p->rect.y2, q->rect.y2, 0.01);
    }
}

static gboolean
text_marks_page_7 (Fixture *f)
{
  GtkTextIter start, end;
  g_autofree char *all = NULL;

  gtk_text_buffer_get_bounds (text_buffer (f), &start, &end);
  all = gtk_text_buffer_get_text (text_buffer (f), &start, &end, FALSE);
  return strstr (all, "Page 7: [Finding: Care leavers] care leavers") != NULL;
}

static void
caret_iter (Fixture     *f,
            GtkTextIter *iter)
{
  gtk_text_buffer_get_iter_at_mark (text_buffer (f), iter, gtk_text_buffer_get_insert (text_buffer (f)));
}

/* Compares, and frees what it was given. */
static void
assert_text (char       *got,
             const char *wanted)
{
  g_assert_cmpstr (got, ==, wanted);
  g_free (got);
}

static char *
line_at_caret (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_text (&start, &end);
}

/* A finding already on page 2, so that the words the Text view adds before
 * it ("[Finding: Care leavers]") lie before the passage chosen. */
static void
add_finding_on (Fixture *f,
                guint    page)
{
  g_autoptr(PbFinding) finding = pb_finding_new ();
  PbReport *report = pb_reader_get_report (reader_of (f));
  PbAnchor anchor = { page, { 72, 86, 300, 100 } };
  const char *cohorts[] = { "care_leavers", NULL };
  g_autoptr(GError) error = NULL;

  pb_finding_set_report_sha256 (finding, pb_report_get_sha256 (report));
  pb_finding_set_anchors (finding, &anchor, 1);
  pb_finding_set_quote (finding, "care leavers and the local offer");
  pb_finding_set_cohorts (finding, cohorts);
  g_assert_cmpint (pb_library_add_finding (f->library, finding, &error), >, 0);
  g_assert_no_error (error);
}

/* The Text view shows each page after its "Page N", a finding after its
 * cohorts in words and shaded; a passage chosen there with Ctrl+Shift+Right
 * becomes, with Ctrl+Enter, a finding with the same page and
 * quadrilaterals as the same words chosen on the page with the keys. */
static void
test_text_finding_matches_page (Fixture       *f,
                                gconstpointer  data)
{
  PbTextView *text_view = text_view_of (f);
  g_autoptr(PbFinding) from_text = NULL;
  g_autoptr(PbFinding) from_page = NULL;
  g_autofree char *all = NULL;
  GtkTextIter start, end, iter;
  GtkTextTag *shade;

  add_finding_on (f, 2);

  gtk_widget_grab_focus (GTK_WIDGET (pb_reader_view_of (f)));
  press (f, GDK_KEY_t, GDK_CONTROL_MASK, 1);
  g_assert_true (pb_reader_get_text_mode (reader_of (f)));
  pb_reader_iterate_until (text_loaded, f);
  g_assert_true (focus_of (f) == GTK_WIDGET (pb_text_view_get_text_view (text_view)));

  gtk_text_buffer_get_bounds (text_buffer (f), &start, &end);
  all = gtk_text_buffer_get_text (text_buffer (f), &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (all, "Page 1\nPage 1: care leavers and the local offer."));
  g_assert_nonnull (strstr (all, "\nPage 8\nPage 8: care leavers"));
  g_assert_nonnull (strstr (all, "Page 2: [Finding: Care leavers] care leavers and the local offer."));

  /* The finding's words are shaded, the words said before them are not
   * (and are no part of the page's text: its character 8 is the "c" of
   * "care", which they come before). */
  shade = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (text_buffer (f)), "finding-care_leavers");
  g_assert_nonnull (shade);
  g_assert_true (pb_text_view_iter_at (text_view, 1, 8, &iter));
  g_assert_cmpint (gtk_text_iter_get_char (&iter), ==, '[');
  g_assert_false (gtk_text_iter_has_tag (&iter, shade));
  g_assert_true (pb_text_view_iter_at (text_view, 1, 9, &iter));
  g_assert_cmpint (gtk_text_iter_get_char (&iter), ==, 'a');
  g_assert_true (gtk_text_iter_has_tag (&iter, shade));

  /* The caret to "Personal" on page 2, then three words chosen with the
   * keys, as GtkTextView binds them. */
  g_assert_true (pb_text_view_iter_at (text_view, 1, strlen (FIRST_LINE), &iter));
  gtk_text_buffer_place_cursor (text_buffer (f), &iter);
  press (f, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 3);
  g_assert_true (gtk_text_buffer_get_selection_bounds (text_buffer (f), &start, &end));
  assert_text (gtk_text_iter_get_text (&start, &end), "Personal advisers keep");

  from_text = add_finding_with_keys (f);
  g_assert_cmpstr (pb_finding_get_quote (from_text), ==, "Personal advisers keep");
  g_assert_cmpuint (g_array_index (pb_finding_get_anchors (from_text), PbAnchor, 0).page, ==, 2);

  /* The same words on the page: back to it (the caret was on page 2),
   * caret browsing, eight words and two characters on, three words chosen. */
  press (f, GDK_KEY_t, GDK_CONTROL_MASK, 1);
  g_assert_false (pb_reader_get_text_mode (reader_of (f)));
  wanted_page = 1;
  pb_reader_iterate_until (on_wanted_page, f);
  g_assert_true (focus_of (f) == GTK_WIDGET (pb_reader_view_of (f)));
  press (f, GDK_KEY_F7, 0, 1);
  pb_reader_iterate_until (caret_placed, f);
  press (f, GDK_KEY_Right, GDK_CONTROL_MASK, 8);
  press (f, GDK_KEY_Right, 0, 2);
  press (f, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 3);
  pb_reader_iterate_until (has_selection, f);
  assert_text (pb_document_view_dup_selected_text (pb_reader_view_of (f)),
                   "Personal advisers keep");

  from_page = add_finding_with_keys (f);
  g_assert_cmpstr (pb_finding_get_quote (from_page), ==, pb_finding_get_quote (from_text));
  assert_same_anchors (from_text, from_page);
}

/* F7, then Shift+Right N times selects N characters; Ctrl+A the page;
 * Ctrl+Enter makes a finding of it. Without caret browsing the arrows are
 * left to scroll the page. */
static void
test_caret_browsing (Fixture       *f,
                     gconstpointer  data)
{
  PbDocumentView *view = pb_reader_view_of (f);
  g_autoptr(PbFinding) finding = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Right, GDK_SHIFT_MASK) != GTK_WIDGET (view));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Right, 0) != GTK_WIDGET (view));
  g_assert_false (has_selection (f));

  press (f, GDK_KEY_F7, 0, 1);
  g_assert_true (pb_document_view_get_caret_browsing (view));
  pb_reader_iterate_until (caret_placed, f);

  press (f, GDK_KEY_Right, GDK_SHIFT_MASK, 7);
  pb_reader_iterate_until (has_selection, f);
  assert_text (pb_document_view_dup_selected_text (view), "Page 1:");
  press (f, GDK_KEY_Right, GDK_SHIFT_MASK, 2);
  assert_text (pb_document_view_dup_selected_text (view), "Page 1: c");
  press (f, GDK_KEY_Left, GDK_SHIFT_MASK, 1);
  assert_text (pb_document_view_dup_selected_text (view), "Page 1: ");

  press (f, GDK_KEY_a, GDK_CONTROL_MASK, 1);
  assert_text (pb_document_view_dup_selected_text (view),
                   "Page 1: care leavers and the local offer.\n"
                   "Personal advisers keep in touch with care\n"
                   "leavers until they are 25.");

  finding = add_finding_with_keys (f);
  g_assert_cmpstr (pb_finding_get_quote (finding), ==,
                   "Page 1: care leavers and the local offer. Personal advisers keep in touch "
                   "with care leavers until they are 25.");
  g_assert_cmpuint (pb_finding_get_anchors (finding)->len, ==, 3);

  press (f, GDK_KEY_F7, 0, 1);
  g_assert_false (pb_document_view_get_caret_browsing (view));
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Right, 0) != GTK_WIDGET (view));
}

static gboolean
page_2_text_read (Fixture *f)
{
  return pb_document_view_has_page_text (pb_reader_view_of (f), 1);
}

static void
page_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PbPageText **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = pb_document_get_page_text_finish (PB_DOCUMENT (object), result, &error);
  g_assert_no_error (error);
}

/* A page of the fixture's report as the view reads it, with each
 * character's box: where the caret should land is worked out from these. */
static PbPageText *
read_page_text (const char *pdf,
                guint       page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbDocument) document = pb_document_new_from_file (pdf, NULL, &error);
  PbPageText *text = NULL;

  g_assert_no_error (error);
  pb_document_get_page_text_async (document, page, NULL, page_text_cb, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

/* Where a caret before character @index of the line @start to @end stands
 * across the page. */
static double
place_x (PbPageText *text,
         guint       start,
         guint       end,
         guint       index)
{
  return index < end ? pb_page_text_get_box (text, index)->x1 : pb_page_text_get_box (text, end - 1)->x2;
}

static void
assert_caret (Fixture *f,
              guint    page,
              guint    index)
{
  guint caret_page, caret_index;

  g_assert_true (pb_document_view_get_caret (pb_reader_view_of (f), &caret_page, &caret_index));
  g_assert_cmpuint (caret_page, ==, page);
  g_assert_cmpuint (caret_index, ==, index);
}

/* A key the page view takes itself, the focus staying on it. */
static void
press_in_view (Fixture         *f,
               guint            keyval,
               GdkModifierType  modifiers)
{
  GtkWidget *view = GTK_WIDGET (pb_reader_view_of (f));

  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), keyval, modifiers) == view);
  g_assert_true (focus_of (f) == view);
}

/* Caret browsing by lines: Down takes the caret to the place on the next
 * line nearest the one it left across the page, and from a page's last
 * line to the next page's first; Up back; Shift+Down, Shift+End and
 * Shift+Home select to where they go. The focus never leaves the view,
 * where otherwise Up and Down would move it on to the next control. */
static void
test_caret_lines (Fixture       *f,
                  gconstpointer  data)
{
  PbDocumentView *view = pb_reader_view_of (f);
  g_autoptr(PbPageText) text = read_page_text (f->pdf, 0);
  const guint line_2 = strlen ("Page 1: care leavers and the local offer.\n");
  const guint line_3 = line_2 + strlen ("Personal advisers keep in touch with care\n");
  g_autofree char *wanted = NULL;
  guint start, end, below;
  double x;

  pb_page_text_get_line_bounds (text, line_2, &start, &end);
  g_assert_cmpuint (start, ==, line_2);
  g_assert_cmpuint (end, ==, line_3 - 1);

  /* The place on line 2 nearest the "c" of "care" on line 1, across. */
  x = pb_page_text_get_box (text, 8)->x1;
  below = start;
  for (guint k = start; k <= end; k++)
    if (fabs (place_x (text, start, end, k) - x) < fabs (place_x (text, start, end, below) - x))
      below = k;
  g_assert_cmpuint (below, >, start);
  g_assert_cmpuint (below, <, end);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  press (f, GDK_KEY_F7, 0, 1);
  pb_reader_iterate_until (caret_placed, f);
  assert_caret (f, 0, 0);
  press (f, GDK_KEY_Right, 0, 8);
  assert_caret (f, 0, 8);

  press_in_view (f, GDK_KEY_Down, 0);
  assert_caret (f, 0, below);
  g_assert_false (has_selection (f));
  press_in_view (f, GDK_KEY_Up, 0);
  assert_caret (f, 0, 8);

  /* Selecting by lines, from the "c" of "care". */
  press_in_view (f, GDK_KEY_Down, GDK_SHIFT_MASK);
  pb_reader_iterate_until (has_selection, f);
  assert_caret (f, 0, below);
  wanted = pb_page_text_dup_range (text, 8, below);
  g_assert_true (g_str_has_prefix (wanted, "care leavers and the local offer.\nP"));
  assert_text (pb_document_view_dup_selected_text (view), wanted);
  press_in_view (f, GDK_KEY_End, GDK_SHIFT_MASK);
  assert_text (pb_document_view_dup_selected_text (view),
               "care leavers and the local offer.\nPersonal advisers keep in touch with care");
  press_in_view (f, GDK_KEY_Home, GDK_SHIFT_MASK);
  assert_text (pb_document_view_dup_selected_text (view), "care leavers and the local offer.\n");
  assert_caret (f, 0, line_2);

  /* Down from line 2 to line 3, then over the page's foot to page 2's
   * first line, at its start as the caret was; Up back again. */
  press_in_view (f, GDK_KEY_Down, 0);
  g_assert_false (has_selection (f));
  assert_caret (f, 0, line_3);
  pb_reader_iterate_until (page_2_text_read, f);
  press_in_view (f, GDK_KEY_Down, 0);
  assert_caret (f, 1, 0);
  g_assert_cmpuint (pb_document_view_get_page (view), ==, 1);
  press_in_view (f, GDK_KEY_Up, 0);
  assert_caret (f, 0, line_3);

  /* End and Home go to the line's ends, not to the report's last and
   * first pages as without the caret. */
  press_in_view (f, GDK_KEY_End, 0);
  assert_caret (f, 0, line_3 + strlen ("leavers until they are 25."));
  press_in_view (f, GDK_KEY_Home, 0);
  assert_caret (f, 0, line_3);

  /* Up on the report's first line goes nowhere, and the key is still the
   * view's. */
  press_in_view (f, GDK_KEY_Up, 0);
  press_in_view (f, GDK_KEY_Up, 0);
  assert_caret (f, 0, 0);
  press_in_view (f, GDK_KEY_Up, 0);
  assert_caret (f, 0, 0);

  /* Without caret browsing, the arrows are not the view's. */
  press (f, GDK_KEY_F7, 0, 1);
  g_assert_true (pb_reader_press_keys (GTK_ROOT (f->window), GDK_KEY_Down, 0) != GTK_WIDGET (view));
}

static gboolean
text_marks_paragraph_3 (Fixture *f)
{
  GtkTextIter start, end;
  g_autofree char *all = NULL;

  gtk_text_buffer_get_bounds (text_buffer (f), &start, &end);
  all = gtk_text_buffer_get_text (text_buffer (f), &start, &end, FALSE);
  return strstr (all, "3. [Finding: Care leavers] Children and young") != NULL;
}

/* A passage chosen from a numbered paragraph's number on: the finding's
 * quote and anchors leave the number out ("3. " is the report's
 * numbering, not its words), alike from the pages and from the Text view. */
static void
test_quote_without_paragraph_number (Fixture       *f,
                                     gconstpointer  data)
{
  static const char *pages[] = {
    "Leaders and managers\n"
    "2. Leaders know their services well.\n"
    "3. Children and young people are seen quickly.",
    NULL
  };
  const guint number = strlen ("Leaders and managers\n2. Leaders know their services well.\n");
  PbDocumentView *view = pb_reader_view_of (f);
  g_autoptr(PbFinding) from_page = NULL;
  g_autoptr(PbFinding) from_text = NULL;
  g_autoptr(PbPageText) text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *pdf = NULL;
  GtkTextIter start, end, iter;
  gint64 report_id = 0;
  PbAnchor *first;

  pdf = pb_test_write_pdf (f->dir, "numbered.pdf", pages, &(PbTestPdfOptions) { .title = "Numbered" });
  file = g_file_new_for_path (pdf);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &report_id, NULL));
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), NULL));
  g_assert_true (pb_window_select_report (f->window, report_id));
  pb_reader_iterate_until (pb_reader_loaded, f);
  text = read_page_text (pdf, 0);
  assert_text (pb_page_text_dup_range (text, number, number + 3), "3. ");

  /* On the page: F7, down to the "3." line, three words chosen. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  press (f, GDK_KEY_F7, 0, 1);
  pb_reader_iterate_until (caret_placed, f);
  press_in_view (f, GDK_KEY_Down, 0);
  press_in_view (f, GDK_KEY_Down, 0);
  press_in_view (f, GDK_KEY_Home, 0);
  assert_caret (f, 0, number);
  press (f, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 3);
  pb_reader_iterate_until (has_selection, f);
  assert_text (pb_document_view_dup_selected_text (view), "3. Children and");

  from_page = add_finding_with_keys (f);
  g_assert_cmpstr (pb_finding_get_quote (from_page), ==, "Children and");
  first = &g_array_index (pb_finding_get_anchors (from_page), PbAnchor, 0);
  g_assert_cmpuint (first->page, ==, 1);
  g_assert_cmpfloat_with_epsilon (first->rect.x1, pb_page_text_get_box (text, number + 3)->x1, 0.01);

  /* In the Text view: the caret before the "3", three words chosen. */
  press (f, GDK_KEY_t, GDK_CONTROL_MASK, 1);
  pb_reader_iterate_until (text_loaded, f);
  g_assert_true (pb_text_view_iter_at (text_view_of (f), 0, number, &iter));
  g_assert_cmpint (gtk_text_iter_get_char (&iter), ==, '3');
  gtk_text_buffer_place_cursor (text_buffer (f), &iter);
  press (f, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 3);
  g_assert_true (gtk_text_buffer_get_selection_bounds (text_buffer (f), &start, &end));
  assert_text (gtk_text_iter_get_text (&start, &end), "3. Children and");

  from_text = add_finding_with_keys (f);
  g_assert_cmpstr (pb_finding_get_quote (from_text), ==, "Children and");
  assert_same_anchors (from_text, from_page);

  /* Saved, it is marked in the Text view after the number, not before. */
  pb_finding_set_cohorts (from_text, (const char *[]) { "care_leavers", NULL });
  g_assert_cmpint (pb_library_add_finding (f->library, from_text, NULL), >, 0);
  pb_reader_iterate_until (text_marks_paragraph_3, f);
}

/* Page 5 shown: the Text view opens with the caret on its "Page 5" line;
 * the caret moved to page 7 there, the pages open on page 7. */
static void
test_switch_keeps_page (Fixture       *f,
                        gconstpointer  data)
{
  PbReader *reader = reader_of (f);
  PbTextView *text_view = text_view_of (f);
  GtkTextIter iter, expected;

  pb_reader_show_page (reader, 4);
  wanted_page = 4;
  pb_reader_iterate_until (on_wanted_page, f);

  pb_reader_set_text_mode (reader, TRUE);
  pb_reader_iterate_until (text_loaded, f);
  g_assert_cmpuint (pb_text_view_get_caret_page (text_view), ==, 4);
  assert_text (line_at_caret (text_buffer (f)), "Page 5");

  g_assert_true (pb_text_view_iter_at (text_view, 6, 12, &iter));
  gtk_text_buffer_place_cursor (text_buffer (f), &iter);
  g_assert_cmpuint (pb_text_view_get_caret_page (text_view), ==, 6);

  /* A finding added meanwhile: the text is laid out again with it, the
   * caret where it was. */
  add_finding_on (f, 7);
  pb_reader_iterate_until (text_marks_page_7, f);
  g_assert_cmpuint (pb_text_view_get_caret_page (text_view), ==, 6);
  caret_iter (f, &iter);
  g_assert_true (pb_text_view_iter_at (text_view, 6, 12, &expected));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, gtk_text_iter_get_offset (&expected));

  pb_reader_set_text_mode (reader, FALSE);
  wanted_page = 6;
  pb_reader_iterate_until (on_wanted_page, f);
  g_assert_cmpuint (pb_document_view_get_page (pb_reader_view_of (f)), ==, 6);

  /* And back again, from where the pages are now. */
  pb_reader_set_text_mode (reader, TRUE);
  g_assert_cmpuint (pb_text_view_get_caret_page (text_view), ==, 6);
  assert_text (line_at_caret (text_buffer (f)), "Page 7");
}

/* Ctrl+T from anywhere in the window while a report is read (the
 * library's list, say), not only from inside the reader; never from
 * another view, where the reader is hidden. */
static void
test_switch_from_anywhere (Fixture       *f,
                           gconstpointer  data)
{
  PbReader *reader = reader_of (f);
  GtkWidget *text = GTK_WIDGET (pb_text_view_get_text_view (text_view_of (f)));
  gboolean packs;

  g_assert_true (gtk_widget_child_focus (pb_window_get_sidebar (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (focus_of (f), GTK_WIDGET (reader)));
  g_assert_false (pb_reader_get_text_mode (reader));

  press (f, GDK_KEY_t, GDK_CONTROL_MASK, 1);
  g_assert_true (pb_reader_get_text_mode (reader));
  g_assert_true (focus_of (f) == text);
  press (f, GDK_KEY_t, GDK_CONTROL_MASK, 1);
  g_assert_false (pb_reader_get_text_mode (reader));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-packs", NULL));
  g_object_get (f->window, "show-packs", &packs, NULL);
  g_assert_true (packs);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.text-view", NULL));
  g_assert_false (pb_reader_get_text_mode (reader));
}

/* A narrow window: the text wraps to it, no wider than the window. */
static void
test_text_reflows (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *text = GTK_WIDGET (pb_text_view_get_text_view (text_view_of (f)));
  int minimum;

  pb_reader_set_text_mode (reader_of (f), TRUE);
  pb_reader_iterate_until (text_loaded, f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (text), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpint (gtk_widget_get_width (text), >, 200);
  /* Wrapped by words, it asks for no width of its own to speak of. */
  gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, 120);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (GTK_TEXT_VIEW (text)), ==, GTK_WRAP_WORD_CHAR);
}

/* A 300-page report shown as text, every page of it; with the time the
 * switch takes and the longest the main loop is held at a time meanwhile
 * as messages (the text is read in one query and filled in a few pages at
 * a time; its marks are found on a worker). */
static void
test_large_report (Fixture       *f,
                   gconstpointer  data)
{
  PbReader *reader = reader_of (f);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *pdf = NULL;
  gint64 report_id = 0, start, longest = 0, switched;

  /* 300 full pages: 40 lines of about 85 characters each, a numbered
   * paragraph every ten lines. */
  pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 300; i++)
    {
      GString *page = g_string_new (NULL);

      for (guint line = 0; line < 40; line++)
        {
          if (line % 10 == 0)
            g_string_append_printf (page, "%u. ", i * 4 + line / 10 + 1);
          g_string_append_printf (page, "Personal advisers and the local offer for care leavers, page %u line %u,\n",
                                  i + 1, line + 1);
        }
      g_ptr_array_add (pages, g_string_free (page, FALSE));
    }
  g_ptr_array_add (pages, NULL);
  pdf = pb_test_write_pdf (f->dir, "long.pdf", (const char **)pages->pdata,
                           &(PbTestPdfOptions) { .title = "A long report" });
  file = g_file_new_for_path (pdf);
  g_assert_true (pb_import_file (f->library, file, NULL, NULL, NULL, NULL, NULL, &report_id, NULL));
  g_assert_true (pb_report_list_reload (PB_REPORT_LIST (pb_window_get_reports (f->window)), NULL));
  g_assert_true (pb_window_select_report (f->window, report_id));
  pb_reader_iterate_until (pb_reader_loaded, f);

  start = g_get_monotonic_time ();
  pb_reader_set_text_mode (reader, TRUE);
  switched = g_get_monotonic_time () - start;
  while (!text_loaded (f))
    {
      gint64 before = g_get_monotonic_time ();

      g_main_context_iteration (NULL, TRUE);
      longest = MAX (longest, g_get_monotonic_time () - before);
    }
  g_test_minimized_result ((g_get_monotonic_time () - start) / 1000.0,
                           "300 pages as text in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_test_message ("%d characters; switching took %.1f ms; the longest main loop turn meanwhile %.1f ms",
                  gtk_text_buffer_get_char_count (text_buffer (f)), switched / 1000.0, longest / 1000.0);

  /* Every page is there, the last one too, filled in a few at a time. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (text_buffer (f)), >, 300 * 40 * 70);
  {
    GtkTextIter end, found;

    gtk_text_buffer_get_end_iter (text_buffer (f), &end);
    g_assert_true (gtk_text_iter_backward_search (&end, "Page 300", GTK_TEXT_SEARCH_TEXT_ONLY, &found, NULL, NULL));
    g_assert_true (gtk_text_iter_backward_search (&end, "page 300 line 40,", GTK_TEXT_SEARCH_TEXT_ONLY, &found,
                                                  NULL, NULL));
  }
}

/* Whether a toast saying @words is on show: the overlay's labels. */
static gboolean
toast_says (Fixture    *f,
            const char *words)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (reader_of (f)), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();

  g_assert_nonnull (overlay);
  g_ptr_array_add (todo, overlay);
  while (todo->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (todo, todo->len - 1);

      if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), words) != NULL)
        return TRUE;
      /* The reader's own labels are not toasts. */
      if (widget == GTK_WIDGET (reader_of (f)))
        continue;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (todo, child);
    }
  return FALSE;
}

static gboolean
toast_nothing_selected (Fixture *f)
{
  return toast_says (f, "Select words first");
}

/* A passage selected in the Text view while the text is laid out again (a
 * finding added meanwhile) stays selected, so Ctrl+Enter takes it; once
 * taken, the caret goes on after it, and Ctrl+Enter with nothing selected
 * says why nothing opened. */
static void
test_selection_outlives_reload (Fixture       *f,
                                gconstpointer  data)
{
  PbTextView *text_view = text_view_of (f);
  g_autoptr(PbFinding) finding = NULL;
  GtkTextBuffer *before;
  GtkTextIter start, end, iter;

  pb_reader_set_text_mode (reader_of (f), TRUE);
  pb_reader_iterate_until (text_loaded, f);
  gtk_widget_grab_focus (GTK_WIDGET (pb_text_view_get_text_view (text_view)));

  g_assert_true (pb_text_view_iter_at (text_view, 1, strlen (FIRST_LINE), &iter));
  gtk_text_buffer_place_cursor (text_buffer (f), &iter);
  press (f, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, 3);

  before = text_buffer (f);
  add_finding_on (f, 7);
  pb_reader_iterate_until (text_marks_page_7, f);
  g_assert_true (text_buffer (f) != before);
  g_assert_true (gtk_text_buffer_get_selection_bounds (text_buffer (f), &start, &end));
  assert_text (gtk_text_iter_get_text (&start, &end), "Personal advisers keep");

  finding = add_finding_with_keys (f);
  g_assert_cmpstr (pb_finding_get_quote (finding), ==, "Personal advisers keep");
  g_assert_false (gtk_text_buffer_get_selection_bounds (text_buffer (f), &start, &end));
  caret_iter (f, &iter);
  g_assert_true (gtk_text_iter_equal (&iter, &end));
  g_assert_false (toast_nothing_selected (f));

  press (f, GDK_KEY_Return, GDK_CONTROL_MASK, 1);
  pb_reader_iterate_until (toast_nothing_selected, f);
  g_assert_null (pb_reader_find_editor ());
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/reader-text/finding-matches-page", Fixture, NULL, pb_reader_fixture_setup,
              test_text_finding_matches_page, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/caret-browsing", Fixture, NULL, pb_reader_fixture_setup,
              test_caret_browsing, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/caret-lines", Fixture, NULL, pb_reader_fixture_setup,
              test_caret_lines, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/quote-without-paragraph-number", Fixture, NULL, pb_reader_fixture_setup,
              test_quote_without_paragraph_number, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/switch-keeps-page", Fixture, NULL, pb_reader_fixture_setup,
              test_switch_keeps_page, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/switch-from-anywhere", Fixture, NULL, pb_reader_fixture_setup,
              test_switch_from_anywhere, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/selection-outlives-reload", Fixture, NULL, pb_reader_fixture_setup,
              test_selection_outlives_reload, pb_reader_fixture_teardown);
  g_test_add ("/reader-text/reflows", Fixture, PB_READER_SIZE (360, 640), pb_reader_fixture_setup,
              test_text_reflows, pb_reader_fixture_teardown);

  g_test_add ("/reader-text/large-report", Fixture, NULL, pb_reader_fixture_setup,
              test_large_report, pb_reader_fixture_teardown);

  return g_test_run ();
}
