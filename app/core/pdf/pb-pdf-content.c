/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf-content"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pb-pdf-content.h"
#include "pb-pdf-file.h"
#include "pb-pdf-page-workers.h"
#include "pb-pdf-text.h"
#include "pb-text-fold.h"

/* Everything import keeps of a PDF, read in one pass over its pages: each
 * page's size and text in reading order (pb-pdf-text.c), the highlights it
 * arrived with, and its document information. */

/* Where an annotation's points, in the page's own unturned space less the
 * crop box's corner (as poppler gives quadrilaterals), are on the displayed
 * page (bottom-left origin) when the page is turned by @rotation degrees
 * clockwise. @width and @height are the displayed page's. */
static void
to_display (double  x,
            double  y,
            int     rotation,
            double  width,
            double  height,
            double *out_x,
            double *out_y)
{
  switch (rotation)
    {
    case 90:
      *out_x = y;
      *out_y = height - x;
      break;
    case 180:
      *out_x = width - x;
      *out_y = height - y;
      break;
    case 270:
      *out_x = width - y;
      *out_y = x;
      break;
    default:
      *out_x = x;
      *out_y = y;
      break;
    }
}

static PopplerRectangle
rect_to_display (const PopplerRectangle *r,
                 int                     rotation,
                 double                  width,
                 double                  height)
{
  double x1, y1, x2, y2;

  to_display (r->x1, r->y1, rotation, width, height, &x1, &y1);
  to_display (r->x2, r->y2, rotation, width, height, &x2, &y2);
  return (PopplerRectangle) { MIN (x1, x2), MIN (y1, y2), MAX (x1, x2), MAX (y1, y2) };
}

/* Poppler-glib does not say how a page is turned (/Rotate), and gives a
 * markup's quadrilaterals unturned but its place on the page (the mapping's
 * area) turned: the turn is the one that takes the annotation's rectangle to
 * that area. */
static int
guess_rotation (PopplerAnnotMapping *mapping,
                double               width,
                double               height)
{
  PopplerRectangle rect;
  double best = G_MAXDOUBLE;
  int rotation = 0;

  poppler_annot_get_rectangle (mapping->annot, &rect);

  for (int r = 0; r < 360; r += 90)
    {
      PopplerRectangle d = rect_to_display (&rect, r, width, height);
      double distance = fabs (d.x1 - mapping->area.x1) + fabs (d.y1 - mapping->area.y1) +
                        fabs (d.x2 - mapping->area.x2) + fabs (d.y2 - mapping->area.y2);

      if (distance < best - 0.01)
        {
          best = distance;
          rotation = r;
        }
    }

  return rotation;
}

static gunichar
char_at (const PbPageText *text,
         guint             i)
{
  return g_utf8_get_char (pb_page_text_get_text (text) + pb_page_text_get_offset (text, i));
}

typedef struct
{
  guint  start;     /* its characters, from its first letter or digit to */
  guint  end;       /* its last (exclusive) */
  guint  run_start; /* with the punctuation at its ends */
  guint  run_end;
  PbRect box;       /* its letters' and digits' boxes */
  int    quad;      /* the rectangle that takes it, or -1 */
} Word;

static double
overlap (double a1,
         double a2,
         double b1,
         double b2)
{
  return a2 > a1 ? MAX (0, MIN (a2, b2) - MAX (a1, b1)) / (a2 - a1) : 0;
}

/* How much of @box's extent along the line @r covers (a rectangle over a
 * line is longer along it than across, on a turned page too) is in @r. */
static double
along (const PbRect *box,
       const PbRect *r)
{
  if (r->x2 - r->x1 >= r->y2 - r->y1)
    return overlap (box->x1, box->x2, r->x1, r->x2);
  return overlap (box->y1, box->y2, r->y1, r->y2);
}

/* And of its extent across the line. */
static double
across (const PbRect *box,
        const PbRect *r)
{
  if (r->x2 - r->x1 >= r->y2 - r->y1)
    return overlap (box->y1, box->y2, r->y1, r->y2);
  return overlap (box->x1, box->x2, r->x1, r->x2);
}

