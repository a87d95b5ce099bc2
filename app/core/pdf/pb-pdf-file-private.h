/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-pdf-file.h"

G_BEGIN_DECLS

/* Shared by the parts of the small PDF object reader: values
 * (pb-pdf-parse.c), objects (pb-pdf-file.c) and copies (pb-pdf-file-write.c). */

typedef enum
{
  PB_PDF_NULL,
  PB_PDF_BOOL,
  PB_PDF_NUMBER,
  PB_PDF_NAME,
  PB_PDF_STRING,
  PB_PDF_HEX_STRING,
  PB_PDF_ARRAY,
  PB_PDF_DICT,
  PB_PDF_REF,
} PbPdfType;

/* A parsed value, with where it is in the bytes it was read from. */
typedef struct _PbPdfValue PbPdfValue;
struct _PbPdfValue
{
  PbPdfType   type;
  gsize       start;
  gsize       end;
  double      number;
  int         ref_num;
  int         ref_gen;
  char       *name;       /* names, without the slash */
  GPtrArray  *items;      /* arrays: values; dicts: key, value, key, value… */
};

/* Where an object is defined: in the file, or inside an object stream. */
typedef struct
{
  int          num;
  int          gen;
  gsize        position;    /* in the file; for a compressed object, its stream's */
  gsize        offset;      /* of "num gen obj" in the file; 0 when compressed */
  int          stream_num;  /* the object stream holding it, or -1 */
  guint        stream_index;
  GBytes      *buffer;      /* the bytes its value is in */
  gsize        value_start; /* where its value starts in buffer */
  PbPdfValue  *value;       /* parsed when first needed */
  gsize        data_start;  /* a stream's data, in the file */
  gsize        data_end;
} PbPdfObject;

struct _PbPdfFile
{
  GBytes      *bytes;
  const char  *data;
  gsize        len;
  GHashTable  *objects;       /* num → PbPdfObject, the latest definition */
  PbPdfValue  *trailer;       /* the current trailer dict (or xref stream dict) */
  GBytes      *trailer_buffer;
  gboolean     trailer_is_stream;
  gint64       startxref;     /* -1 when missing */
  gboolean     sound;
  GArray      *pages;         /* PbPdfPage */
};

typedef struct
{
  int num;
  int gen;
  int rotation;
} PbPdfPage;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
} PbPdfParser;

/* pb-pdf-parse.c */
void        _pb_pdf_value_free   (PbPdfValue       *value);
const char *_pb_pdf_find_bytes   (const char       *haystack,
                                  gsize             len,
                                  const char       *needle);
gboolean    _pb_pdf_is_white     (char              c);
gboolean    _pb_pdf_is_delim     (char              c);
void        _pb_pdf_skip_white   (PbPdfParser      *p);
gboolean    _pb_pdf_read_int     (PbPdfParser      *p,
                                  gsize             pos,
                                  gint64           *value,
                                  gsize            *end);
PbPdfValue *_pb_pdf_parse_value  (PbPdfParser      *p,
                                  int               depth);
gboolean    _pb_pdf_is_name      (const PbPdfValue *value,
                                  const char       *name);
char       *_pb_pdf_string_text  (GBytes           *buffer,
                                  const PbPdfValue *value);
PbPdfValue *_pb_pdf_dict_get     (const PbPdfValue *dict,
                                  const char       *key);
PbPdfValue *_pb_pdf_file_resolve (PbPdfFile        *file,
                                  PbPdfValue       *value,
                                  GBytes          **buffer);
PbPdfObject *_pb_pdf_file_lookup (PbPdfFile        *file,
                                  int               num);
PbPdfValue *_pb_pdf_object_value (PbPdfFile        *file,
                                  PbPdfObject      *object);

G_END_DECLS
