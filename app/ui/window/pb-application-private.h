/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-application.h"

G_BEGIN_DECLS

/* Shared by pb-application.c (start-up, the window, the app's actions) and
 * pb-application-library.c (looking after the library: backups, restore,
 * check, moving it in one file). */

struct _PbApplication
{
  AdwApplication  parent_instance;

  char           *library_dir;
  gboolean        demo;
  char           *demo_dir;      /* removed on shutdown */
  char           *library_path;  /* the folder in use, once known */
  PbLibrary      *library;
  GSettings      *settings;
  GtkWindow      *busy_window;   /* while the library is closed for a restore */
  char           *pending_archive; /* the archive Open Library Archive… asks about */
};

void     _pb_application_add_library_actions (PbApplication *self);
void     _pb_application_library_opened      (PbApplication *self);
void     _pb_application_library_failed      (PbApplication *self,
                                              const GError  *error);
gboolean _pb_application_open_library        (PbApplication *self);
void     _pb_application_present             (PbApplication *self);

G_END_DECLS
