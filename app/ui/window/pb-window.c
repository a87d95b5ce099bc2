/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-first-run.h"
#include "pb-import-outcome.h"
#include "pb-report-store.h"
#include "pb-view-state-store.h"
#include "pb-window-private.h"

/* The main window: the library's sidebar on one side; on the other, what
 * the window's mode gives the content area to (the report chosen, read or
 * described; every finding; grades over time; the briefing packs), with the
 * header bar's controls for it. The sidebar, the reader, the tables and the
 * import queue each do their own job; the window puts them together. Its
 * actions are in pb-window-actions.c. */

G_DEFINE_FINAL_TYPE (PbWindow, pb_window, ADW_TYPE_APPLICATION_WINDOW)

G_DEFINE_ENUM_TYPE (PbWindowMode, pb_window_mode,
                    G_DEFINE_ENUM_VALUE (PB_WINDOW_MODE_LIBRARY, "library"),
                    G_DEFINE_ENUM_VALUE (PB_WINDOW_MODE_FINDINGS, "findings"),
                    G_DEFINE_ENUM_VALUE (PB_WINDOW_MODE_OVERVIEW, "overview"),
                    G_DEFINE_ENUM_VALUE (PB_WINDOW_MODE_PACKS, "packs"),
                    G_DEFINE_ENUM_VALUE (PB_WINDOW_MODE_BUNDLES, "bundles"),
                    G_DEFINE_ENUM_VALUE (PB_WINDOW_MODE_TRACKER, "tracker"))

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_MODE,
  PROP_IMPORTING,
  PROP_SHOW_DETAILS,
  PROP_SHOW_FINDINGS,
  PROP_SHOW_ALL_FINDINGS,
  PROP_SHOW_OVERVIEW,
  PROP_SHOW_PACKS,
  PROP_SHOW_TRACKER,
  PROP_GROUPING,
  PROP_SORTING,
  PROP_SHOW_LIBRARY,
  PROP_SHOW_BUNDLES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The toggles of the header bar each show one mode: on, that mode; off,
 * back to the library. */
static const struct
{
  guint        prop_id;
  PbWindowMode mode;
} mode_toggles[] = {
  { PROP_SHOW_ALL_FINDINGS, PB_WINDOW_MODE_FINDINGS },
  { PROP_SHOW_OVERVIEW, PB_WINDOW_MODE_OVERVIEW },
  { PROP_SHOW_PACKS, PB_WINDOW_MODE_PACKS },
  { PROP_SHOW_TRACKER, PB_WINDOW_MODE_TRACKER },
  { PROP_SHOW_BUNDLES, PB_WINDOW_MODE_BUNDLES },
};

void
_pb_window_toast (PbWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_pb_window_set_show_details (PbWindow *self,
                             gboolean  show_details)
{
  show_details = !!show_details;
  if (self->show_details == show_details)
    return;

  self->show_details = show_details;
  _pb_window_update_content (self);
  _pb_window_update_library_aside (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_DETAILS]);
}

/* Made wider (or narrower) with the panel open: the library comes back (or
 * steps aside), once the window is laid out at its new size. */
static void
pb_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  PbWindow *self = PB_WINDOW (widget);

  GTK_WIDGET_CLASS (pb_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (width != self->allocated_width)
    {
      self->allocated_width = width;
      _pb_window_queue_library_aside (self);
    }
}

static void
notify_mode (PbWindow     *self,
             PbWindowMode  old_mode)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODE]);
  for (guint i = 0; i < G_N_ELEMENTS (mode_toggles); i++)
    if (mode_toggles[i].mode == old_mode || mode_toggles[i].mode == self->mode)
      g_object_notify_by_pspec (G_OBJECT (self), properties [mode_toggles[i].prop_id]);
}

/**
 * pb_window_set_mode:
 * @mode: what to give the content area to
 *
 * Shows the library's chosen report, every finding, grades over time or the
 * packs. The table and the overview are read again as they are shown.
 */
