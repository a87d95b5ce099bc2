/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pb-finding-store.h"
#include "pb-finding.h"
#include "pb-pack-items.h"
#include "pb-pack-store.h"
#include "pb-pack.h"
#include "pb-test-packs.h"
#include "pb-test-util.h"

/* Packs: their sections, and the rule that a public pack never holds an
 * exempt finding.  Their exports are in test-pack-export.c. */

typedef PbPackFixture Fixture;

static PbFinding *
finding_by_id (Fixture *f,
               gint64   id)
{
  for (guint i = 0; i < f->findings->len; i++)
    if (pb_finding_get_id (g_ptr_array_index (f->findings, i)) == id)
      return g_ptr_array_index (f->findings, i);
  g_assert_not_reached ();
}

static guint
count_findings (Fixture *f,
                gint64   pack_id)
{
  g_autoptr(PbPack) pack = pb_library_get_pack (f->library, pack_id, NULL);
  return pb_pack_get_n_findings (pack);
}

/* A new pack has a section for each cohort, in the Ofsted order; findings
 * go to their first cohort's section, in the order added, once each. */
static void
test_pack_sections (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const cohorts[] = { "help_and_protection", "children_in_care", "care_leavers", "leadership" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(PbPack) pack = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  guint placed = 0;
  gint64 id;

  id = pb_library_create_pack (f->library, "  Corporate parenting panel, March  ", FALSE, "2026-03-12", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  pack = pb_library_get_pack (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_pack_get_title (pack), ==, "Corporate parenting panel, March");
  g_assert_cmpstr (pb_pack_get_meeting_date (pack), ==, "2026-03-12");
  g_assert_false (pb_pack_get_exempt (pack));

  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids->data, ids->len, &error));
  g_assert_no_error (error);
  /* Again: nothing doubles. */
  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids->data, ids->len, &error));
  g_assert_cmpuint (count_findings (f, id), ==, ids->len);

  sections = pb_library_get_pack_sections (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, ==, G_N_ELEMENTS (cohorts));
  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);
      gint64 previous = -1;

      g_assert_cmpstr (section->cohort, ==, cohorts[s]);
      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);
          PbFinding *finding = finding_by_id (f, item->finding_id);
          guint order = 0;

          g_assert_cmpint (item->kind, ==, PB_PACK_ITEM_FINDING);
          g_assert_cmpstr (pb_finding_get_cohorts (finding)[0], ==, section->cohort);
          /* In the order they were added. */
          for (guint k = 0; k < ids->len; k++)
            if (g_array_index (ids, gint64, k) == item->finding_id)
              order = k;
          g_assert_cmpint ((gint64)order, >, previous);
          previous = order;
          placed++;
        }
    }
  g_assert_cmpuint (placed, ==, ids->len);

  packs = pb_library_list_packs (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 1);
  g_assert_cmpint (pb_pack_get_id (g_ptr_array_index (packs, 0)), ==, id);
}

