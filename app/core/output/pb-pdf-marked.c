/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-pdf"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pb-pdf-catalog-private.h"

/* Artifacts in a tagged PDF's page content.  PDF/UA asks that everything
 * drawn on a page be either real content, marked and in the structure
 * tree, or an artifact that assistive technology may skip.  Two kinds of
 * content become artifacts here:
 *
 * - the marked content of the "Private" elements pb-pdf-tags.c took out of
 *   the tree: "/Private <</MCID 3>> BDC" becomes "/Artifact <</Type
 *   /Pagination /Subtype /Header>> BDC", the header or footer it was;
 * - content marked as nothing, which cairo draws for the tints, rules and
 *   leaders drawn outside any element: it is put in "/Artifact BMC … EMC",
 *   a sequence around each run of it that never straddles a text object
 *   or a q … Q pair.
 *
 * The content stream is read token by token (PDF 1.7, 7.2 and 7.8): strings
 * and inline images are skipped whole, so no byte of text or image data is
 * taken for an operator.  A page whose content needs nothing is left
 * exactly as it was. */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
} Lexer;

typedef struct
{
  gsize start;          /* of its first operand, or of the operator */
  gsize op_start;
  gsize end;
  char  op[8];          /* the operator, cut short if longer */
} Operation;

static gboolean
is_white (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static void
skip_white (Lexer *lexer)
{
  while (lexer->pos < lexer->length)
    {
      char c = lexer->data[lexer->pos];

      if (is_white (c))
        lexer->pos++;
      else if (c == '%')
        while (lexer->pos < lexer->length && lexer->data[lexer->pos] != '\n' && lexer->data[lexer->pos] != '\r')
          lexer->pos++;
      else
        break;
    }
}

static void
skip_literal_string (Lexer *lexer)
{
  int depth = 0;

  while (lexer->pos < lexer->length)
    {
      char c = lexer->data[lexer->pos++];

      if (c == '\\')
        lexer->pos++;
      else if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        return;
    }
}

/* Past inline image data: from just after "ID" to just after "EI" with
 * white space before it and white space or the end after it. */
static void
skip_inline_image (Lexer *lexer)
{
  for (gsize i = lexer->pos + 1; i + 2 <= lexer->length; i++)
    if (lexer->data[i] == 'E' && lexer->data[i + 1] == 'I' && is_white (lexer->data[i - 1]) &&
        (i + 2 == lexer->length || is_white (lexer->data[i + 2])))
      {
        lexer->pos = i + 2;
        return;
      }
  lexer->pos = lexer->length;
}

/* The next operation, operands and operator; FALSE at the end. */
static gboolean
next_operation (Lexer     *lexer,
                Operation *operation)
{
  gboolean started = FALSE;

  for (;;)
    {
      gsize start;
      char c;

      skip_white (lexer);
      if (lexer->pos >= lexer->length)
        return FALSE;

      start = lexer->pos;
      if (!started)
        {
          operation->start = start;
          started = TRUE;
        }
      c = lexer->data[lexer->pos];

      if (c == '(')
        skip_literal_string (lexer);
      else if (c == '<' && lexer->pos + 1 < lexer->length && lexer->data[lexer->pos + 1] == '<')
        lexer->pos += 2;
      else if (c == '>' && lexer->pos + 1 < lexer->length && lexer->data[lexer->pos + 1] == '>')
        lexer->pos += 2;
      else if (c == '<')
        {
          while (lexer->pos < lexer->length && lexer->data[lexer->pos] != '>')
            lexer->pos++;
          lexer->pos++;
        }
      else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>')
        lexer->pos++;
      else if (c == '/')
        {
          lexer->pos++;
          while (lexer->pos < lexer->length && !is_white (lexer->data[lexer->pos]) &&
                 !is_delimiter (lexer->data[lexer->pos]))
            lexer->pos++;
        }
      else
        {
          gsize length;

          while (lexer->pos < lexer->length && !is_white (lexer->data[lexer->pos]) &&
                 !is_delimiter (lexer->data[lexer->pos]))
            lexer->pos++;
          length = lexer->pos - start;

          /* Numbers and the keywords true, false and null are operands. */
          if (strchr ("0123456789+-.", c) != NULL ||
              (length == 4 && (memcmp (lexer->data + start, "true", 4) == 0 ||
                               memcmp (lexer->data + start, "null", 4) == 0)) ||
              (length == 5 && memcmp (lexer->data + start, "false", 5) == 0))
            continue;

          operation->op_start = start;
          memset (operation->op, 0, sizeof operation->op);
          memcpy (operation->op, lexer->data + start, MIN (length, sizeof operation->op - 1));
          if (g_str_equal (operation->op, "ID"))
            skip_inline_image (lexer);
          operation->end = lexer->pos;
          return TRUE;
        }
    }
}

static gboolean
op_is (const Operation *operation,
       const char      *name)
{
  return strcmp (operation->op, name) == 0;
}

/* The MCID in "/Tag <</MCID 3>> BDC", or -1. */
static int
operation_mcid (const char      *data,
                const Operation *operation)
{
  g_autofree char *text = g_strndup (data + operation->start, operation->op_start - operation->start);
  const char *at = strstr (text, "/MCID");

  return at != NULL ? atoi (at + strlen ("/MCID")) : -1;
}

static gboolean
operation_has_tag (const char      *data,
                   const Operation *operation,
                   const char      *tag)
{
  gsize length = strlen (tag);

  return operation->op_start - operation->start > length &&
         memcmp (data + operation->start, tag, length) == 0 &&
         (is_white (data[operation->start + length]) || is_delimiter (data[operation->start + length]));
}

typedef struct
{
  GString    *out;
  const char *data;
  gsize       copied;     /* @data up to here is in @out */
  gboolean    open;       /* an artifact sequence is open */
  gboolean    changed;
} Rewrite;

static void
copy_to (Rewrite *rewrite,
         gsize    end)
{
  g_string_append_len (rewrite->out, rewrite->data + rewrite->copied, end - rewrite->copied);
  rewrite->copied = end;
}

static void
open_artifact (Rewrite *rewrite,
               gsize    at)
{
  copy_to (rewrite, at);
  g_string_append (rewrite->out, "/Artifact BMC\n");
  rewrite->open = TRUE;
  rewrite->changed = TRUE;
}

static void
close_artifact (Rewrite *rewrite,
                gsize    at)
{
  if (!rewrite->open)
    return;
  copy_to (rewrite, at);
  g_string_append (rewrite->out, "\nEMC\n");
  rewrite->open = FALSE;
}

/* Rewrites one page's content; NULL when it needs nothing. */
static GString *
rewrite_content (const char *data,
                 gsize       length,
                 GHashTable *artifacts)
{
  Lexer lexer = { data, length, 0 };
  Rewrite rewrite = { g_string_sized_new (length + 256), data, 0, FALSE, FALSE };
  Operation operation;
  int depth = 0;

  while (next_operation (&lexer, &operation))
    {
      if (op_is (&operation, "BDC") || op_is (&operation, "BMC"))
        {
          close_artifact (&rewrite, operation.start);
          if (depth == 0 && op_is (&operation, "BDC") && operation_has_tag (data, &operation, "/Private"))
            {
              gpointer kind = NULL;

              g_hash_table_lookup_extended (artifacts, GINT_TO_POINTER (operation_mcid (data, &operation)), NULL, &kind);
              copy_to (&rewrite, operation.start);
              g_string_append_printf (rewrite.out, "/Artifact <</Type /Pagination /Subtype /%s>> BDC",
                                      GPOINTER_TO_INT (kind) == PB_PDF_ARTIFACT_FOOTER ? "Footer" : "Header");
              rewrite.copied = operation.end;
              rewrite.changed = TRUE;
            }
          depth++;
        }
      else if (op_is (&operation, "EMC"))
        depth = MAX (depth - 1, 0);
      else if (op_is (&operation, "q") || op_is (&operation, "Q"))
        close_artifact (&rewrite, operation.start);
      else if (depth == 0 && !rewrite.open &&
               (op_is (&operation, "m") || op_is (&operation, "re") || op_is (&operation, "BT") ||
                op_is (&operation, "Do") || op_is (&operation, "sh") || op_is (&operation, "BI")))
        open_artifact (&rewrite, operation.start);

      /* A text object, or an inline image whose data ends its "ID". */
      if (op_is (&operation, "ET") || op_is (&operation, "ID"))
        close_artifact (&rewrite, operation.end);
    }
  close_artifact (&rewrite, length);

  if (!rewrite.changed)
    {
      g_string_free (rewrite.out, TRUE);
      return NULL;
    }
  copy_to (&rewrite, length);
  return rewrite.out;
}

/**
 * _pb_pdf_mark_artifacts:
 * @artifacts: the marked content to make artifacts, by page
 *
 * Marks the artifacts of every page of a tagged PDF; an untagged one is
 * left alone, since there everything is content.
 */
gboolean
_pb_pdf_mark_artifacts (qpdf_data   qpdf,
                        GHashTable *artifacts)
{
  g_autoptr(GHashTable) none = g_hash_table_new (NULL, NULL);
  gboolean changed = FALSE;

  if (!qpdf_oh_is_dictionary (qpdf, qpdf_oh_get_key (qpdf, qpdf_get_root (qpdf), "/StructTreeRoot")))
    return FALSE;

  for (int p = 0, n = qpdf_get_num_pages (qpdf); p < n; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, (size_t)p);
      GHashTable *on_page = g_hash_table_lookup (artifacts, GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, page)));
      unsigned char *data = NULL;
      size_t length = 0;
      GString *rewritten;
      qpdf_oh stream;

      if (qpdf_oh_get_page_content_data (qpdf, page, &data, &length) != 0 || data == NULL)
        {
          free (data);
          continue;
        }
      rewritten = rewrite_content ((const char *)data, length, on_page != NULL ? on_page : none);
      free (data);
      if (rewritten == NULL)
        continue;

      /* One new stream for the page; qpdf compresses it when writing. */
      stream = qpdf_oh_new_stream (qpdf);
      qpdf_oh_replace_stream_data (qpdf, stream, (const unsigned char *)rewritten->str, rewritten->len,
                                   qpdf_oh_new_null (qpdf), qpdf_oh_new_null (qpdf));
      qpdf_oh_replace_key (qpdf, page, "/Contents", stream);
      g_string_free (rewritten, TRUE);
      changed = TRUE;
    }
  return changed;
}
