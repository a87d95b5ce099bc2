/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PbPdfArtifact:
 * @PB_PDF_ARTIFACT_NONE: not an artifact
 * @PB_PDF_ARTIFACT_HEADER: a running header
 * @PB_PDF_ARTIFACT_FOOTER: a running footer
 */
typedef enum
{
  PB_PDF_ARTIFACT_NONE,
  PB_PDF_ARTIFACT_HEADER,
  PB_PDF_ARTIFACT_FOOTER,
} PbPdfArtifact;

/**
 * PbPdfScope:
 * @PB_PDF_SCOPE_NONE: not a header cell
 * @PB_PDF_SCOPE_ROW: a header cell of its row
 * @PB_PDF_SCOPE_COLUMN: a header cell of its column
 */
typedef enum
{
  PB_PDF_SCOPE_NONE,
  PB_PDF_SCOPE_ROW,
  PB_PDF_SCOPE_COLUMN,
} PbPdfScope;

/**
 * PbPdfTagNote:
 * @type: the element's structure type ("TH", "TD", "Figure", "Private")
 * @ordinal: which element of that type it is, from 0, in the order the
 *   elements were begun (which is the order of the structure tree)
 * @artifact: for a "Private" element, the artifact it stands for
 * @scope: for a "TH", what it heads
 * @row_span: for a "TH" or "TD", the rows it covers when more than one
 * @alt: (nullable): for a "Figure", its description
 *
 * What cairo 1.16 cannot say of a structure element it writes, to be said
 * by pb_pdf_complete_bytes().
 */
typedef struct
{
  char          *type;
  guint          ordinal;
  PbPdfArtifact  artifact;
  PbPdfScope     scope;
  guint          row_span;
  char          *alt;
} PbPdfTagNote;

PbPdfTagNote *pb_pdf_tag_note_new  (const char   *type,
                                    guint         ordinal);
void          pb_pdf_tag_note_free (PbPdfTagNote *note);

/**
 * PbPdfCompletion:
 * @language: a language tag such as "en-GB"
 * @title: (nullable): a title to give a file that has none
 * @notes: (nullable) (element-type PbPdfTagNote): notes on elements
 * @links: (nullable) (element-type utf8): a description of each link
 *   annotation, in page order, for those that have none
 *
 * What to complete a PDF with.
 */
typedef struct
{
  const char *language;
  const char *title;
  GPtrArray  *notes;
  GPtrArray  *links;
} PbPdfCompletion;

GBytes  *pb_pdf_complete_bytes        (GBytes                 *pdf,
                                       const PbPdfCompletion  *completion,
                                       GError                **error);
GBytes  *pb_pdf_mark_accessible_bytes (GBytes      *pdf,
                                       const char  *language,
                                       const char  *title,
                                       GError     **error);
gboolean pb_pdf_mark_accessible       (const char  *path,
                                       const char  *language,
                                       GError     **error);
char    *pb_pdf_read_catalog          (const char  *path,
                                       GError     **error);
char    *pb_pdf_read_metadata         (const char  *path,
                                       GError     **error);

G_END_DECLS
