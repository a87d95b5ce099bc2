/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

void             pb_pdf_remember_password (const char  *path,
                                           const char  *password);
char            *pb_pdf_dup_password      (const char  *path);
gboolean         pb_pdf_has_password      (const char  *path);
void             pb_pdf_forget_passwords  (void);
PopplerDocument *pb_pdf_open              (const char  *path,
                                           const char  *password,
                                           GError     **error);
PopplerDocument *pb_pdf_open_for_text     (const char  *path,
                                           const char  *password,
                                           GError     **error);
PopplerDocument *pb_pdf_open_poppler      (const char  *uri,
                                           const char  *password,
                                           gboolean    *needs_none,
                                           GError     **error);
PopplerDocument *pb_pdf_open_poppler_for_text (const char  *path,
                                           const char  *password,
                                           gboolean    *needs_none,
                                           GError     **error);
GBytes          *pb_pdf_text_copy         (const char  *path);

void             pb_pdf_document_set_path (PopplerDocument *document,
                                           const char      *path);
const char      *pb_pdf_document_get_path (PopplerDocument *document);
PopplerDocument *pb_pdf_document_get_upright (PopplerDocument *document,
                                           guint            index,
                                           int             *rotation);

G_END_DECLS
