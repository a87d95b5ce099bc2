/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-bundle-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-bundle-view-private.h"
#include "pb-cohort.h"
#include "pb-member-note.h"

/* The packs an officer sent, as the member opened them from bundles: one
 * at a time, read-only, with its details and introduction, then each
 * section with its findings and the officer's words in the officer's
 * order.  A finding opens its report at the passage; the member's own
 * notes sit under what they are on (pb-bundle-view-notes.c). */

G_DEFINE_FINAL_TYPE (PbBundleView, pb_bundle_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PACK_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
open_finding_cb (PbBundleView     *self,
                 PbBundleEntryRow *row)
{
  PbFinding *finding = pb_bundle_entry_get_finding (pb_bundle_entry_row_get_entry (row));

  if (finding != NULL && pb_finding_get_report_id (finding) > 0)
    g_signal_emit (self, signals [FINDING_ACTIVATED], 0, finding);
}

static void
add_note_cb (PbBundleView     *self,
             PbBundleEntryRow *row)
{
  pb_bundle_view_add_note (self, row, NULL);
}

static void
row_activated_cb (PbBundleView  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  if (PB_IS_BUNDLE_ENTRY_ROW (row))
    open_finding_cb (self, PB_BUNDLE_ENTRY_ROW (row));
}

/* "Corporate Parenting Panel · 12 March 2026 · Prepared by Jo Marsh" */
static char *
format_meta (PbBundlePack *pack)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *date = pb_bundle_pack_get_meeting_date (pack);

  if (*pb_bundle_pack_get_committee (pack) != '\0')
    g_ptr_array_add (parts, g_strdup (pb_bundle_pack_get_committee (pack)));
  if (date != NULL)
    {
      g_autoptr(GDate) day = g_date_new ();
      char text[64];

      g_date_set_parse (day, date);
      /* Translators: the meeting's date; see strftime(3) */
      if (g_date_valid (day) && g_date_strftime (text, sizeof text, _("%-d %B %Y"), day) > 0)
        g_ptr_array_add (parts, g_strdup (text));
      else
        g_ptr_array_add (parts, g_strdup (date));
    }
  if (*pb_bundle_pack_get_author (pack) != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Prepared by %s"), pb_bundle_pack_get_author (pack)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* "12 findings in 4 sections · 2 questions for the meeting" */
void
_pb_bundle_view_update_counts (PbBundleView *self)
{
  guint n_sections = 0, n_findings = 0, n_questions = 0;
  g_autofree char *findings = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (PB_IS_BUNDLE_ENTRY_ROW (child))
      {
        PbBundleEntryKind kind = pb_bundle_entry_get_kind (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child)));

        n_sections += kind == PB_BUNDLE_ENTRY_SECTION;
        n_findings += kind == PB_BUNDLE_ENTRY_FINDING;
      }
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    n_questions += pb_member_note_get_question (g_ptr_array_index (self->notes, i));

  findings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding in %u section", "%u findings in %u sections",
                                           n_findings), n_findings, n_sections);
  if (n_questions > 0)
    {
      questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question for the meeting",
                                                "%u questions for the meeting", n_questions), n_questions);
      text = g_strdup_printf ("%s · %s", findings, questions);
    }
  gtk_label_set_label (self->counts_label, text ? text : findings);
}

static void
clear_rows (PbBundleView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list))) != NULL)
    gtk_list_box_remove (self->entries_list, child);
}

