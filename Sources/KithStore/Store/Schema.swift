/// The store's schema, as migrations on `PRAGMA user_version`.
///
/// Never edit a released migration: add a new one. `SchemaTests` builds a
/// store at every earlier version and upgrades it.
enum Schema {
    static let migrations: [Migration] = [
        Migration(
            version: 1, name: "surveys, batches, questions, responses, scores",
            sql: """
                CREATE TABLE survey (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL CHECK (kind IN ('citizens-panel', 'e-survey', 'service-outcomes')),
                    invited INTEGER CHECK (invited IS NULL OR invited >= 0),
                    period TEXT,
                    notes TEXT,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE batch (
                    id INTEGER PRIMARY KEY,
                    survey_id INTEGER NOT NULL REFERENCES survey(id),
                    file_name TEXT NOT NULL,
                    file_sha256 TEXT NOT NULL,
                    file_bytes INTEGER NOT NULL,
                    dialect TEXT NOT NULL,
                    encoding TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    imported_by TEXT,
                    tool TEXT NOT NULL,
                    options TEXT NOT NULL,
                    rows_read INTEGER NOT NULL,
                    added INTEGER NOT NULL,
                    unchanged INTEGER NOT NULL,
                    replaced INTEGER NOT NULL,
                    kept INTEGER NOT NULL,
                    excluded INTEGER NOT NULL,
                    flagged INTEGER NOT NULL,
                    report TEXT NOT NULL,
                    undone_at TEXT
                );
                CREATE TABLE scoring (
                    id INTEGER PRIMARY KEY,
                    scales TEXT NOT NULL UNIQUE
                );
                CREATE TABLE question (
                    id INTEGER PRIMARY KEY,
                    survey_id INTEGER NOT NULL REFERENCES survey(id),
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    text TEXT NOT NULL,
                    item TEXT,
                    kind TEXT NOT NULL,
                    identifying INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (survey_id, key),
                    UNIQUE (survey_id, position)
                );
                CREATE TABLE question_value (
                    question_id INTEGER NOT NULL REFERENCES question(id),
                    id INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (question_id, id)
                ) WITHOUT ROWID;
                CREATE TABLE response (
                    id INTEGER PRIMARY KEY,
                    survey_id INTEGER NOT NULL REFERENCES survey(id),
                    batch_id INTEGER NOT NULL REFERENCES batch(id),
                    response_key BLOB NOT NULL,
                    person_key BLOB,
                    source_id TEXT,
                    person_id TEXT,
                    wave TEXT,
                    provider TEXT,
                    started_at TEXT,
                    submitted_at TEXT,
                    status TEXT NOT NULL CHECK (status IN ('complete', 'partial')),
                    flag TEXT,
                    source_row INTEGER NOT NULL,
                    content_hash INTEGER NOT NULL,
                    answers BLOB NOT NULL,
                    scoring_id INTEGER NOT NULL REFERENCES scoring(id),
                    scores BLOB NOT NULL
                );
                CREATE UNIQUE INDEX response_identity ON response (survey_id, response_key);
                CREATE TABLE replaced_response (
                    id INTEGER NOT NULL,
                    replaced_by_batch INTEGER NOT NULL REFERENCES batch(id),
                    survey_id INTEGER NOT NULL,
                    batch_id INTEGER NOT NULL,
                    response_key BLOB NOT NULL,
                    person_key BLOB,
                    source_id TEXT,
                    person_id TEXT,
                    wave TEXT,
                    provider TEXT,
                    started_at TEXT,
                    submitted_at TEXT,
                    status TEXT NOT NULL,
                    flag TEXT,
                    source_row INTEGER NOT NULL,
                    content_hash INTEGER NOT NULL,
                    answers BLOB NOT NULL,
                    scoring_id INTEGER NOT NULL,
                    scores BLOB NOT NULL
                );
                """),
        Migration(
            version: 2, name: "indexes for undoing batches",
            sql: """
                CREATE INDEX response_batch ON response (batch_id);
                CREATE INDEX replaced_batch ON replaced_response (replaced_by_batch);
                """),
        Migration(
            version: 3, name: "question details: multi-select layout, options, codebook",
            sql: """
                ALTER TABLE question ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
                """),
        // Keeping (batch_id) indexed cost every imported row a B-tree search and insert;
        // undo and the batch list read the table once instead.
        Migration(
            version: 4, name: "no batch index on responses: imports append faster",
            sql: """
                DROP INDEX response_batch;
                """),
        Migration(version: 5, name: "responses stored in blocks", Schema.storeResponsesInBlocks)
    ]

    static let migrator = Migrator(migrations)
}
