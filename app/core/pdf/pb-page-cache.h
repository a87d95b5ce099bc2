/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PB_TYPE_PAGE_CACHE (pb_page_cache_get_type ())

G_DECLARE_FINAL_TYPE (PbPageCache, pb_page_cache, PB, PAGE_CACHE, GObject)

PbPageCache *pb_page_cache_new          (gsize        budget_bytes);
void         pb_page_cache_set_budget   (PbPageCache *self,
                                         gsize        budget_bytes);
gsize        pb_page_cache_get_budget   (PbPageCache *self);
gsize        pb_page_cache_get_size     (PbPageCache *self);
guint        pb_page_cache_get_n_images (PbPageCache *self);
void         pb_page_cache_insert       (PbPageCache *self,
                                         guint        page_index,
                                         double       scale,
                                         GObject     *image,
                                         gsize        n_bytes);
GObject     *pb_page_cache_lookup       (PbPageCache *self,
                                         guint        page_index,
                                         double       scale);
GObject     *pb_page_cache_lookup_any   (PbPageCache *self,
                                         guint        page_index,
                                         double      *out_scale);
void         pb_page_cache_pin_range    (PbPageCache *self,
                                         guint        first_index,
                                         guint        last_index);
void         pb_page_cache_clear        (PbPageCache *self);

G_END_DECLS