/* The page's words, each a run of characters between white space. */
static GArray *
page_words (const PbPageText *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  guint n = pb_page_text_get_n_chars (text);

  for (guint i = 0; i < n; )
    {
      Word word = { G_MAXUINT, 0, i, i, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE }, -1 };
      guint j = i;

      if (g_unichar_isspace (char_at (text, i)))
        {
          i++;
          continue;
        }

      for (; j < n && !g_unichar_isspace (char_at (text, j)); j++)
        if (g_unichar_isalnum (char_at (text, j)))
          {
            word.start = MIN (word.start, j);
            word.end = j + 1;
          }
      if (word.start == G_MAXUINT)
        {
          word.start = i;
          word.end = j;
        }
      word.run_end = j;

      for (guint k = word.start; k < word.end; k++)
        {
          const PbRect *box = pb_page_text_get_box (text, k);

          if (box->x2 <= box->x1 || box->y2 <= box->y1)
            continue;
          word.box.x1 = MIN (word.box.x1, box->x1);
          word.box.y1 = MIN (word.box.y1, box->y1);
          word.box.x2 = MAX (word.box.x2, box->x2);
          word.box.y2 = MAX (word.box.y2, box->y2);
        }
      if (word.box.x1 < word.box.x2)
        g_array_append_val (words, word);
      i = j;
    }

  return words;
}

/* Exactly the words under a markup's rectangles, in reading order, a space
 * wherever others come between. Reviewers' tools draw rectangles that start
 * inside a word, or sit half a line low: a word is taken whole when most of
 * its length is under a rectangle, on the line the rectangle covers most (a
 * rectangle that reaches into the line below does not take that line's
 * words), and not at all otherwise; so no quote starts "rted to" or ends
 * "when cir". Punctuation at a word's ends ("advisers.") goes with it where
 * the rectangle covers it too. */
static char *
words_under (const PbPageText *text,
             GArray           *anchors)
{
  GString *out = g_string_new (NULL);
  const char *s = pb_page_text_get_text (text);
  g_autoptr(GArray) words = page_words (text);

  for (guint a = 0; a < anchors->len; a++)
    {
      const PbRect *r = &g_array_index (anchors, PbAnchor, a).rect;
      double best = 0;

      /* How much of a line's height the rectangle covers, at most. */
      for (guint w = 0; w < words->len; w++)
        {
          const Word *word = &g_array_index (words, Word, w);

          if (along (&word->box, r) >= 0.5)
            best = MAX (best, across (&word->box, r));
        }

      for (guint w = 0; w < words->len && best >= 0.25; w++)
        {
          Word *word = &g_array_index (words, Word, w);

          if (word->quad < 0 && along (&word->box, r) >= 0.5 && across (&word->box, r) >= 0.8 * best)
            word->quad = (int)a;
        }
    }

  for (guint w = 0; w < words->len; w++)
    {
      Word *word = &g_array_index (words, Word, w);
      const PbRect *r;
      guint first = word->start, last = word->end - 1;
      const char *start, *end;

      if (word->quad < 0)
        continue;

      /* Punctuation at its ends: where the rectangle reaches over it. */
      r = &g_array_index (anchors, PbAnchor, word->quad).rect;
      while (first > word->run_start && along (pb_page_text_get_box (text, first - 1), r) >= 0.5)
        first--;
      while (last + 1 < word->run_end && along (pb_page_text_get_box (text, last + 1), r) >= 0.5)
        last++;

      start = s + pb_page_text_get_offset (text, first);
      end = g_utf8_next_char (s + pb_page_text_get_offset (text, last));
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, end - start);
    }

  return g_string_free (out, FALSE);
}

static char *
collapse_spaces (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text ? text : "", 0, 0);
  g_autofree char *joined = g_strjoinv (" ", words);

  return g_strdup (g_strstrip (joined));
}

static gboolean
has_markups (GList *mapping)
{
  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotType type = poppler_annot_get_annot_type (((PopplerAnnotMapping *)l->data)->annot);

      if (type == POPPLER_ANNOT_HIGHLIGHT || type == POPPLER_ANNOT_UNDERLINE)
        return TRUE;
    }

  return FALSE;
}

