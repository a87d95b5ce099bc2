/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pb-schema"

#include "config.h"

#include "pb-db.h"
#include "pb-schema.h"

/* The library's schema, as forward-only steps. Step N takes a database from
 * user_version N-1 to N. A released step is never edited: a change to the schema
 * is a new step at the end, so every library can be brought forward from
 * wherever it is. */

static const char * const migrations[] = {
  /* 1: reports, their pages and text, the full-text index, cohorts. */
  "CREATE TABLE reports ("
  "  id             INTEGER PRIMARY KEY,"
  "  sha256         TEXT NOT NULL UNIQUE CHECK (length (sha256) = 64),"
  "  title          TEXT NOT NULL,"
  "  file_name      TEXT NOT NULL,"
  "  byte_size      INTEGER NOT NULL,"
  "  page_count     INTEGER NOT NULL CHECK (page_count >= 0),"
  "  pdf_title      TEXT,"
  "  pdf_author     TEXT,"
  "  pdf_subject    TEXT,"
  "  pdf_keywords   TEXT,"
  "  pdf_creator    TEXT,"
  "  pdf_producer   TEXT,"
  "  pdf_created    TEXT,"
  "  pdf_modified   TEXT,"
  "  is_tagged      INTEGER NOT NULL DEFAULT 0,"
  "  has_text_layer INTEGER NOT NULL DEFAULT 1,"
  "  classification TEXT NOT NULL DEFAULT 'public'"
  "                 CHECK (classification IN ('public', 'exempt')),"
  "  imported_at    TEXT NOT NULL"
  ");"
  "CREATE TABLE report_pages ("
  "  id          INTEGER PRIMARY KEY,"
  "  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  page_number INTEGER NOT NULL CHECK (page_number >= 1),"
  "  width       REAL NOT NULL,"
  "  height      REAL NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  UNIQUE (report_id, page_number)"
  ");"
  /* The default tokenizer (with Porter stemming, so "inspected" finds
   * "inspection"): the trigram tokenizer costs four times the index and its
   * snippets are unreadable. */
  "CREATE VIRTUAL TABLE report_pages_fts USING fts5 ("
  "  text, content = 'report_pages', content_rowid = 'id',"
  "  tokenize = 'porter unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER report_pages_ai AFTER INSERT ON report_pages BEGIN"
  "  INSERT INTO report_pages_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER report_pages_ad AFTER DELETE ON report_pages BEGIN"
  "  INSERT INTO report_pages_fts (report_pages_fts, rowid, text)"
  "    VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER report_pages_au AFTER UPDATE ON report_pages BEGIN"
  "  INSERT INTO report_pages_fts (report_pages_fts, rowid, text)"
  "    VALUES ('delete', old.id, old.text);"
  "  INSERT INTO report_pages_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TABLE cohorts ("
  "  id       INTEGER PRIMARY KEY,"
  "  slug     TEXT NOT NULL UNIQUE,"
  "  name     TEXT NOT NULL,"
  "  color    TEXT NOT NULL,"
  "  built_in INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL"
  ");"
  "INSERT INTO cohorts (slug, name, color, built_in, position) VALUES"
  "  ('help_and_protection', 'Help and protection', '#3584e4', 1, 0),"
  "  ('children_in_care', 'Children in care', '#e66100', 1, 1),"
  "  ('care_leavers', 'Care leavers', '#2ec27e', 1, 2),"
  "  ('leadership', 'Leadership', '#9141ac', 1, 3);",

  /* 2: findings and briefing packs. */
  "CREATE TABLE findings ("
  "  id             INTEGER PRIMARY KEY,"
  "  report_sha256  TEXT NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,"
  "  page_number    INTEGER NOT NULL CHECK (page_number >= 1),"
  "  quads          TEXT NOT NULL DEFAULT '[]',"
  "  quote          TEXT NOT NULL,"
  "  paragraph      INTEGER,"
  "  kind           TEXT NOT NULL CHECK (kind IN ('strength', 'area_for_improvement',"
  "                   'recommendation', 'commitment', 'context')),"
  "  note           TEXT NOT NULL DEFAULT '',"
  "  classification TEXT NOT NULL DEFAULT 'public'"
  "                 CHECK (classification IN ('public', 'exempt')),"
  "  status         TEXT CHECK (status IS NULL OR status IN ('open', 'in_progress',"
  "                   'met', 'not_met')),"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX findings_by_report ON findings (report_sha256, page_number);"
  "CREATE TABLE finding_cohorts ("
  "  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,"
  "  cohort_id  INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (finding_id, cohort_id)"
  ") WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE findings_fts USING fts5 ("
  "  quote, note, content = 'findings', content_rowid = 'id',"
  "  tokenize = 'porter unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER findings_ai AFTER INSERT ON findings BEGIN"
  "  INSERT INTO findings_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);"
  "END;"
  "CREATE TRIGGER findings_ad AFTER DELETE ON findings BEGIN"
  "  INSERT INTO findings_fts (findings_fts, rowid, quote, note)"
  "    VALUES ('delete', old.id, old.quote, old.note);"
  "END;"
  "CREATE TRIGGER findings_au AFTER UPDATE ON findings BEGIN"
  "  INSERT INTO findings_fts (findings_fts, rowid, quote, note)"
  "    VALUES ('delete', old.id, old.quote, old.note);"
  "  INSERT INTO findings_fts (rowid, quote, note) VALUES (new.id, new.quote, new.note);"
  "END;"
  "CREATE TABLE packs ("
  "  id             INTEGER PRIMARY KEY,"
  "  title          TEXT NOT NULL,"
  "  committee      TEXT NOT NULL DEFAULT '',"
  "  meeting_date   TEXT,"
  "  author         TEXT NOT NULL DEFAULT '',"
  "  classification TEXT NOT NULL DEFAULT 'public'"
  "                 CHECK (classification IN ('public', 'exempt')),"
  "  introduction   TEXT NOT NULL DEFAULT '',"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE TABLE pack_sections ("
  "  id        INTEGER PRIMARY KEY,"
  "  pack_id   INTEGER NOT NULL REFERENCES packs (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL,"
  "  title     TEXT NOT NULL,"
  "  cohort_id INTEGER REFERENCES cohorts (id) ON DELETE SET NULL"
  ");"
  "CREATE TABLE pack_items ("
  "  id         INTEGER PRIMARY KEY,"
  "  section_id INTEGER NOT NULL REFERENCES pack_sections (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('finding', 'note', 'heading')),"
  "  finding_id INTEGER REFERENCES findings (id) ON DELETE CASCADE,"
  "  text       TEXT NOT NULL DEFAULT '',"
  "  CHECK ((kind = 'finding') = (finding_id IS NOT NULL))"
  ");",

  /* 3: where each report was left: page, zoom, and when it was last read. */
  "CREATE TABLE report_view_state ("
  "  report_id INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,"
  "  page      INTEGER NOT NULL DEFAULT 0 CHECK (page >= 0),"
  "  zoom      REAL NOT NULL DEFAULT 1.0,"
  "  sizing    TEXT NOT NULL DEFAULT 'fit-width'"
  "            CHECK (sizing IN ('free', 'fit-width', 'fit-page')),"
  "  opened_at TEXT NOT NULL"
  ");"
  "CREATE INDEX report_view_state_by_time ON report_view_state (opened_at);",

  /* 4: passages offered as findings, to accept or dismiss: for now the
   * highlight and underline annotations a PDF arrived with. */
  "CREATE TABLE suggestions ("
  "  id            INTEGER PRIMARY KEY,"
  "  report_sha256 TEXT NOT NULL REFERENCES reports (sha256) ON DELETE CASCADE,"
  "  source        TEXT NOT NULL CHECK (source IN ('pdf-annotation', 'structure')),"
  "  page_number   INTEGER NOT NULL CHECK (page_number >= 1),"
  "  quads         TEXT NOT NULL DEFAULT '[]',"
  "  quote         TEXT NOT NULL,"
  "  note          TEXT NOT NULL DEFAULT '',"
  "  kind          TEXT NOT NULL DEFAULT 'context',"
  "  cohort        TEXT,"
  "  state         TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'dismissed'))"
  ");"
  "CREATE INDEX suggestions_by_report ON suggestions (report_sha256, state);",

  /* 5: what a report says about itself, read at import. */
  "ALTER TABLE reports ADD COLUMN doc_type TEXT;"
  "ALTER TABLE reports ADD COLUMN local_authority TEXT;"
  "ALTER TABLE reports ADD COLUMN inspection_start TEXT;"
  "ALTER TABLE reports ADD COLUMN inspection_end TEXT;"
  "ALTER TABLE reports ADD COLUMN published TEXT;"
  "ALTER TABLE reports ADD COLUMN lead_inspector TEXT;"
  "ALTER TABLE reports ADD COLUMN cic_and_care_leavers_combined INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE judgements ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  judgement TEXT NOT NULL,"
  "  grade     TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, judgement)"
  ") WITHOUT ROWID;"
  "CREATE TABLE sections ("
  "  id         INTEGER PRIMARY KEY,"
  "  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  cohort     TEXT NOT NULL,"
  "  heading    TEXT NOT NULL,"
  "  grade      TEXT,"
  "  first_page INTEGER NOT NULL,"
  "  last_page  INTEGER NOT NULL"
  ");"
  "CREATE TABLE paragraphs ("
  "  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  number    INTEGER NOT NULL,"
  "  page      INTEGER NOT NULL,"
  "  cohort    TEXT,"
  "  PRIMARY KEY (report_id, number)"
  ") WITHOUT ROWID;",

  /* 6: reports removed whose file is kept because a backup still lists them,
   * so that they are not mistaken for orphans to re-attach. */
  "CREATE TABLE removed_reports ("
  "  sha256     TEXT PRIMARY KEY CHECK (length (sha256) = 64),"
  "  title      TEXT NOT NULL,"
  "  removed_at TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 7: more of what a report says about itself: whether a SIF inspection
   * was a re-inspection, and what a visit letter looked at. */
  "ALTER TABLE reports ADD COLUMN reinspection INTEGER NOT NULL"
  "  DEFAULT 0;"
  "ALTER TABLE reports ADD COLUMN theme TEXT;",

  /* 8: which version of the page-text builder read each report (reports read
   * by an older one are read again, see pb_library_reindex ()); a
   * fingerprint of its words, to recognise a copy saved again; and what
   * search indexes for each page besides its text: the passage across the
   * page break after it and its words broken by a hyphen at a line end. */
  "ALTER TABLE reports ADD COLUMN text_version INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE reports ADD COLUMN text_fingerprint TEXT;"
  "CREATE INDEX reports_by_fingerprint ON reports (text_fingerprint);"
  "CREATE TABLE report_page_extras ("
  "  id          INTEGER PRIMARY KEY,"
  "  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  page_number INTEGER NOT NULL CHECK (page_number >= 1),"
  "  text        TEXT NOT NULL,"
  "  UNIQUE (report_id, page_number)"
  ");"
  "CREATE VIRTUAL TABLE report_page_extras_fts USING fts5 ("
  "  text, content = 'report_page_extras', content_rowid = 'id',"
  "  tokenize = 'porter unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER report_page_extras_ai AFTER INSERT ON report_page_extras BEGIN"
  "  INSERT INTO report_page_extras_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER report_page_extras_ad AFTER DELETE ON report_page_extras BEGIN"
  "  INSERT INTO report_page_extras_fts (report_page_extras_fts, rowid, text)"
  "    VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER report_page_extras_au AFTER UPDATE ON report_page_extras BEGIN"
  "  INSERT INTO report_page_extras_fts (report_page_extras_fts, rowid, text)"
  "    VALUES ('delete', old.id, old.text);"
  "  INSERT INTO report_page_extras_fts (rowid, text) VALUES (new.id, new.text);"
  "END;",

  /* 9: pack bundles that panel members open (issue 17, app/core/bundle).
   *
   * In an officer's library: packs, their sections and findings are given
   * a stable identity the first time a pack is bundled (not unique
   * indexes: a merged library may bring a copy of a row), and the
   * questions members send back are kept against the pack.
   *
   * In a member's library: each bundle's pack is kept apart from the
   * member's own packs, read-only, with its sections, items and findings
   * as the officer wrote them; the reports it brought are ordinary
   * reports (shared by checksum with the member's own imports) with an
   * origin for those it added; the member's private notes and questions
   * are keyed by identities, never by row ids, so a newer bundle of the
   * same pack replaces the pack's rows without losing them. No table here
   * has a report_id column: a library merge copies such rows by report. */
  "ALTER TABLE packs ADD COLUMN uuid TEXT;"
  "CREATE INDEX packs_by_uuid ON packs (uuid);"
  "ALTER TABLE pack_sections ADD COLUMN uuid TEXT;"
  "ALTER TABLE findings ADD COLUMN uuid TEXT;"
  "CREATE TABLE pack_questions ("
  "  id          INTEGER PRIMARY KEY,"
  "  pack_id     INTEGER NOT NULL REFERENCES packs (id) ON DELETE CASCADE,"
  "  uuid        TEXT NOT NULL,"
  "  asked_by    TEXT NOT NULL DEFAULT '',"
  "  target      TEXT NOT NULL CHECK (target IN ('finding', 'section')),"
  "  target_uuid TEXT NOT NULL,"
  "  about       TEXT NOT NULL DEFAULT '',"
  "  citation    TEXT NOT NULL DEFAULT '',"
  "  text        TEXT NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  UNIQUE (pack_id, uuid)"
  ");"
  "CREATE TABLE bundle_packs ("
  "  id             INTEGER PRIMARY KEY,"
  "  uuid           TEXT NOT NULL UNIQUE,"
  "  title          TEXT NOT NULL,"
  "  committee      TEXT NOT NULL DEFAULT '',"
  "  meeting_date   TEXT,"
  "  author         TEXT NOT NULL DEFAULT '',"
  "  classification TEXT NOT NULL DEFAULT 'public'"
  "                 CHECK (classification IN ('public', 'exempt')),"
  "  introduction   TEXT NOT NULL DEFAULT '',"
  "  cohorts        TEXT NOT NULL DEFAULT '[]',"
  "  exported_at    TEXT NOT NULL,"
  "  opened_at      TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE TABLE bundle_sections ("
  "  id        INTEGER PRIMARY KEY,"
  "  bundle_id INTEGER NOT NULL REFERENCES bundle_packs (id) ON DELETE CASCADE,"
  "  position  INTEGER NOT NULL,"
  "  uuid      TEXT NOT NULL,"
  "  title     TEXT NOT NULL,"
  "  cohort    TEXT"
  ");"
  "CREATE TABLE bundle_findings ("
  "  id             INTEGER PRIMARY KEY,"
  "  bundle_id      INTEGER NOT NULL REFERENCES bundle_packs (id) ON DELETE CASCADE,"
  "  uuid           TEXT NOT NULL,"
  "  report_sha256  TEXT NOT NULL CHECK (length (report_sha256) = 64),"
  "  page_number    INTEGER NOT NULL CHECK (page_number >= 1),"
  "  quads          TEXT NOT NULL DEFAULT '[]',"
  "  quote          TEXT NOT NULL,"
  "  paragraph      INTEGER,"
  "  kind           TEXT NOT NULL,"
  "  status         TEXT,"
  "  note           TEXT NOT NULL DEFAULT '',"
  "  cohorts        TEXT NOT NULL DEFAULT '[]',"
  "  classification TEXT NOT NULL DEFAULT 'public'"
  "                 CHECK (classification IN ('public', 'exempt')),"
  "  citation       TEXT NOT NULL,"
  "  about          TEXT NOT NULL,"
  "  UNIQUE (bundle_id, uuid)"
  ");"
  "CREATE INDEX bundle_findings_by_report ON bundle_findings (report_sha256);"
  "CREATE TABLE bundle_items ("
  "  id         INTEGER PRIMARY KEY,"
  "  section_id INTEGER NOT NULL REFERENCES bundle_sections (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  kind       TEXT NOT NULL CHECK (kind IN ('finding', 'note', 'heading')),"
  "  finding_id INTEGER REFERENCES bundle_findings (id) ON DELETE CASCADE,"
  "  text       TEXT NOT NULL DEFAULT '',"
  "  CHECK ((kind = 'finding') = (finding_id IS NOT NULL))"
  ");"
  "CREATE TABLE bundle_reports ("
  "  bundle_id     INTEGER NOT NULL REFERENCES bundle_packs (id) ON DELETE CASCADE,"
  "  report_sha256 TEXT NOT NULL CHECK (length (report_sha256) = 64),"
  "  position      INTEGER NOT NULL,"
  "  title         TEXT NOT NULL,"
  "  PRIMARY KEY (bundle_id, report_sha256)"
  ") WITHOUT ROWID;"
  "CREATE TABLE report_origins ("
  "  report_sha256 TEXT PRIMARY KEY CHECK (length (report_sha256) = 64),"
  "  pack_uuid     TEXT NOT NULL,"
  "  pack_title    TEXT NOT NULL,"
  "  added_at      TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE member_notes ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  pack_uuid   TEXT NOT NULL,"
  "  target      TEXT NOT NULL CHECK (target IN ('finding', 'section')),"
  "  target_uuid TEXT NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  question    INTEGER NOT NULL DEFAULT 0,"
  "  about       TEXT NOT NULL DEFAULT '',"
  "  citation    TEXT NOT NULL DEFAULT '',"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL"
  ");"
  "CREATE INDEX member_notes_by_pack ON member_notes (pack_uuid, target_uuid);",

  /* 10: tracked recommendations: items with owners and due dates, their
   * dated status history with evidence findings, and confirmed links
   * between a recommendation and its repetition. An item outlives its
   * report: removing the report keeps the item, named by the report's
   * title and date. (No column is called report_id, so that merging
   * libraries does not take these rows for a report's own.) */
  "CREATE TABLE recommendations ("
  "  id             INTEGER PRIMARY KEY,"
  "  authority      TEXT NOT NULL COLLATE NOCASE,"
  "  text           TEXT NOT NULL CHECK (length (trim (text)) > 0),"
  "  report_sha256  TEXT REFERENCES reports (sha256) ON DELETE SET NULL,"
  "  paragraph      INTEGER CHECK (paragraph IS NULL OR paragraph >= 1),"
  "  page_number    INTEGER CHECK (page_number IS NULL OR page_number >= 1),"
  "  source_label   TEXT NOT NULL DEFAULT '',"
  "  source_type    TEXT NOT NULL DEFAULT 'other',"
  "  source_date    TEXT,"
  "  owner          TEXT NOT NULL DEFAULT '',"
  "  due            TEXT,"
  "  classification TEXT NOT NULL DEFAULT 'public'"
  "                 CHECK (classification IN ('public', 'exempt')),"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ");"
  "CREATE INDEX recommendations_by_authority ON recommendations (authority);"
  "CREATE INDEX recommendations_by_report ON recommendations (report_sha256);"
  "CREATE TRIGGER recommendations_keep_source BEFORE DELETE ON reports BEGIN"
  "  UPDATE recommendations SET source_label = old.title,"
  "    source_type = coalesce (old.doc_type, 'other'),"
  "    source_date = coalesce (old.inspection_end, old.published, source_date)"
  "    WHERE report_sha256 = old.sha256;"
  "END;"
  "CREATE TABLE recommendation_cohorts ("
  "  recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,"
  "  cohort_id         INTEGER NOT NULL REFERENCES cohorts (id) ON DELETE RESTRICT,"
  "  PRIMARY KEY (recommendation_id, cohort_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE recommendation_entries ("
  "  id                INTEGER PRIMARY KEY,"
  "  recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,"
  "  status            TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress',"
  "                      'evidence_of_impact', 'met', 'not_met')),"
  "  date              TEXT NOT NULL,"
  "  note              TEXT NOT NULL DEFAULT '',"
  "  created_at        TEXT NOT NULL"
  ");"
  "CREATE INDEX recommendation_entries_by_item"
  "  ON recommendation_entries (recommendation_id, date, id);"
  "CREATE TABLE recommendation_evidence ("
  "  entry_id   INTEGER NOT NULL REFERENCES recommendation_entries (id) ON DELETE CASCADE,"
  "  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (entry_id, finding_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_evidence_by_finding ON recommendation_evidence (finding_id);"
  "CREATE TABLE recommendation_links ("
  "  earlier_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,"
  "  later_id   INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,"
  "  score      REAL,"
  "  linked_at  TEXT NOT NULL,"
  "  PRIMARY KEY (earlier_id, later_id),"
  "  CHECK (earlier_id <> later_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX recommendation_links_by_later ON recommendation_links (later_id);",

  /* 11: board papers: a pack's agenda item, its author's contact details,
   * and the paragraph of Schedule 12A to the Local Government Act 1972
   * that makes an exempt pack exempt. */
  "ALTER TABLE packs ADD COLUMN agenda_item TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE packs ADD COLUMN contact TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE packs ADD COLUMN exempt_paragraph INTEGER"
  "  CHECK (exempt_paragraph IS NULL OR exempt_paragraph BETWEEN 1 AND 7);",

  /* 12: the library's identity, and the token of the session that last began
   * writing: they tell this library's journal from any other's
   * (pb-library-session.c), and this library's backups from others'. */
  "CREATE TABLE library_meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO library_meta (key, value) VALUES ('uuid', lower (hex (randomblob (16))));",

  /* 13: pack sections of other kinds than findings: the recommendation
   * tracker as a table, or two reports compared ("Since the last
   * inspection"), with what each shows as a JSON object
   * (pb-pack-section.c). Older sections are findings sections. */
  "ALTER TABLE pack_sections ADD COLUMN kind TEXT NOT NULL DEFAULT 'findings'"
  "  CHECK (kind IN ('findings', 'recommendations', 'comparison'));"
  "ALTER TABLE pack_sections ADD COLUMN options TEXT NOT NULL DEFAULT '{}';",

  /* 14: the officer's daily loop: a section's grade offered as context (it
   * was offered as a strength or an area for improvement: the structure
   * offers no other passage as either); the date a document gives itself
   * (a meeting's, a letter's); and a report's title, authority and date as
   * the officer corrects them. */
  "UPDATE suggestions SET kind = 'context'"
  "  WHERE source = 'structure' AND kind IN ('strength', 'area_for_improvement');"
  "ALTER TABLE reports ADD COLUMN stated_date TEXT;"
  "ALTER TABLE reports ADD COLUMN user_title TEXT;"
  "ALTER TABLE reports ADD COLUMN user_authority TEXT;"
  "ALTER TABLE reports ADD COLUMN user_date TEXT;",

  /* 15: member bundles opened whole or not at all: the reports an opening
   * bundle is importing that the library did not have, until the pack is
   * in place; what a killed or failed opening leaves listed here is
   * removed on the next (pb-bundle-opening.c). */
  "CREATE TABLE bundle_opening ("
  "  report_sha256 TEXT PRIMARY KEY CHECK (length (report_sha256) = 64)"
  ") WITHOUT ROWID;",

  /* 16: which member bundle of a pack is newer, by a count the officer's
   * library keeps (one more each time the pack is bundled), not by the
   * exporting machine's clock; 0 for bundles made before it. */
  /* In parentheses: one step of two statements, not two steps. */
  ("ALTER TABLE packs ADD COLUMN bundle_revision INTEGER NOT NULL DEFAULT 0;"
   "ALTER TABLE bundle_packs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;"),

  /* 17: search at 100,000 pages (issue 20): the page text index keeps the
   * words' first 3 and 4 characters as well, so that a prefix search
   * ("chil*": search refuses shorter ones, longer ones match fewer words)
   * reads one list instead of merging every word it starts: 3-5 times
   * faster, for an index 2.5 times the size (about 1 KB a page more).
   * FTS5 cannot add a prefix index to a table, so the index is made again
   * from the page text; the triggers that keep it name it, so they stay.
   * (IF EXISTS and WHERE EXISTS: a test's stand-in for an old library
   * has no pages.) */
  ("DROP TABLE IF EXISTS report_pages_fts;"
   "CREATE VIRTUAL TABLE report_pages_fts USING fts5 ("
   "  text, content = 'report_pages', content_rowid = 'id',"
   "  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3 4'"
   ");"
   "INSERT INTO report_pages_fts (report_pages_fts) SELECT 'rebuild'"
   "  WHERE EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'report_pages');"),
};

/**
 * pb_schema_latest_version:
 * Returns: the schema version this build brings libraries to: the number of
 *   steps it knows
 */
guint
pb_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * pb_schema_get_version:
 * @db: a connection
 * @error: a #GError, or %NULL
 *
 * Returns: the database's schema version, its SQLite user_version (0 for a
 *   new, empty file); or -1 with @error set (%PB_DB_ERROR)
 */
