/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pack"

#include "config.h"

#include "pb-citation.h"
#include "pb-finding-store.h"
#include "pb-pack-entry-private.h"
#include "pb-pack-items.h"
#include "pb-pack-sections.h"
#include "pb-report-store.h"
#include "pb-structure-store.h"

/* Reloading rebuilds the rows from the library and then reports only the
 * stretch between the unchanged start and the unchanged end, keeping the
 * very same row objects on both sides: a list view then keeps its
 * widgets, focus and scroll position across a move or an edit. */

struct _PbPackContents
{
  GObject     parent_instance;

  PbLibrary  *library;
  gint64      pack_id;
  PbPack     *pack;
  GPtrArray  *rows;        /* PbPackEntry */
  GPtrArray  *summary;     /* PbInspection */
};

static void list_model_iface_init (GListModelInterface *iface);

enum {
  PROP_0,
  PROP_PACK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (PbPackContents, pb_pack_contents, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
list_get_item_type (GListModel *model)
{
  return PB_TYPE_PACK_ENTRY;
}

static guint
list_get_n_items (GListModel *model)
{
  return PB_PACK_CONTENTS (model)->rows->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  PbPackContents *self = PB_PACK_CONTENTS (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static PbStructure *
structure_for (PbPackContents *self,
               GHashTable     *structures,
               gint64          report_id)
{
  if (!g_hash_table_contains (structures, &report_id))
    g_hash_table_insert (structures, g_memdup2 (&report_id, sizeof (gint64)),
                         pb_library_get_structure (self->library, report_id, NULL));
  return g_hash_table_lookup (structures, &report_id);
}

static PbPackEntry *
entry_for_item (PbPackContents *self,
                PbPackSection  *section,
                PbPackItem     *item,
                GHashTable     *structures)
{
  PbPackEntry *entry = g_object_new (PB_TYPE_PACK_ENTRY, NULL);

  entry->id = item->id;
  entry->section_id = section->id;
  if (item->kind == PB_PACK_ITEM_FINDING)
    {
      entry->kind = PB_PACK_ENTRY_FINDING;
      entry->finding = pb_library_get_finding (self->library, item->finding_id, NULL);
      if (entry->finding != NULL)
        {
          entry->text = g_strdup (pb_finding_get_quote (entry->finding));
          entry->citation = pb_citation_format (entry->finding,
                                                      structure_for (self, structures,
                                                                     pb_finding_get_report_id (entry->finding)));
        }
    }
  else
    {
      entry->kind = item->kind == PB_PACK_ITEM_NOTE ? PB_PACK_ENTRY_NOTE : PB_PACK_ENTRY_HEADING;
      entry->text = g_strdup (item->text);
    }
  _pb_pack_entry_sign (entry);
  return entry;
}

static gint
compare_inspection_newest_first (gconstpointer a,
                                 gconstpointer b)
{
  const PbInspection *x = *(PbInspection **)a;
  const PbInspection *y = *(PbInspection **)b;

  return -g_date_compare (&x->structure->inspection_end, &y->structure->inspection_end);
}

/* Each authority's most recent inspection among those the pack cites. */
static GPtrArray *
build_summary (PbPackContents *self,
               GHashTable     *structures)
{
  g_autoptr(GPtrArray) summary = g_ptr_array_new_with_free_func ((GDestroyNotify)pb_inspection_free);
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, structures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PbStructure *structure = value;
      PbStructure *known;
      gboolean graded = FALSE;

      if (structure == NULL || structure->local_authority == NULL ||
          !g_date_valid (&structure->inspection_end))
        continue;
      for (guint j = 0; j < PB_N_JUDGEMENTS; j++)
        graded |= structure->judgements[j] != PB_GRADE_NONE;
      if (!graded)
        continue;

      known = g_hash_table_lookup (latest, structure->local_authority);
      if (known == NULL || g_date_compare (&structure->inspection_end, &known->inspection_end) > 0)
        g_hash_table_insert (latest, structure->local_authority, structure);
    }

  g_hash_table_iter_init (&iter, structures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PbStructure *structure = value;
      g_autoptr(PbReport) report = NULL;
      PbInspection *inspection;

      if (structure == NULL || structure->local_authority == NULL ||
          g_hash_table_lookup (latest, structure->local_authority) != structure)
        continue;

      inspection = g_new0 (PbInspection, 1);
      inspection->report_id = *(gint64 *)key;
      report = pb_library_get_report (self->library, inspection->report_id, NULL);
      inspection->title = g_strdup (report ? pb_report_get_title (report) : "");
      inspection->structure = pb_library_get_structure (self->library, inspection->report_id, NULL);
      if (inspection->structure == NULL)
        {
          pb_inspection_free (inspection);
          continue;
        }
      g_ptr_array_add (summary, inspection);
    }

  g_ptr_array_sort (summary, compare_inspection_newest_first);
  return g_steal_pointer (&summary);
}

static GPtrArray *
build_rows (PbPackContents  *self,
            GHashTable      *structures,
            GError         **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(sections = pb_library_get_pack_sections (self->library, self->pack_id, error)))
    return NULL;

  for (guint s = 0; s < sections->len; s++)
    {
      PbPackSection *section = g_ptr_array_index (sections, s);
      PbPackEntry *heading = g_object_new (PB_TYPE_PACK_ENTRY, NULL);

      heading->kind = PB_PACK_ENTRY_SECTION;
      heading->id = section->id;
      heading->section_id = section->id;
      heading->text = g_strdup (section->title);
      heading->cohort = g_strdup (section->cohort);
      heading->n_items = section->items->len;
      heading->section_kind = section->kind;
      heading->detail = pb_library_describe_pack_section (self->library, section);
      _pb_pack_entry_sign (heading);
      g_ptr_array_add (rows, heading);

      for (guint i = 0; i < section->items->len; i++)
        g_ptr_array_add (rows, entry_for_item (self, section, &g_array_index (section->items, PbPackItem, i),
                                               structures));
    }
  return g_steal_pointer (&rows);
}

static gboolean
same_row (PbPackEntry *a,
          PbPackEntry *b)
{
  return g_str_equal (a->signature, b->signature);
}

/**
 * pb_pack_contents_reload:
 *
 * Reads the pack again; only the rows that differ are reported changed.
 */
gboolean
pb_pack_contents_reload (PbPackContents  *self,
                         GError         **error)
{
  g_autoptr(GHashTable) structures = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PbPack) pack = NULL;
  guint old_len, new_len, prefix = 0, suffix = 0;

  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), FALSE);

  structures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)pb_structure_free);
  if (!(pack = pb_library_get_pack (self->library, self->pack_id, error)) ||
      !(rows = build_rows (self, structures, error)))
    {
      /* A deleted pack shows as an empty one. */
      if (self->rows->len > 0)
        {
          old_len = self->rows->len;
          g_ptr_array_set_size (self->rows, 0);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
        }
      return FALSE;
    }

  g_set_object (&self->pack, pack);
  g_clear_pointer (&self->summary, g_ptr_array_unref);
  self->summary = build_summary (self, structures);
  /* Its details may have changed even when no row did. */
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PACK]);

  old_len = self->rows->len;
  new_len = rows->len;
  while (prefix < old_len && prefix < new_len &&
         same_row (g_ptr_array_index (self->rows, prefix), g_ptr_array_index (rows, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         same_row (g_ptr_array_index (self->rows, old_len - 1 - suffix),
                   g_ptr_array_index (rows, new_len - 1 - suffix)))
    suffix++;

  if (prefix == old_len && prefix == new_len)
    return TRUE;

  /* Keep the old objects outside the changed stretch. */
  g_ptr_array_remove_range (self->rows, prefix, old_len - prefix - suffix);
  for (guint i = 0; i < new_len - prefix - suffix; i++)
    g_ptr_array_insert (self->rows, (int)(prefix + i), g_object_ref (g_ptr_array_index (rows, prefix + i)));

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix, new_len - prefix - suffix);
  return TRUE;
}