static void
read_markups (PbReportContent  *content,
              GList            *mapping,
              const PbPageText *text,
              guint             page_number,
              double            width,
              double            height)
{
  for (GList *l = mapping; l; l = l->next)
    {
      PopplerAnnotMapping *m = l->data;
      PopplerAnnotType type = poppler_annot_get_annot_type (m->annot);
      g_autoptr(GArray) quads = NULL;
      PbMarkup *markup;
      int rotation;

      if (type != POPPLER_ANNOT_HIGHLIGHT && type != POPPLER_ANNOT_UNDERLINE)
        continue;

      quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (m->annot));
      rotation = guess_rotation (m, width, height);

      markup = g_new0 (PbMarkup, 1);
      markup->page = page_number;
      markup->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));

      for (guint q = 0; quads != NULL && q < quads->len; q++)
        {
          PopplerQuadrilateral *quad = &g_array_index (quads, PopplerQuadrilateral, q);
          PopplerPoint points[] = { quad->p1, quad->p2, quad->p3, quad->p4 };
          PbAnchor anchor = { page_number, { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE } };

          /* Quadrilaterals use the PDF's bottom-left origin, unturned. */
          for (guint k = 0; k < 4; k++)
            {
              double x, y;

              to_display (points[k].x, points[k].y, rotation, width, height, &x, &y);
              anchor.rect.x1 = MIN (anchor.rect.x1, x);
              anchor.rect.x2 = MAX (anchor.rect.x2, x);
              anchor.rect.y1 = MIN (anchor.rect.y1, height - y);
              anchor.rect.y2 = MAX (anchor.rect.y2, height - y);
            }
          g_array_append_val (markup->anchors, anchor);
        }

      /* A markup without quadrilaterals covers its rectangle. */
      if (markup->anchors->len == 0)
        {
          PbAnchor anchor = { page_number, { m->area.x1, height - m->area.y2,
                                             m->area.x2, height - m->area.y1 } };
          g_array_append_val (markup->anchors, anchor);
        }

      markup->quote = words_under (text, markup->anchors);
      {
        g_autofree char *contents = poppler_annot_get_contents (m->annot);
        markup->note = collapse_spaces (contents);
      }

      if (*markup->quote == '\0')
        pb_markup_free (markup);
      else
        g_ptr_array_add (content->markups, markup);
    }
}

/* The words of the pages, their sizes and the highlights on them: a copy
 * saved again has the same; a copy someone has marked up has not, and is
 * imported for its highlights; nor has the same text set on other pages. */
static void
update_fingerprint (PbReportContent     *content,
                    const char * const  *folded_pages)
{
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sizes = g_string_new (NULL);
  guint n_pages = content->pages->len;

  /* The pages, as the readers folded them or folded now; then their sizes
   * and the markups, as more "pages". */
  for (guint i = 0; i < n_pages; i++)
    {
      const PbPageContent *page = &g_array_index (content->pages, PbPageContent, i);

      g_ptr_array_add (folded, folded_pages != NULL ? g_strdup (folded_pages[i])
                                                    : pb_text_fingerprint_fold (page->text));
      g_string_append_printf (sizes, "%.0fx%.0f ", page->width, page->height);
    }
  g_ptr_array_add (folded, pb_text_fingerprint_fold (sizes->str));

  for (guint i = 0; i < content->markups->len; i++)
    {
      PbMarkup *markup = g_ptr_array_index (content->markups, i);
      g_autofree char *mark = g_strdup_printf ("%u %s %s", markup->page, markup->quote, markup->note);

      g_ptr_array_add (folded, pb_text_fingerprint_fold (mark));
    }

  g_clear_pointer (&content->fingerprint, g_free);
  content->fingerprint = pb_text_fingerprint_of_folded ((const char * const *)folded->pdata,
                                                        folded->len);
}

/* What the page readers fill in, one slot per page, each written by the one
 * thread that reads that page (see pb-pdf-page-workers.c). */
typedef struct
{
  PbPageContent  *pages;
  GPtrArray     **markups;      /* per page; NULL where it has none */
  char          **folded;       /* per page: pb_text_fingerprint_fold () */
  gboolean        want_heading;
  char           *heading;      /* the first page's, when wanted */
} PageSlots;

static void
read_page (PopplerDocument *document,
           guint            i,
           gpointer         user_data)
{
  PageSlots *slots = user_data;
  PbPageContent *data = &slots->pages[i];
  PopplerPage *page;

  if ((page = poppler_document_get_page (document, (int)i)) != NULL)
    {
      GList *mapping = poppler_page_get_annot_mapping (page);

      poppler_page_get_size (page, &data->width, &data->height);

      /* Characters' boxes are only wanted for the words under markups. */
      if (has_markups (mapping))
        {
          g_autoptr(PbPageText) text = pb_pdf_document_read_page_text (document, i);
          g_autoptr(PbReportContent) found = pb_report_content_new ();

          data->text = g_strdup (pb_page_text_get_text (text));
          read_markups (found, mapping, text, i + 1, data->width, data->height);
          if (found->markups->len > 0)
            slots->markups[i] = g_ptr_array_ref (found->markups);
        }
      else
        {
          data->text = pb_pdf_document_get_reading_text (document, i);
        }
      poppler_page_free_annot_mapping (mapping);

      if (i == 0 && slots->want_heading)
        slots->heading = pb_pdf_page_guess_heading (page);

      g_object_unref (page);
    }
  if (data->text == NULL)
    data->text = g_strdup ("");

  /* Folded for the fingerprint here, on the reading threads. */
  slots->folded[i] = pb_text_fingerprint_fold (data->text);
}

