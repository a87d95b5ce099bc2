/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-text-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-cohort.h"
#include "pb-finding.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"
#include "pb-text-view-layout.h"
#include "pb-text-view-marks.h"
#include "pb-text-view.h"

/* The report as text, for a screen reader, the keyboard and a narrow
 * screen: GTK 4.8 gives a custom page widget no accessible text, but a
 * GtkTextView it does. The pages' text comes from the library (as import
 * stored it: the same text, character for character, that the page view
 * selects in), page after page, each after a line "Page 3"; headings
 * larger on their own lines, paragraph numbers bold, findings shaded in
 * their cohort's colour and named in words before them.
 *
 * Everything the view adds to the pages' text is tagged "extra", so that
 * a place in the buffer maps back to a page index and a character index
 * of that page's text by counting the characters that are not. */

struct _PbTextView
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkTextView     *text_view;
  GtkTextTagTable *tags;

  PbLibrary       *library;
  PbReport        *report;
  GListModel      *findings;
  GPtrArray       *cohorts;

  GCancellable    *loading;
  PbTextLayout    *layout;         /* the text shown, or NULL */
  PbTextLayout    *filling;        /* the text being put in, or NULL */
  guint            fill_source;
  gboolean         loaded;
  gboolean         dirty;          /* the findings changed since */
  int              pending_page;   /* the caret goes there once loaded, or -1 */
  int              keep_page;      /* a reload keeps the caret here, or -1 */
  guint            keep_index;
  int              keep_bound_page; /* and the selection's other end, or -1 */
  guint            keep_bound_index;
};

G_DEFINE_FINAL_TYPE (PbTextView, pb_text_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GStrv   pages;
  GStrv   shown;       /* the pages' text reflowed, filled on the worker */
  GArray *headings;
  GArray *paragraphs;
  GArray *findings;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_strfreev (data->pages);
  g_strfreev (data->shown);
  g_clear_pointer (&data->headings, g_array_unref);
  g_clear_pointer (&data->paragraphs, g_array_unref);
  g_clear_pointer (&data->findings, g_array_unref);
  g_free (data);
}

static void
compute_marks_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadData *data = task_data;
  GPtrArray *marks;
  guint n_pages = g_strv_length (data->pages);

  if (g_task_return_error_if_cancelled (task))
    return;

  marks = pb_text_marks_compute ((const char * const *)data->pages, data->headings,
                                 data->paragraphs, data->findings);
  data->shown = g_new0 (char *, n_pages + 1);
  for (guint page = 0; page < n_pages; page++)
    data->shown[page] = pb_text_marks_soften_lines (data->pages[page], marks, page);
  g_task_return_pointer (task, marks, (GDestroyNotify)g_ptr_array_unref);
}

/* "[Finding: children in care, care leavers]": the cohorts in words, so
 * that the colour is never all that says so. */
static char *
finding_label (PbTextView *self,
               PbFinding  *finding)
{
  const char * const *slugs = pb_finding_get_cohorts (finding);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; slugs && slugs[i]; i++)
    {
      const char *name = slugs[i];

      for (guint c = 0; self->cohorts && c < self->cohorts->len; c++)
        if (g_strcmp0 (pb_cohort_get_slug (g_ptr_array_index (self->cohorts, c)), slugs[i]) == 0)
          name = pb_cohort_get_name (g_ptr_array_index (self->cohorts, c));
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }

  if (names->len == 0)
    return g_strdup (_("[Finding]"));
  /* Translators: said before a finding's words in the Text view; %s names its cohorts */
  return g_strdup_printf (_("[Finding: %s]"), names->str);
}

/**
 * pb_text_view_iter_at:
 * @page: a page index, from 0
 * @index: a character index of that page's text
 * @iter: (out): where that character is in the view's buffer: before the
 *   words the view says before it, if any ("[Finding: …]")
 *
 * Returns: %FALSE if the text is not loaded or has no such page
 */
gboolean
pb_text_view_iter_at (PbTextView  *self,
                      guint        page,
                      guint        index,
                      GtkTextIter *iter)
{
  g_return_val_if_fail (PB_IS_TEXT_VIEW (self), FALSE);

  return self->layout != NULL && pb_text_layout_iter_at (self->layout, page, index, iter);
}

