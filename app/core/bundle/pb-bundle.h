/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pb-library.h"

G_BEGIN_DECLS

/* A pack bundle (.panelpack): one file holding a briefing pack, the reports
 * it cites (as imported, and with the cited findings highlighted) and the
 * findings themselves, for a panel member to open in their own library. */

#define PB_BUNDLE_EXTENSION "panelpack"
#define PB_BUNDLE_MIME_TYPE "application/x-panel-brief-pack"

/* The fewest characters an exempt bundle's passphrase may have.  Zip's
 * AES (WinZip AE-2) derives its key with only 1,000 rounds of PBKDF2, so
 * the passphrase's own length is what stands against guessing. */
#define PB_BUNDLE_MIN_PASSPHRASE 10

#define PB_BUNDLE_ERROR (pb_bundle_error_quark ())

/**
 * PbBundleError:
 * @PB_BUNDLE_ERROR_NOT_A_BUNDLE: the file is not a Panel Brief pack bundle
 * @PB_BUNDLE_ERROR_NEWER: it was made by a newer Panel Brief
 * @PB_BUNDLE_ERROR_DAMAGED: something in it does not match its checksum,
 *   is missing, or is not what a bundle holds: changed or damaged
 * @PB_BUNDLE_ERROR_PASSPHRASE_NEEDED: it is encrypted and no passphrase
 *   was given, or an exempt pack was to be written without one
 * @PB_BUNDLE_ERROR_WRONG_PASSPHRASE: the passphrase is not the one it was
 *   written with
 * @PB_BUNDLE_ERROR_WEAK_PASSPHRASE: the passphrase for a new bundle is
 *   shorter than %PB_BUNDLE_MIN_PASSPHRASE characters
 * @PB_BUNDLE_ERROR_NO_ENCRYPTION: the zip library cannot do AES-256, so an
 *   exempt bundle can be neither written nor opened
 * @PB_BUNDLE_ERROR_OLDER: the library already has a newer copy of the pack
 * @PB_BUNDLE_ERROR_NOT_FOUND: no such bundle pack, or no such finding or
 *   section in it
 * @PB_BUNDLE_ERROR_NO_QUESTIONS: there are no questions to export
 * @PB_BUNDLE_ERROR_NOT_QUESTIONS: the file is not a member's questions
 * @PB_BUNDLE_ERROR_UNKNOWN_PACK: the questions are about a pack this
 *   library does not have
 * @PB_BUNDLE_ERROR_REPORT_LOCKED: a report the pack cites is protected by
 *   a password that has not been given (pb_library_unlock_report()), or
 *   the pack is public and its bundle cannot carry such a report; the
 *   message names the report
 */
typedef enum
{
  PB_BUNDLE_ERROR_NOT_A_BUNDLE,
  PB_BUNDLE_ERROR_NEWER,
  PB_BUNDLE_ERROR_DAMAGED,
  PB_BUNDLE_ERROR_PASSPHRASE_NEEDED,
  PB_BUNDLE_ERROR_WRONG_PASSPHRASE,
  PB_BUNDLE_ERROR_WEAK_PASSPHRASE,
  PB_BUNDLE_ERROR_NO_ENCRYPTION,
  PB_BUNDLE_ERROR_OLDER,
  PB_BUNDLE_ERROR_NOT_FOUND,
  PB_BUNDLE_ERROR_NO_QUESTIONS,
  PB_BUNDLE_ERROR_NOT_QUESTIONS,
  PB_BUNDLE_ERROR_UNKNOWN_PACK,
  PB_BUNDLE_ERROR_REPORT_LOCKED,
} PbBundleError;

/**
 * PbBundleProgressFunc:
 * @fraction: how much is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called from the thread doing the work.
 */
typedef void (*PbBundleProgressFunc) (double   fraction,
                                      gpointer user_data);

/**
 * PbBundleOpened:
 * @PB_BUNDLE_OPENED_NEW: the pack was not in the library before
 * @PB_BUNDLE_OPENED_UPDATED: a newer bundle of a pack the library had
 * @PB_BUNDLE_OPENED_UNCHANGED: the very bundle the library had already
 */
