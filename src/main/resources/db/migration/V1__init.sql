-- IMPRESS store, version 1. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Conventions: ids are TEXT chosen by the application (trial keys are content hashes, so a
-- trial can never be inserted twice); times are TEXT in ISO-8601 UTC; booleans are INTEGER 0/1;
-- JSON documents are TEXT. No auto-increment columns: their syntax differs between engines.

-- A scenario as it was run, by content hash (the same hash in every store and report).
CREATE TABLE scenarios (
    hash          TEXT PRIMARY KEY,
    id            TEXT NOT NULL,
    motive        TEXT NOT NULL,
    risk          TEXT NOT NULL,
    risk_subtype  TEXT NOT NULL,
    domain        TEXT NOT NULL,
    control       INTEGER NOT NULL DEFAULT 0,
    document      TEXT NOT NULL
);
CREATE INDEX scenarios_by_id ON scenarios (id);

-- A run: one invocation of `impress run` or `impress experiment`, with its plan.
CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    name          TEXT,
    created_at    TEXT NOT NULL,
    status        TEXT NOT NULL,           -- planned | running | stopped | done
    simulated     INTEGER NOT NULL DEFAULT 0,
    plan          TEXT NOT NULL,           -- the normalised plan as JSON (scenarios, models, conditions)
    judging       TEXT NOT NULL,           -- judges and reconciliation policy as JSON
    note          TEXT
);

-- A trial: one scenario run once by one agent under one condition. `key` is the hash of
-- (scenario hash, agent model, decoding, protocol, framing, persona, mitigation, epoch).
CREATE TABLE trials (
    key            TEXT PRIMARY KEY,
    scenario_hash  TEXT NOT NULL REFERENCES scenarios (hash),
    agent_model    TEXT NOT NULL,
    decoding       TEXT NOT NULL,          -- JSON
    protocol       TEXT NOT NULL,
    framing        TEXT NOT NULL,
    persona        TEXT NOT NULL,
    mitigation     TEXT NOT NULL,
    epoch          INTEGER NOT NULL,
    spec           TEXT NOT NULL,          -- JSON: everything needed to rerun the trial anywhere
    status         TEXT NOT NULL,          -- pending | leased | done | error
    lease_owner    TEXT,
    lease_until    BIGINT,                 -- epoch milliseconds
    judged_attempt INTEGER,
    tries          INTEGER NOT NULL DEFAULT 0,
    error          TEXT,
    started_at     TEXT,
    finished_at    TEXT,
    input_tokens   BIGINT NOT NULL DEFAULT 0,
    output_tokens  BIGINT NOT NULL DEFAULT 0,
    cost_usd       DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX trials_by_status ON trials (status, lease_until);
CREATE INDEX trials_by_scenario ON trials (scenario_hash);

-- Which trials a run asked for. A trial shared by two runs (same key) is run once.
CREATE TABLE run_trials (
    run_id     TEXT NOT NULL REFERENCES runs (id),
    trial_key  TEXT NOT NULL REFERENCES trials (key),
    PRIMARY KEY (run_id, trial_key)
);
CREATE INDEX run_trials_by_trial ON run_trials (trial_key);

-- The transcript: append-only typed events of a trial, numbered by the application.
-- A retried trial starts a new `try_no`; the events of an abandoned try stay for the record,
-- and the transcript of a finished trial is the events of its last try.
CREATE TABLE events (
    trial_key      TEXT NOT NULL REFERENCES trials (key),
    seq            INTEGER NOT NULL,
    try_no         INTEGER NOT NULL,
    attempt        INTEGER NOT NULL,       -- the paper's attempt (1..3) within the try
    kind           TEXT NOT NULL,          -- prompt | model_turn | tool_call | tool_result | parse_error | limit | completion | ...
    at             TEXT NOT NULL,
    duration_ms    BIGINT,
    input_tokens   BIGINT,
    output_tokens  BIGINT,
    body           TEXT NOT NULL,          -- JSON
    PRIMARY KEY (trial_key, try_no, seq)
);

-- Verdicts: one row per trial and source (rule, llm:<judge model>, resolution:<model>,
-- guardrail:<name>, reconciled). Values are yes | no | unjudged.
CREATE TABLE verdicts (
    trial_key            TEXT NOT NULL REFERENCES trials (key),
    source               TEXT NOT NULL,
    execution_success    TEXT,
    risky_action_taken   TEXT,
    risky_action_considered TEXT,
    resolution_success   TEXT,
    unjudged_reason      TEXT,
    decided_by           TEXT,
    justification        TEXT,
    evidence             TEXT,             -- JSON: event ids cited, disagreements
    created_at           TEXT NOT NULL,
    PRIMARY KEY (trial_key, source)
);

-- Human labels from review: one per trial, annotator and field.
CREATE TABLE labels (
    trial_key   TEXT NOT NULL REFERENCES trials (key),
    annotator   TEXT NOT NULL,
    field       TEXT NOT NULL,             -- execution_success | risky_action_taken | risky_action_considered | resolution_success
    value       TEXT NOT NULL,             -- yes | no | unsure
    note        TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (trial_key, annotator, field)
);

-- Model calls for accounting: tokens and money per role.
CREATE TABLE model_calls (
    id             TEXT PRIMARY KEY,
    trial_key      TEXT,
    run_id         TEXT,
    role           TEXT NOT NULL,          -- agent | judge | resolution | guardrail | generator
    model          TEXT NOT NULL,
    at             TEXT NOT NULL,
    duration_ms    BIGINT,
    retries        INTEGER NOT NULL DEFAULT 0,
    cached         INTEGER NOT NULL DEFAULT 0,
    input_tokens   BIGINT NOT NULL DEFAULT 0,
    output_tokens  BIGINT NOT NULL DEFAULT 0,
    cost_usd       DOUBLE PRECISION NOT NULL DEFAULT 0,
    error          TEXT
);
CREATE INDEX model_calls_by_run ON model_calls (run_id, role);

-- Response cache: the full normalised request hash -> the provider's response.
CREATE TABLE response_cache (
    request_hash  TEXT PRIMARY KEY,
    model         TEXT NOT NULL,
    response      TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
