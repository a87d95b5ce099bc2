/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <string.h>

#include "pb-demo.h"
#include "pb-finding-store.h"
#include "pb-pack-contents.h"
#include "pb-structure-store.h"
#include "pb-structure.h"
#include "pb-test-util.h"

/* Editing a pack: its details, sections, notes and headings, moving things
 * by keyboard and by drop, removing with Undo, and the list an editor shows. */

typedef struct
{
  char      *dir;
  PbLibrary *library;
  GArray    *public_ids;
  gint64     exempt_id;
  gint64     pack_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = pb_test_make_dir ();
  f->library = pb_test_open_library (f->dir);
  g_assert_true (pb_demo_populate (f->library, f->dir, NULL));
  findings = pb_library_list_findings (f->library, NULL, NULL);

  f->public_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < findings->len; i++)
    {
      PbFinding *finding = g_ptr_array_index (findings, i);
      gint64 id = pb_finding_get_id (finding);

      if (pb_finding_get_exempt (finding))
        f->exempt_id = id;
      else
        g_array_append_val (f->public_ids, id);
    }
  g_assert_cmpuint (f->public_ids->len, >=, 4);
  g_assert_cmpint (f->exempt_id, >, 0);

  f->pack_id = pb_library_create_pack (f->library, "Panel, March", TRUE, "2026-03-12", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_array_unref (f->public_ids);
  g_assert_finalize_object (f->library);
  pb_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A pack's order as text: "Title[F12,Nsome note,Hheading] Title[]…" */
static char *
describe_pack_id (Fixture *f,
                  gint64   pack_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (f->library, pack_id, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);

      g_string_append_printf (text, "%s%s[", s ? " " : "", section->title);
      for (guint i = 0; i < section->items->len; i++)
        {
          PbPackItem *item = &g_array_index (section->items, PbPackItem, i);

          if (i > 0)
            g_string_append_c (text, ',');
          if (item->kind == PB_PACK_ITEM_FINDING)
            g_string_append_printf (text, "F%" G_GINT64_FORMAT, item->finding_id);
          else
            g_string_append_printf (text, "%c%s", item->kind == PB_PACK_ITEM_NOTE ? 'N' : 'H', item->text);
        }
      g_string_append_c (text, ']');
    }
  return g_string_free (text, FALSE);
}

static char *
describe_pack (Fixture *f)
{
  return describe_pack_id (f, f->pack_id);
}

