/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <zip.h>

#include "pb-bundle.h"
#include "pb-finding.h"

G_BEGIN_DECLS

/* What the files of app/core/bundle share.
 *
 * A bundle is a zip (libzip) holding
 *
 *   bundle.json         never encrypted: the format, its version and whether
 *                       the rest is encrypted; no title, no text
 *   manifest.json       the SHA-256 and size of every other entry; names and
 *                       checksums only
 *   pack.json           the pack: details, sections and items in order, the
 *                       findings and the reports they cite
 *   reports/N.pdf       each cited report's file as it was imported
 *   highlighted/N.pdf   the same with the pack's findings as highlights
 *
 * Entries are named by number, not by checksum or title, so that even the
 * zip's own list of names (which encryption leaves readable) says nothing
 * about an exempt pack.  In an exempt pack's bundle every entry but
 * bundle.json is encrypted with AES-256.  Nothing is compressed: the PDFs
 * are compressed already, and the rest is small. */

#define BUNDLE_FORMAT        "panel-brief-pack"
#define BUNDLE_VERSION       1
#define BUNDLE_MARKER_NAME   "bundle.json"
#define BUNDLE_MANIFEST_NAME "manifest.json"
#define BUNDLE_PACK_NAME     "pack.json"

/* Enough for the JSON of a pack with thousands of findings, and a bound on
 * what a damaged or hostile file can make us read into memory. */
#define BUNDLE_MAX_JSON      (64 * 1024 * 1024)

/* The pack as a bundle carries it: written from an officer's library,
 * read into a member's.  Both directions go through this one shape. */

typedef struct
{
  char     *sha256;
  char     *title;
  char     *file_name;       /* as imported: the title a member's import falls back on */
  char     *entry;           /* "reports/N.pdf" */
  char     *highlighted;     /* "highlighted/N.pdf" */
  gboolean  exempt;
  /* Export only: where the files are. */
  char     *source_path;
  char     *highlighted_path;
} BundleReport;

typedef struct
{
  char      *uuid;
  char      *report_sha256;
  guint      page;           /* page number, from 1 */
  guint      paragraph;      /* 0 for none */
  GArray    *anchors;        /* PbAnchor, PDF points from the page's top left */
  char      *quote;
  char      *kind;           /* pb_finding_kind_to_slug () */
  char      *status;         /* pb_finding_status_to_slug (), or NULL */
  char      *note;
  GStrv      cohorts;        /* slugs */
  gboolean   exempt;
  char      *citation;       /* pb_citation_format () */
  char      *about;          /* pb_citation_format_about () */
} BundleFinding;

typedef struct
{
  char  *kind;               /* "finding", "note" or "heading" */
  char  *finding;            /* a finding's uuid */
  char  *text;               /* a note's or heading's text */
} BundleItem;

typedef struct
{
  char       *uuid;
  char       *title;
  char       *cohort;        /* slug, or NULL */
  GPtrArray  *items;         /* BundleItem */
} BundleSection;

typedef struct
{
  char       *slug;
  char       *name;
  char       *color;
} BundleCohort;

typedef struct
{
  char       *uuid;
  char       *title;
  char       *committee;
  char       *meeting_date;  /* YYYY-MM-DD, or NULL */
  char       *author;
  char       *introduction;
  gboolean    exempt;
  char       *exported_at;   /* ISO 8601, UTC: when it was written */
  gint64      revision;      /* the officer's library's count of the pack's
                              * bundles: which of two is newer; 0 for a
                              * bundle made before there was one */
  GPtrArray  *cohorts;       /* BundleCohort */
  GPtrArray  *reports;       /* BundleReport, in the order first cited */
  GPtrArray  *sections;      /* BundleSection */
  GPtrArray  *findings;      /* BundleFinding */
} BundleContents;

BundleContents *_pb_bundle_contents_new       (void);
void            _pb_bundle_contents_free      (BundleContents  *contents);
BundleReport   *_pb_bundle_report_new         (void);
BundleFinding  *_pb_bundle_finding_new        (void);
BundleSection  *_pb_bundle_section_new        (void);
void            _pb_bundle_section_free       (BundleSection   *section);
BundleItem     *_pb_bundle_item_new           (const char      *kind,
                                               const char      *finding,
                                               const char      *text);
BundleCohort   *_pb_bundle_cohort_new         (const char      *slug,
                                               const char      *name,
                                               const char      *color);
char           *_pb_bundle_contents_to_json   (BundleContents  *contents);
BundleContents *_pb_bundle_contents_from_json (const char      *json,
                                               gsize            length,
                                               GError         **error);
char           *_pb_bundle_cohorts_to_json    (GPtrArray       *cohorts);
GPtrArray      *_pb_bundle_cohorts_from_json  (const char      *json);
char           *_pb_bundle_strv_to_json       (const char * const *strv);
GStrv           _pb_bundle_strv_from_json     (const char      *json);
int             _pb_bundle_compare_times      (const char      *a,
                                               const char      *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BundleContents, _pb_bundle_contents_free)

/* pb-bundle-zip.c */
void      _pb_bundle_set_zip_error   (GError         **error,
                                      zip_error_t     *details,
                                      const char      *entry);
GBytes   *_pb_bundle_read_entry      (zip_t           *zip,
                                      const char      *name,
                                      const char      *expected_sha,
                                      GError         **error);
gboolean  _pb_bundle_copy_entry      (zip_t           *zip,
                                      const char      *name,
                                      const char      *expected_sha,
                                      const char      *dest,
                                      GCancellable    *cancellable,
                                      GError         **error);
char     *_pb_bundle_hash_file       (const char      *path,
                                      gint64          *out_size,
                                      GError         **error);
char     *_pb_bundle_make_temp_dir   (GError         **error);
void      _pb_bundle_remove_temp_dir (const char      *dir);
GHashTable *_pb_bundle_read_manifest (zip_t           *zip,
                                      GError         **error);
gboolean  _pb_bundle_read_marker     (zip_t           *zip,
                                      gboolean        *out_encrypted,
                                      GError         **error);

/* pb-bundle-locked.c */
gboolean  _pb_bundle_unlock_report_copy (BundleContents *contents,
                                         BundleReport   *report,
                                         const char     *dir,
                                         guint           n,
                                         GError        **error);

/* pb-bundle-opening.c */
gboolean  _pb_bundle_opening_add     (PbLibrary       *library,
                                      const char      *sha256,
                                      GError         **error);
guint     _pb_bundle_opening_sweep   (PbLibrary       *library);

/* pb-bundle-store.c: the officer's side. */
gboolean  _pb_bundle_identify_pack   (PbLibrary       *library,
                                      gint64           pack_id,
                                      char           **out_pack_uuid,
                                      GHashTable      *section_uuids,
                                      GHashTable      *finding_uuids,
                                      GError         **error);

/* pb-bundle-store.c: the member's side. */
gboolean  _pb_bundle_store_lookup    (PbLibrary       *library,
                                      const char      *uuid,
                                      gint64          *out_id,
                                      char           **out_exported_at,
                                      gint64          *out_revision,
                                      GError         **error);
gint64    _pb_bundle_next_revision   (PbLibrary       *library,
                                      gint64           pack_id,
                                      GError         **error);
gboolean  _pb_bundle_store_origin    (PbLibrary       *library,
                                      const char      *sha256,
                                      BundleContents  *contents,
                                      gboolean         exempt,
                                      GError         **error);
gint64    _pb_bundle_store_contents  (PbLibrary       *library,
                                      BundleContents  *contents,
                                      GError         **error);

G_END_DECLS
