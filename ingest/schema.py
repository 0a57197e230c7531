"""DDL of the raw layer: what ingest writes for every pack.

The same six tables exist in three schemas of the working database:

* ``stage``      - a pack just extracted, waiting for its expectation gate;
* ``raw``        - packs that passed their gate: the dbt sources read only these;
* ``quarantine`` - packs that failed a blocking expectation, kept for inspection.

``ops`` holds the load log and the file -> pack index.
"""

RAW_TABLES: dict[str, str] = {
    "packs": """
        pack_id VARCHAR NOT NULL,          -- first 16 hex digits of sha256: same bytes, same pack
        sha256 VARCHAR NOT NULL,
        file_name VARCHAR NOT NULL,
        byte_count BIGINT NOT NULL,
        line_count INTEGER NOT NULL,
        encoding VARCHAR NOT NULL,         -- utf-8 or cp1252
        council VARCHAR,                   -- as printed or inferred
        council_line INTEGER,
        council_method VARCHAR,            -- printed | inferred_from_text | null
        council_confidence DOUBLE,         -- 0..1
        committee VARCHAR,
        committee_line INTEGER,
        meeting_date DATE,
        meeting_date_line INTEGER,
        meeting_time VARCHAR,              -- HH:MM 24h
        venue VARCHAR,
        venue_line INTEGER,
        missing_reasons VARCHAR,           -- JSON object: field -> why it is null
        parser_version VARCHAR NOT NULL,
        extracted_at TIMESTAMP NOT NULL
    """,
    "documents": """
        pack_id VARCHAR NOT NULL,
        document_id VARCHAR NOT NULL,      -- pack_id || '-d' || seq (3 digits)
        seq INTEGER NOT NULL,
        kind VARCHAR NOT NULL,             -- agenda | minutes | report | appendix
        title VARCHAR,
        officer VARCHAR,
        first_line INTEGER NOT NULL,
        last_line INTEGER NOT NULL,
        marker VARCHAR NOT NULL            -- which boundary marker opened it
    """,
    "tables": """
        pack_id VARCHAR NOT NULL,
        table_id VARCHAR NOT NULL,         -- pack_id || '-t' || seq (3 digits)
        seq INTEGER NOT NULL,
        document_id VARCHAR,
        first_line INTEGER NOT NULL,
        last_line INTEGER NOT NULL,
        layout VARCHAR NOT NULL,           -- grid | key_value
        caption VARCHAR,                   -- heading/caption lines just above, joined by ' / '
        caption_first_line INTEGER,
        as_of_text VARCHAR,                -- e.g. 'Data as of the end of February 2022'
        header_first_line INTEGER,
        header_last_line INTEGER,
        column_names VARCHAR[] NOT NULL,   -- resolved header, one per column ('' where blank)
        n_columns INTEGER NOT NULL,
        n_header_rows INTEGER NOT NULL,
        n_body_rows INTEGER NOT NULL
    """,
    "table_cells": """
        pack_id VARCHAR NOT NULL,
        table_id VARCHAR NOT NULL,
        row_index INTEGER NOT NULL,        -- 0-based logical body row; header cells use -1
        col_index INTEGER NOT NULL,        -- 0-based
        part INTEGER NOT NULL,             -- 0, or 1.. for a continuation line stitched onto the
                                           -- same logical row (e.g. 'Comparison' + 'Totals for
                                           -- 2013/14', or an unlabelled % line under a fraction
                                           -- line); (table_id, row_index, col_index, part) is
                                           -- the key and each part keeps its own line_number
        row_label VARCHAR,                 -- clean text of the logical row's first cell, all
                                           -- parts joined ('Comparison Totals for 2013/14')
        column_name VARCHAR,               -- resolved header of this column
        cell_key VARCHAR,                  -- key_value layout: the label inside the cell
        raw_text VARCHAR NOT NULL,         -- exactly as printed on line_number
        clean_text VARCHAR NOT NULL,       -- HTML stripped, entities decoded, whitespace folded
        line_number INTEGER NOT NULL       -- 1-based line of the pack holding this cell
    """,
    "lines": """
        pack_id VARCHAR NOT NULL,
        line_number INTEGER NOT NULL,      -- 1-based
        text VARCHAR NOT NULL,
        has_tab BOOLEAN NOT NULL
    """,
    "prose_numbers": """
        pack_id VARCHAR NOT NULL,
        mention_seq INTEGER NOT NULL,      -- 0-based order of the number in the pack's prose
        line_number INTEGER NOT NULL,      -- 1-based line the number is printed on
        sentence_first_line INTEGER NOT NULL,
        sentence_last_line INTEGER NOT NULL,
        sentence VARCHAR NOT NULL,         -- the sentence, markup stripped, wrapped lines joined
        char_start INTEGER NOT NULL,       -- span of the number (with its unit) in sentence
        char_end INTEGER NOT NULL,
        number_text VARCHAR NOT NULL,      -- as printed: '49.45%', 'Forty-eight', 'a third'
        value DOUBLE,                      -- as read (fractions as a percent: 'a third' = 33.33)
        value_high DOUBLE,                 -- upper end of a range ('between 50-60')
        number_form VARCHAR NOT NULL,      -- digits | words | fraction
        qualifier VARCHAR,                 -- over, at_least, about, almost, under, up_to, between
        unit_cue VARCHAR,                  -- percent, per_10000, weeks, days, working_days, gbp
        role VARCHAR NOT NULL,             -- level | change | from | to
        direction VARCHAR,                 -- up | down (changes and 'from X to Y')
        comparison_value DOUBLE,           -- the earlier figure of 'from 40 to 25' / 'up from 62%'
        comparison_text VARCHAR,
        comparison_period_text VARCHAR,
        anchor_seq INTEGER,                -- mention_seq of the figure a change is about
        before_text VARCHAR NOT NULL,      -- words before the number (cut at the previous number)
        after_text VARCHAR NOT NULL,       -- words after the number (cut at the next number)
        period_text VARCHAR,               -- nearest period phrase: 'in 2014/15', 'As at 28 August'
        skip_reason VARCHAR,               -- why it is not a quantity (page, paragraph_number,
                                           -- date, year, phone, reference, label, age ...); null
                                           -- for a candidate fact
        context_before VARCHAR NOT NULL    -- the prose just before the sentence (up to 300
                                           -- characters): what 'this figure' or 'of these' is
    """,
}