void
pb_window_set_mode (PbWindow     *self,
                    PbWindowMode  mode)
{
  PbWindowMode old_mode;

  g_return_if_fail (PB_IS_WINDOW (self));
  g_return_if_fail (mode <= PB_WINDOW_MODE_TRACKER);

  if (self->mode == mode)
    return;

  old_mode = self->mode;
  self->mode = mode;

  if (mode == PB_WINDOW_MODE_FINDINGS)
    pb_findings_view_refresh (self->findings_view);
  else if (mode == PB_WINDOW_MODE_OVERVIEW)
    pb_cohort_overview_refresh (self->cohort_overview);
  else if (mode == PB_WINDOW_MODE_TRACKER)
    pb_tracker_view_refresh (self->tracker_view);

  _pb_window_update_content (self);
  /* Grades over time has nothing the keyboard was on: it takes the focus,
   * so that a screen reader says it has opened. */
  if (mode == PB_WINDOW_MODE_OVERVIEW && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_child_focus (GTK_WIDGET (self->cohort_overview), GTK_DIR_TAB_FORWARD);
  /* The table likewise, on a row: not the header's Export button, where
   * the focus falls when the view it was in goes. */
  else if (mode == PB_WINDOW_MODE_FINDINGS && gtk_widget_get_mapped (GTK_WIDGET (self)))
    pb_findings_view_focus_table (self->findings_view);
  notify_mode (self, old_mode);
  _pb_window_update_library_aside (self);

  /* On a narrow window, the view chosen takes the library's place. */
  if (mode != PB_WINDOW_MODE_LIBRARY)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

PbWindowMode
pb_window_get_mode (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), PB_WINDOW_MODE_LIBRARY);
  return self->mode;
}

/* A toggle of the header bar: on, its mode; off, back to the library. */
static void
set_mode_shown (PbWindow     *self,
                PbWindowMode  mode,
                gboolean      shown)
{
  if (shown)
    pb_window_set_mode (self, mode);
  else if (self->mode == mode)
    pb_window_set_mode (self, PB_WINDOW_MODE_LIBRARY);
}

static void
grouping_changed_cb (PbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUPING]);
}

static void
sorting_changed_cb (PbWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SORTING]);
}

static gboolean
pb_window_close_request (GtkWindow *window)
{
  _pb_window_save_state (PB_WINDOW (window));
  return GTK_WINDOW_CLASS (pb_window_parent_class)->close_request (window);
}

static void
library_problem_changed_cb (PbWindow   *self,
                            GParamSpec *pspec,
                            PbLibrary  *library)
{
  pb_window_show_library_problem (self);
}

static void
pb_window_constructed (GObject *object)
{
  PbWindow *self = (PbWindow *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (pb_window_parent_class)->constructed (object);

  g_assert (PB_IS_LIBRARY (self->library));

  _pb_window_setup_imports (self);

  if (!pb_library_sidebar_set_library (self->sidebar, self->library, &error))
    _pb_window_toast (self, error->message);
  g_signal_connect_object (pb_window_get_reports (self), "items-changed",
                           G_CALLBACK (_pb_window_update_content), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::selected-report",
                           G_CALLBACK (_pb_window_selected_report_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->sidebar, "notify::grouping", G_CALLBACK (grouping_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "notify::sorting", G_CALLBACK (sorting_changed_cb),
                           self, G_CONNECT_SWAPPED);

  pb_findings_view_set_library (self->findings_view, self->library);
  pb_report_details_set_library (self->report_details, self->library);
  pb_cohort_overview_set_library (self->cohort_overview, self->library);
  pb_packs_view_set_library (self->packs_view, self->library);
  _pb_window_init_tracker (self);
  pb_bundle_view_set_library (self->bundle_view, self->library);

  /* Back where the user left off. */
  pb_window_select_report (self, pb_library_get_last_read_report (self->library));

  _pb_window_update_content (self);
  _pb_window_bundles_started (self);

  /* What the library found when it opened: a lasting problem stays in view;
   * something set right is said once. Damage met later shows the same way. */
  g_signal_connect_object (self->library, "notify::problem", G_CALLBACK (library_problem_changed_cb),
                           self, G_CONNECT_SWAPPED);
  pb_window_show_library_problem (self);
  if (pb_library_get_notice (self->library) != NULL)
    _pb_window_toast (self, pb_library_get_notice (self->library));

  g_signal_connect (self, "notify::application", G_CALLBACK (_pb_window_take_settings), NULL);
  _pb_window_take_settings (self);
}

static void
pb_window_dispose (GObject *object)
{
  PbWindow *self = (PbWindow *)object;

  self->disposed = TRUE;
  if (self->imports != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->imports, self);
      pb_import_queue_cancel_all (self->imports);
    }
  g_clear_handle_id (&self->controls_idle, g_source_remove);
  g_clear_handle_id (&self->folded_idle, g_source_remove);
  g_clear_handle_id (&self->resized_idle, g_source_remove);
  if (self->bundle_opener != NULL)
    pb_bundle_opener_cancel (self->bundle_opener);
  g_clear_object (&self->bundle_opener);

  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_WINDOW);

  G_OBJECT_CLASS (pb_window_parent_class)->dispose (object);
}

static void
pb_window_finalize (GObject *object)
{
  PbWindow *self = (PbWindow *)object;

  g_clear_object (&self->imports);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pb_window_parent_class)->finalize (object);
}