static GtkTextBuffer *
buffer_of (PbTextView *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

/* Where @mark (the caret or the selection's other end) is in the pages'
 * text. */
static gboolean
mark_place (PbTextView  *self,
            GtkTextMark *mark,
            guint       *page,
            guint       *index)
{
  GtkTextIter iter;

  if (self->layout == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer_of (self), &iter, mark);
  return pb_text_layout_place_of (self->layout, &iter, page, index);
}

static gboolean
caret_place (PbTextView *self,
             guint      *page,
             guint      *index)
{
  return mark_place (self, gtk_text_buffer_get_insert (buffer_of (self)), page, index);
}

/* After a reload (a finding added, say), what the reader had selected
 * stays selected: a selection made while the new text was being laid out
 * would otherwise be dropped, and Add Finding would find nothing. */
static void
keep_selection (PbTextView *self)
{
  GtkTextIter bound;

  if (self->keep_bound_page < 0 || self->layout == NULL ||
      !pb_text_layout_iter_at (self->layout, (guint)self->keep_bound_page, self->keep_bound_index, &bound))
    return;
  gtk_text_buffer_move_mark (buffer_of (self), gtk_text_buffer_get_selection_bound (buffer_of (self)), &bound);
}

static void
place_caret (PbTextView *self,
             guint       page,
             guint       index,
             gboolean    at_label)
{
  GtkTextIter iter;

  if (self->layout == NULL)
    return;

  if (at_label ? !pb_text_layout_label_at (self->layout, page, &iter)
               : !pb_text_layout_iter_at (self->layout, page, index, &iter))
    return;

  gtk_text_buffer_place_cursor (buffer_of (self), &iter);
  /* A page's start goes to the top; a kept place just into sight. */
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer_of (self)), 0, at_label, 0, 0);
}

static void
stop_filling (PbTextView *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->filling, pb_text_layout_free);
}

/* Forgets the text shown. */
static void
clear_text (PbTextView *self)
{
  g_autoptr(GtkTextBuffer) empty = gtk_text_buffer_new (self->tags);

  stop_filling (self);
  gtk_text_view_set_buffer (self->text_view, empty);
  g_clear_pointer (&self->layout, pb_text_layout_free);
}

/* A few pages at a time between frames; the view takes the text once it
 * is all in, keeping the caret where it was (on a reload) or putting it
 * where it was asked to go. */
static gboolean
fill_some_cb (gpointer data)
{
  PbTextView *self = data;
  guint page, index;

  if (!pb_text_layout_fill_some (self->filling, 8000))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  if (self->pending_page < 0 && caret_place (self, &page, &index))
    {
      self->keep_page = (int)page;
      self->keep_index = index;
      if (mark_place (self, gtk_text_buffer_get_selection_bound (buffer_of (self)), &page, &index) &&
          ((int)page != self->keep_page || index != self->keep_index))
        {
          self->keep_bound_page = (int)page;
          self->keep_bound_index = index;
        }
    }
  g_clear_pointer (&self->layout, pb_text_layout_free);
  self->layout = g_steal_pointer (&self->filling);
  gtk_text_view_set_buffer (self->text_view, pb_text_layout_get_buffer (self->layout));

  self->loaded = TRUE;
  if (self->pending_page >= 0)
    place_caret (self, (guint)self->pending_page, 0, TRUE);
  else if (self->keep_page >= 0)
    {
      place_caret (self, (guint)self->keep_page, self->keep_index, FALSE);
      keep_selection (self);
    }
  self->pending_page = self->keep_page = self->keep_bound_page = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  PbTextView *self;
  GStrv       pages;
} Loading;

static void
marks_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Loading *loading = user_data;
  g_autoptr(PbTextView) self = loading->self;
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = g_steal_pointer (&loading->pages);
  LoadData *data = g_task_get_task_data (G_TASK (result));

  g_free (loading);
  marks = g_task_propagate_pointer (G_TASK (result), &error);
  if (marks == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not lay out the report’s text: %s", error->message);
      return;
    }

  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->filling, pb_text_layout_free);
  self->filling = pb_text_layout_new (self->tags, g_steal_pointer (&pages), g_steal_pointer (&data->shown),
                                      g_steal_pointer (&marks), self->cohorts);
  /* Below the window's redraws, so that frames go on between pages. */
  self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_some_cb, self, NULL);
}

