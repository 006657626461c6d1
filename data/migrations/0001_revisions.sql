-- Live publishing: one append-only log of revisions (think ALFRED vintages).
--
-- Every change is a row; nothing is ever updated or deleted (the triggers at the end refuse it). A row's `kind` says
-- what it publishes:
--   dataset      a new dataset (body: its definition; dataset_id: its id)
--   indicator    a new indicator in a dataset (body: its definition; dataset_id: the dataset) together with its first
--                observation (the observation columns below), so an indicator never exists without a value
--   observation  one figure for one reference period of an indicator: a new period or a correction of an old one
--   withdrawal   an indicator taken out of the current data; it stays in the history and its id is never reused
--   news         a dated news item (body: the item; source: where it is reported); a later row with the same id
--                corrects it
--
-- `subject` names what a row is about, with its namespace: `dataset:<id>`, `indicator:<id>`, `news:<id>`. The version
-- of a subject (the basis of its ETag and of If-Match) is the highest `seq` of its rows.
--
-- Query plans (the Worker's statements, see worker/store/):
--   head / data version      SELECT seq, id FROM revisions ORDER BY seq DESC LIMIT 1
--                            -> last entry of the rowid b-tree (seq is the INTEGER PRIMARY KEY); one page read.
--   change log, ?after=<id>  SELECT ... WHERE seq > (SELECT seq FROM revisions WHERE id = ?) ORDER BY seq LIMIT ?
--                            -> the UNIQUE(id) autoindex finds the cursor, then a rowid range scan in order.
--                            AUTOINCREMENT: seq never goes back or gets reused, even after a failed insert, so a
--                            cursor stays valid forever.
--   history of a subject     SELECT ... WHERE subject = ? ORDER BY seq      -> revisions_by_subject, no sort step.
--   If-Match compare-and-set (SELECT max(seq) FROM revisions WHERE subject = ?)
--                            -> revisions_by_subject, min/max optimisation: one seek to the subject's last entry.
--   current value            SELECT ... WHERE subject = ? AND period IS NOT NULL
--                            ORDER BY period_end DESC, seq DESC LIMIT 1
--                            -> revisions_observed (partial: only rows that carry an observation), walked backwards;
--                            the first entry is the answer (latest period by its END, then the latest revision).
--   correction lookup        SELECT id ... WHERE subject = ? AND period = ? ORDER BY seq DESC LIMIT 1 (`replaces`)
--                            -> revisions_by_subject backwards; a subject has few rows.
--   vintage version (day D)  SELECT seq FROM revisions WHERE published_at < <D+1>T00:00:00.000Z
--                            ORDER BY published_at DESC, seq DESC LIMIT 1
--                            -> revisions_published walked backwards from D+1: one seek, covering. (`max(seq) ...
--                            WHERE published_at < ?` would instead walk the rowid back through every later revision.)
--   vintage snapshot         SELECT ... WHERE seq > ? AND published_at < ? ORDER BY seq LIMIT 5000
--                            -> rowid range scan with a filter, 5,000 rows a query: it reads nearly every row anyway,
--                            and needs no sort. Built once per vintage per isolate (from the isolate's own log when it
--                            reaches that far).
--   idempotency key          SELECT ... WHERE idempotency_key = ?           -> revisions_idempotency (unique).
--   snapshot build           SELECT ... WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT 5000
--                            -> rowid range scan, 5,000 rows a query (D1 answers at most 50 MB a query; 100,000
--                            revisions are about 47 MB). The whole log once per isolate; after that only the rows
--                            newer than the isolate's snapshot, folded onto it.
--
-- `npm run scale` prints these plans on a log of 100,100 revisions and fails if one scans or sorts where an index is
-- meant; test/worker/store/query-plans.test.ts checks them on every test run.

CREATE TABLE revisions (
  -- Position in the global change log: monotonic, never reused.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Public revision id: deterministic for the seed (`seed-...`), random for live writes.
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('dataset', 'indicator', 'observation', 'withdrawal', 'news')),
  subject TEXT NOT NULL,
  -- The dataset a dataset or indicator row is about or belongs to.
  dataset_id TEXT,
  -- The observation (indicator and observation rows): ISO 8601 reference period, its last day (for ordering), the
  -- date the source says the figure stands at, the value in base units (yuan, not 亿元), the qualifier (以上 at_least,
  -- 左右 about, 多/余/超/超过 more_than) and the figure as the source writes it.
  period TEXT,
  period_end TEXT,
  as_of TEXT,
  value REAL,
  qualifier TEXT CHECK (qualifier IN ('exact', 'at_least', 'more_than', 'about')),
  figure TEXT,
  -- JSON: {publisher, title, section?, url?, quote?} (observations and news).
  source TEXT,
  -- JSON definition of a dataset, indicator or news item, validated by worker/schema before it is written.
  body TEXT,
  reason TEXT NOT NULL,
  -- UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`, so text order is time order. Live writes take the database's clock.
  published_at TEXT NOT NULL,
  -- Name of the token that published the row (`seed` for the bundled data).
  publisher TEXT NOT NULL,
  -- The revision this one corrects (same observation period, or same news item).
  replaces TEXT REFERENCES revisions (id),
  -- Client-chosen key of the write request and a hash of its body: a retry with the same key and body gets the first
  -- result back; the same key with another body is a conflict.
  idempotency_key TEXT,
  request_hash TEXT,
  CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
  CHECK (
    CASE kind
      WHEN 'dataset' THEN body IS NOT NULL AND dataset_id IS NOT NULL AND period IS NULL
      WHEN 'indicator' THEN body IS NOT NULL AND dataset_id IS NOT NULL AND period IS NOT NULL
      WHEN 'observation' THEN body IS NULL AND period IS NOT NULL
      WHEN 'withdrawal' THEN body IS NULL AND period IS NULL
      WHEN 'news' THEN body IS NOT NULL AND source IS NOT NULL AND period IS NULL
    END
  ),
  CHECK (
    (period IS NULL AND period_end IS NULL AND value IS NULL AND qualifier IS NULL AND (source IS NULL OR kind = 'news'))
    OR (period IS NOT NULL AND period_end IS NOT NULL AND value IS NOT NULL AND qualifier IS NOT NULL
      AND source IS NOT NULL)
  )
);

-- History per subject in order; max(seq) per subject for If-Match; existence checks of a subject.
CREATE INDEX revisions_by_subject ON revisions (subject, seq);

-- Current value and series per indicator: only rows that carry an observation.
CREATE INDEX revisions_observed ON revisions (subject, period_end, seq) WHERE period IS NOT NULL;

-- Vintage queries: the newest revision published before the end of a day (the vintage's version), and the revisions
-- published in a time range (what changed on a day).
CREATE INDEX revisions_published ON revisions (published_at, seq);

-- Idempotency keys are unique; most rows have none.
CREATE UNIQUE INDEX revisions_idempotency ON revisions (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Ids are never reused: a dataset or indicator is created once, withdrawn at most once. A backstop for the guards of the
-- Worker's INSERT ... SELECT ... WHERE statements, which check the same before writing.
CREATE UNIQUE INDEX revisions_created ON revisions (subject) WHERE kind IN ('dataset', 'indicator');
CREATE UNIQUE INDEX revisions_withdrawn ON revisions (subject) WHERE kind = 'withdrawal';

-- Append-only: history is never rewritten.
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only: publish a new revision instead');
END;

CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are append-only: withdraw an indicator instead of deleting it');
END;