static void
pb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PbWindow *self = PB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, pb_window_get_importing (self));
      break;

    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;

    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, self->show_findings);
      break;

    case PROP_SHOW_ALL_FINDINGS:
      g_value_set_boolean (value, self->mode == PB_WINDOW_MODE_FINDINGS);
      break;

    case PROP_SHOW_OVERVIEW:
      g_value_set_boolean (value, self->mode == PB_WINDOW_MODE_OVERVIEW);
      break;

    case PROP_SHOW_PACKS:
      g_value_set_boolean (value, self->mode == PB_WINDOW_MODE_PACKS);
      break;

    case PROP_SHOW_TRACKER:
      g_value_set_boolean (value, self->mode == PB_WINDOW_MODE_TRACKER);
      break;

    case PROP_SHOW_BUNDLES:
      g_value_set_boolean (value, self->mode == PB_WINDOW_MODE_BUNDLES);
      break;

    case PROP_GROUPING:
      /* The sidebar's; once the template is gone, nothing is grouped. */
      g_value_set_string (value, pb_grouping_to_string (self->sidebar ? pb_library_sidebar_get_grouping (self->sidebar)
                                                                      : PB_GROUPING_NONE));
      break;

    case PROP_SHOW_LIBRARY:
      g_value_set_boolean (value, self->show_library);
      break;

    case PROP_SORTING:
      g_value_set_string (value, pb_sorting_to_string (self->sidebar ? pb_library_sidebar_get_sorting (self->sidebar)
                                                                     : PB_SORTING_IMPORTED));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PbWindow *self = PB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_MODE:
      pb_window_set_mode (self, g_value_get_enum (value));
      break;

    case PROP_SHOW_DETAILS:
      {
        /* Asked for by the user (a button, a menu, Alt+Enter): the focus
         * goes into the pane, so a screen reader says it has opened, and
         * back to the report when it closes under the focus. */
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
        gboolean was_inside = focus != NULL && self->report_details != NULL &&
                              gtk_widget_is_ancestor (focus, GTK_WIDGET (self->report_details));

        _pb_window_set_show_details (self, g_value_get_boolean (value));
        if (self->show_details && g_strcmp0 (pb_window_get_content_page (self), "details") == 0)
          pb_report_details_focus_start (self->report_details);
        else if (!self->show_details && was_inside && self->reader != NULL)
          gtk_widget_child_focus (GTK_WIDGET (self->reader), GTK_DIR_TAB_FORWARD);
      }
      break;

    case PROP_SHOW_ALL_FINDINGS:
      set_mode_shown (self, PB_WINDOW_MODE_FINDINGS, g_value_get_boolean (value));
      break;

    case PROP_SHOW_OVERVIEW:
      set_mode_shown (self, PB_WINDOW_MODE_OVERVIEW, g_value_get_boolean (value));
      break;

    case PROP_SHOW_PACKS:
      set_mode_shown (self, PB_WINDOW_MODE_PACKS, g_value_get_boolean (value));
      break;

    case PROP_SHOW_TRACKER:
      set_mode_shown (self, PB_WINDOW_MODE_TRACKER, g_value_get_boolean (value));
      break;

    case PROP_SHOW_BUNDLES:
      set_mode_shown (self, PB_WINDOW_MODE_BUNDLES, g_value_get_boolean (value));
      break;

    case PROP_GROUPING:
      /* The sidebar's; it says when it changes. */
      if (self->sidebar != NULL)
        pb_library_sidebar_set_grouping (self->sidebar, pb_grouping_from_string (g_value_get_string (value)));
      break;

    case PROP_SORTING:
      if (self->sidebar != NULL)
        pb_library_sidebar_set_sorting (self->sidebar, pb_sorting_from_string (g_value_get_string (value)));
      break;

    case PROP_SHOW_FINDINGS:
      if (self->show_findings != g_value_get_boolean (value))
        {
          self->show_findings = g_value_get_boolean (value);
          /* F9 from Report Properties: back to the pages, the panel beside them. */
          if (self->show_findings && self->show_details)
            _pb_window_set_show_details (self, FALSE);
          _pb_window_update_library_aside (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_LIBRARY:
      _pb_window_show_library_by_user (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_window_class_init (PbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pb_window_constructed;
  object_class->dispose = pb_window_dispose;
  object_class->finalize = pb_window_finalize;
  object_class->get_property = pb_window_get_property;
  object_class->set_property = pb_window_set_property;

  window_class->close_request = pb_window_close_request;
  widget_class->size_allocate = pb_window_size_allocate;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PB_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PbWindow:mode:
   *
   * What the content area is given to.
   */
  properties [PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, PB_TYPE_WINDOW_MODE, PB_WINDOW_MODE_LIBRARY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PbWindow:show-all-findings:
   *
   * Whether the mode is %PB_WINDOW_MODE_FINDINGS, for the header bar's
   * toggle: turning it off goes back to the library. Likewise
   * #PbWindow:show-overview, #PbWindow:show-packs and #PbWindow:show-tracker.
   */
  properties [PROP_SHOW_ALL_FINDINGS] =
    g_param_spec_boolean ("show-all-findings", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_OVERVIEW] =
    g_param_spec_boolean ("show-overview", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_PACKS] =
    g_param_spec_boolean ("show-packs", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_TRACKER] =
    g_param_spec_boolean ("show-tracker", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_BUNDLES] =
    g_param_spec_boolean ("show-bundles", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GROUPING] =
    g_param_spec_string ("grouping", NULL, NULL, "none",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * PbWindow:sorting:
   *
   * The library's order: "imported", "date", "authority", "kind" or
   * "title", as the sidebar has it.
   */
  properties [PROP_SORTING] =
    g_param_spec_string ("sorting", NULL, NULL, "imported",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * PbWindow:show-library:
   *
   * Whether the library's sidebar is beside the content. It steps aside by
   * itself for the findings panel on a window too narrow for the three.
   */
  properties [PROP_SHOW_LIBRARY] =
    g_param_spec_boolean ("show-library", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PB_TYPE_COHORT_OVERVIEW);
  g_type_ensure (PB_TYPE_LIBRARY_SIDEBAR);
  g_type_ensure (PB_TYPE_PAGE_CONTROLS);
  g_type_ensure (PB_TYPE_REPORT_DETAILS);
  g_type_ensure (PB_TYPE_READER);
  g_type_ensure (PB_TYPE_FINDINGS_VIEW);
  g_type_ensure (PB_TYPE_PACKS_VIEW);
  g_type_ensure (PB_TYPE_TRACKER_VIEW);
  g_type_ensure (PB_TYPE_BUNDLE_VIEW);
  g_type_ensure (PB_TYPE_FIRST_RUN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, problem_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, library_revealer);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, library_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, content_title_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, content_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, report_details);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, page_controls);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, report_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, compact_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, reading_controls);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, export_findings_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, findings_view);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, cohort_overview);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, packs_view);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, tracker_view);
  gtk_widget_class_bind_template_child (widget_class, PbWindow, bundle_view);
  _pb_window_class_init_content (widget_class);
  _pb_window_class_init_tracker (widget_class);

  _pb_window_class_add_actions (widget_class);
  _pb_window_class_init_bundles (widget_class);
}

