/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>

#include "pb-test-pdf.h"

/* The structure tree as qpdf reads it, one line for each element, depth
 * first: its type and its attributes.  Poppler 22.12 cannot read a header
 * cell's scope (its getter asks for a table), so qpdf reads them. */
static void
read_element (qpdf_data  qpdf,
              qpdf_oh    element,
              GPtrArray *elements,
              guint      depth)
{
  GString *line;
  qpdf_oh type, k;

  if (depth > 64 || !qpdf_oh_is_dictionary (qpdf, element))
    return;
  type = qpdf_oh_get_key (qpdf, element, "/S");
  if (!qpdf_oh_is_name (qpdf, type))
    return;
  /* qpdf's strings last until its next call that returns one. */
  line = g_string_new (qpdf_oh_get_name (qpdf, type) + 1);
  if (qpdf_oh_has_key (qpdf, element, "/A"))
    g_string_append_printf (line, " /A %s", qpdf_oh_unparse_resolved (qpdf, qpdf_oh_get_key (qpdf, element, "/A")));
  if (qpdf_oh_has_key (qpdf, element, "/Alt"))
    g_string_append_printf (line, " /Alt %s", qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, element, "/Alt")));
  g_ptr_array_add (elements, g_string_free (line, FALSE));
  k = qpdf_oh_get_key (qpdf, element, "/K");
  if (qpdf_oh_is_array (qpdf, k))
    for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, k); i < n; i++)
      read_element (qpdf, qpdf_oh_get_array_item (qpdf, k, i), elements, depth + 1);
  else
    read_element (qpdf, k, elements, depth + 1);
}

static void
read_with_qpdf (PbTestPdf  *pdf,
                const char *path)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_oh tree;

  qpdf_silence_errors (qpdf);
  g_assert_cmpint (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS, ==, 0);
  tree = qpdf_oh_get_key (qpdf, qpdf_get_root (qpdf), "/StructTreeRoot");
  if (qpdf_oh_is_dictionary (qpdf, tree))
    {
      qpdf_oh k = qpdf_oh_get_key (qpdf, tree, "/K");

      if (qpdf_oh_is_array (qpdf, k))
        for (int i = 0, n = qpdf_oh_get_array_n_items (qpdf, k); i < n; i++)
          read_element (qpdf, qpdf_oh_get_array_item (qpdf, k, i), pdf->elements, 0);
      else
        read_element (qpdf, k, pdf->elements, 0);
    }
  pdf->tab_order = TRUE;
  for (int p = 0, n = qpdf_get_num_pages (qpdf); p < n; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, (size_t)p);
      qpdf_oh annots = qpdf_oh_get_key (qpdf, page, "/Annots");
      unsigned char *data = NULL;
      size_t length = 0;

      pdf->tab_order &= qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, page, "/Tabs"), "/S");
      for (int a = 0, m = qpdf_oh_is_array (qpdf, annots) ? qpdf_oh_get_array_n_items (qpdf, annots) : 0; a < m; a++)
        {
          qpdf_oh annot = qpdf_oh_get_array_item (qpdf, annots, a);

          if (!qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, annot, "/Subtype"), "/Link"))
            continue;
          pdf->n_links++;
          pdf->n_described_links += qpdf_oh_is_string (qpdf, qpdf_oh_get_key (qpdf, annot, "/Contents"));
        }

      g_assert_cmpint (qpdf_oh_get_page_content_data (qpdf, qpdf_get_page_n (qpdf, (size_t)p), &data, &length), ==, 0);
      g_ptr_array_add (pdf->contents, g_bytes_new (data, length));
      free (data);
    }
  qpdf_cleanup (&qpdf);
}

PbTestPdf *
pb_test_pdf_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PbTestPdf *pdf = g_new0 (PbTestPdf, 1);

  pdf->document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  pdf->n_pages = (guint)poppler_document_get_n_pages (pdf->document);
  pdf->texts = g_ptr_array_new_with_free_func (g_free);
  pdf->elements = g_ptr_array_new_with_free_func (g_free);
  pdf->contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  read_with_qpdf (pdf, path);
  for (guint i = 0; i < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->document, (int)i);
      char *text = poppler_page_get_text (page);

      g_ptr_array_add (pdf->texts, text ? text : g_strdup (""));
      g_object_unref (page);
    }
  return pdf;
}

