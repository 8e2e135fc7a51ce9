-- Marsad store schema (DuckDB). One row per article, mention and event.
-- Offsets are code-point offsets into articles.text. Owned by marsad.store;
-- marsad.web reads it. Changes here need a migration note in docs/store.md.

CREATE SEQUENCE IF NOT EXISTS run_seq START 1;

CREATE TABLE IF NOT EXISTS runs (
    run_id      INTEGER PRIMARY KEY,
    version     VARCHAR NOT NULL,
    started     TIMESTAMP NOT NULL,
    finished    TIMESTAMP,
    options     JSON,
    counts      JSON,
    seconds     DOUBLE
);

CREATE TABLE IF NOT EXISTS articles (
    doc_id      VARCHAR PRIMARY KEY,
    source      VARCHAR,
    url         VARCHAR,
    title       VARCHAR,
    published   TIMESTAMP,
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    raw         VARCHAR,
    input       VARCHAR,          -- path or URL it was read from
    record_no   INTEGER,          -- 1-based record within the input
    run_id      INTEGER,
    record      JSON NOT NULL     -- the full contract record
);

-- Near-identical reposts: linked to the stored article, not coded again.
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id        VARCHAR NOT NULL,  -- id the repost would have had
    duplicate_of  VARCHAR NOT NULL,  -- articles.doc_id
    similarity    DOUBLE,
    input         VARCHAR,
    record_no     INTEGER,
    url           VARCHAR,
    run_id        INTEGER
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    type VARCHAR, actor_id VARCHAR, label_en VARCHAR,
    country VARCHAR, sector VARCHAR, wikidata VARCHAR
);

CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    geonameid BIGINT, name_en VARCHAR, latitude DOUBLE, longitude DOUBLE,
    country_code VARCHAR, admin1 VARCHAR, feature VARCHAR
);

CREATE TABLE IF NOT EXISTS times (
    doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, start_char INTEGER, end_char INTEGER,
    value VARCHAR, granularity VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL, mode VARCHAR, cameo_root VARCHAR,
    quad VARCHAR,                 -- verbal/material cooperation/conflict
    actor_text VARCHAR, actor_id VARCHAR, actor_label_en VARCHAR,
    actor_country VARCHAR, actor_sector VARCHAR,
    recipient_text VARCHAR, recipient_id VARCHAR, recipient_label_en VARCHAR,
    recipient_country VARCHAR, recipient_sector VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR,
    place_text VARCHAR, geonameid BIGINT, place_name_en VARCHAR,
    latitude DOUBLE, longitude DOUBLE, country_code VARCHAR,
    admin1 VARCHAR, feature VARCHAR,
    event_date DATE, date_inferred BOOLEAN,
    status VARCHAR,
    fatalities INTEGER, fatalities_qualifier VARCHAR,
    injuries INTEGER, injuries_qualifier VARCHAR,
    arrests INTEGER, arrests_qualifier VARCHAR,
    attributed_to_text VARCHAR, attributed_to_id VARCHAR,
    confidence DOUBLE, rule VARCHAR,
    record JSON NOT NULL          -- the full contract event object
);

CREATE TABLE IF NOT EXISTS errors (
    run_id INTEGER,
    input VARCHAR NOT NULL,
    record_no INTEGER,
    reason VARCHAR NOT NULL,
    created TIMESTAMP DEFAULT current_timestamp
);

-- Added in 0.1 (additive, safe on existing stores): repost fingerprint of the
-- body (marsad.store.fingerprint), looked up to link near-identical reposts.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS body_hash VARCHAR;
