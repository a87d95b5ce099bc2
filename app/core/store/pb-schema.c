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

  /* 8: the officer's daily loop: a section's grade offered as context (it
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
};

guint
pb_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gint
pb_schema_get_version (sqlite3  *db,
                       GError  **error)
{
  return (gint)pb_db_query_int (db, "PRAGMA user_version", error);
}

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