void
pb_test_pdf_free (PbTestPdf *pdf)
{
  if (pdf == NULL)
    return;
  g_clear_object (&pdf->document);
  g_clear_pointer (&pdf->texts, g_ptr_array_unref);
  g_clear_pointer (&pdf->elements, g_ptr_array_unref);
  g_clear_pointer (&pdf->contents, g_ptr_array_unref);
  g_free (pdf);
}

/* Text without its white space, so line breaks do not matter. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/**
 * pb_test_contains_words:
 *
 * Returns: whether @text holds @words, however its lines are broken
 */
gboolean
pb_test_contains_words (const char *text,
                        const char *words)
{
  g_autofree char *haystack = squeeze (text);
  g_autofree char *needle = squeeze (words);

  return strstr (haystack, needle) != NULL;
}

/* PB_KEEP_EXPORTS=DIR: a copy of @path there, to look at. */
void
pb_test_keep_export (const char *path)
{
  const char *dir = g_getenv ("PB_KEEP_EXPORTS");
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  if (dir == NULL)
    return;
  name = g_path_get_basename (path);
  copy = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, (gssize)length, NULL));
}

/**
 * pb_test_pdf_find_page:
 * @line: a whole line of text, such as a heading
 * @from: the first page to look at, from 0
 *
 * Returns: the first page from @from (from 0) with @line as a line of its
 *   own, or %G_MAXUINT
 */
guint
pb_test_pdf_find_page (PbTestPdf  *pdf,
                       const char *line,
                       guint       from)
{
  for (guint i = from; i < pdf->n_pages; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (pdf->texts, i), "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        if (g_str_equal (g_strstrip (lines[l]), line))
          return i;
    }
  return G_MAXUINT;
}

static void
collect_outline (PbTestPdf        *pdf,
                 PopplerIndexIter *iter,
                 GHashTable       *pages)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      if (action->type == POPPLER_ACTION_GOTO_DEST)
        {
          PopplerDest *dest = action->goto_dest.dest;
          int page = dest->page_num;

          if (dest->type == POPPLER_DEST_NAMED)
            {
              PopplerDest *named = poppler_document_find_dest (pdf->document, dest->named_dest);

              g_assert_nonnull (named);
              page = named->page_num;
              poppler_dest_free (named);
            }
          g_hash_table_insert (pages, g_strdup (action->any.title), GINT_TO_POINTER (page));
        }
      poppler_action_free (action);
      if (child != NULL)
        {
          collect_outline (pdf, child, pages);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

/* The number at the end of the contents line for @title, or 0. */
static guint
contents_number (const char *text,
                 const char *title)
{
  g_autofree char *escaped = g_regex_escape_string (title, -1);
  g_autofree char *pattern = g_strdup_printf ("^\\s*%s[\\s.…]*?(\\d+)\\s*$", escaped);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return 0;
  number = g_match_info_fetch (match, 1);
  return (guint)g_ascii_strtoull (number, NULL, 10);
}

/**
 * pb_test_pdf_contents_number:
 * @title: a part the contents list
 *
 * Returns: the page number the contents give for @title, or 0 when they
 *   give none
 */
guint
pb_test_pdf_contents_number (PbTestPdf  *pdf,
                             const char *title)
{
  guint contents = pb_test_pdf_find_page (pdf, "Contents", 0);
  guint number;

  g_assert_cmpuint (contents, <, pdf->n_pages);
  number = contents_number (g_ptr_array_index (pdf->texts, contents), title);
  if (number == 0 && contents + 1 < pdf->n_pages)
    number = contents_number (g_ptr_array_index (pdf->texts, contents + 1), title);
  return number;
}

/**
 * pb_test_pdf_check_contents:
 * @titles: (array zero-terminated=1): the parts the contents must list
 *
 * Each part's line in the contents gives the page (from 1) where its
 * bookmark leads, and where its heading is.
 */
void
pb_test_pdf_check_contents (PbTestPdf          *pdf,
                            const char * const *titles)
{
  g_autoptr(GHashTable) outline = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PopplerIndexIter *index = poppler_index_iter_new (pdf->document);
  guint contents = pb_test_pdf_find_page (pdf, "Contents", 0);

  g_assert_nonnull (index);
  collect_outline (pdf, index, outline);
  poppler_index_iter_free (index);
  g_assert_cmpuint (contents, <, pdf->n_pages);

  for (guint i = 0; titles[i] != NULL; i++)
    {
      guint number = contents_number (g_ptr_array_index (pdf->texts, contents), titles[i]);
      g_autofree char *message = NULL;

      if (number == 0 && contents + 1 < pdf->n_pages)
        number = contents_number (g_ptr_array_index (pdf->texts, contents + 1), titles[i]);
      message = g_strdup_printf ("“%s” is listed at page %u", titles[i], number);
      g_test_message ("%s", message);
      g_assert_cmpuint (number, >=, contents + 1);
      g_assert_cmpuint (number, <=, pdf->n_pages);
      g_assert_true (g_hash_table_contains (outline, titles[i]));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (outline, titles[i])), ==, (int)number);
      /* The heading is on that page. */
      g_assert_cmpuint (pb_test_pdf_find_page (pdf, titles[i], number - 1), ==, number - 1);
    }
}

