-- load_manifest: which lake files the warehouse holds.
-- grain: one row per lake file version. key: (lake_key, sha256); file_id, a small number given in
-- load order, is what fact rows name their file by (fact_turnstile.file_id).
-- A load takes only files whose (lake_key, sha256) is not here; a file's row is written in the
-- same transaction as its facts, so a row here means the whole file is in.
-- status: 'loaded' or 'quarantined' (reason says why; the file was copied to turnstile/quarantine/).

-- name: create
create table if not exists load_manifest (
    file_id       integer   not null unique,
    lake_key      varchar   not null,
    sha256        varchar   not null,
    source        varchar   not null,  -- batch | stream | reference
    rows_read     bigint    not null,
    rows_inserted bigint    not null,
    status        varchar   not null,  -- loaded | quarantined
    reason        varchar,
    loaded_at     timestamp not null,
    primary key (lake_key, sha256)
);

-- name: record
insert into load_manifest
    (file_id, lake_key, sha256, source, rows_read, rows_inserted, status, reason, loaded_at)
values (?, ?, ?, ?, ?, ?, ?, ?, now()::timestamp);

-- name: next_file_id
select coalesce(max(file_id), 0) + 1 from load_manifest;