/* The flat list as text: section rows as "#Title", others by kind and text or id. */
static char *
describe_rows (PbPackContents *contents)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contents)); i++)
    {
      g_autoptr(PbPackEntry) entry = g_list_model_get_item (G_LIST_MODEL (contents), i);

      if (i > 0)
        g_string_append_c (text, ' ');
      switch (pb_pack_entry_get_kind (entry))
        {
        case PB_PACK_ENTRY_SECTION:
          g_string_append_printf (text, "#%s", pb_pack_entry_get_text (entry));
          break;
        case PB_PACK_ENTRY_FINDING:
          g_string_append_printf (text, "F%" G_GINT64_FORMAT, pb_finding_get_id (pb_pack_entry_get_finding (entry)));
          break;
        case PB_PACK_ENTRY_NOTE:
          g_string_append_printf (text, "N%s", pb_pack_entry_get_text (entry));
          break;
        case PB_PACK_ENTRY_HEADING:
          g_string_append_printf (text, "H%s", pb_pack_entry_get_text (entry));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (text, FALSE);
}

static gint64
section_id (Fixture    *f,
            guint       index)
{
  g_autoptr(GPtrArray) sections = pb_library_get_pack_sections (f->library, f->pack_id, NULL);

  g_assert_cmpuint (index, <, sections->len);
  return ((PbPackSection *)g_ptr_array_index (sections, index))->id;
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPack) pack = NULL;
  gint64 changed = 0;

  gt_signal_logger_connect (logger, f->library, "pack-changed");

  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_TITLE, "  Panel, 12 March ", &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, f->library, "pack-changed", &changed);
  g_assert_cmpint (changed, ==, f->pack_id);
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_COMMITTEE, "Corporate Parenting Panel", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_AUTHOR, "Head of Service", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_INTRODUCTION, "Two lines.\n  Kept as written.", &error));
  g_assert_no_error (error);

  /* Refused, and nothing changes. */
  g_assert_false (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_TITLE, "   ", &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_MEETING_DATE, "2026-02-30", &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pb_library_set_pack_field (f->library, f->pack_id + 100, PB_PACK_FIELD_AUTHOR, "x", &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_cmpstr (pb_pack_get_title (pack), ==, "Panel, 12 March");
  g_assert_cmpstr (pb_pack_get_committee (pack), ==, "Corporate Parenting Panel");
  g_assert_cmpstr (pb_pack_get_author (pack), ==, "Head of Service");
  g_assert_cmpstr (pb_pack_get_introduction (pack), ==, "Two lines.\n  Kept as written.");
  g_assert_cmpstr (pb_pack_get_meeting_date (pack), ==, "2026-03-12");
  g_clear_object (&pack);

  /* An empty date means none. */
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_MEETING_DATE, "", &error));
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_null (pb_pack_get_meeting_date (pack));

  /* Four more successful edits were announced, the refusals were not. */
  for (guint i = 0; i < 4; i++)
    {
      changed = 0;
      gt_signal_logger_assert_emission_pop (logger, f->library, "pack-changed", &changed);
      g_assert_cmpint (changed, ==, f->pack_id);
    }
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (pb_library_delete_pack (f->library, f->pack_id, &error));
  g_assert_no_error (error);
  g_assert_null (pb_library_get_pack (f->library, f->pack_id, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND);
  g_assert_cmpint (pb_test_count_rows (pb_library_get_path (f->library), "pack_sections"), ==, 0);
  changed = 0;
  gt_signal_logger_assert_emission_pop (logger, f->library, "pack-changed", &changed);
  g_assert_cmpint (changed, ==, f->pack_id);
}

