#include "store/migrations.h"

#include <fmt/format.h>

#include "store/audit_state.h"

namespace embargo::store {

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "list versions, entities, customers, alerts, decisions, audit log", R"sql(
-- One row per stored version of a dataset (embargo update / import).
CREATE TABLE list_versions (
  id {{id}},
  dataset TEXT NOT NULL,
  source TEXT NOT NULL,           -- 'update <source>' or 'import'
  origin TEXT NOT NULL,           -- URLs or paths it came from
  format TEXT NOT NULL,
  published TEXT,                 -- the list's own publication date, when it gives one
  fetched_at TEXT NOT NULL,       -- UTC, when embargo stored it
  effective_date TEXT NOT NULL,   -- published, else the fetch date: in force from this day
  content_hash TEXT NOT NULL,     -- SHA-256 over the entity records (unchanged content = no new version)
  file_hash TEXT,                 -- SHA-256 of the files as read
  entity_count BIGINT NOT NULL
);
CREATE INDEX list_versions_dataset ON list_versions (dataset, effective_date, id);

-- Entities, content-addressed: an entity unchanged across versions is stored once.
CREATE TABLE entity_records (
  hash TEXT PRIMARY KEY,          -- SHA-256 of body
  entity_id TEXT NOT NULL,
  body TEXT NOT NULL              -- the entity as JSON (src/model/entity_json.h)
);
CREATE TABLE version_entities (
  version_id BIGINT NOT NULL REFERENCES list_versions (id),
  entity_id TEXT NOT NULL,
  record_hash TEXT NOT NULL REFERENCES entity_records (hash),
  PRIMARY KEY (version_id, entity_id)
);

-- Conditional-request state of each downloaded URL.
CREATE TABLE fetch_state (
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (source, url)
);

-- Monitored records (customers, counterparties, vessels).
CREATE TABLE customers (
  id {{id}},
  external_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  record TEXT NOT NULL,           -- JSON of the screening fields
  record_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  screened_hash TEXT,             -- record_hash when last screened; NULL = never
  screened_at TEXT
);

CREATE TABLE rescreen_runs (
  id {{id}},
  mode TEXT NOT NULL,             -- full | delta
  status TEXT NOT NULL,           -- running | done | interrupted
  started_at TEXT NOT NULL,
  finished_at TEXT,
  versions TEXT NOT NULL,         -- JSON {dataset: version id} screened against
  customers BIGINT NOT NULL DEFAULT 0,
  entities BIGINT NOT NULL DEFAULT 0,
  opened BIGINT NOT NULL DEFAULT 0,
  closed BIGINT NOT NULL DEFAULT 0,
  suppressed BIGINT NOT NULL DEFAULT 0
);

-- The list versions every monitored record was last fully screened against.
CREATE TABLE monitor_state (
  dataset TEXT PRIMARY KEY,
  version_id BIGINT NOT NULL REFERENCES list_versions (id),
  run_id BIGINT NOT NULL REFERENCES rescreen_runs (id)
);

CREATE TABLE alerts (
  id {{id}},
  customer_id BIGINT NOT NULL REFERENCES customers (id),
  entity_id TEXT NOT NULL,
  dataset TEXT NOT NULL,
  version_id BIGINT NOT NULL REFERENCES list_versions (id),
  entity_hash TEXT NOT NULL,
  customer_hash TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  explanation TEXT NOT NULL,      -- JSON: the match explanation
  status TEXT NOT NULL,           -- open | escalated | true_match | false_positive
  run_id BIGINT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  closed_at TEXT,                 -- NULL while live
  closed_reason TEXT
);
CREATE UNIQUE INDEX alerts_live_pair ON alerts (customer_id, entity_id) WHERE closed_at IS NULL;
CREATE INDEX alerts_entity ON alerts (entity_id);

CREATE TABLE decisions (
  id {{id}},
  alert_id BIGINT NOT NULL REFERENCES alerts (id),
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  analyst TEXT NOT NULL,
  decided_at TEXT NOT NULL
);

-- False-positive decisions: the pair stays quiet while neither side changes.
CREATE TABLE suppressions (
  customer_id BIGINT NOT NULL REFERENCES customers (id),
  entity_id TEXT NOT NULL,
  customer_hash TEXT NOT NULL,
  entity_hash TEXT NOT NULL,
  decision_id BIGINT NOT NULL REFERENCES decisions (id),
  PRIMARY KEY (customer_id, entity_id)
);

-- Append-only, hash-chained: hash = SHA-256(prev_hash and this row's fields).
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
)sql"},
      {2, "audit trail: table state in the chain, keyed anchors of its head", R"sql(
-- Keyed anchors of the audit chain's head (store/audit_head.h): after each
-- command that writes, when an audit key is configured, the last row's seq
-- and hash with their HMAC-SHA256 under that key (kept outside the database).
CREATE TABLE audit_anchors (
  seq BIGINT PRIMARY KEY,
  hash TEXT NOT NULL,
  hmac TEXT NOT NULL,
  key_id TEXT NOT NULL,           -- names the key (a prefix of its SHA-256), not the key
  at TEXT NOT NULL
);
)sql",
       // From now on every change records the rows' new state in the chain
       // (store/audit_state.h); the rows already stored are adopted as found.
       AdoptUnauditedState},
      {3, "payment cases, their decisions and good-guy entries", R"sql(
-- Payment messages `payments screen --store` held (store/payment_cases.h):
-- at most one held case per message content.
CREATE TABLE payment_cases (
  id {{id}},
  message_digest TEXT NOT NULL,   -- SHA-256 of the message content (payments/screening_json.h)
  message_type TEXT NOT NULL,     -- pacs.008.001.08, MT103 ...
  message_id TEXT NOT NULL,       -- MT :20:, ISO MsgId/EndToEndId
  file TEXT NOT NULL,             -- where it was read
  status TEXT NOT NULL,           -- held | released | blocked
  hits TEXT NOT NULL,             -- JSON array: the hits, each with its good-guy key
  message TEXT NOT NULL,          -- JSON: the message content
  list_versions TEXT NOT NULL,    -- JSON {dataset: version id} it was screened against
  created_at TEXT NOT NULL,
  decided_at TEXT                 -- NULL while held
);
CREATE UNIQUE INDEX payment_cases_held_digest ON payment_cases (message_digest)
  WHERE status = 'held';
CREATE INDEX payment_cases_status ON payment_cases (status, id);

CREATE TABLE payment_case_decisions (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES payment_cases (id),
  status TEXT NOT NULL,           -- released | blocked
  note TEXT NOT NULL,
  analyst TEXT NOT NULL,
  decided_at TEXT NOT NULL
);

-- Released cases' hits: the same text in the same field, matching the same
-- listed entity (unchanged: entity_hash) or place, is cleared, not held.
CREATE TABLE payment_good_guys (
  id {{id}},
  field TEXT NOT NULL,            -- the party's role, or the free-text path without indexes
  text TEXT NOT NULL,             -- what matched, as written
  entity_id TEXT NOT NULL,        -- the listed entity, or place:<jurisdiction>:<name>
  entity_hash TEXT NOT NULL,      -- the entity's record hash when released; '' for places
  case_id BIGINT NOT NULL REFERENCES payment_cases (id),
  created_at TEXT NOT NULL,
  lapsed_at TEXT                  -- NULL while in force
);
CREATE INDEX payment_good_guys_entity ON payment_good_guys (entity_id, field);
)sql"},
      {4, "four-eyes reviews of decisions; versions by entity", R"sql(
-- A decision that needs a second person (store/four_eyes.h) has a row here;
-- it takes effect on the alert only once a reviewer other than its analyst
-- approves it. A decision without a row took effect when it was made.
CREATE TABLE decision_reviews (
  decision_id BIGINT PRIMARY KEY REFERENCES decisions (id),
  alert_id BIGINT NOT NULL REFERENCES alerts (id),
  reason TEXT NOT NULL,           -- why it needs a second person
  state TEXT NOT NULL,            -- pending | approved | rejected | lapsed (its alert closed)
  reviewer TEXT,                  -- NULL while pending
  note TEXT,
  reviewed_at TEXT
);
CREATE UNIQUE INDEX decision_reviews_pending ON decision_reviews (alert_id)
  WHERE state = 'pending';

-- An entity's history across versions (store/entity_history.h).
CREATE INDEX version_entities_entity ON version_entities (entity_id);
)sql"},
      {5, "screening records; alert assignments", R"sql(
-- Every screening made with a store: who screened what, when, against which
-- list versions, with what result (store/screenings.h). Written in batches,
-- each covered by one audit row carrying the batch's SHA-256.
CREATE TABLE screenings (
  id BIGINT PRIMARY KEY,          -- assigned by the writer, in batch order
  at TEXT NOT NULL,
  actor TEXT NOT NULL,            -- the API key's user, or the OS user (CLI)
  channel TEXT NOT NULL,          -- api | cli
  kind TEXT NOT NULL,             -- name | batch | payment
  subject TEXT NOT NULL,          -- JSON: what was screened
  versions TEXT NOT NULL,         -- JSON {dataset: {source, published}}
  outcome TEXT NOT NULL,          -- alert | alerts | clear
  result TEXT NOT NULL,           -- JSON: the candidates or counts
  audit_seq BIGINT NOT NULL       -- the audit row that records its batch
);
CREATE INDEX screenings_actor ON screenings (actor, id);
CREATE INDEX screenings_at ON screenings (at);

-- Who works a live alert (store/alerts.h, AssignAlert); no row: nobody.
CREATE TABLE alert_assignments (
  alert_id BIGINT PRIMARY KEY REFERENCES alerts (id),
  assignee TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL
);
CREATE INDEX alert_assignments_assignee ON alert_assignments (assignee);
)sql"},
      {6, "four-eyes reviews of payment case releases", R"sql(
-- A release of a case whose hits are strong evidence (store/payment_cases.h,
-- ReleaseNeedsReview) waits here for a second person; the case stays held.
CREATE TABLE payment_case_reviews (
  decision_id BIGINT PRIMARY KEY REFERENCES payment_case_decisions (id),
  case_id BIGINT NOT NULL REFERENCES payment_cases (id),
  reason TEXT NOT NULL,           -- why it needs a second person
  state TEXT NOT NULL,            -- pending | approved | rejected | lapsed (the case was blocked)
  reviewer TEXT,                  -- NULL while pending
  note TEXT,
  reviewed_at TEXT
);
CREATE UNIQUE INDEX payment_case_reviews_pending ON payment_case_reviews (case_id)
  WHERE state = 'pending';
)sql"},
  };
  return kMigrations;
}

