/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf"

#include "config.h"

#include <string.h>

#include "pb-pdf-catalog-private.h"

/* What a tagged PDF's structure tree needs that cairo 1.16 cannot write:
 * table header cells saying what they head (/Scope), a cell covering two
 * rows saying so (/RowSpan), a figure's description (/Alt), and running
 * headers and footers out of the tree, as artifacts.  The writer keeps
 * notes on the elements it begins (#PbPdfTagNote); elements are found by
 * their type and their place among elements of that type, since cairo
 * writes the tree in the order the elements were begun.
 *
 * Cairo will only begin elements of PDF's standard types, so headers and
 * footers are drawn in "Private" elements; here those are taken out of the
 * tree and the parent tree, and the marked content they held is listed for
 * pb-pdf-marked.c to mark as artifacts.  Link annotations get a
 * description (/Contents), and every page the tab order of its structure
 * (/Tabs /S), as PDF/UA asks. */

static void
artifact_table_free (gpointer table)
{
  g_hash_table_unref (table);
}

/**
 * _pb_pdf_artifacts_new:
 *
 * Returns: (transfer full): an empty table of artifacts, by page
 */
GHashTable *
_pb_pdf_artifacts_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, artifact_table_free);
}

/**
 * pb_pdf_tag_note_new:
 * @type: the element's structure type ("TH")
 * @ordinal: which element of that type, from 0, in the order begun
 *
 * Returns: (transfer full): a note saying nothing yet, for
 *   pb_pdf_tag_note_free()
 */
PbPdfTagNote *
pb_pdf_tag_note_new (const char *type,
                     guint       ordinal)
{
  PbPdfTagNote *note = g_new0 (PbPdfTagNote, 1);

  note->type = g_strdup (type);
  note->ordinal = ordinal;
  return note;
}

/**
 * pb_pdf_tag_note_free:
 * @note: (nullable): a note
 */
void
pb_pdf_tag_note_free (PbPdfTagNote *note)
{
  if (note == NULL)
    return;
  g_free (note->type);
  g_free (note->alt);
  g_free (note);
}

typedef struct
{
  qpdf_data   qpdf;
  GHashTable *notes;       /* "TH#3" → PbPdfTagNote */
  GHashTable *counts;      /* type → elements seen */
  GArray     *removed;     /* qpdf_oh: the Private elements */
  GHashTable *artifacts;
  gboolean    changed;
} Tree;

static void
add_artifact (Tree          *tree,
              qpdf_oh        page,
              qpdf_oh        mcid,
              PbPdfArtifact  kind)
{
  GHashTable *on_page;
  int page_id = qpdf_oh_get_object_id (tree->qpdf, page);

  if (page_id == 0 || !qpdf_oh_is_integer (tree->qpdf, mcid))
    return;
  if (!(on_page = g_hash_table_lookup (tree->artifacts, GINT_TO_POINTER (page_id))))
    {
      on_page = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (tree->artifacts, GINT_TO_POINTER (page_id), on_page);
    }
  g_hash_table_insert (on_page, GINT_TO_POINTER (qpdf_oh_get_int_value_as_int (tree->qpdf, mcid)),
                       GINT_TO_POINTER (kind));
}

/* The marked content of a Private element: an MCID on its page, or a list
 * of MCIDs and marked-content references. */
static void
take_private (Tree          *tree,
              qpdf_oh        element,
              PbPdfArtifact  kind)
{
  qpdf_data qpdf = tree->qpdf;
  qpdf_oh page = qpdf_oh_get_key (qpdf, element, "/Pg");
  qpdf_oh k = qpdf_oh_get_key (qpdf, element, "/K");

  if (kind == PB_PDF_ARTIFACT_NONE)
    kind = PB_PDF_ARTIFACT_HEADER;
  if (qpdf_oh_is_integer (qpdf, k))
    add_artifact (tree, page, k, kind);
  else if (qpdf_oh_is_array (qpdf, k))
    for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, k); i < n; i++)
      {
        qpdf_oh kid = qpdf_oh_get_array_item (qpdf, k, i);

        if (qpdf_oh_is_integer (qpdf, kid))
          add_artifact (tree, page, kid, kind);
        else if (qpdf_oh_is_dictionary (qpdf, kid) && qpdf_oh_has_key (qpdf, kid, "/MCID"))
          add_artifact (tree, qpdf_oh_has_key (qpdf, kid, "/Pg") ? qpdf_oh_get_key (qpdf, kid, "/Pg") : page,
                        qpdf_oh_get_key (qpdf, kid, "/MCID"), kind);
      }
  g_array_append_val (tree->removed, element);
}