static void
test_sections_and_text (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 extra, note, heading;

  extra = pb_library_add_pack_section (f->library, f->pack_id, " Ofsted's next visit ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (extra, >, 0);
  g_assert_cmpint (pb_library_add_pack_section (f->library, f->pack_id, "", &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);

  note = pb_library_add_pack_text (f->library, extra, PB_PACK_ITEM_NOTE, "second", -1, &error);
  heading = pb_library_add_pack_text (f->library, extra, PB_PACK_ITEM_HEADING, "first", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (note, >, 0);
  g_assert_cmpint (heading, >, 0);
  g_assert_cmpint (pb_library_add_pack_text (f->library, extra, PB_PACK_ITEM_NOTE, "  ", -1, &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);

  pb_library_set_pack_item_text (f->library, note, "the note", &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_rename_pack_section (f->library, extra, "Next visit", &error));
  g_assert_true (pb_library_move_pack_section (f->library, extra, 0, &error));
  g_assert_no_error (error);

  text = describe_pack (f);
  g_assert_cmpstr (text, ==, "Next visit[Hfirst,Nthe note] Help and protection[] Children in care[] "
                             "Care leavers[] Leadership[]");

  /* Into another pack: refused, and nothing moves. */
  {
    gint64 other = pb_library_create_pack (f->library, "Other", FALSE, NULL, &error);
    g_autoptr(GPtrArray) other_sections = pb_library_get_pack_sections (f->library, other, &error);
    g_autofree char *unchanged = NULL;

    g_assert_no_error (error);
    g_assert_false (pb_library_move_pack_item (f->library, note,
                                               ((PbPackSection *)g_ptr_array_index (other_sections, 0))->id,
                                               0, &error));
    g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
    unchanged = describe_pack (f);
    g_assert_cmpstr (unchanged, ==, text);
  }
}

/* Keyboard moves: within a section, across its edge, a section past its neighbour. */
static void
test_contents_move (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PbPackContents) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 first = section_id (f, 0);
  guint position = 0, removed = 0, added = 0;

  g_assert_true (pb_library_add_pack_text (f->library, first, PB_PACK_ITEM_NOTE, "a", -1, &error));
  g_assert_true (pb_library_add_pack_text (f->library, first, PB_PACK_ITEM_NOTE, "b", -1, &error));
  g_assert_true (pb_library_add_pack_text (f->library, section_id (f, 1), PB_PACK_ITEM_NOTE, "c", -1, &error));

  contents = pb_pack_contents_new (f->library, f->pack_id);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Na Nb #Children in care Nc #Care leavers #Leadership");
  gt_signal_logger_connect (logger, contents, "items-changed");

  /* b up past a: only those two rows change. */
  g_assert_true (pb_pack_contents_move (contents, 2, -1, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, contents, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpuint (added, ==, 2);
  gt_signal_logger_assert_no_emissions (logger);
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Nb Na #Children in care Nc #Care leavers #Leadership");

  /* At the top already: nothing happens, nothing is said. */
  g_assert_false (pb_pack_contents_move (contents, 1, -1, &error));
  g_assert_no_error (error);
  g_assert_false (pb_pack_contents_move (contents, 0, -1, &error));
  gt_signal_logger_assert_no_emissions (logger);

  /* a down across the edge: first in the next section. */
  g_assert_true (pb_pack_contents_move (contents, 2, 1, &error));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Nb #Children in care Na Nc #Care leavers #Leadership");

  /* c up twice: to the top of its section, then the end of the one above. */
  g_assert_true (pb_pack_contents_move (contents, 4, -1, &error));
  g_assert_true (pb_pack_contents_move (contents, 3, -1, &error));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Nb Nc #Children in care Na #Care leavers #Leadership");

  /* A section moves down with its items. */
  g_assert_true (pb_pack_contents_move (contents, 0, 1, &error));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Children in care Na #Help and protection Nb Nc #Care leavers #Leadership");
  g_assert_false (pb_pack_contents_move (contents, 6, 1, &error));
  g_assert_no_error (error);

  /* The library agrees with what the list shows. */
  g_clear_pointer (&rows, g_free);
  rows = describe_pack (f);
  g_assert_cmpstr (rows, ==, "Children in care[Na] Help and protection[Nb,Nc] Care leavers[] Leadership[]");
}

/* Drops: before an item, before a heading (end of the section above), at the end. */
static void
test_contents_drop (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PbPackContents) contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  gint64 first = section_id (f, 0);

  pb_library_add_pack_text (f->library, first, PB_PACK_ITEM_NOTE, "a", -1, &error);
  pb_library_add_pack_text (f->library, first, PB_PACK_ITEM_NOTE, "b", -1, &error);
  pb_library_add_pack_text (f->library, first, PB_PACK_ITEM_NOTE, "c", -1, &error);
  g_assert_no_error (error);
  contents = pb_pack_contents_new (f->library, f->pack_id);
  /* #H Na Nb Nc #C #CL #L */

  /* a dropped before c: between b and c. */
  g_assert_true (pb_pack_contents_move_before (contents, 1, 3, &error));
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Nb Na Nc #Children in care #Care leavers #Leadership");

  /* c dropped before "Care leavers": the end of Children in care. */
  g_assert_true (pb_pack_contents_move_before (contents, 3, 5, &error));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Nb Na #Children in care Nc #Care leavers #Leadership");

  /* b dropped at the very end: into Leadership. */
  g_assert_true (pb_pack_contents_move_before (contents, 1, 7, &error));
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Help and protection Na #Children in care Nc #Care leavers #Leadership Nb");

  /* Leadership dropped at the top, its note with it. */
  g_assert_true (pb_pack_contents_move_before (contents, 5, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_free);
  rows = describe_rows (contents);
  g_assert_cmpstr (rows, ==, "#Leadership Nb #Help and protection Na #Children in care Nc #Care leavers");
}

/* Undo puts back exactly what was removed, where it was. */
static void
test_remove_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PbPackContents) contents = NULL;
  g_autoptr(PbPackRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;
  guint chosen[2];

  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, (gint64 *)f->public_ids->data,
                                         f->public_ids->len, &error));
  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, &f->exempt_id, 1, &error));
  pb_library_add_pack_text (f->library, section_id (f, 3), PB_PACK_ITEM_HEADING, "Last", -1, &error);
  g_assert_no_error (error);

  contents = pb_pack_contents_new (f->library, f->pack_id);
  before = describe_pack (f);

  /* The second row (an item of the first section) and the third section whole. */
  chosen[0] = 1;
  chosen[1] = pb_pack_contents_find (contents, PB_PACK_ENTRY_SECTION, section_id (f, 2));
  g_assert_cmpuint (chosen[1], <, g_list_model_get_n_items (G_LIST_MODEL (contents)));
  removal = pb_pack_contents_remove (contents, chosen, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removal);
  g_assert_cmpuint (pb_pack_removal_get_n_sections (removal), ==, 1);
  g_assert_cmpuint (pb_pack_removal_get_n_items (removal), >=, 1);

  after = describe_pack (f);
  g_assert_cmpstr (after, !=, before);
  g_assert_null (strstr (after, "Care leavers"));

  g_assert_true (pb_library_restore_to_pack (f->library, removal, &error));
  g_assert_no_error (error);
  restored = describe_pack (f);
  g_assert_cmpstr (restored, ==, before);
}

