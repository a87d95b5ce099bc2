/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "pb-finding-store.h"
#include "pb-quote-locate.h"
#include "pb-reader-private.h"
#include "pb-recommendation-links.h"
#include "pb-recommendation-store.h"
#include "pb-structure-store.h"
#include "pb-suggestion.h"

/* The passages the report suggests as findings (its recommendations, its
 * sections' grades, the highlights the PDF came with), below the officer's
 * own in the panel: one opened in the editor to add it, tracked as a
 * recommendation, or dismissed; or all
 * of them added, or dismissed, at once. A suggestion is placed on the page
 * (its words found in the PDF) before it becomes a finding, so that every
 * finding made of one is drawn like any other. */

typedef struct
{
  gint64     suggestion_id;
  PbFinding *draft;
} Accepting;

static void
accepting_free (gpointer data)
{
  Accepting *accepting = data;

  g_clear_object (&accepting->draft);
  g_free (accepting);
}

typedef struct
{
  char      *path;
  char      *password;
  GPtrArray *drafts;   /* Accepting */
} PlaceJob;

static void
place_job_free (gpointer data)
{
  PlaceJob *job = data;

  g_free (job->path);
  g_free (job->password);
  g_clear_pointer (&job->drafts, g_ptr_array_unref);
  g_free (job);
}

/* The words @from to @to (exclusive) of @words, joined by spaces. */
static char *
join_words (char  **words,
            guint   from,
            guint   to)
{
  GString *text = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i]);
    }
  return g_string_free (text, FALSE);
}

static GArray *
locate (const char *path,
        const char *password,
        guint       page,
        char      **words,
        guint       from,
        guint       to)
{
  g_autofree char *text = join_words (words, from, to);

  return pb_pdf_locate_quote (path, password, page, text, NULL);
}

/* Poppler's search misses some passages whole ("16- and 17-year-olds"):
 * then the longest runs of words it does find, in order, each at least a
 * few words long so as not to land on the same words elsewhere. */
static GArray *
locate_in_pieces (const char *path,
                  const char *password,
                  guint       page,
                  const char *quote)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", quote, 0, 0);
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
  guint n = g_strv_length (words);
  guint start = 0;

  while (start < n)
    {
      g_autoptr(GArray) best = NULL;
      guint lo = start + 1, hi = n, best_end = start;

      /* The longest run from @start that is found: a binary search, as a
       * run found has every shorter run from the same word found too. */
      while (lo <= hi)
        {
          guint mid = (lo + hi) / 2;
          g_autoptr(GArray) found = locate (path, password, page, words, start, mid);

          if (found != NULL && found->len > 0)
            {
              g_clear_pointer (&best, g_array_unref);
              best = g_steal_pointer (&found);
              best_end = mid;
              lo = mid + 1;
            }
          else
            hi = mid - 1;
        }

      if (best != NULL && best_end - start >= MIN (3, n - start))
        {
          g_array_append_vals (anchors, best->data, best->len);
          start = best_end;
        }
      else
        start++;   /* a word poppler cannot find: step over it */
    }

  if (anchors->len == 0)
    g_clear_pointer (&anchors, g_array_unref);
  return anchors;
}

/* Finds the words of a draft read from the structure (it has none yet) in
 * the PDF; poppler reads pages, so not on the main thread for many. */
static void
place_draft (PbFinding  *draft,
             const char *path,
             const char *password)
{
  g_autoptr(GArray) anchors = NULL;

  if (pb_finding_get_anchors (draft)->len > 0)
    return;

  anchors = pb_pdf_locate_quote (path, password, pb_finding_get_page (draft), pb_finding_get_quote (draft), NULL);
  if (anchors == NULL || anchors->len == 0)
    {
      g_clear_pointer (&anchors, g_array_unref);
      anchors = locate_in_pieces (path, password, pb_finding_get_page (draft), pb_finding_get_quote (draft));
    }
  if (anchors != NULL && anchors->len > 0)
    pb_finding_set_anchors (draft, (PbAnchor *)(gpointer)anchors->data, anchors->len);
}

void
_pb_reader_load_suggestions (PbReader *self)
{
  g_autoptr(GPtrArray) suggestions = NULL;

  if (self->library != NULL && self->report != NULL)
    suggestions = pb_library_list_suggestions (self->library, pb_report_get_id (self->report), NULL);

  pb_findings_panel_set_suggestions (self->findings_panel, suggestions);
}