static void
test_pack_invalid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GPtrArray) packs = NULL;
  gint64 finding = g_array_index (ids, gint64, 0);

  g_assert_cmpint (pb_library_create_pack (f->library, "  ", FALSE, NULL, &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (pb_library_create_pack (f->library, "Panel", FALSE, "12/03/2026", &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (pb_library_create_pack (f->library, "Panel", FALSE, "2026-02-30", &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pb_library_add_to_pack (f->library, 999, &finding, 1, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing was made. */
  packs = pb_library_list_packs (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packs->len, ==, 0);
}

/* A public pack refuses an exempt finding, and the others with it. */
static void
test_public_refuses_exempt (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  gint64 id = pb_library_create_pack (f->library, "Public pack", FALSE, NULL, &error);
  gint64 both[] = { g_array_index (ids, gint64, 0), f->exempt_id };

  g_assert_false (pb_library_add_to_pack (f->library, id, both, G_N_ELEMENTS (both), &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_EXEMPT);
  g_assert_nonnull (strstr (error->message, "not for publication"));
  g_assert_cmpuint (count_findings (f, id), ==, 0);
}

/* An exempt pack takes it; made public, it lists what it holds and lets go
 * only when told to. */
static void
test_exempt_pack_made_public (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GArray) held = NULL;
  g_autoptr(PbPack) pack = NULL;
  gint64 id = pb_library_create_pack (f->library, "Exempt pack", TRUE, NULL, &error);

  g_assert_true (pb_library_add_to_pack (f->library, id, &f->exempt_id, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->library, id, (gint64 *)ids->data, ids->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_findings (f, id), ==, ids->len + 1);

  held = pb_library_list_pack_exempt_findings (f->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (held->len, ==, 1);
  g_assert_cmpint (g_array_index (held, gint64, 0), ==, f->exempt_id);

  g_assert_false (pb_library_set_pack_exempt (f->library, id, FALSE, FALSE, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_HOLDS_EXEMPT);
  g_clear_error (&error);
  pack = pb_library_get_pack (f->library, id, NULL);
  g_assert_true (pb_pack_get_exempt (pack));
  g_assert_cmpuint (pb_pack_get_n_findings (pack), ==, ids->len + 1);
  g_clear_object (&pack);

  g_assert_true (pb_library_set_pack_exempt (f->library, id, FALSE, TRUE, &error));
  g_assert_no_error (error);
  pack = pb_library_get_pack (f->library, id, NULL);
  g_assert_false (pb_pack_get_exempt (pack));
  g_assert_cmpuint (pb_pack_get_n_findings (pack), ==, ids->len);
}

/* A pack's contents as text: each section's items, finding ids and notes,
 * in their order, with the items' own ids. */
static char *
describe_pack (Fixture *f,
               gint64   pack_id)
{
  g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (f->library, pack_id, NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (sections);
  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);

      g_string_append_printf (text, "[%s]", section->title);
      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);

          g_string_append_printf (text, " %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                  item->id, item->finding_id, item->text ? item->text : "");
        }
    }

  return g_string_free (text, FALSE);
}

static void
pack_changed_cb (PbLibrary *library,
                 gint64     id,
                 GArray    *changed)
{
  g_array_append_val (changed, id);
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Deleting a finding takes it out of every pack; Undo puts it back into
 * each, at the same place, and both announce the packs they change. */
static void
test_delete_undo_keeps_packs (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autofree char *before_a = NULL;
  g_autofree char *before_b = NULL;
  g_autofree char *after_a = NULL;
  g_autofree char *after_b = NULL;
  g_autofree char *undone_a = NULL;
  g_autofree char *undone_b = NULL;
  gint64 pack_a, pack_b, pack_c, victim = 0;
  guint n_a;

  pack_a = pb_library_create_pack (f->library, "Panel A", FALSE, NULL, &error);
  g_assert_no_error (error);
  pack_b = pb_library_create_pack (f->library, "Panel B", FALSE, NULL, &error);
  g_assert_no_error (error);
  pack_c = pb_library_create_pack (f->library, "Panel C", FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->library, pack_a, (gint64 *)ids->data, ids->len, &error));
  g_assert_no_error (error);

  /* Pack B holds them in the opposite order, so order is not just the
   * order of ids. */
  for (guint i = ids->len; i > 0; i--)
    g_assert_true (pb_library_add_to_pack (f->library, pack_b, &g_array_index (ids, gint64, i - 1), 1, &error));

  /* The first finding of a section that holds more, with a note after
   * them: it must go back before the others, not at the end. */
  sections = pb_library_get_pack_sections (f->library, pack_a, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < sections->len && victim == 0; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);

      if (section->items->len >= 2)
        {
          victim = g_array_index (section->items, PbPackItem, 0).finding_id;
          g_assert_cmpint (pb_library_add_pack_text (f->library, section->id, PB_PACK_ITEM_NOTE,
                                                     "Ask about this", -1, &error), >, 0);
          g_assert_no_error (error);
        }
    }
  g_assert_cmpint (victim, >, 0);

  before_a = describe_pack (f, pack_a);
  before_b = describe_pack (f, pack_b);
  n_a = count_findings (f, pack_a);
  g_assert_cmpint (pb_library_count_packs_holding (f->library, &victim, 1, &error), ==, 2);
  g_assert_no_error (error);

  g_signal_connect (f->library, "pack-changed", G_CALLBACK (pack_changed_cb), changed);

  deleted = pb_library_delete_findings (f->library, &victim, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  after_a = describe_pack (f, pack_a);
  after_b = describe_pack (f, pack_b);
  g_assert_cmpstr (after_a, !=, before_a);
  g_assert_cmpstr (after_b, !=, before_b);
  g_assert_cmpuint (count_findings (f, pack_a), ==, n_a - 1);
  g_assert_cmpint (pb_library_count_packs_holding (f->library, &victim, 1, NULL), ==, 0);
  g_assert_true (array_has (changed, pack_a));
  g_assert_true (array_has (changed, pack_b));
  g_assert_false (array_has (changed, pack_c));
  g_array_set_size (changed, 0);

  g_assert_true (pb_library_restore_findings (f->library, deleted, &error));
  g_assert_no_error (error);
  undone_a = describe_pack (f, pack_a);
  undone_b = describe_pack (f, pack_b);
  g_assert_cmpstr (undone_a, ==, before_a);
  g_assert_cmpstr (undone_b, ==, before_b);
  g_assert_cmpuint (count_findings (f, pack_a), ==, n_a);
  g_assert_true (array_has (changed, pack_a));
  g_assert_true (array_has (changed, pack_b));
  g_assert_false (array_has (changed, pack_c));

  g_signal_handlers_disconnect_by_func (f->library, pack_changed_cb, changed);
}

/* Undo after a new item took the deleted item's id: the finding still
 * goes back to its place, under a new item id. */
static void
test_delete_undo_item_id_taken (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = pb_pack_fixture_public_ids (f);
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  PbPackSection *section = NULL;
  gint64 pack, last, last_item = 0;

  pack = pb_library_create_pack (f->library, "Panel", FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_add_to_pack (f->library, pack, (gint64 *)ids->data, ids->len, &error));
  last = g_array_index (ids, gint64, ids->len - 1);
  sections = pb_library_get_pack_sections (f->library, pack, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < sections->len; s++)
    {
      section = g_ptr_array_index (sections, s);
      for (guint i = 0; i < section->items->len; i++)
        if (g_array_index (section->items, PbPackItem, i).finding_id == last)
          last_item = g_array_index (section->items, PbPackItem, i).id;
    }
  g_assert_cmpint (last_item, >, 0);

  deleted = pb_library_delete_findings (f->library, &last, 1, &error);
  g_assert_no_error (error);
  section = g_ptr_array_index (sections, 0);
  /* SQLite gives the new note the highest id again: the deleted item's. */
  g_assert_cmpint (pb_library_add_pack_text (f->library, section->id, PB_PACK_ITEM_NOTE,
                                             "New note", -1, &error), ==, last_item);
  g_assert_no_error (error);

  g_assert_true (pb_library_restore_findings (f->library, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_findings (f, pack), ==, ids->len);
  g_assert_cmpint (pb_library_count_packs_holding (f->library, &last, 1, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/packs/delete-undo-keeps-packs", PbPackFixture, NULL, pb_pack_fixture_setup, test_delete_undo_keeps_packs, pb_pack_fixture_teardown);
  g_test_add ("/packs/delete-undo-item-id-taken", PbPackFixture, NULL, pb_pack_fixture_setup, test_delete_undo_item_id_taken, pb_pack_fixture_teardown);
  g_test_add ("/packs/sections", PbPackFixture, NULL, pb_pack_fixture_setup, test_pack_sections, pb_pack_fixture_teardown);
  g_test_add ("/packs/invalid", PbPackFixture, NULL, pb_pack_fixture_setup, test_pack_invalid, pb_pack_fixture_teardown);
  g_test_add ("/packs/public-refuses-exempt", PbPackFixture, NULL, pb_pack_fixture_setup, test_public_refuses_exempt, pb_pack_fixture_teardown);
  g_test_add ("/packs/exempt-pack-made-public", PbPackFixture, NULL, pb_pack_fixture_setup, test_exempt_pack_made_public, pb_pack_fixture_teardown);


  return g_test_run ();
}