static void
set_table_attributes (Tree               *tree,
                      qpdf_oh             element,
                      const PbPdfTagNote *note)
{
  qpdf_data qpdf = tree->qpdf;
  qpdf_oh attributes = qpdf_oh_new_dictionary (qpdf);

  qpdf_oh_replace_key (qpdf, attributes, "/O", qpdf_oh_new_name (qpdf, "/Table"));
  if (note->scope != PB_PDF_SCOPE_NONE)
    qpdf_oh_replace_key (qpdf, attributes, "/Scope",
                         qpdf_oh_new_name (qpdf, note->scope == PB_PDF_SCOPE_ROW ? "/Row" : "/Column"));
  if (note->row_span > 1)
    qpdf_oh_replace_key (qpdf, attributes, "/RowSpan", qpdf_oh_new_integer (qpdf, note->row_span));
  qpdf_oh_replace_key (qpdf, element, "/A", attributes);
  tree->changed = TRUE;
}

static void
visit (Tree    *tree,
       qpdf_oh  element,
       guint    depth)
{
  qpdf_data qpdf = tree->qpdf;
  g_autofree char *key = NULL;
  const PbPdfTagNote *note;
  const char *type;
  qpdf_oh k;
  guint ordinal;

  if (depth > 64 || !qpdf_oh_is_dictionary (qpdf, element) ||
      !qpdf_oh_is_name (qpdf, qpdf_oh_get_key (qpdf, element, "/S")))
    return;

  type = g_intern_string (qpdf_oh_get_name (qpdf, qpdf_oh_get_key (qpdf, element, "/S")) + 1);
  ordinal = GPOINTER_TO_UINT (g_hash_table_lookup (tree->counts, type));
  g_hash_table_insert (tree->counts, (gpointer)type, GUINT_TO_POINTER (ordinal + 1));
  key = g_strdup_printf ("%s#%u", type, ordinal);
  note = g_hash_table_lookup (tree->notes, key);

  if (g_str_equal (type, "Private"))
    {
      take_private (tree, element, note != NULL ? note->artifact : PB_PDF_ARTIFACT_NONE);
      return;
    }
  if (note != NULL && (g_str_equal (type, "TH") || g_str_equal (type, "TD")) &&
      (note->scope != PB_PDF_SCOPE_NONE || note->row_span > 1))
    set_table_attributes (tree, element, note);
  if (note != NULL && note->alt != NULL)
    {
      qpdf_oh_replace_key (qpdf, element, "/Alt", qpdf_oh_new_unicode_string (qpdf, note->alt));
      tree->changed = TRUE;
    }

  k = qpdf_oh_get_key (qpdf, element, "/K");
  if (qpdf_oh_is_array (qpdf, k))
    for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, k); i < n; i++)
      visit (tree, qpdf_oh_get_array_item (qpdf, k, i), depth + 1);
  else
    visit (tree, k, depth + 1);
}

/* Takes @element out of its parent's list of children. */
static void
remove_element (qpdf_data qpdf,
                qpdf_oh   element)
{
  qpdf_oh parent = qpdf_oh_get_key (qpdf, element, "/P");
  qpdf_oh k = qpdf_oh_get_key (qpdf, parent, "/K");
  int id = qpdf_oh_get_object_id (qpdf, element);

  if (qpdf_oh_is_array (qpdf, k))
    {
      for (int i = qpdf_oh_get_array_n_items (qpdf, k); i-- > 0; )
        if (qpdf_oh_get_object_id (qpdf, qpdf_oh_get_array_item (qpdf, k, i)) == id)
          qpdf_oh_erase_item (qpdf, k, i);
    }
  else if (qpdf_oh_get_object_id (qpdf, k) == id)
    qpdf_oh_replace_key (qpdf, parent, "/K", qpdf_oh_new_array (qpdf));
}

/* The parent tree's entries for the marked content now artifacts, made
 * null: it names no element now.  Cairo writes the tree flat (/Nums). */