static GArray *
collect_findings (PbTextView *self)
{
  GArray *infos = g_array_new (FALSE, TRUE, sizeof (PbTextFindingInfo));
  guint n = self->findings ? g_list_model_get_n_items (self->findings) : 0;

  g_array_set_clear_func (infos, pb_text_finding_info_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PbFinding) finding = g_list_model_get_item (self->findings, i);
      GArray *anchors = pb_finding_get_anchors (finding);
      const char * const *slugs = pb_finding_get_cohorts (finding);
      PbTextFindingInfo info = { 0 };

      if (anchors == NULL || anchors->len == 0)
        continue;

      info.first_page = G_MAXUINT;
      for (guint a = 0; a < anchors->len; a++)
        {
          guint page = g_array_index (anchors, PbAnchor, a).page;

          if (page == 0)
            continue;
          info.first_page = MIN (info.first_page, page - 1);
          info.last_page = MAX (info.last_page, page - 1);
        }
      if (info.first_page == G_MAXUINT)
        continue;

      info.quote = g_strdup (pb_finding_get_quote (finding));
      info.label = finding_label (self, finding);
      info.color = g_strdup (slugs && slugs[0] ? slugs[0] : NULL);
      g_array_append_val (infos, info);
    }
  return infos;
}

/**
 * pb_text_view_load:
 *
 * Reads the report's text from the library (one query) and lays it out,
 * its marks found on a worker thread; PbTextView:loaded says when it is
 * shown. Does nothing if it is shown already and nothing has changed.
 */
void
pb_text_view_load (PbTextView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PbStructure) structure = NULL;
  g_autoptr(GError) error = NULL;
  LoadData *data;
  Loading *loading;
  GStrv pages;

  g_return_if_fail (PB_IS_TEXT_VIEW (self));

  if (self->library == NULL || self->report == NULL || (self->loaded && !self->dirty))
    return;
  if (self->loading != NULL && !self->dirty)
    return;

  if (!(pages = pb_library_dup_page_texts (self->library, pb_report_get_sha256 (self->report), &error)))
    {
      g_warning ("Could not read the report’s text: %s", error->message);
      return;
    }

  self->dirty = FALSE;

  data = g_new0 (LoadData, 1);
  data->pages = g_strdupv (pages);
  data->headings = g_array_new (FALSE, TRUE, sizeof (PbTextHeading));
  g_array_set_clear_func (data->headings, pb_text_heading_clear);
  data->paragraphs = g_array_new (FALSE, TRUE, sizeof (PbTextParagraphInfo));
  structure = pb_library_get_structure (self->library, pb_report_get_id (self->report), NULL);
  for (guint i = 0; structure && structure->sections && i < structure->sections->len; i++)
    {
      PbSection *section = &g_array_index (structure->sections, PbSection, i);
      PbTextHeading heading = { section->first_page > 0 ? section->first_page - 1 : 0,
                                g_strdup (section->heading) };

      g_array_append_val (data->headings, heading);
    }
  for (guint i = 0; structure && structure->paragraphs && i < structure->paragraphs->len; i++)
    {
      PbParagraph *paragraph = &g_array_index (structure->paragraphs, PbParagraph, i);
      PbTextParagraphInfo info = { paragraph->page > 0 ? paragraph->page - 1 : 0, paragraph->number };

      g_array_append_val (data->paragraphs, info);
    }
  data->findings = collect_findings (self);

  stop_filling (self);
  self->loading = g_cancellable_new ();

  loading = g_new0 (Loading, 1);
  loading->self = g_object_ref (self);
  loading->pages = pages;
  task = g_task_new (NULL, self->loading, marks_ready_cb, loading);
  g_task_set_source_tag (task, pb_text_view_load);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, compute_marks_thread);
}