/**
 * _pb_reader_offer_suggestions:
 *
 * Once the report is open: says that the panel has passages to look at,
 * the first time the report is opened in the session and only while the
 * panel is closed and holds nothing else: never the same toast on every
 * open.
 */
void
_pb_reader_offer_suggestions (PbReader *self)
{
  guint n = pb_findings_panel_get_n_suggestions (self->findings_panel);
  gpointer key = GSIZE_TO_POINTER ((gsize)pb_report_get_id (self->report));
  g_autofree char *message = NULL;

  if (g_hash_table_contains (self->suggested, key))
    return;
  g_hash_table_add (self->suggested, key);

  if (n == 0 || adw_flap_get_reveal_flap (self->flap) ||
      pb_findings_panel_get_n_shown (self->findings_panel) > 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u suggested finding, in the findings panel (F9)",
                                          "%u suggested findings, in the findings panel (F9)", n),
                             n);
  _pb_reader_toast (self, adw_toast_new (message));
}

/* A finding made from a suggestion: the suggestion is settled. */
static void
suggestion_added_cb (PbReader        *self,
                     PbFinding       *finding,
                     PbFindingEditor *editor)
{
  pb_library_close_suggestion (self->library, pb_finding_editor_get_suggestion_id (editor), TRUE, NULL);
  _pb_reader_load_suggestions (self);
}

static void
suggestion_accepted_cb (PbReader     *self,
                        PbSuggestion *suggestion)
{
  g_autoptr(PbFinding) draft = pb_finding_copy (pb_suggestion_get_draft (suggestion));
  g_autofree char *path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));
  PbFindingEditor *editor;

  place_draft (draft, path, self->password);

  editor = _pb_reader_open_editor (self, draft);
  pb_finding_editor_set_suggestion_id (editor, pb_suggestion_get_id (suggestion));
  g_signal_connect_object (editor, "added", G_CALLBACK (suggestion_added_cb), self, G_CONNECT_SWAPPED);
}

static void
suggestion_dismissed_cb (PbReader     *self,
                         PbSuggestion *suggestion)
{
  g_autoptr(GError) error = NULL;

  if (!pb_library_close_suggestion (self->library, pb_suggestion_get_id (suggestion), FALSE, &error))
    _pb_reader_toast (self, adw_toast_new (error->message));
  _pb_reader_load_suggestions (self);
}

static void
place_worker (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PlaceJob *job = task_data;

  for (guint i = 0; i < job->drafts->len; i++)
    {
      Accepting *accepting = g_ptr_array_index (job->drafts, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      place_draft (accepting->draft, job->path, job->password);
    }

  g_task_return_boolean (task, TRUE);
}

/* The drafts are placed: each that knows its cohort becomes a finding. */
static void
placed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PbReader *self = PB_READER (object);
  PlaceJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added = 0, waiting = 0;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;   /* cancelled: the report was left */

  g_clear_object (&self->accepting);

  for (guint i = 0; i < job->drafts->len; i++)
    {
      Accepting *accepting = g_ptr_array_index (job->drafts, i);
      const char * const *cohorts = pb_finding_get_cohorts (accepting->draft);

      if (cohorts == NULL || cohorts[0] == NULL)
        {
          waiting++;
          continue;
        }

      if (pb_library_add_finding (self->library, accepting->draft, &error) <= 0 ||
          !pb_library_close_suggestion (self->library, accepting->suggestion_id, TRUE, &error))
        {
          _pb_reader_toast (self, adw_toast_new (error->message));
          break;
        }
      added++;
    }

  _pb_reader_load_suggestions (self);

  if (waiting > 0)
    /* Translators: Add All: how many were added, and how many wait */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added; %u needs a cohort: add it on its own",
                                            "%u added; %u need a cohort: add them one by one", waiting),
                               added, waiting);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggested finding added",
                                            "%u suggested findings added", added), added);
  _pb_reader_toast (self, adw_toast_new (message));
}

/* Add All: every suggestion whose cohort is known (its own, or that of the
 * section its page is in), placed on a worker and added in one go. */