/**
 * pb_test_pdf_check_not_blank:
 * @most_blank: the largest share of a page's rows with nothing on them
 *
 * Renders every page but the last and counts the rows of pixels with
 * nothing drawn on them.
 */
void
pb_test_pdf_check_not_blank (PbTestPdf *pdf,
                             double     most_blank)
{
  for (guint i = 0; i + 1 < pdf->n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf->document, (int)i);
      cairo_surface_t *surface;
      cairo_t *cr;
      double width, height;
      int w, h, stride, blank = 0;
      const guint8 *data;

      poppler_page_get_size (page, &width, &height);
      w = (int)(width / 2);
      h = (int)(height / 2);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      poppler_page_render (page, cr);
      g_object_unref (page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < h; y++)
        {
          const guint32 *row = (const guint32 *)(gconstpointer)(data + y * stride);
          gboolean inked = FALSE;

          for (int x = 0; x < w && !inked; x++)
            inked = (row[x] & 0xffffff) != 0xffffff;
          blank += !inked;
        }
      cairo_surface_destroy (surface);

      g_test_message ("page %u: %.0f%% blank", i + 1, 100.0 * blank / h);
      if ((double)blank / h > most_blank)
        g_error ("page %u of %u is %.0f%% blank", i + 1, pdf->n_pages, 100.0 * blank / h);
    }
}

static void
collect_kind (PopplerStructureElementIter *iter,
              PopplerStructureElementKind  kind,
              GPtrArray                   *found)
{
  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);

      if (element != NULL && poppler_structure_element_get_kind (element) == kind)
        g_ptr_array_add (found, g_object_ref (element));
      g_clear_object (&element);
      if (child != NULL)
        {
          collect_kind (child, kind, found);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
}

static GPtrArray *
elements_of_kind (PbTestPdf                   *pdf,
                  PopplerStructureElementKind  kind)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (pdf->document);

  g_assert_nonnull (iter);
  collect_kind (iter, kind, found);
  poppler_structure_element_iter_free (iter);
  return found;
}

/**
 * pb_test_pdf_check_rows_whole:
 *
 * No row of any table (a TR of the structure tree) has cells on two pages.
 */