static void
fill_pack (PbBundleView *self)
{
  PbBundlePack *pack = self->pack;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = NULL;
  GPtrArray *cohorts;

  clear_rows (self);
  g_hash_table_remove_all (self->cohorts);
  if (pack == NULL)
    return;

  cohorts = pb_bundle_pack_get_cohorts (pack);
  for (guint i = 0; cohorts != NULL && i < cohorts->len; i++)
    g_hash_table_insert (self->cohorts, g_strdup (pb_cohort_get_slug (g_ptr_array_index (cohorts, i))),
                         g_object_ref (g_ptr_array_index (cohorts, i)));

  gtk_label_set_label (self->title_label, pb_bundle_pack_get_title (pack));
  meta = format_meta (pack);
  gtk_label_set_label (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), *meta != '\0');
  gtk_widget_set_visible (self->exempt_badge, pb_bundle_pack_get_exempt (pack));
  gtk_label_set_label (self->introduction_label, pb_bundle_pack_get_introduction (pack));
  gtk_widget_set_visible (GTK_WIDGET (self->introduction_label), *pb_bundle_pack_get_introduction (pack) != '\0');

  if (!(entries = pb_library_list_bundle_entries (self->library, pb_bundle_pack_get_id (pack), &error)))
    {
      gtk_label_set_label (self->counts_label, error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = pb_bundle_entry_row_new (g_ptr_array_index (entries, i), self->cohorts);

      g_signal_connect_object (row, "open-finding", G_CALLBACK (open_finding_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "add-note", G_CALLBACK (add_note_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->entries_list, row);
    }

  _pb_bundle_view_refresh_notes (self);
}

static void
pack_chosen_cb (PbBundleView *self)
{
  guint position = gtk_drop_down_get_selected (self->pack_chooser);
  g_autoptr(PbBundlePack) pack = g_list_model_get_item (G_LIST_MODEL (self->packs), position);

  if (!self->filling && pack != NULL)
    pb_bundle_view_show_pack (self, pb_bundle_pack_get_id (pack));
}

/* The packs' titles, cut short rather than widening the toolbar. */
static void
title_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_list_item_set_child (item, label);
}

static void
title_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
hide_intro_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pb_bundle_view_set_show_intro (PB_BUNDLE_VIEW (widget), FALSE);
}

static void
pb_bundle_view_dispose (GObject *object)
{
  PbBundleView *self = (PbBundleView *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PB_TYPE_BUNDLE_VIEW);

  G_OBJECT_CLASS (pb_bundle_view_parent_class)->dispose (object);
}

static void
pb_bundle_view_finalize (GObject *object)
{
  PbBundleView *self = (PbBundleView *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->packs);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->cohorts, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self->member_name);

  G_OBJECT_CLASS (pb_bundle_view_parent_class)->finalize (object);
}

static void
pb_bundle_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PbBundleView *self = PB_BUNDLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PACK_ID:
      g_value_set_int64 (value, pb_bundle_view_get_pack_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_bundle_view_class_init (PbBundleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pb_bundle_view_dispose;
  object_class->finalize = pb_bundle_view_finalize;
  object_class->get_property = pb_bundle_view_get_property;

  /**
   * PbBundleView:pack-id:
   *
   * The bundle pack shown, or 0.
   */
  properties [PROP_PACK_ID] =
    g_param_spec_int64 ("pack-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PbBundleView::finding-activated:
   * @finding: a finding of the pack, to show in its report (its report id
   *   is the member's copy)
   */
  signals [FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PB_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pb-bundle-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, stack);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, pack_chooser);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, pack_titles);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, intro_revealer);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, exempt_badge);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, introduction_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, entries_list);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, orphans_box);
  gtk_widget_class_bind_template_child (widget_class, PbBundleView, orphans_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pack_chosen_cb);

  gtk_widget_class_install_action (widget_class, "bundle.hide-intro", NULL, hide_intro_action);
  _pb_bundle_view_class_init_notes (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "bundleview");
}

static void
pb_bundle_view_init (PbBundleView *self)
{
  g_autoptr(GtkListItemFactory) titles = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (titles, "setup", G_CALLBACK (title_setup_cb), NULL);
  g_signal_connect (titles, "bind", G_CALLBACK (title_bind_cb), NULL);
  gtk_drop_down_set_factory (self->pack_chooser, titles);

  self->packs = g_list_store_new (PB_TYPE_BUNDLE_PACK);
  self->cohorts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/**
 * pb_bundle_view_set_library:
 * @library: the member's library; set once
 */
void
pb_bundle_view_set_library (PbBundleView *self,
                            PbLibrary    *library)
{
  g_return_if_fail (PB_IS_BUNDLE_VIEW (self));
  g_return_if_fail (PB_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  pb_bundle_view_reload (self);
}

/**
 * pb_bundle_view_reload:
 *
 * Reads the packs opened from bundles again, after one was opened,
 * brought up to date or removed, and shows the same pack when it is still
 * there (else the first).
 */
void
pb_bundle_view_reload (PbBundleView *self)
{
  g_autoptr(GPtrArray) packs = NULL;
  gint64 shown;

  g_return_if_fail (PB_IS_BUNDLE_VIEW (self));

  if (self->library == NULL || !(packs = pb_library_list_bundle_packs (self->library, NULL)))
    packs = g_ptr_array_new_with_free_func (g_object_unref);

  shown = pb_bundle_view_get_pack_id (self);
  self->filling = TRUE;
  g_list_store_splice (self->packs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->packs)),
                       packs->pdata, packs->len);
  gtk_string_list_splice (self->pack_titles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pack_titles)), NULL);
  for (guint i = 0; i < packs->len; i++)
    gtk_string_list_append (self->pack_titles, pb_bundle_pack_get_title (g_ptr_array_index (packs, i)));
  self->filling = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->pack_chooser), packs->len > 1);
  gtk_stack_set_visible_child_name (self->stack, packs->len > 0 ? "pack" : "empty");

  g_clear_object (&self->pack);
  if (packs->len == 0 || !pb_bundle_view_show_pack (self, shown))
    {
      if (packs->len > 0)
        pb_bundle_view_show_pack (self, pb_bundle_pack_get_id (g_ptr_array_index (packs, 0)));
      else
        {
          fill_pack (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PACK_ID]);
        }
    }
}