static void
clear_parent_tree (Tree    *tree,
                   qpdf_oh  root)
{
  qpdf_data qpdf = tree->qpdf;
  qpdf_oh nums = qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, root, "/ParentTree"), "/Nums");
  GHashTableIter iter;
  gpointer page_id, on_page;

  if (!qpdf_oh_is_array (qpdf, nums))
    return;

  g_hash_table_iter_init (&iter, tree->artifacts);
  while (g_hash_table_iter_next (&iter, &page_id, &on_page))
    {
      qpdf_oh page = qpdf_get_object_by_id (qpdf, GPOINTER_TO_INT (page_id), 0);
      qpdf_oh parents = qpdf_oh_get_key (qpdf, page, "/StructParents");
      GHashTableIter mcids;
      gpointer mcid;

      if (!qpdf_oh_is_integer (qpdf, parents))
        continue;
      for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, nums); i + 1 < n; i += 2)
        {
          qpdf_oh list = qpdf_oh_get_array_item (qpdf, nums, i + 1);

          if (qpdf_oh_get_int_value (qpdf, qpdf_oh_get_array_item (qpdf, nums, i)) !=
              qpdf_oh_get_int_value (qpdf, parents) || !qpdf_oh_is_array (qpdf, list))
            continue;
          g_hash_table_iter_init (&mcids, on_page);
          while (g_hash_table_iter_next (&mcids, &mcid, NULL))
            if (GPOINTER_TO_INT (mcid) < qpdf_oh_get_array_n_items (qpdf, list))
              qpdf_oh_set_array_item (qpdf, list, GPOINTER_TO_INT (mcid), qpdf_oh_new_null (qpdf));
        }
    }
}

/**
 * _pb_pdf_apply_notes:
 * @notes: (nullable) (element-type PbPdfTagNote): the writer's notes
 * @artifacts: filled in with the marked content to make artifacts
 *
 * Walks the structure tree, giving elements what their notes say and
 * taking the Private ones out.
 */
gboolean
_pb_pdf_apply_notes (qpdf_data   qpdf,
                     GPtrArray  *notes,
                     GHashTable *artifacts)
{
  Tree tree = { qpdf };
  qpdf_oh root = qpdf_oh_get_key (qpdf, qpdf_get_root (qpdf), "/StructTreeRoot");

  if (!qpdf_oh_is_dictionary (qpdf, root))
    return FALSE;

  tree.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  tree.counts = g_hash_table_new (g_str_hash, g_str_equal);
  tree.removed = g_array_new (FALSE, FALSE, sizeof (qpdf_oh));
  tree.artifacts = artifacts;
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      PbPdfTagNote *note = g_ptr_array_index (notes, i);
      g_hash_table_insert (tree.notes, g_strdup_printf ("%s#%u", note->type, note->ordinal), note);
    }

  {
    qpdf_oh k = qpdf_oh_get_key (qpdf, root, "/K");

    if (qpdf_oh_is_array (qpdf, k))
      for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, k); i < n; i++)
        visit (&tree, qpdf_oh_get_array_item (qpdf, k, i), 0);
    else
      visit (&tree, k, 0);
  }

  for (guint i = 0; i < tree.removed->len; i++)
    remove_element (qpdf, g_array_index (tree.removed, qpdf_oh, i));
  clear_parent_tree (&tree, root);
  tree.changed |= tree.removed->len > 0;

  g_hash_table_unref (tree.notes);
  g_hash_table_unref (tree.counts);
  g_array_unref (tree.removed);
  return tree.changed;
}

/**
 * _pb_pdf_describe_links:
 * @links: (nullable) (element-type utf8): descriptions, in page order
 *
 * Gives each link annotation that has no description the next of @links.
 */
gboolean
_pb_pdf_describe_links (qpdf_data  qpdf,
                        GPtrArray *links)
{
  gboolean changed = FALSE;
  guint next = 0;

  for (int p = 0, n = qpdf_get_num_pages (qpdf); links != NULL && p < n; p++)
    {
      qpdf_oh annots = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, (size_t)p), "/Annots");

      for (int i = 0, m = qpdf_oh_is_array (qpdf, annots) ? qpdf_oh_get_array_n_items (qpdf, annots) : 0; i < m; i++)
        {
          qpdf_oh annot = qpdf_oh_get_array_item (qpdf, annots, i);

          if (!qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, annot, "/Subtype"), "/Link"))
            continue;
          if (next < links->len && !qpdf_oh_has_key (qpdf, annot, "/Contents"))
            {
              qpdf_oh_replace_key (qpdf, annot, "/Contents",
                                   qpdf_oh_new_unicode_string (qpdf, g_ptr_array_index (links, next)));
              changed = TRUE;
            }
          next++;
        }
    }
  return changed;
}

/**
 * _pb_pdf_set_tab_order:
 *
 * Asks viewers to tab through each page's links in the order of its
 * structure (/Tabs /S).
 */
gboolean
_pb_pdf_set_tab_order (qpdf_data qpdf)
{
  gboolean changed = FALSE;

  for (int p = 0, n = qpdf_get_num_pages (qpdf); p < n; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, (size_t)p);

      if (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, page, "/Tabs"), "/S"))
        continue;
      qpdf_oh_replace_key (qpdf, page, "/Tabs", qpdf_oh_new_name (qpdf, "/S"));
      changed = TRUE;
    }
  return changed;
}