static void
findings_changed_cb (PbTextView *self)
{
  self->dirty = TRUE;
  if (self->loaded && gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_text_view_load (self);
}

/**
 * pb_text_view_set_source:
 * @library: (nullable): the library the report is in
 * @report: (nullable): the report to show
 * @findings: (nullable): its findings (PbFinding), marked in the text and
 *   followed as they change
 * @cohorts: (nullable) (element-type PbCohort): the cohorts, for names and
 *   colours
 *
 * Forgets the text shown; it is read again by pb_text_view_load (), as
 * the view is first shown.
 */
void
pb_text_view_set_source (PbTextView *self,
                         PbLibrary  *library,
                         PbReport   *report,
                         GListModel *findings,
                         GPtrArray  *cohorts)
{
  gboolean same;

  g_return_if_fail (PB_IS_TEXT_VIEW (self));

  /* The same report's findings read again (a cohort renamed): the text
   * stays, its marks are laid out again where the caret is. */
  same = self->loaded && report != NULL && self->report != NULL &&
         g_strcmp0 (pb_report_get_sha256 (report), pb_report_get_sha256 (self->report)) == 0;

  stop_filling (self);
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, findings_changed_cb, self);

  g_set_object (&self->library, library);
  g_set_object (&self->report, report);
  g_set_object (&self->findings, findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  self->cohorts = cohorts ? g_ptr_array_ref (cohorts) : NULL;
  if (findings != NULL)
    g_signal_connect_object (findings, "items-changed", G_CALLBACK (findings_changed_cb),
                             self, G_CONNECT_SWAPPED);

  if (same)
    {
      findings_changed_cb (self);
      return;
    }

  self->dirty = FALSE;
  self->keep_page = self->keep_bound_page = -1;
  if (self->loaded)
    {
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
    }
  clear_text (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_text_view_load (self);
}

gboolean
pb_text_view_get_loaded (PbTextView *self)
{
  g_return_val_if_fail (PB_IS_TEXT_VIEW (self), FALSE);
  return self->loaded;
}

/**
 * pb_text_view_get_text_view:
 *
 * Returns: (transfer none): the text view the keyboard and screen readers
 *   work in
 */
GtkTextView *
pb_text_view_get_text_view (PbTextView *self)
{
  g_return_val_if_fail (PB_IS_TEXT_VIEW (self), NULL);
  return self->text_view;
}

/**
 * pb_text_view_show_page:
 * @page: a page index, from 0
 *
 * Puts the caret at the page's start (its "Page N" line) and scrolls
 * there; before the text is loaded, once it is.
 */
void
pb_text_view_show_page (PbTextView *self,
                        guint       page)
{
  g_return_if_fail (PB_IS_TEXT_VIEW (self));

  if (!self->loaded)
    {
      self->pending_page = (int)page;
      self->keep_page = self->keep_bound_page = -1;
      pb_text_view_load (self);
      return;
    }
  place_caret (self, page, 0, TRUE);
}

/**
 * pb_text_view_get_caret_page:
 *
 * Returns: the page index (from 0) the caret is on; 0 before loading
 */
guint
pb_text_view_get_caret_page (PbTextView *self)
{
  guint page = 0, index;

  g_return_val_if_fail (PB_IS_TEXT_VIEW (self), 0);

  if (self->pending_page >= 0)
    return (guint)self->pending_page;
  if (!caret_place (self, &page, &index))
    return 0;
  return page;
}

/**
 * pb_text_view_get_selection:
 * @start_page: (out): the page index (from 0) the selection starts on
 * @start_index: (out): the character index of that page's text it starts at
 * @end_page: (out): the page index it ends on
 * @end_index: (out): the character index after its last character there
 *
 * The selection as places in the pages' text, which the page view's
 * selection takes as they are (pb_document_view_select_range ()); the
 * words the view adds ("Page 3", a finding's cohorts) are not in it.
 *
 * Returns: %FALSE with no page text selected
 */
gboolean
pb_text_view_get_selection (PbTextView *self,
                            guint      *start_page,
                            guint      *start_index,
                            guint      *end_page,
                            guint      *end_index)
{
  GtkTextIter start, end;

  g_return_val_if_fail (PB_IS_TEXT_VIEW (self), FALSE);

  if (self->layout == NULL || !gtk_text_buffer_get_selection_bounds (buffer_of (self), &start, &end) ||
      !pb_text_layout_place_of (self->layout, &start, start_page, start_index) ||
      !pb_text_layout_place_of (self->layout, &end, end_page, end_index))
    return FALSE;

  /* A selection to the end of a page and over its "Page N" ends there. */
  while (*end_index == 0 && *end_page > *start_page)
    {
      *end_page -= 1;
      *end_index = pb_text_layout_get_page_length (self->layout, *end_page);
    }

  return *end_page > *start_page || *end_index > *start_index;
}

static void
pb_text_view_map (GtkWidget *widget)
{
  PbTextView *self = PB_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (pb_text_view_parent_class)->map (widget);
  if (!self->loaded || self->dirty)
    pb_text_view_load (self);
}

static void
pb_text_view_dispose (GObject *object)
{
  PbTextView *self = PB_TEXT_VIEW (object);

  stop_filling (self);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->library);
  g_clear_object (&self->report);
  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_func (self->findings, findings_changed_cb, self);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->cohorts, g_ptr_array_unref);
  g_clear_pointer (&self->layout, pb_text_layout_free);
  g_clear_object (&self->tags);

  G_OBJECT_CLASS (pb_text_view_parent_class)->dispose (object);
}

