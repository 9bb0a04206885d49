-- fact_turnstile: turnstile readings (batch) and window counts (stream), as loaded from the lake.
-- grain: one row per batch reading of a turnstile, or per stream window of a turnstile.
-- key: log_id, deterministic: md5(CA|UNIT|SCP|DATE|TIME) for batch readings,
--      md5('stream'|CA|UNIT|SCP|WINDOW_START|WINDOW_END) for stream windows (never equal to a batch key).
-- source says which: for 'batch', entries/exits are cumulative register counters and reading_at is
-- the reading's time; for 'stream', they are counts within [reading_at, interval_end).
-- Incremental: a load inserts only log_ids not yet here (`skip_loaded`), so loading a file twice
-- adds nothing.

-- name: create
create table if not exists fact_turnstile (
    log_id       varchar   not null,
    source       varchar   not null,  -- batch | stream
    station_id   varchar   not null,
    booth_id     varchar   not null,
    date_id      integer   not null,
    ca           varchar   not null,
    unit         varchar   not null,
    scp          varchar   not null,
    station      varchar,
    line_name    varchar,
    division     varchar,
    reading_at   timestamp not null,
    interval_end timestamp,           -- stream windows only
    description  varchar,
    entries      bigint    not null,
    exits        bigint    not null,
    lake_key     varchar   not null,
    loaded_at    timestamp not null
);

-- name: accumulate
-- A stream job with allowed lateness fires a window again for its late events, writing only what
-- they added, in a later file: those counts add to the window's row. Each file loads once (the
-- manifest), so each firing adds once; a window's first firing is inserted by `load` below.
update fact_turnstile as fact
set entries = fact.entries + staged.entries,
    exits   = fact.exits + staged.exits
from stg_turnstile as staged
where staged.source = 'stream'
  and fact.log_id = staged.log_id;

-- name: skip_loaded
-- Staged keys the facts already hold (a week loaded before under another checksum; a window
-- accumulated above) are dropped from staging: what stays is new. A reading's time is part of its
-- key, so only facts within the staged time span can match.
delete from stg_turnstile
where log_id in (
    select log_id
    from fact_turnstile
    where reading_at between (select min(reading_at) from stg_turnstile)
                         and (select max(reading_at) from stg_turnstile)
);

-- name: load
insert into fact_turnstile
with staged as (
    select * from stg_turnstile
),

keyed as (
    select
        log_id,
        source,
        md5(station)                                        as station_id,
        md5(concat_ws('|', unit, ca))                       as booth_id,
        cast(strftime(reading_at, '%Y%m%d') as integer)     as date_id,
        ca,
        unit,
        scp,
        station,
        line_name,
        division,
        reading_at,
        interval_end,
        description,
        entries,
        exits,
        lake_key,
        now()::timestamp                                    as loaded_at
    from staged
),

final as (
    select * from keyed
)

select * from final;