static void
pack_changed_cb (PbPackContents *self,
                 gint64          pack_id,
                 PbLibrary      *library)
{
  if (pack_id == self->pack_id)
    pb_pack_contents_reload (self, NULL);
}

/* A finding edited or deleted anywhere may be one of ours. */
static void
finding_changed_cb (PbPackContents *self,
                    gint64          finding_id,
                    PbLibrary      *library)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PbPackEntry *entry = g_ptr_array_index (self->rows, i);

      if (entry->finding != NULL && pb_finding_get_id (entry->finding) == finding_id)
        {
          pb_pack_contents_reload (self, NULL);
          return;
        }
    }
}

/**
 * pb_pack_contents_new:
 * @library: a library
 * @pack_id: a pack
 *
 * Reads the pack's contents, and reads them again whenever the library
 * says the pack or one of its findings changed.
 *
 * Returns: (transfer full): the list; empty when the pack cannot be read
 */
PbPackContents *
pb_pack_contents_new (PbLibrary *library,
                      gint64     pack_id)
{
  PbPackContents *self;

  g_return_val_if_fail (PB_IS_LIBRARY (library), NULL);

  self = g_object_new (PB_TYPE_PACK_CONTENTS, NULL);
  self->library = g_object_ref (library);
  self->pack_id = pack_id;
  g_signal_connect_object (library, "pack-changed", G_CALLBACK (pack_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "finding-changed", G_CALLBACK (finding_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "finding-removed", G_CALLBACK (finding_changed_cb), self, G_CONNECT_SWAPPED);
  pb_pack_contents_reload (self, NULL);
  return self;
}

/**
 * pb_pack_contents_get_pack:
 *
 * Returns: (transfer none) (nullable): the pack as last read
 */
PbPack *
pb_pack_contents_get_pack (PbPackContents *self)
{
  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), NULL);
  return self->pack;
}