/**
 * pb_pdf_read_content:
 *
 * pb_pdf_read_content_with_threads () with as many threads as pay
 * (pb_pdf_page_workers_default ()).
 */
PbReportContent *
pb_pdf_read_content (PopplerDocument       *document,
                     GCancellable          *cancellable,
                     PbPdfProgressFunc      progress,
                     gpointer               progress_data,
                     GError               **error)
{
  return pb_pdf_read_content_with_threads (document, 0, cancellable, progress, progress_data, error);
}

/**
 * pb_pdf_read_content_with_threads:
 * @document: an open PDF, given its file (pb_pdf_open () does) to be read on
 *   more than one thread
 * @n_threads: how many threads to read pages with, this one included: 0 for
 *   as many as pay on this machine, 1 for this thread alone
 * @cancellable: (nullable): to stop between pages
 * @progress: (nullable): called on this thread as pages are read, with the
 *   share of pages read
 * @progress_data: for @progress
 * @error: a #GError, or %NULL
 *
 * Reads every page of @document. Poppler is not thread-safe per document:
 * call this from the one thread that uses @document; the other threads
 * open the file for themselves (see pb_pdf_run_pages ()). The result is the
 * same however many threads read it.
 *
 * Returns: (transfer full): the content; or %NULL with %G_IO_ERROR_CANCELLED
 *   when @cancellable was cancelled
 */
PbReportContent *
pb_pdf_read_content_with_threads (PopplerDocument       *document,
                                  guint                  n_threads,
                                  GCancellable          *cancellable,
                                  PbPdfProgressFunc      progress,
                                  gpointer               progress_data,
                                  GError               **error)
{
  g_autoptr(PbReportContent) content = pb_report_content_new ();
  PageSlots slots = { 0 };
  gboolean done;
  int n_pages;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  n_pages = poppler_document_get_n_pages (document);
  g_array_set_size (content->pages, 0);

  {
    PopplerStructureElementIter *structure = poppler_structure_element_iter_new (document);

    content->is_tagged = structure != NULL;
    g_clear_pointer (&structure, poppler_structure_element_iter_free);
  }

  content->pdf_title = poppler_document_get_title (document);
  content->title = pb_pdf_clean_title (content->pdf_title);
  content->author = poppler_document_get_author (document);
  content->subject = poppler_document_get_subject (document);
  content->keywords = poppler_document_get_keywords (document);
  content->creator = poppler_document_get_creator (document);
  content->producer = poppler_document_get_producer (document);
  content->created = poppler_document_get_creation_date_time (document);
  content->modified = poppler_document_get_modification_date_time (document);

  slots.pages = g_new0 (PbPageContent, MAX (n_pages, 1));
  slots.markups = g_new0 (GPtrArray *, MAX (n_pages, 1));
  slots.folded = g_new0 (char *, MAX (n_pages, 1));
  slots.want_heading = content->title == NULL;

  done = pb_pdf_run_pages (document, n_threads, read_page, &slots, cancellable,
                           progress, progress_data, error);

  /* Merged in page order: the pages, then each page's markups. */
  for (int i = 0; i < n_pages; i++)
    {
      PbPageContent *data = &slots.pages[i];

      if (done)
        {
          if (data->text == NULL)
            data->text = g_strdup ("");
          for (const char *p = data->text; *p && !content->has_text_layer; p++)
            content->has_text_layer = !g_ascii_isspace (*p);
          g_array_append_val (content->pages, *data);
        }
      else
        {
          g_free (data->text);
        }

      if (slots.markups[i] != NULL && done)
        g_ptr_array_extend_and_steal (content->markups, g_steal_pointer (&slots.markups[i]));
      g_clear_pointer (&slots.markups[i], g_ptr_array_unref);
    }
  g_free (slots.pages);
  g_free (slots.markups);

  if (done)
    {
      if (content->title == NULL)
        content->title = g_steal_pointer (&slots.heading);
      content->text_version = PB_PAGE_TEXT_VERSION;
      update_fingerprint (content, (const char * const *)slots.folded);
    }
  g_free (slots.heading);

  /* A cancel leaves pages unread, and so holes in the array. */
  for (int i = 0; i < n_pages; i++)
    g_free (slots.folded[i]);
  g_free (slots.folded);

  if (!done)
    return NULL;

  return g_steal_pointer (&content);
}