std::string MigrationSql(const Migration& migration, Dialect dialect) {
  std::string sql = migration.sql;
  const std::string id = dialect == Dialect::kSqlite
                             ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                             : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  for (size_t at; (at = sql.find("{{id}}")) != std::string::npos;) sql.replace(at, 6, id);
  return sql;
}

Result<int> Migrate(Database& db) {
  EMBARGO_RETURN_IF_ERROR(db.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL)"));
  auto tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.error();
  if (db.dialect() == Dialect::kPostgres) {
    // Two processes opening a new store at once: one migrates, the other waits.
    EMBARGO_RETURN_IF_ERROR(db.Exec("SELECT pg_advisory_xact_lock(7001)"));
  }
  auto current = db.QueryValue("SELECT max(version) FROM schema_migrations");
  if (!current.ok()) return current.error();
  int version = *current ? std::stoi(**current) : 0;
  const int latest = Migrations().back().version;
  if (version > latest) {
    return MakeError(fmt::format("{}: store schema version {} is newer than this embargo ({})",
                                 db.description(), version, latest));
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= version) continue;
    EMBARGO_RETURN_IF_ERROR(db.ExecScript(MigrationSql(m, db.dialect())));
    if (m.then != nullptr) EMBARGO_RETURN_IF_ERROR(m.then(db));
    EMBARGO_RETURN_IF_ERROR(
        db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                {int64_t{m.version}, m.name, NowUtc()}));
    version = m.version;
  }
  EMBARGO_RETURN_IF_ERROR(tx->Commit());
  return version;
}

}  // namespace embargo::store
