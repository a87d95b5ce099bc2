/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pb-library-check.h"

G_BEGIN_DECLS

/* Shared by the files of Check Library. */

void       _pb_check_add_problem      (PbCheckResult        *result,
                                       PbCheckKind           kind,
                                       const char           *subject,
                                       gint64                report_id,
                                       gboolean              repairable,
                                       char                 *message);

/* pb-library-check-orphans.c */
gboolean   _pb_check_orphans          (PbLibrary            *library,
                                       gboolean              verify_checksums,
                                       const char * const   *passwords,
                                       GCancellable         *cancellable,
                                       PbCheckResult        *result,
                                       GError              **error);
char      *_pb_repair_orphan          (PbLibrary            *library,
                                       const char           *sha256,
                                       const char * const   *passwords,
                                       GCancellable         *cancellable,
                                       GArray               *added);

/* pb-library-check-leftovers.c */
void       _pb_check_temporaries      (PbLibrary            *library,
                                       PbCheckResult        *result);
char      *_pb_repair_temporaries     (PbLibrary            *library);

G_END_DECLS