/* Undo cannot slip an exempt finding back into a pack made public since. */
static void
test_restore_respects_exempt (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PbPackContents) contents = NULL;
  g_autoptr(PbPackRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *public_pack = NULL;
  g_autofree char *after = NULL;
  guint rows[2];

  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, (gint64 *)f->public_ids->data, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, &f->exempt_id, 1, &error));
  contents = pb_pack_contents_new (f->library, f->pack_id);

  /* Remove every item. */
  for (guint i = 0, n = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contents)); i++)
    {
      g_autoptr(PbPackEntry) entry = g_list_model_get_item (G_LIST_MODEL (contents), i);

      if (pb_pack_entry_get_kind (entry) == PB_PACK_ENTRY_FINDING)
        rows[n++] = i;
    }
  removal = pb_pack_contents_remove (contents, rows, 2, &error);
  g_assert_no_error (error);
  g_assert_true (pb_library_set_pack_exempt (f->library, f->pack_id, FALSE, FALSE, &error));
  public_pack = describe_pack (f);

  g_assert_false (pb_library_restore_to_pack (f->library, removal, &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_EXEMPT);
  after = describe_pack (f);
  g_assert_cmpstr (after, ==, public_pack);
}

/* The summary: each cited authority's latest inspection among those cited. */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PbPackContents) contents = pb_pack_contents_new (f->library, f->pack_id);
  g_autoptr(GError) error = NULL;
  GPtrArray *summary;
  PbInspection *latest;
  guint n_by_authority = 0;

  g_assert_cmpuint (pb_pack_contents_get_summary (contents)->len, ==, 0);

  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, (gint64 *)f->public_ids->data,
                                         f->public_ids->len, &error));
  g_assert_no_error (error);

  /* The demo cites two Harrowdale inspections, 2019 and 2024. */
  summary = pb_pack_contents_get_summary (contents);
  g_assert_cmpuint (summary->len, ==, 1);
  latest = g_ptr_array_index (summary, 0);
  g_assert_cmpstr (latest->structure->local_authority, ==, "Harrowdale");
  g_assert_cmpint (g_date_get_year (&latest->structure->inspection_end), ==, 2024);
  g_assert_cmpint (latest->structure->judgements[PB_JUDGEMENT_OVERALL], !=, PB_GRADE_NONE);

  /* Each finding row carries a citation naming its report: an Ofsted
   * report by its authority and kind, never the title its PDF was given;
   * any other (the panel's minutes) by its title. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contents)); i++)
    {
      g_autoptr(PbPackEntry) entry = g_list_model_get_item (G_LIST_MODEL (contents), i);
      const char *citation, *title;

      if (pb_pack_entry_get_kind (entry) != PB_PACK_ENTRY_FINDING)
        continue;
      citation = pb_pack_entry_get_citation (entry);
      title = pb_finding_get_report_title (pb_pack_entry_get_finding (entry));
      if (g_str_has_prefix (title, "Inspection of Harrowdale") ||
          g_str_has_prefix (title, "Focused visit to Harrowdale"))
        {
          g_assert_true (g_str_has_prefix (citation, "Harrowdale, inspection, ") ||
                         g_str_has_prefix (citation, "Harrowdale, focused visit, "));
          g_assert_null (strstr (citation, title));
          n_by_authority++;
        }
      else
        {
          if (strstr (citation, title) == NULL)
            g_error ("“%s” does not name its report, “%s”", citation, title);
        }
    }
  g_assert_cmpuint (n_by_authority, >, 0);
}

/* A copy is the same pack, item for item, for the next meeting: no date
 * yet, a title that says it is a copy, announced under its own id; the
 * original is untouched, and a pack that is not there is not copied. */
