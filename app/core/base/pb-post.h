/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void pb_post (GMainContext   *context,
              GSourceFunc     func,
              gpointer        data,
              GDestroyNotify  destroy);

G_END_DECLS
