/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-import"

#include "config.h"

#include "pb-import-private.h"
#include "pb-structure-pdf.h"
#include "pb-text-pages.h"

/* Once a report's pages are read, an import has two jobs left that do not
 * depend on each other: storing the pages (their full-text index is most of
 * the database's work) and reading what the report says about itself (type,
 * dates, judgements, sections) along with the text that search finds across
 * its page breaks. Only the second needs the document, and only the first the
 * database, so on a machine with a core to spare the second runs on a thread
 * of its own while the import's thread stores the pages, and the import joins
 * it before storing the rest. Poppler is not thread-safe per document, but
 * the document is only ever used by one thread at a time: the import's own
 * thread does not touch it again until the join. */

static void
read_structure (PbImportState *state)
{
  g_autoptr(GPtrArray) texts = pb_report_content_get_texts (state->content);

  state->structure = pb_structure_read_document (state->document, (const char * const *)texts->pdata);
  state->page_extras = pb_text_page_extras ((const char * const *)texts->pdata, texts->len);
}

static gpointer
structure_thread (gpointer data)
{
  read_structure (data);
  return NULL;
}

/**
 * _pb_import_start_structure:
 * @state: an import whose pages have been read (state->content)
 * @own_thread: whether to read on a thread of its own; %FALSE reads now
 *
 * Starts reading @state's structure and page extras into state->structure
 * and state->page_extras. Until _pb_import_join_structure (), the caller
 * must not use state->document nor change state->content.
 */
void
_pb_import_start_structure (PbImportState *state,
                            gboolean       own_thread)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (state->content != NULL);
  g_return_if_fail (state->structure_thread == NULL);

  if (own_thread &&
      (state->structure_thread = g_thread_try_new ("pb-import-structure", structure_thread,
                                                   state, &error)) != NULL)
    return;

  if (error != NULL)
    g_debug ("No thread to read the structure on: %s", error->message);
  read_structure (state);
}

/**
 * _pb_import_join_structure:
 * @state: an import
 *
 * Waits for the reading started by _pb_import_start_structure (), if any is
 * still under way; state->structure and state->page_extras are then set.
 */
void
_pb_import_join_structure (PbImportState *state)
{
  if (state->structure_thread != NULL)
    g_thread_join (g_steal_pointer (&state->structure_thread));
}
