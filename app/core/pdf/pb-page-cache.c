/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-page-cache"

#include "config.h"

#include <math.h>

#include "pb-page-cache.h"

/* Rendered pages, bounded in bytes. Pages in the pinned range (what is on
 * screen and just around it) are never evicted; other pages go least recently
 * used first once the total passes the budget. A page may be cached at more
 * than one scale for a moment while zooming: the old scale stays on screen,
 * stretched, until the new one arrives, and then ages out. */

typedef struct
{
  guint    page;
  double   scale;
  GObject *image;
  gsize    n_bytes;
  guint64  last_used;
} Entry;

struct _PbPageCache
{
  GObject  parent_instance;

  GQueue   entries;        /* Entry*, most recently used at the head */
  gsize    budget;
  gsize    size;
  guint64  clock;
  guint    pin_first;
  guint    pin_last;
  gboolean has_pins;
};

G_DEFINE_FINAL_TYPE (PbPageCache, pb_page_cache, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->image);
  g_free (entry);
}

static gboolean
same_scale (double a,
            double b)
{
  return fabs (a - b) < 1e-6;
}

static gboolean
is_pinned (PbPageCache *self,
           guint        page)
{
  return self->has_pins && page >= self->pin_first && page <= self->pin_last;
}

static void
remove_link (PbPageCache *self,
             GList       *link)
{
  Entry *entry = link->data;

  self->size -= entry->n_bytes;
  g_queue_delete_link (&self->entries, link);
  entry_free (entry);
}

static void
evict (PbPageCache *self)
{
  GList *link = self->entries.tail;

  while (link != NULL && self->size > self->budget)
    {
      GList *prev = link->prev;

      if (!is_pinned (self, ((Entry *)link->data)->page))
        remove_link (self, link);
      link = prev;
    }
}

static void
pb_page_cache_finalize (GObject *object)
{
  PbPageCache *self = (PbPageCache *)object;

  g_queue_clear_full (&self->entries, (GDestroyNotify)entry_free);

  G_OBJECT_CLASS (pb_page_cache_parent_class)->finalize (object);
}

static void
pb_page_cache_class_init (PbPageCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pb_page_cache_finalize;
}

static void
pb_page_cache_init (PbPageCache *self)
{
  g_queue_init (&self->entries);
}

/**
 * pb_page_cache_new:
 * @budget_bytes: how many bytes of images to keep, pinned pages aside
 *
 * Returns: (transfer full): an empty cache
 */
PbPageCache *
pb_page_cache_new (gsize budget_bytes)
{
  PbPageCache *self = g_object_new (PB_TYPE_PAGE_CACHE, NULL);

  self->budget = budget_bytes;
  return self;
}

/**
 * pb_page_cache_set_budget:
 * @self: a cache
 * @budget_bytes: how many bytes of images to keep, pinned pages aside
 *
 * Evicts at once what no longer fits, least recently used first.
 */
void
pb_page_cache_set_budget (PbPageCache *self,
                          gsize        budget_bytes)
{
  g_return_if_fail (PB_IS_PAGE_CACHE (self));

  self->budget = budget_bytes;
  evict (self);
}

/**
 * pb_page_cache_get_budget:
 * @self: a cache
 *
 * Returns: how many bytes of images it keeps, pinned pages aside
 */
gsize
pb_page_cache_get_budget (PbPageCache *self)
{
  g_return_val_if_fail (PB_IS_PAGE_CACHE (self), 0);
  return self->budget;
}

/**
 * pb_page_cache_get_size:
 *
 * Returns: the bytes held now; above the budget only by pinned pages
 */
gsize
pb_page_cache_get_size (PbPageCache *self)
{
  g_return_val_if_fail (PB_IS_PAGE_CACHE (self), 0);
  return self->size;
}

/**
 * pb_page_cache_get_n_images:
 * @self: a cache
 *
 * Returns: how many images it holds, at all scales
 */
guint
pb_page_cache_get_n_images (PbPageCache *self)
{
  g_return_val_if_fail (PB_IS_PAGE_CACHE (self), 0);
  return self->entries.length;
}