PACK_SCHEMAS = ("stage", "raw", "quarantine")

OPS_DDL = """
CREATE SCHEMA IF NOT EXISTS ops;
CREATE TABLE IF NOT EXISTS ops.pack_files (
    file_name VARCHAR PRIMARY KEY,     -- the file in the packs folder
    pack_id VARCHAR NOT NULL,          -- the pack its bytes are
    sha256 VARCHAR NOT NULL,
    status VARCHAR NOT NULL,           -- promoted | quarantined | duplicate | error | removed
    message VARCHAR,
    updated_at TIMESTAMP NOT NULL
);
ALTER TABLE ops.pack_files ADD COLUMN IF NOT EXISTS parser_version VARCHAR;
ALTER TABLE ops.pack_files ADD COLUMN IF NOT EXISTS file_size BIGINT;
ALTER TABLE ops.pack_files ADD COLUMN IF NOT EXISTS file_mtime_ns BIGINT;
-- Packs whose rows the marts must (re)transform or drop at the next publish (dbt source
-- ops.publish_queue; incremental models read it). action: load (new rows in raw), remove (rows
-- gone from raw), supersede (an older version of a file, dropped once its successor passes
-- the fact gate). Emptied by a successful publish.
CREATE TABLE IF NOT EXISTS ops.publish_queue (
    pack_id VARCHAR NOT NULL,
    file_name VARCHAR,
    action VARCHAR NOT NULL,
    superseded_by VARCHAR,
    queued_at TIMESTAMP NOT NULL
);
-- What the last successful publish transformed with: a hash of the dbt project. When the
-- project changes (a model, a seed row), every pack is transformed again (full refresh).
CREATE TABLE IF NOT EXISTS ops.transform_state (
    fingerprint VARCHAR NOT NULL,
    published_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS ops.load_log (
    run_id VARCHAR,
    file_name VARCHAR NOT NULL,
    pack_id VARCHAR,
    sha256 VARCHAR,
    status VARCHAR NOT NULL,
    message VARCHAR,
    logged_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS ops.gate_results (
    pack_id VARCHAR,
    file_name VARCHAR,
    suite VARCHAR NOT NULL,
    expectation VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,         -- blocking | warning
    success BOOLEAN NOT NULL,
    note VARCHAR,
    unexpected_count BIGINT,
    sample VARCHAR,                    -- JSON list of offending values with their lines
    validated_at TIMESTAMP NOT NULL
);
"""


def create_table_sql(schema: str, table: str) -> str:
    return f"CREATE TABLE IF NOT EXISTS {schema}.{table} ({RAW_TABLES[table]})"


def ensure_schemas(con) -> None:
    """Create every raw-layer schema and table if missing (idempotent)."""
    for schema in PACK_SCHEMAS:
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        for table in RAW_TABLES:
            con.execute(create_table_sql(schema, table))
    con.execute(OPS_DDL)