static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(PbPack) original = NULL;
  g_autoptr(PbPack) copy = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  gint64 extra, copy_id, changed = 0;

  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, &f->exempt_id, 1, &error));
  g_assert_true (pb_library_add_to_pack (f->library, f->pack_id, (gint64 *)f->public_ids->data, f->public_ids->len, &error));
  extra = pb_library_add_pack_section (f->library, f->pack_id, "Questions", &error);
  g_assert_cmpint (pb_library_add_pack_text (f->library, extra, PB_PACK_ITEM_HEADING, "For officers", -1, &error), >, 0);
  g_assert_cmpint (pb_library_add_pack_text (f->library, extra, PB_PACK_ITEM_NOTE, "When will plans be updated?", -1, &error), >, 0);
  sections = pb_library_get_pack_sections (f->library, f->pack_id, &error);
  g_assert_true (pb_library_move_pack_section (f->library, ((PbPackSection *)g_ptr_array_index (sections, 0))->id, 3, &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_INTRODUCTION, "As before.", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_AUTHOR, "Head of Service", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_AGENDA_ITEM, "7", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_CONTACT, "01632 960 123", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "1", &error));
  g_assert_no_error (error);
  before = describe_pack (f);

  gt_signal_logger_connect (logger, f->library, "pack-changed");
  copy_id = pb_library_duplicate_pack (f->library, f->pack_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, f->pack_id);
  gt_signal_logger_assert_emission_pop (logger, f->library, "pack-changed", &changed);
  g_assert_cmpint (changed, ==, copy_id);
  gt_signal_logger_assert_no_emissions (logger);

  copied = describe_pack_id (f, copy_id);
  g_assert_cmpstr (copied, ==, before);
  {
    g_autofree char *after = describe_pack (f);
    g_assert_cmpstr (after, ==, before);
  }

  original = pb_library_get_pack (f->library, f->pack_id, &error);
  copy = pb_library_get_pack (f->library, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_pack_get_title (copy), ==, "Panel, March (copy)");
  g_assert_null (pb_pack_get_meeting_date (copy));
  g_assert_cmpstr (pb_pack_get_meeting_date (original), ==, "2026-03-12");
  g_assert_true (pb_pack_get_exempt (copy));
  g_assert_cmpstr (pb_pack_get_introduction (copy), ==, "As before.");
  g_assert_cmpstr (pb_pack_get_author (copy), ==, "Head of Service");
  g_assert_cmpuint (pb_pack_get_n_findings (copy), ==, pb_pack_get_n_findings (original));
  /* The next meeting has its own agenda; who to ask and why it is exempt carry over. */
  g_assert_cmpstr (pb_pack_get_agenda_item (copy), ==, "");
  g_assert_cmpstr (pb_pack_get_agenda_item (original), ==, "7");
  g_assert_cmpstr (pb_pack_get_contact (copy), ==, "01632 960 123");
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (copy), ==, 1);

  /* Not there: an error, and no pack made. */
  g_assert_cmpint (pb_library_duplicate_pack (f->library, copy_id + 100, &error), ==, 0);
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_NOT_FOUND);
  gt_signal_logger_assert_no_emissions (logger);
  packs = pb_library_list_packs (f->library, NULL);
  g_assert_cmpuint (packs->len, ==, 2);
}