void
pb_test_pdf_check_rows_whole (PbTestPdf *pdf)
{
  PopplerStructureElementIter *root = poppler_structure_element_iter_new (pdf->document);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)poppler_structure_element_iter_free);
  guint n_rows = 0;

  g_assert_nonnull (root);
  /* A depth-first walk, keeping an iterator at each row's cells. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, root);
    while (stack->len > 0)
      {
        PopplerStructureElementIter *iter = g_ptr_array_steal_index (stack, stack->len - 1);

        do
          {
            PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
            PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);
            gboolean row = element != NULL &&
                           poppler_structure_element_get_kind (element) == POPPLER_STRUCTURE_ELEMENT_TABLE_ROW;

            g_clear_object (&element);
            if (child == NULL)
              continue;
            g_ptr_array_add (row ? rows : stack, child);
          }
        while (poppler_structure_element_iter_next (iter));
        if (iter != root)
          poppler_structure_element_iter_free (iter);
      }
  }
  poppler_structure_element_iter_free (root);

  for (guint r = 0; r < rows->len; r++)
    {
      PopplerStructureElementIter *cells = g_ptr_array_index (rows, r);
      int page = -1;

      do
        {
          PopplerStructureElement *cell = poppler_structure_element_iter_get_element (cells);
          int at = cell != NULL ? poppler_structure_element_get_page (cell) : -1;

          g_clear_object (&cell);
          if (at < 0)
            continue;
          if (page >= 0)
            g_assert_cmpint (at, ==, page);
          page = at;
        }
      while (poppler_structure_element_iter_next (cells));
      n_rows += page >= 0;
    }
  g_assert_cmpuint (n_rows, >, 0);
}

static char *
element_text (PopplerStructureElement *element)
{
  g_autofree char *text = poppler_structure_element_get_text (element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
  return g_strstrip (g_strdup (text ? text : ""));
}

/* @text with each run of white space as one space: a cell's lines
 * joined, however a reader joins them. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The scope of the @index-th header cell (from 0) of the document, as
 * qpdf reads it: "/Row", "/Column", or "" for none. */
static const char *
header_scope (PbTestPdf *pdf,
              guint      index)
{
  for (guint i = 0, n = 0; i < pdf->elements->len; i++)
    {
      const char *element = g_ptr_array_index (pdf->elements, i);

      if (!g_str_has_prefix (element, "TH") || (element[2] != '\0' && element[2] != ' '))
        continue;
      if (n++ < index)
        continue;
      if (strstr (element, "/Scope /Column"))
        return "/Column";
      if (strstr (element, "/Scope /Row"))
        return "/Row";
      return "";
    }
  g_assert_not_reached ();
}

/**
 * pb_test_pdf_check_matrix:
 * @columns: (array zero-terminated=1): how the inspections' columns are
 *   headed, oldest first (a line break or a space between words alike)
 * @once: a grade the matrix gives once, in a cell over two rows
 *
 * The grades matrix, read from the structure tree: a table headed
 * "Judgement", with one column for each inspection in order, its header
 * cells heading their columns and its judgements their rows, and @once in
 * one cell only, which covers two rows.
 */
void
pb_test_pdf_check_matrix (PbTestPdf          *pdf,
                          const char * const *columns,
                          const char         *once)
{
  g_autoptr(GPtrArray) tables = elements_of_kind (pdf, POPPLER_STRUCTURE_ELEMENT_TABLE);
  g_autoptr(GPtrArray) headings = elements_of_kind (pdf, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING);
  g_autoptr(GPtrArray) data = elements_of_kind (pdf, POPPLER_STRUCTURE_ELEMENT_TABLE_DATA);
  g_autofree char *matrix = NULL;
  guint first = G_MAXUINT, n_spanning = 0;

  /* The header cells in order: the matrix's "Judgement", then its columns. */
  for (guint i = 0; i < headings->len && first == G_MAXUINT; i++)
    {
      g_autofree char *text = element_text (g_ptr_array_index (headings, i));

      if (g_str_equal (text, "Judgement"))
        first = i;
    }
  g_assert_cmpuint (first, <, headings->len);
  g_assert_cmpstr (header_scope (pdf, first), ==, "/Column");
  for (guint c = 0; columns[c] != NULL; c++)
    {
      g_autofree char *text = element_text (g_ptr_array_index (headings, first + 1 + c));
      g_autofree char *line = one_line (text);
      g_autofree char *want = one_line (columns[c]);

      if (!g_str_has_prefix (line, want))
        g_error ("column %u of the matrix is headed “%s”, not “%s”", c, line, want);
      g_assert_cmpstr (header_scope (pdf, first + 1 + c), ==, "/Column");
    }
  /* No more columns: the next header cell heads a row. */
  g_assert_cmpuint (first + 1 + g_strv_length ((char **)columns), <, headings->len);
  g_assert_cmpstr (header_scope (pdf, first + 1 + g_strv_length ((char **)columns)), ==, "/Row");

  for (guint t = 0; t < tables->len && matrix == NULL; t++)
    {
      g_autofree char *text = element_text (g_ptr_array_index (tables, t));

      if (g_str_has_prefix (text, "Judgement"))
        matrix = g_steal_pointer (&text);
    }
  g_assert_nonnull (matrix);
  g_assert_cmpuint (count_occurrences (matrix, once), ==, 1);

  /* The data cells in order, as qpdf reads them; one covers two rows. */
  for (guint i = 0, n = 0; i < pdf->elements->len; i++)
    {
      const char *element = g_ptr_array_index (pdf->elements, i);

      if (!g_str_has_prefix (element, "TD") || (element[2] != '\0' && element[2] != ' '))
        continue;
      if (strstr (element, "/RowSpan 2") != NULL)
        {
          g_autofree char *text = NULL;

          g_assert_cmpuint (n, <, data->len);
          text = element_text (g_ptr_array_index (data, n));
          g_assert_true (g_str_has_prefix (text, once));
          n_spanning++;
        }
      n++;
    }
  g_assert_cmpuint (n_spanning, ==, 1);
}