/**
 * pb_bundle_view_show_pack:
 * @bundle_id: a pack opened from a bundle (pb_bundle_pack_get_id())
 *
 * Shows the pack, read again from the library.
 *
 * Returns: %FALSE if the library has no such pack
 */
gboolean
pb_bundle_view_show_pack (PbBundleView *self,
                          gint64        bundle_id)
{
  GListModel *packs;

  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), FALSE);

  packs = G_LIST_MODEL (self->packs);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(PbBundlePack) pack = g_list_model_get_item (packs, i);

      if (pb_bundle_pack_get_id (pack) != bundle_id)
        continue;

      g_set_object (&self->pack, pack);
      self->filling = TRUE;
      gtk_drop_down_set_selected (self->pack_chooser, i);
      self->filling = FALSE;
      fill_pack (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PACK_ID]);
      return TRUE;
    }
  return FALSE;
}

gint64
pb_bundle_view_get_pack_id (PbBundleView *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), 0);
  return self->pack ? pb_bundle_pack_get_id (self->pack) : 0;
}

/**
 * pb_bundle_view_get_pack:
 *
 * Returns: (transfer none) (nullable): the pack shown
 */
PbBundlePack *
pb_bundle_view_get_pack (PbBundleView *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), NULL);
  return self->pack;
}

/**
 * pb_bundle_view_get_packs:
 *
 * Returns: (transfer none): the packs opened from bundles (#PbBundlePack)
 */
GListModel *
pb_bundle_view_get_packs (PbBundleView *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->packs);
}

/**
 * pb_bundle_view_set_show_intro:
 * @show_intro: whether to say, above the pack, what a pack is and where
 *   notes go: for a member whose library holds nothing of their own
 */
void
pb_bundle_view_set_show_intro (PbBundleView *self,
                               gboolean      show_intro)
{
  g_return_if_fail (PB_IS_BUNDLE_VIEW (self));
  gtk_revealer_set_reveal_child (self->intro_revealer, show_intro);
}

gboolean
pb_bundle_view_get_show_intro (PbBundleView *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->intro_revealer);
}

/**
 * pb_bundle_view_get_list:
 *
 * Returns: (transfer none): the list of the pack's sections and findings,
 *   each row a #PbBundleEntryRow
 */
GtkListBox *
pb_bundle_view_get_list (PbBundleView *self)
{
  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), NULL);
  return self->entries_list;
}

/**
 * pb_bundle_view_find_row:
 * @key: a section's or finding's key (pb_bundle_entry_get_key())
 *
 * Returns: (transfer none) (nullable): the first row showing it
 */
PbBundleEntryRow *
pb_bundle_view_find_row (PbBundleView *self,
                         const char   *key)
{
  g_return_val_if_fail (PB_IS_BUNDLE_VIEW (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->entries_list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (PB_IS_BUNDLE_ENTRY_ROW (child) &&
        g_strcmp0 (pb_bundle_entry_get_key (pb_bundle_entry_row_get_entry (PB_BUNDLE_ENTRY_ROW (child))), key) == 0)
      return PB_BUNDLE_ENTRY_ROW (child);
  return NULL;
}
