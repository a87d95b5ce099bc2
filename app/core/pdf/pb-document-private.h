/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "pb-document.h"

G_BEGIN_DECLS

/* pb-document.c */
PopplerDocument *_pb_document_get_poppler (PbDocument *self);
void             _pb_document_queue_task  (PbDocument *self,
                                           GTask      *task);

/* pb-document-text.c */
void             _pb_document_run_task    (PbDocument *self,
                                           GTask      *task);

G_END_DECLS
