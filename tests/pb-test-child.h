/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A second process running tests/library-child.c, whose lines the test reads
 * to wait on its state. */
typedef struct _PbTestChild PbTestChild;

PbTestChild *pb_test_child_spawn     (const char * const  *args);
char        *pb_test_child_read_line (PbTestChild         *child);
void         pb_test_child_kill      (PbTestChild         *child);
int          pb_test_child_wait      (PbTestChild         *child);
void         pb_test_child_free      (PbTestChild         *child);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PbTestChild, pb_test_child_free)

G_END_DECLS