static gboolean
mentions_markups (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize len;

  if (mapped == NULL)
    return FALSE;

  data = g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);

  for (const char *p = data; p != NULL && p < data + len; p++)
    {
      if (!(p = memchr (p, '/', data + len - p)))
        break;
      if ((gsize)(data + len - p) >= 10 &&
          (memcmp (p, "/Highlight", 10) == 0 || memcmp (p, "/Underline", 10) == 0))
        return TRUE;
    }

  return FALSE;
}

static int
compare_markups (gconstpointer a,
                 gconstpointer b)
{
  const PbMarkup *x = *(PbMarkup * const *)a;
  const PbMarkup *y = *(PbMarkup * const *)b;

  return (x->page > y->page) - (x->page < y->page);
}

/**
 * pb_pdf_read_raw_markups:
 * @content: what pb_pdf_read_content () read from @document
 * @document: the open PDF
 * @path: its file
 *
 * Adds to @content the highlights and underlines that poppler cannot read
 * because they lack /QuadPoints (PDF readers still show them, over their
 * rectangle), each with exactly the words under it.
 */
void
pb_pdf_read_raw_markups (PbReportContent *content,
                         PopplerDocument *document,
                         const char      *path)
{
  g_autoptr(PbPdfFile) file = NULL;
  gboolean added = FALSE;

  g_return_if_fail (content != NULL);
  g_return_if_fail (POPPLER_IS_DOCUMENT (document));
  g_return_if_fail (path != NULL);

  /* Most reports carry no markup at all: a glance at the bytes first. */
  if (!mentions_markups (path) || !(file = pb_pdf_file_new (path, NULL)))
    return;

  for (guint i = 0; i < pb_pdf_file_get_n_pages (file) && i < content->pages->len; i++)
    {
      g_autoptr(GPtrArray) raw = pb_pdf_file_get_raw_markups (file, i);
      const PbPageContent *data = &g_array_index (content->pages, PbPageContent, i);
      int rotation = pb_pdf_file_get_page_rotation (file, i);
      g_autoptr(PbPageText) text = NULL;
      g_autoptr(GObject) page = NULL;

      if (raw->len == 0 || !(page = G_OBJECT (poppler_document_get_page (document, (int)i))))
        continue;
      text = pb_pdf_document_read_page_text (document, i);

      for (guint k = 0; k < raw->len; k++)
        {
          PbPdfRawMarkup *r = g_ptr_array_index (raw, k);
          PopplerRectangle user = { r->rect[0], r->rect[1], r->rect[2], r->rect[3] };
          PopplerRectangle crop;
          PopplerRectangle d;
          PbMarkup *markup = g_new0 (PbMarkup, 1);
          PbAnchor anchor;

          /* Like poppler's quadrilaterals: less the crop box's corner. */
          poppler_page_get_crop_box (POPPLER_PAGE (page), &crop);
          user.x1 -= MIN (crop.x1, crop.x2);
          user.x2 -= MIN (crop.x1, crop.x2);
          user.y1 -= MIN (crop.y1, crop.y2);
          user.y2 -= MIN (crop.y1, crop.y2);
          d = rect_to_display (&user, rotation, data->width, data->height);

          anchor = (PbAnchor) { i + 1, { d.x1, data->height - d.y2, d.x2, data->height - d.y1 } };
          markup->page = i + 1;
          markup->anchors = g_array_new (FALSE, FALSE, sizeof (PbAnchor));
          g_array_append_val (markup->anchors, anchor);
          markup->quote = words_under (text, markup->anchors);
          markup->note = collapse_spaces (r->contents);

          if (*markup->quote == '\0')
            pb_markup_free (markup);
          else
            {
              g_ptr_array_add (content->markups, markup);
              added = TRUE;
            }
        }
    }

  if (added)
    {
      g_ptr_array_sort (content->markups, compare_markups);
      update_fingerprint (content, NULL);
    }
}