/**
 * pb_page_cache_insert:
 * @self: a cache
 * @page_index: the page, from 0
 * @scale: its scale, in device pixels per PDF point
 * @image: the rendered page (the cache takes a reference)
 * @n_bytes: the memory @image holds, counted against the budget
 *
 * Keeps @image as the most recently used, in place of an image of the same
 * page at the same scale, and evicts what then passes the budget.
 */
void
pb_page_cache_insert (PbPageCache *self,
                      guint        page_index,
                      double       scale,
                      GObject     *image,
                      gsize        n_bytes)
{
  Entry *entry;

  g_return_if_fail (PB_IS_PAGE_CACHE (self));
  g_return_if_fail (G_IS_OBJECT (image));

  /* A newer image of the same page and scale replaces the old one. */
  for (GList *l = self->entries.head; l; l = l->next)
    {
      Entry *old = l->data;

      if (old->page == page_index && same_scale (old->scale, scale))
        {
          remove_link (self, l);
          break;
        }
    }

  entry = g_new0 (Entry, 1);
  entry->page = page_index;
  entry->scale = scale;
  entry->image = g_object_ref (image);
  entry->n_bytes = n_bytes;
  entry->last_used = ++self->clock;

  g_queue_push_head (&self->entries, entry);
  self->size += n_bytes;

  evict (self);
}

/**
 * pb_page_cache_lookup:
 * @self: a cache
 * @page_index: a page, from 0
 * @scale: in device pixels per PDF point
 *
 * Returns: (transfer none) (nullable): the image of the page at @scale,
 *   now the most recently used
 */
GObject *
pb_page_cache_lookup (PbPageCache *self,
                      guint        page_index,
                      double       scale)
{
  g_return_val_if_fail (PB_IS_PAGE_CACHE (self), NULL);

  for (GList *l = self->entries.head; l; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->page == page_index && same_scale (entry->scale, scale))
        {
          entry->last_used = ++self->clock;
          g_queue_unlink (&self->entries, l);
          g_queue_push_head_link (&self->entries, l);
          return entry->image;
        }
    }

  return NULL;
}

/**
 * pb_page_cache_lookup_any:
 * @self: a cache
 * @page_index: a page, from 0
 * @out_scale: (out) (optional): the scale of the image found
 *
 * Returns: (transfer none) (nullable): the most recently used image of the page
 *   at any scale: something to stretch onto the screen until the right scale
 *   is rendered
 */
GObject *
pb_page_cache_lookup_any (PbPageCache *self,
                          guint        page_index,
                          double      *out_scale)
{
  g_return_val_if_fail (PB_IS_PAGE_CACHE (self), NULL);

  for (GList *l = self->entries.head; l; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->page == page_index)
        {
          if (out_scale != NULL)
            *out_scale = entry->scale;
          return entry->image;
        }
    }

  return NULL;
}

/**
 * pb_page_cache_pin_range:
 * @self: a cache
 * @first_index: the first page to keep, from 0
 * @last_index: the last, from 0, at least @first_index
 *
 * Pages @first_index to @last_index (what is on screen and just around it)
 * stay, whatever the budget says, until another range is pinned; the pages
 * no longer pinned are evicted if they pass the budget.
 */
void
pb_page_cache_pin_range (PbPageCache *self,
                         guint        first_index,
                         guint        last_index)
{
  g_return_if_fail (PB_IS_PAGE_CACHE (self));
  g_return_if_fail (first_index <= last_index);

  self->pin_first = first_index;
  self->pin_last = last_index;
  self->has_pins = TRUE;
  evict (self);
}

/**
 * pb_page_cache_clear:
 * @self: a cache
 *
 * Drops every image (the pinned range stays pinned, for new images).
 */
void
pb_page_cache_clear (PbPageCache *self)
{
  g_return_if_fail (PB_IS_PAGE_CACHE (self));

  g_queue_clear_full (&self->entries, (GDestroyNotify)entry_free);
  g_queue_init (&self->entries);
  self->size = 0;
}