/**
 * pb_pack_contents_find:
 *
 * Returns: the row of that section or item, or G_MAXUINT
 */
guint
pb_pack_contents_find (PbPackContents  *self,
                       PbPackEntryKind  kind,
                       gint64           id)
{
  gboolean want_section = kind == PB_PACK_ENTRY_SECTION;

  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), G_MAXUINT);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PbPackEntry *entry = g_ptr_array_index (self->rows, i);

      if (entry->id == id && (entry->kind == PB_PACK_ENTRY_SECTION) == want_section)
        return i;
    }
  return G_MAXUINT;
}

/**
 * pb_pack_contents_section_at:
 *
 * Returns: the section a row is in (or heads), or 0 when there is none
 */
gint64
pb_pack_contents_section_at (PbPackContents *self,
                             guint           position)
{
  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), 0);

  if (position >= self->rows->len)
    return self->rows->len > 0 ? ((PbPackEntry *)g_ptr_array_index (self->rows, self->rows->len - 1))->section_id : 0;
  return ((PbPackEntry *)g_ptr_array_index (self->rows, position))->section_id;
}

/* Section @section_id's place among the sections, and how many there are. */
static guint
section_index (PbPackContents *self,
               gint64          section_id,
               guint          *n_sections)
{
  guint index = G_MAXUINT, n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      PbPackEntry *entry = g_ptr_array_index (self->rows, i);

      if (entry->kind != PB_PACK_ENTRY_SECTION)
        continue;
      if (entry->id == section_id)
        index = n;
      n++;
    }
  *n_sections = n;
  return index;
}

static PbPackEntry *
section_by_index (PbPackContents *self,
                  guint           index)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      PbPackEntry *entry = g_ptr_array_index (self->rows, i);

      if (entry->kind == PB_PACK_ENTRY_SECTION && index-- == 0)
        return entry;
    }
  return NULL;
}

/* An item's place within its section. */
static guint
item_index (PbPackContents *self,
            guint           position)
{
  PbPackEntry *entry = g_ptr_array_index (self->rows, position);
  guint index = 0;

  while (position > 0 && ((PbPackEntry *)g_ptr_array_index (self->rows, --position))->kind != PB_PACK_ENTRY_SECTION)
    index++;
  g_assert (entry->kind != PB_PACK_ENTRY_SECTION);
  return index;
}

/**
 * pb_pack_contents_move:
 * @direction: -1 for up, 1 for down
 *
 * Moves a row one step: an item within its section, or across into the
 * next section at its edge; a section past its neighbour with everything
 * in it.
 *
 * Returns: %TRUE if it moved; %FALSE at the edge (without @error) or on failure
 */
gboolean
pb_pack_contents_move (PbPackContents  *self,
                       guint            position,
                       int              direction,
                       GError         **error)
{
  PbPackEntry *entry;
  guint n_sections, index;

  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), FALSE);
  g_return_val_if_fail (direction == -1 || direction == 1, FALSE);

  if (position >= self->rows->len)
    return FALSE;
  entry = g_ptr_array_index (self->rows, position);
  index = section_index (self, entry->section_id, &n_sections);

  if (entry->kind == PB_PACK_ENTRY_SECTION)
    {
      if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= n_sections))
        return FALSE;
      return pb_library_move_pack_section (self->library, entry->id, index + (guint)direction, error);
    }
  else
    {
      guint within = item_index (self, position);
      PbPackEntry *section = section_by_index (self, index);
      PbPackEntry *neighbour;

      if (direction < 0 && within > 0)
        return pb_library_move_pack_item (self->library, entry->id, entry->section_id, within - 1, error);
      if (direction > 0 && within + 1 < section->n_items)
        return pb_library_move_pack_item (self->library, entry->id, entry->section_id, within + 1, error);

      /* At the edge of its section: into the neighbouring one. */
      if ((direction < 0 && index == 0) || (direction > 0 && index + 1 >= n_sections))
        return FALSE;
      neighbour = section_by_index (self, index + (guint)direction);
      return pb_library_move_pack_item (self->library, entry->id, neighbour->id,
                                        direction < 0 ? G_MAXUINT : 0, error);
    }
}

