/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *title;          /* PDF metadata title, or NULL */
  const char *heading;        /* large text at the top of page 1, or NULL */
  gboolean    no_text;        /* draw shapes only: a "scan" with no text layer */
} PbTestPdfOptions;

/* A run of text placed on a page, for PDFs laid out as a test needs. */
typedef struct
{
  guint        page;     /* index from 0 */
  double       x;        /* PDF points from the left */
  double       y;        /* baseline, PDF points from the top */
  const char  *text;
  int          row;      /* a tagged table's row, from 0; -1 when not in the table */
  int          column;   /* its cell in the row, from 0 */
} PbTestText;

char     *pb_test_make_dir           (void);
gpointer  pb_test_open_library       (const char              *dir);
void      pb_test_remove_dir         (const char              *path);
char     *pb_test_write_pdf          (const char              *dir,
                                      const char              *name,
                                      const char * const      *pages,
                                      const PbTestPdfOptions  *options);
char     *pb_test_write_layout_pdf   (const char              *dir,
                                      const char              *name,
                                      const PbTestText        *texts,
                                      guint                    n_texts,
                                      gboolean                 tagged);
char     *pb_test_write_file         (const char              *dir,
                                      const char              *name,
                                      const char              *contents,
                                      gssize                   length);
char     *pb_test_encrypt_pdf        (const char              *source,
                                      const char              *password);
char     *pb_test_corpus_path        (const char              *relative);
guint     pb_test_count_files        (const char              *dir);
gint64    pb_test_count_rows         (const char              *library_dir,
                                      const char              *table);
guint     pb_test_file_mode          (const char              *path);
void      pb_test_damage_table       (const char              *library_dir,
                                      const char              *table);
gboolean  pb_test_flip_cell_pointer  (const char              *library_dir,
                                      const char              *table);
void      pb_test_wait_for_finalize  (gpointer                 object);
guint     pb_test_poppler_count      (const char              *pdf,
                                      const char              *text);
double    pb_test_median             (GArray                  *values);
char     *pb_test_add_highlight      (const char              *pdf,
                                      guint                    page,
                                      const char              *text,
                                      const char              *comment);
void      pb_test_hold_database_opens (gboolean                hold_on);
void      pb_test_wait_for_held_open (void);

G_END_DECLS