static void
accept_all (PbReader *self)
{
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (self->library, pb_report_get_id (self->report), NULL);
  g_autoptr(PbStructure) structure = pb_library_get_structure (self->library, pb_report_get_id (self->report), NULL);
  g_autoptr(GTask) task = NULL;
  PlaceJob *job;

  if (suggestions == NULL || self->accepting != NULL)
    return;

  job = g_new0 (PlaceJob, 1);
  job->path = pb_library_dup_report_path (self->library, pb_report_get_sha256 (self->report));
  job->password = g_strdup (self->password);
  job->drafts = g_ptr_array_new_with_free_func (accepting_free);

  for (guint i = 0; i < suggestions->len; i++)
    {
      PbSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      Accepting *accepting = g_new0 (Accepting, 1);
      const char * const *cohorts;

      accepting->suggestion_id = pb_suggestion_get_id (suggestion);
      accepting->draft = pb_finding_copy (pb_suggestion_get_draft (suggestion));
      cohorts = pb_finding_get_cohorts (accepting->draft);
      if ((cohorts == NULL || cohorts[0] == NULL) && structure != NULL)
        {
          const char *cohort = pb_structure_cohort_at_page (structure, pb_finding_get_page (accepting->draft));

          if (cohort != NULL)
            pb_finding_set_cohorts (accepting->draft, (const char * const[]) { cohort, NULL });
        }
      g_ptr_array_add (job->drafts, accepting);
    }

  self->accepting = g_cancellable_new ();
  task = g_task_new (self, self->accepting, placed_cb, NULL);
  g_task_set_source_tag (task, accept_all);
  g_task_set_task_data (task, job, place_job_free);
  g_task_run_in_thread (task, place_worker);
}

static void
dismiss_all (PbReader *self)
{
  g_autoptr(GPtrArray) suggestions = pb_library_list_suggestions (self->library, pb_report_get_id (self->report), NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; suggestions != NULL && i < suggestions->len; i++)
    if (!pb_library_close_suggestion (self->library, pb_suggestion_get_id (g_ptr_array_index (suggestions, i)),
                                      FALSE, &error))
      {
        _pb_reader_toast (self, adw_toast_new (error->message));
        break;
      }

  _pb_reader_load_suggestions (self);
}

static void
all_suggestions_cb (PbReader *self,
                    gboolean  accepted)
{
  if (self->library == NULL || self->report == NULL)
    return;

  if (accepted)
    accept_all (self);
  else
    dismiss_all (self);
}

/**
 * pb_reader_get_accepting:
 *
 * Returns: whether Add All is placing the suggestions on the page
 */
gboolean
pb_reader_get_accepting (PbReader *self)
{
  g_return_val_if_fail (PB_IS_READER (self), FALSE);
  return self->accepting != NULL;
}

void
_pb_reader_cancel_suggestions (PbReader *self)
{
  g_cancellable_cancel (self->accepting);
  g_clear_object (&self->accepting);
}

/* Tracked from the suggestion alone: the item keeps the report's page and
 * the section's cohort, and the toast leads to it. */
static void
track_suggestion_cb (PbReader     *self,
                     PbSuggestion *suggestion)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  AdwToast *toast;
  gint64 id;

  if (!(id = pb_library_add_recommendation_from_suggestion (self->library, pb_suggestion_get_id (suggestion),
                                                            &error)))
    {
      _pb_reader_toast (self, adw_toast_new (error->message));
      return;
    }
  /* The panel was built again as the item was added: the keyboard goes
   * on to the suggestion's Tracked button, where Track was. */
  pb_findings_panel_focus_tracked (self->findings_panel, pb_suggestion_get_id (suggestion));
  /* Made again by Ofsted is worth the panel's notice: offer the review
   * that confirms it, rather than the item. */
  if (pb_library_count_likely_repeats (self->library, pb_report_get_id (self->report), id, NULL) > 0)
    {
      toast = adw_toast_new (_("Recommendation tracked: it may repeat an earlier one"));
      action = g_strdup_printf ("win.review-recommendations(int64 %" G_GINT64_FORMAT ")",
                                pb_report_get_id (self->report));
      adw_toast_set_button_label (toast, _("_Review"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  else
    {
      toast = adw_toast_new (_("Recommendation tracked"));
      action = g_strdup_printf ("win.show-recommendation(int64 %" G_GINT64_FORMAT ")", id);
      adw_toast_set_button_label (toast, _("_Show"));
    }
  adw_toast_set_detailed_action_name (toast, action);
  _pb_reader_toast (self, toast);
}

void
_pb_reader_init_suggestions (PbReader *self)
{
  self->suggested = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (self->findings_panel, "suggestion-accepted",
                           G_CALLBACK (suggestion_accepted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "suggestion-dismissed",
                           G_CALLBACK (suggestion_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "all-suggestions",
                           G_CALLBACK (all_suggestions_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "track-suggestion",
                           G_CALLBACK (track_suggestion_cb), self, G_CONNECT_SWAPPED);
}