/* A council paper's details: the agenda item, a contact and, for an
 * exempt pack, the paragraph of Schedule 12A (1 to 7) that applies; a
 * paragraph outside the schedule is refused and changes nothing. */
static void
test_board_details (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const refused[] = { "0", "8", "3a", "-1", "paragraph 3", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PbPack) pack = NULL;

  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pb_pack_get_agenda_item (pack), ==, "");
  g_assert_cmpstr (pb_pack_get_contact (pack), ==, "");
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (pack), ==, 0);
  g_clear_object (&pack);

  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_AGENDA_ITEM, " 5b ", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_CONTACT,
                                            "jo.marsh@harrowdale.example", &error));
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "7", &error));
  g_assert_no_error (error);
  for (guint i = 0; refused[i] != NULL; i++)
    {
      g_assert_false (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH,
                                                 refused[i], &error));
      g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
      g_clear_error (&error);
    }

  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_cmpstr (pb_pack_get_agenda_item (pack), ==, "5b");
  g_assert_cmpstr (pb_pack_get_contact (pack), ==, "jo.marsh@harrowdale.example");
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (pack), ==, 7);
  g_assert_cmpstr (pb_exempt_paragraph_get_description (7), ==,
                   "Information relating to any action taken or to be taken in connection with the "
                   "prevention, investigation or prosecution of crime.");
  for (guint p = 1; p <= PB_EXEMPT_PARAGRAPH_LAST; p++)
    g_assert_true (g_str_has_prefix (pb_exempt_paragraph_get_description (p), "Information "));
  g_clear_object (&pack);

  /* An empty value records no paragraph. */
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "", &error));
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (pack), ==, 0);
  g_clear_object (&pack);

  /* A public pack gives no reason for withholding it: a paragraph is
   * refused, and an exempt pack made public lets go of its own. */
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "4", &error));
  g_assert_true (pb_library_set_pack_exempt (f->library, f->pack_id, FALSE, TRUE, &error));
  g_assert_no_error (error);
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (pack), ==, 0);
  g_clear_object (&pack);
  g_assert_false (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "3", &error));
  g_assert_error (error, PB_PACKS_ERROR, PB_PACKS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pb_library_set_pack_field (f->library, f->pack_id, PB_PACK_FIELD_EXEMPT_PARAGRAPH, "", &error));
  pack = pb_library_get_pack (f->library, f->pack_id, &error);
  g_assert_cmpuint (pb_pack_get_exempt_paragraph (pack), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pack-edit/details", Fixture, NULL, fixture_setup, test_details, fixture_teardown);
  g_test_add ("/pack-edit/board-details", Fixture, NULL, fixture_setup, test_board_details, fixture_teardown);
  g_test_add ("/pack-edit/sections-and-text", Fixture, NULL, fixture_setup, test_sections_and_text, fixture_teardown);
  g_test_add ("/pack-edit/contents-move", Fixture, NULL, fixture_setup, test_contents_move, fixture_teardown);
  g_test_add ("/pack-edit/contents-drop", Fixture, NULL, fixture_setup, test_contents_drop, fixture_teardown);
  g_test_add ("/pack-edit/remove-restore", Fixture, NULL, fixture_setup, test_remove_restore, fixture_teardown);
  g_test_add ("/pack-edit/restore-respects-exempt", Fixture, NULL, fixture_setup, test_restore_respects_exempt, fixture_teardown);
  g_test_add ("/pack-edit/duplicate", Fixture, NULL, fixture_setup, test_duplicate, fixture_teardown);
  g_test_add ("/pack-edit/summary", Fixture, NULL, fixture_setup, test_summary, fixture_teardown);

  return g_test_run ();
}