/**
 * pb_test_pdf_header_cells:
 *
 * Returns: (transfer full) (element-type utf8): the text of every table
 *   header cell of the structure tree, in order, its lines joined by a
 *   space (none when the document's text does not separate them)
 */
GPtrArray *
pb_test_pdf_header_cells (PbTestPdf *pdf)
{
  g_autoptr(GPtrArray) headings = elements_of_kind (pdf, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < headings->len; i++)
    {
      g_autofree char *text = element_text (g_ptr_array_index (headings, i));

      g_ptr_array_add (texts, one_line (text));
    }
  return texts;
}

static double
left_of (PopplerPage *page,
         const char  *text)
{
  GList *found = poppler_page_find_text (page, text);
  double x;

  g_assert_nonnull (found);
  x = ((PopplerRectangle *)found->data)->x1;
  g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
  return x;
}

/**
 * pb_test_pdf_check_matrix_text:
 * @columns: (array zero-terminated=1): the columns' headings, oldest first
 * @rows: (array zero-terminated=1): the judgements
 * @once: a grade the matrix gives once
 *
 * The grades matrix, read from the words on its page, for a PDF without a
 * structure tree: the columns in order from left to right, every row on
 * the page of the heading, @once once.
 */
void
pb_test_pdf_check_matrix_text (PbTestPdf          *pdf,
                               const char * const *columns,
                               const char * const *rows,
                               const char         *once)
{
  guint at = pb_test_pdf_find_page (pdf, "Grades at a glance", 0);
  PopplerPage *page;
  const char *text;

  g_assert_cmpuint (at, <, pdf->n_pages);
  page = poppler_document_get_page (pdf->document, (int)at);
  text = g_ptr_array_index (pdf->texts, at);

  for (guint c = 0; columns[c] != NULL; c++)
    if (c > 0)
      g_assert_cmpfloat (left_of (page, columns[c - 1]), <, left_of (page, columns[c]));
  for (guint r = 0; rows[r] != NULL; r++)
    g_assert_nonnull (strstr (text, rows[r]));
  g_assert_cmpuint (count_occurrences (text, once), ==, 1);
  g_object_unref (page);
}

/* --- Page content ------------------------------------------------------ */

/* Operators that put marks on the page (PDF 1.7, tables 59, 107, 87, 77). */
static gboolean
paints (const char *op,
        gsize       length)
{
  static const char * const painting[] = {
    "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Tj", "TJ", "'", "\"", "Do", "sh", "EI",
  };

  for (guint i = 0; i < G_N_ELEMENTS (painting); i++)
    if (strlen (painting[i]) == length && memcmp (painting[i], op, length) == 0)
      return TRUE;
  return FALSE;
}

/**
 * pb_test_count_unmarked:
 * @content: a page's content stream, uncompressed
 *
 * Reads the stream token by token (its own reading, not the one the
 * program uses) and counts the operators that paint outside any marked
 * content: content that is neither tagged nor an artifact.
 *
 * Returns: how many there are
 */