static void
pb_window_init (PbWindow *self)
{
  PbViewModel *model;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->show_library = TRUE;
  _pb_window_init_view_keys (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (_pb_window_folded_cb), self, G_CONNECT_SWAPPED);

  /* The header's toggle is the window's; the panel is the reader's. */
  g_object_bind_property (self, "show-findings", self->reader, "show-findings",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* The page and zoom controls follow the reader's view state. */
  model = pb_reader_get_model (self->reader);
  pb_page_controls_set_model (self->page_controls, model);
  g_signal_connect_object (model, "notify::page", G_CALLBACK (_pb_window_queue_update_controls),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::zoom", G_CALLBACK (_pb_window_zoom_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::loaded", G_CALLBACK (_pb_window_queue_update_controls),
                           self, G_CONNECT_SWAPPED);
}

PbWindow *
pb_window_new (PbApplication *application,
               PbLibrary     *library)
{
  g_return_val_if_fail (!application || PB_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  return g_object_new (PB_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

/**
 * pb_window_get_reports:
 *
 * Returns: (transfer none): the library's reports, as the sidebar lists them
 */
GListModel *
pb_window_get_reports (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return pb_library_sidebar_get_reports (self->sidebar);
}

/**
 * pb_window_select_report:
 * @report_id: a report in the library
 *
 * Chooses the report in the sidebar, which shows it.
 *
 * Returns: %FALSE if the library has no such report
 */
gboolean
pb_window_select_report (PbWindow *self,
                         gint64    report_id)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), FALSE);
  return pb_library_sidebar_select_report (self->sidebar, report_id);
}

/**
 * pb_window_get_selected_report:
 *
 * Returns: (transfer none) (nullable): the report chosen, if any
 */
PbReport *
pb_window_get_selected_report (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->sidebar ? pb_library_sidebar_get_selected_report (self->sidebar) : NULL;
}

/**
 * pb_window_get_content_page:
 *
 * Returns: which page the content area shows: "empty" (no reports),
 *   "unselected", "reader", "details", "findings", "overview", "packs",
 *   "tracker" or "bundles"
 */
const char *
pb_window_get_content_page (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/**
 * pb_window_get_reader:
 *
 * Returns: (transfer none): the reader showing the selected report
 */
PbReader *
pb_window_get_reader (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->reader;
}

/**
 * pb_window_get_search_hits:
 *
 * Returns: (transfer none): the library search's results, best first
 */
GListModel *
pb_window_get_search_hits (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return pb_library_sidebar_get_search_hits (self->sidebar);
}

/**
 * pb_window_get_findings_view:
 *
 * Returns: (transfer none): the table of every finding
 */
PbFindingsView *
pb_window_get_findings_view (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->findings_view;
}

/**
 * pb_window_get_cohort_overview:
 *
 * Returns: (transfer none): grades over time
 */
PbCohortOverview *
pb_window_get_cohort_overview (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->cohort_overview;
}

/**
 * pb_window_get_sidebar_rows:
 *
 * Returns: (transfer none): the library's rows as the sidebar shows them,
 *   each a #GtkTreeListRow of a #PbReportGroup heading or a #PbReport
 */
GListModel *
pb_window_get_sidebar_rows (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return pb_library_sidebar_get_rows (self->sidebar);
}

/**
 * pb_window_get_packs_view:
 *
 * Returns: (transfer none): the briefing packs
 */
PbPacksView *
pb_window_get_packs_view (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return self->packs_view;
}

/**
 * pb_window_get_sidebar:
 *
 * Returns: (transfer none): the library's sidebar (a #PbLibrarySidebar)
 */
GtkWidget *
pb_window_get_sidebar (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

/**
 * pb_window_add_toast:
 * @self: a window
 * @message: a sentence for the user
 *
 * Shows @message briefly over the window.
 */
void
pb_window_add_toast (PbWindow   *self,
                     const char *message)
{
  g_return_if_fail (PB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  _pb_window_toast (self, message);
}

/**
 * pb_window_show_library_problem:
 * @self: a window
 *
 * Shows, above everything else, why the library can only be read (from
 * pb_library_get_problem ()), with Restore from Backup… when restoring is
 * what mends it; hides the bar when the library can be written.
 */
void
pb_window_show_library_problem (PbWindow *self)
{
  const GError *problem;

  g_return_if_fail (PB_IS_WINDOW (self));

  problem = self->library ? pb_library_get_problem (self->library) : NULL;
  gtk_revealer_set_reveal_child (self->problem_revealer, problem != NULL);
  if (problem == NULL)
    return;

  /* The library's own sentence also names the command line; here the
   * button beside it is the way. */
  if (g_error_matches (problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED))
    gtk_label_set_text (self->problem_label,
                        _("The library database is damaged, so it is open read-only: nothing more "
                          "is written to it. Restore the newest good backup; the damaged file is "
                          "kept."));
  else
    gtk_label_set_text (self->problem_label, problem->message);
  gtk_widget_set_visible (self->problem_button,
                          g_error_matches (problem, PB_LIBRARY_ERROR, PB_LIBRARY_ERROR_DAMAGED));
}

/**
 * pb_window_get_library_problem_shown:
 * @self: a window
 *
 * Returns: whether the bar saying why the library is read-only is shown
 */
gboolean
pb_window_get_library_problem_shown (PbWindow *self)
{
  g_return_val_if_fail (PB_IS_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->problem_revealer);
}