/**
 * pb_pack_contents_move_before:
 * @from: the row to move
 * @to: the row it should end up before, or the number of rows for the end
 *
 * What a drop does.  An item dropped before a section's heading ends its
 * previous section; a section dropped anywhere goes after the sections
 * that start above that point.
 */
gboolean
pb_pack_contents_move_before (PbPackContents  *self,
                              guint            from,
                              guint            to,
                              GError         **error)
{
  PbPackEntry *entry;
  guint headings_before = 0;

  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), FALSE);

  if (from >= self->rows->len || to > self->rows->len || to == from)
    return FALSE;
  entry = g_ptr_array_index (self->rows, from);

  for (guint i = 0; i < to; i++)
    if (((PbPackEntry *)g_ptr_array_index (self->rows, i))->kind == PB_PACK_ENTRY_SECTION && i != from)
      headings_before++;

  if (entry->kind == PB_PACK_ENTRY_SECTION)
    return pb_library_move_pack_section (self->library, entry->id, headings_before, error);

  if (to == 0)
    return FALSE;   /* above the first heading: nowhere */

  if (to < self->rows->len && ((PbPackEntry *)g_ptr_array_index (self->rows, to))->kind != PB_PACK_ENTRY_SECTION)
    {
      PbPackEntry *target = g_ptr_array_index (self->rows, to);
      guint within = item_index (self, to);

      /* The gap the item leaves shifts what comes after it. */
      if (target->section_id == entry->section_id && from < to)
        within--;
      return pb_library_move_pack_item (self->library, entry->id, target->section_id, within, error);
    }

  /* Before a heading, or at the very end: the end of the section above. */
  return pb_library_move_pack_item (self->library, entry->id,
                                    pb_pack_contents_section_at (self, to - 1), G_MAXUINT, error);
}

/**
 * pb_pack_contents_remove:
 *
 * Removes the rows: a section with everything in it, an item on its own.
 *
 * Returns: (transfer full): what to give pb_library_restore_to_pack() to undo it
 */
PbPackRemoval *
pb_pack_contents_remove (PbPackContents  *self,
                         const guint     *positions,
                         guint            n_positions,
                         GError         **error)
{
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), NULL);

  for (guint i = 0; i < n_positions; i++)
    {
      PbPackEntry *entry;

      if (positions[i] >= self->rows->len)
        continue;
      entry = g_ptr_array_index (self->rows, positions[i]);
      g_array_append_val (entry->kind == PB_PACK_ENTRY_SECTION ? sections : items, entry->id);
    }

  /* Items inside a section going anyway need no separate mention. */
  for (guint i = items->len; i-- > 0;)
    {
      guint row = pb_pack_contents_find (self, PB_PACK_ENTRY_FINDING, g_array_index (items, gint64, i));
      gint64 section_id = pb_pack_contents_section_at (self, row);

      for (guint s = 0; s < sections->len; s++)
        if (g_array_index (sections, gint64, s) == section_id)
          {
            g_array_remove_index (items, i);
            break;
          }
    }

  return pb_library_remove_from_pack (self->library, self->pack_id,
                                      (gint64 *)(gpointer)sections->data, sections->len,
                                      (gint64 *)(gpointer)items->data, items->len, error);
}

/**
 * pb_pack_contents_get_summary:
 *
 * Returns: (transfer none) (element-type PbInspection): for each authority
 *   the pack cites, its latest graded inspection among those cited, newest first
 */
GPtrArray *
pb_pack_contents_get_summary (PbPackContents *self)
{
  g_return_val_if_fail (PB_IS_PACK_CONTENTS (self), NULL);
  return self->summary;
}

static void
pb_pack_contents_dispose (GObject *object)
{
  PbPackContents *self = (PbPackContents *)object;

  g_clear_object (&self->library);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->summary, g_ptr_array_unref);

  G_OBJECT_CLASS (pb_pack_contents_parent_class)->dispose (object);
}

static void
pb_pack_contents_finalize (GObject *object)
{
  PbPackContents *self = (PbPackContents *)object;

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (pb_pack_contents_parent_class)->finalize (object);
}

static void
pb_pack_contents_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PbPackContents *self = PB_PACK_CONTENTS (object);

  switch (prop_id)
    {
    case PROP_PACK:
      g_value_set_object (value, self->pack);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pb_pack_contents_class_init (PbPackContentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pb_pack_contents_dispose;
  object_class->finalize = pb_pack_contents_finalize;
  object_class->get_property = pb_pack_contents_get_property;

  /**
   * PbPackContents:pack:
   *
   * The pack as last read; notified after every reload.
   */
  properties [PROP_PACK] =
    g_param_spec_object ("pack", NULL, NULL, PB_TYPE_PACK,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pb_pack_contents_init (PbPackContents *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}