guint
pb_test_count_unmarked (GBytes *content)
{
  gsize length;
  const char *data = g_bytes_get_data (content, &length);
  guint unmarked = 0;
  int depth = 0;

  for (gsize i = 0; i < length; )
    {
      char c = data[i];

      if (g_ascii_isspace (c) || c == '\0')
        i++;
      else if (c == '%')
        while (i < length && data[i] != '\n' && data[i] != '\r')
          i++;
      else if (c == '(')
        {
          int nesting = 0;

          do
            {
              if (data[i] == '\\')
                i++;
              else if (data[i] == '(')
                nesting++;
              else if (data[i] == ')')
                nesting--;
              i++;
            }
          while (i < length && nesting > 0);
        }
      else if (c == '<' && i + 1 < length && data[i + 1] != '<')
        {
          while (i < length && data[i] != '>')
            i++;
          i++;
        }
      else if (strchr ("<>[]{}/", c) != NULL)
        {
          i++;
          if (c == '/')
            while (i < length && !g_ascii_isspace (data[i]) && strchr ("()<>[]{}/%", data[i]) == NULL)
              i++;
        }
      else
        {
          gsize start = i;

          while (i < length && !g_ascii_isspace (data[i]) && strchr ("()<>[]{}/%", data[i]) == NULL)
            i++;
          if (g_ascii_isdigit (c) || c == '-' || c == '+' || c == '.')
            continue;
          if (i - start == 3 && (memcmp (data + start, "BDC", 3) == 0 || memcmp (data + start, "BMC", 3) == 0))
            depth++;
          else if (i - start == 3 && memcmp (data + start, "EMC", 3) == 0)
            depth--;
          else if (i - start == 2 && memcmp (data + start, "ID", 2) == 0)
            {
              /* Inline image data, to its EI. */
              while (i + 2 < length && !(g_ascii_isspace (data[i]) && data[i + 1] == 'E' && data[i + 2] == 'I'))
                i++;
              i += 1;
            }
          else if (depth == 0 && paints (data + start, i - start))
            unmarked++;
        }
    }
  return unmarked;
}

static guint
heading_level (const char *element)
{
  if (element[0] == 'H' && element[1] >= '1' && element[1] <= '6' && (element[2] == '\0' || element[2] == ' '))
    return (guint)(element[1] - '0');
  return 0;
}

/**
 * pb_test_pdf_check_accessible:
 *
 * Checks what PDF/UA asks of every pack, whatever its sections: on every
 * page the running header and footer are pagination artifacts and
 * nothing is painted outside marked content; the structure tree keeps
 * no private element, its headings begin at H1 and never skip a level,
 * and every table header cell (TH) has a /Scope.
 *
 * Returns: how many headings the tree holds
 */
guint
pb_test_pdf_check_accessible (PbTestPdf *pdf)
{
  guint previous = 0, n_headings = 0;

  for (guint i = 0; i < pdf->n_pages; i++)
    {
      GBytes *content = g_ptr_array_index (pdf->contents, i);
      g_autofree char *text = g_strndup (g_bytes_get_data (content, NULL), g_bytes_get_size (content));

      g_assert_nonnull (strstr (text, "/Artifact <</Type /Pagination /Subtype /Header>> BDC"));
      g_assert_nonnull (strstr (text, "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"));
      g_assert_cmpuint (pb_test_count_unmarked (content), ==, 0);
    }

  for (guint i = 0; i < pdf->elements->len; i++)
    {
      const char *element = g_ptr_array_index (pdf->elements, i);
      guint level = heading_level (element);

      g_assert_false (g_str_has_prefix (element, "Private"));
      if (level > 0)
        {
          /* The first is the title; none is more than one below the last. */
          if (level > previous + 1)
            g_test_message ("heading %u after heading %u: %s", level, previous, element);
          g_assert_cmpuint (level, <=, previous + 1);
          previous = level;
          n_headings++;
        }
      if (g_str_has_prefix (element, "TH") && (element[2] == '\0' || element[2] == ' '))
        g_assert_true (strstr (element, "/Scope /Row") != NULL || strstr (element, "/Scope /Column") != NULL);
    }
  return n_headings;
}
