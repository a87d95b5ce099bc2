/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pb-document.h"
#include "pb-page-kinds.h"
#include "pb-test-util.h"
#include "pb-text-selection.h"

/* Text copied from a selection reads as search and quotes read the page. */

static void
changed_cb (PbTextSelection *selection,
            gboolean        *changed)
{
  *changed = TRUE;
}

/* The text of a selection over the whole of page 1 of @pdf. */
static char *
copy_first_page (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PbDocument) document = pb_document_new_from_file (pdf, NULL, &error);
  g_autoptr(PbTextSelection) selection = pb_text_selection_new ();
  gboolean changed = FALSE;

  g_assert_no_error (error);
  g_signal_connect (selection, "changed", G_CALLBACK (changed_cb), &changed);
  pb_text_selection_set_document (selection, document);
  pb_text_selection_select (selection, 0, 0, 0, 0, 595, 842);

  /* The page's text is read on the document's worker. */
  while (TRUE)
    {
      g_autoptr(GPtrArray) spans = pb_text_selection_get_spans (selection);

      if (spans->len == 1)
        break;
      changed = FALSE;
      while (!changed)
        g_main_context_iteration (NULL, TRUE);
    }

  return pb_text_selection_dup_text (selection);
}

/* Round 2, item 7: a word broken by a hard hyphen at a line end is copied
 * whole, as a soft hyphen's is and as search and quotes read it; the other
 * line breaks stay. */
static void
test_copy_joins_broken_words (void)
{
  static const char * const lines[] = {
    "The authority's sufficiency strat-",
    "egy is not yet effective.",
    "Placement stability has im\xc2\xad",
    "proved this year.",
    NULL
  };
  PbTestPage pages[] = { { lines, NULL, NULL, 0, 0 } };
  g_autofree char *dir = g_dir_make_tmp ("pb-selection-XXXXXX", NULL);
  g_autofree char *pdf = pb_test_kinds_write_pdf (dir, "hyphens.pdf", pages, 1, NULL);
  g_autofree char *copied = copy_first_page (pdf);

  g_assert_cmpstr (copied, ==, "The authority's sufficiency strategy is not yet effective.\n"
                               "Placement stability has improved this year.");

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-selection/copy-joins-broken-words", test_copy_joins_broken_words);

  return g_test_run ();
}