typedef enum
{
  PB_BUNDLE_OPENED_NEW,
  PB_BUNDLE_OPENED_UPDATED,
  PB_BUNDLE_OPENED_UNCHANGED,
} PbBundleOpened;

/**
 * PbBundleOpenFlags:
 * @PB_BUNDLE_OPEN_DEFAULT: refuse a copy older than the library's
 * @PB_BUNDLE_OPEN_REPLACE_NEWER: open an older copy anyway, in place of
 *   the library's (the member's notes are kept, as for a newer one)
 */
typedef enum
{
  PB_BUNDLE_OPEN_DEFAULT = 0,
  PB_BUNDLE_OPEN_REPLACE_NEWER = 1 << 0,
} PbBundleOpenFlags;

/**
 * PbBundleOpenResult:
 * @status: what opening did
 * @bundle_id: the bundle pack in the library
 *   (pb_library_get_bundle_pack())
 * @title: the pack's title
 * @exempt: whether the pack is exempt
 * @n_sections: its sections
 * @n_findings: its findings
 * @n_reports: the reports it cites
 * @reports_added: those the library did not have before
 */
typedef struct
{
  PbBundleOpened  status;
  gint64          bundle_id;
  char           *title;
  gboolean        exempt;
  guint           n_sections;
  guint           n_findings;
  guint           n_reports;
  guint           reports_added;
} PbBundleOpenResult;

GQuark   pb_bundle_error_quark        (void);
gboolean pb_bundle_can_encrypt        (void);
gboolean pb_bundle_check_passphrase   (const char            *passphrase,
                                       GError               **error);

gboolean pb_library_export_bundle     (PbLibrary             *library,
                                       gint64                 pack_id,
                                       const char            *path,
                                       const char            *passphrase,
                                       GCancellable          *cancellable,
                                       PbBundleProgressFunc   progress,
                                       gpointer               progress_data,
                                       GError               **error);

GPtrArray *pb_library_list_locked_pack_reports (PbLibrary   *library,
                                                gint64       pack_id,
                                                GError     **error);
gboolean   pb_library_unlock_report            (PbLibrary   *library,
                                                const char  *sha256,
                                                const char  *password,
                                                GError     **error);

gboolean pb_bundle_peek               (const char            *path,
                                       gboolean              *out_encrypted,
                                       GError               **error);
gboolean pb_library_open_bundle       (PbLibrary             *library,
                                       const char            *path,
                                       const char            *passphrase,
                                       PbBundleOpenResult    *out_result,
                                       GCancellable          *cancellable,
                                       PbBundleProgressFunc   progress,
                                       gpointer               progress_data,
                                       GError               **error);
gboolean pb_library_open_bundle_full  (PbLibrary             *library,
                                       const char            *path,
                                       const char            *passphrase,
                                       PbBundleOpenFlags      flags,
                                       PbBundleOpenResult    *out_result,
                                       GCancellable          *cancellable,
                                       PbBundleProgressFunc   progress,
                                       gpointer               progress_data,
                                       GError               **error);
void     pb_bundle_open_result_clear  (PbBundleOpenResult    *result);

void     pb_library_export_bundle_async  (PbLibrary            *library,
                                          gint64                pack_id,
                                          const char           *path,
                                          const char           *passphrase,
                                          GCancellable         *cancellable,
                                          PbBundleProgressFunc  progress,
                                          gpointer              progress_data,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean pb_library_export_bundle_finish (PbLibrary            *library,
                                          GAsyncResult         *result,
                                          GError              **error);
void     pb_library_open_bundle_async    (PbLibrary            *library,
                                          const char           *path,
                                          const char           *passphrase,
                                          GCancellable         *cancellable,
                                          PbBundleProgressFunc  progress,
                                          gpointer              progress_data,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
void     pb_library_open_bundle_full_async (PbLibrary          *library,
                                            const char         *path,
                                            const char         *passphrase,
                                            PbBundleOpenFlags   flags,
                                            GCancellable       *cancellable,
                                            PbBundleProgressFunc progress,
                                            gpointer            progress_data,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean pb_library_open_bundle_finish   (PbLibrary            *library,
                                          GAsyncResult         *result,
                                          PbBundleOpenResult   *out_result,
                                          GError              **error);

G_END_DECLS
