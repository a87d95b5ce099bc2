/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pb-post.h"

/**
 * pb_post:
 * @context: the context of the thread that must run @func
 *
 * Runs @func on @context's thread, always later. Unlike
 * g_main_context_invoke (), which runs @func at once in the calling thread
 * when no thread holds @context at that moment, this never runs it on a
 * worker thread.
 */
void
pb_post (GMainContext   *context,
         GSourceFunc     func,
         gpointer        data,
         GDestroyNotify  destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[panel-brief] post");
  g_source_attach (source, context);
  g_source_unref (source);
}