gint
pb_schema_get_version (sqlite3  *db,
                       GError  **error)
{
  return (gint)pb_db_query_int (db, "PRAGMA user_version", error);
}

/**
 * pb_schema_migrate:
 * @db: a connection that can write
 * @target_version: the version to bring the database to, at most
 *   pb_schema_latest_version()
 * @error: a #GError, or %NULL
 *
 * Runs the schema's steps from the database's version up to
 * @target_version. Each step is its own transaction that also sets
 * user_version: a crash between steps leaves a library at an older,
 * consistent version, and the next start carries on from there. The version
 * is read again under the write lock before every step, for another process
 * may have taken the step meanwhile. A database at or past @target_version
 * is left as it is.
 *
 * Returns: %TRUE, or %FALSE with @error set (%PB_DB_ERROR), the failing
 *   step rolled back
 */
gboolean
pb_schema_migrate (sqlite3  *db,
                   guint     target_version,
                   GError  **error)
{
  gint current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version <= G_N_ELEMENTS (migrations), FALSE);

  /* Each step is its own transaction: a crash between steps leaves a library at
   * an older, consistent version, and the next start carries on from there.
   * The version is read again under the write lock for every step, because
   * another process opening the same library at the same moment may have
   * taken the step since this one last looked. */
  for (;;)
    {
      g_autofree char *set_version = NULL;

      if (!pb_db_begin (db, error))
        return FALSE;

      if ((current = pb_schema_get_version (db, error)) < 0)
        {
          pb_db_rollback (db);
          return FALSE;
        }

      if ((guint)current >= target_version)
        {
          pb_db_rollback (db);
          return TRUE;
        }

      /* PRAGMA takes no bound parameters; the value is our own integer. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", current + 1);

      if (!pb_db_exec (db, migrations[current], error) ||
          !pb_db_exec (db, set_version, error) ||
          !pb_db_commit (db, error))
        {
          pb_db_rollback (db);
          return FALSE;
        }

      g_debug ("Library schema migrated to version %d", current + 1);
    }
}
