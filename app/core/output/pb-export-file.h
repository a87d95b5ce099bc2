/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything Panel Brief writes is in British English: the PDF catalogue,
 * the DOCX styles and the HTML page all say so for screen readers. */
#define PB_EXPORT_LANGUAGE "en-GB"

/* Exports are the user's alone until they choose otherwise: a pack may be
 * exempt, and reports can concern children. */
#define PB_EXPORT_FILE_MODE 0600
#define PB_EXPORT_DIR_MODE  0700

typedef struct _PbExportFile PbExportFile;

PbExportFile *pb_export_file_new           (const char    *path,
                                            GError       **error);
const char   *pb_export_file_get_temp_path (PbExportFile  *self);
gboolean      pb_export_file_write         (PbExportFile  *self,
                                            const void    *data,
                                            gsize          length,
                                            GError       **error);
gboolean      pb_export_file_commit        (PbExportFile  *self,
                                            GError       **error);
void          pb_export_file_free          (PbExportFile  *self);
void          pb_export_file_set_error     (PbExportFile  *self,
                                            int            saved_errno,
                                            GError       **error);

gboolean      pb_export_write_contents     (const char    *path,
                                            const void    *data,
                                            gsize          length,
                                            GError       **error);
char         *pb_export_new_private_file   (const char    *name_template,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbExportFile, pb_export_file_free)

G_END_DECLS