static void
pb_text_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PbTextView *self = PB_TEXT_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_text_view_class_init (PbTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_text_view_dispose;
  object_class->get_property = pb_text_view_get_property;
  widget_class->map = pb_text_view_map;

  /**
   * PbTextView:loaded:
   *
   * Whether the report's text is laid out in the view.
   */
  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pbtextview");
}

static void
add_tag (GtkTextTagTable *tags,
         GtkTextTag      *tag)
{
  gtk_text_tag_table_add (tags, tag);
  g_object_unref (tag);
}

static void
pb_text_view_init (PbTextView *self)
{
  g_autoptr(GMenu) extra_menu = NULL;
  g_autoptr(GtkTextBuffer) empty = NULL;

  self->pending_page = -1;
  self->keep_page = self->keep_bound_page = -1;

  /* One set of tags for every buffer the view is filled into. */
  self->tags = gtk_text_tag_table_new ();
  add_tag (self->tags, g_object_new (GTK_TYPE_TEXT_TAG, "name", "extra", NULL));
  add_tag (self->tags, g_object_new (GTK_TYPE_TEXT_TAG, "name", "page-label",
                                     "weight", PANGO_WEIGHT_BOLD,
                                     "scale", PANGO_SCALE_SMALL,
                                     "pixels-above-lines", 18,
                                     "pixels-below-lines", 6,
                                     NULL));
  add_tag (self->tags, g_object_new (GTK_TYPE_TEXT_TAG, "name", "heading",
                                     "weight", PANGO_WEIGHT_BOLD,
                                     "scale", PANGO_SCALE_LARGE,
                                     "pixels-above-lines", 12,
                                     "pixels-below-lines", 6,
                                     NULL));
  add_tag (self->tags, g_object_new (GTK_TYPE_TEXT_TAG, "name", "paragraph-number",
                                     "weight", PANGO_WEIGHT_BOLD,
                                     NULL));
  add_tag (self->tags, g_object_new (GTK_TYPE_TEXT_TAG, "name", "finding-label",
                                     "weight", PANGO_WEIGHT_SEMIBOLD,
                                     "style", PANGO_STYLE_ITALIC,
                                     NULL));

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  empty = gtk_text_buffer_new (self->tags);
  gtk_text_view_set_buffer (self->text_view, empty);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 18);
  gtk_text_view_set_right_margin (self->text_view, 18);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 24);
  gtk_text_view_set_pixels_below_lines (self->text_view, 2);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "report-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report text"),
                                  -1);

  /* Add Finding on the words selected, from the text's own menu (the
   * Menu key or Shift+F10 open it too); the reader holds the action. */
  extra_menu = g_menu_new ();
  g_menu_append (extra_menu, _("_Add Finding…"), "reader.add-finding");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (extra_menu));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/**
 * pb_text_view_new:
 *
 * Returns: (transfer full): an empty Text view
 */
GtkWidget *
pb_text_view_new (void)
{
  return g_object_new (PB_TYPE_TEXT_VIEW, NULL);
}
