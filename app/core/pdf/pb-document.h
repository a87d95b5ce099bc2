/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pb-page-text.h"

G_BEGIN_DECLS

#define PB_DOCUMENT_ERROR (pb_document_error_quark ())

typedef enum
{
  PB_DOCUMENT_ERROR_NEEDS_PASSWORD,
  PB_DOCUMENT_ERROR_WRONG_PASSWORD,
  PB_DOCUMENT_ERROR_DAMAGED,
} PbDocumentError;

/* Lower values are rendered first. */
typedef enum
{
  PB_RENDER_PRIORITY_VISIBLE,
  PB_RENDER_PRIORITY_NEAR,
  PB_RENDER_PRIORITY_PRELOAD,
} PbRenderPriority;

typedef struct
{
  guint            page;       /* from 0 */
  double           scale;      /* device pixels per PDF point */
  PbRenderPriority priority;
} PbRenderRequest;

/**
 * PbImageFunc:
 * @surface: the rendered page
 *
 * Runs on the document's worker thread and turns a rendered page into the
 * object the caller wants to keep (a GdkTexture, for the window).
 *
 * Returns: (transfer full): a new object
 */
typedef GObject *(*PbImageFunc) (cairo_surface_t *surface,
                                 gpointer         user_data);

/* One match of a find: its page and one rectangle per line it covers. */
typedef struct
{
  guint   page;
  GArray *rects;     /* PbRect, PDF points, top-left origin */
} PbFindMatch;

#define PB_TYPE_FIND_MATCH (pb_find_match_get_type ())
GType        pb_find_match_get_type (void) G_GNUC_CONST;
PbFindMatch *pb_find_match_copy     (const PbFindMatch *match);
void         pb_find_match_free     (PbFindMatch       *match);

#define PB_TYPE_PAGE_IMAGE (pb_page_image_get_type ())
G_DECLARE_FINAL_TYPE (PbPageImage, pb_page_image, PB, PAGE_IMAGE, GObject)
cairo_surface_t *pb_page_image_get_surface (PbPageImage *self);

#define PB_TYPE_DOCUMENT (pb_document_get_type ())
G_DECLARE_FINAL_TYPE (PbDocument, pb_document, PB, DOCUMENT, GObject)

GQuark      pb_document_error_quark        (void);
PbDocument *pb_document_new_from_file      (const char             *path,
                                            const char             *password,
                                            GError                **error);
void        pb_document_open_async         (const char             *path,
                                            const char             *password,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
PbDocument *pb_document_open_finish        (GAsyncResult           *result,
                                            GError                **error);
guint       pb_document_get_n_pages        (PbDocument             *self);
void        pb_document_get_page_size      (PbDocument             *self,
                                            guint                   page_index,
                                            double                 *width,
                                            double                 *height);
void        pb_document_set_image_func     (PbDocument             *self,
                                            PbImageFunc             func,
                                            gpointer                user_data,
                                            GDestroyNotify          destroy);
void        pb_document_request_renders    (PbDocument             *self,
                                            const PbRenderRequest  *requests,
                                            guint                   n_requests);
void        pb_document_set_paused         (PbDocument             *self,
                                            gboolean                paused);
guint       pb_document_get_n_rendered     (PbDocument             *self);
guint       pb_document_get_n_cancelled    (PbDocument             *self);
void        pb_document_find_async         (PbDocument             *self,
                                            const char             *text,
                                            GCancellable           *cancellable,
                                            GAsyncReadyCallback     callback,
                                            gpointer                user_data);
GPtrArray  *pb_document_find_finish        (PbDocument             *self,
                                            GAsyncResult           *result,
                                            GError                **error);
void        pb_document_get_page_text_async  (PbDocument           *self,
                                              guint                 page_index,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
PbPageText *pb_document_get_page_text_finish (PbDocument           *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
