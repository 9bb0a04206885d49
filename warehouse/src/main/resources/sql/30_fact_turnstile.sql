-- fact_turnstile: turnstile readings (batch) and window counts (stream), as loaded from the lake.
-- grain: one row per batch reading of a turnstile, or per stream window of a turnstile.
-- key: log_id, deterministic: md5_number(CA|UNIT|SCP|DATE|TIME) for batch readings,
--      md5_number('stream'|CA|UNIT|SCP|WINDOW_START|WINDOW_END) for stream windows (never equal to a
--      batch key); the 128-bit MD5 as a number (UHUGEINT), not its hex text, which cost about a
--      fifth of a load's time to hash and store.
-- Keys and measures only: booth_id (dim_booth: remote = UNIT, booth = CA, line name, division),
-- station_id (dim_station: the station as the file names it), date_id (dim_date), scp (the
-- turnstile within its booth, a degenerate dimension), the reading's time, description and the
-- counters; file_id names the lake file it came from (load_manifest.file_id: key, checksum, load
-- time). A turnstile is (booth_id, scp).
-- source says which: for 'batch', entries/exits are cumulative register counters and reading_at is
-- the reading's time; for 'stream', they are counts within [reading_at, interval_end).
-- Incremental: a load inserts only log_ids not yet here, so loading a file twice adds nothing.

-- name: create
create table if not exists fact_turnstile (
    log_id       uhugeint  not null,
    source       varchar   not null,  -- batch | stream
    booth_id     varchar   not null,
    station_id   varchar   not null,
    date_id      integer   not null,
    scp          varchar   not null,
    reading_at   timestamp not null,
    interval_end timestamp,           -- stream windows only
    description  varchar,
    entries      bigint    not null,
    exits        bigint    not null,
    file_id      integer   not null
);

-- A warehouse built by an earlier version (text log_id keys, or a fact row repeating its booth's
-- and station's attributes and its lake key) cannot take new rows next to its old ones: it is
-- derived from the lake, so it is rebuilt rather than converted.
select error(
    'this warehouse was built by an earlier version (' || shape || '): delete the DuckDB file'
    || ' and load again, the lake holds everything it is built from')
from (
    select case
        when bool_or(column_name = 'log_id' and data_type <> 'UHUGEINT') then 'text log_id keys'
        when not bool_or(column_name = 'file_id') then 'a wide fact_turnstile'
    end as shape
    from information_schema.columns
    where table_schema = 'main' and table_name = 'fact_turnstile'
)
where shape is not null;

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

-- name: load
-- The dimension keys come from the dimensions (loaded from the same staging just before, so every
-- staged station and booth is there): a lookup in a few hundred rows is cheaper than hashing every
-- reading again. A missed lookup would leave a key null and fail the insert, never drop a row.
insert into fact_turnstile by name
with staged as (
    select * from stg_turnstile
),

stations as (
    select station_id, station_name from dim_station
),

booths as (
    select booth_id, remote, booth_name from dim_booth
),

-- a reading's time is part of its key, so only facts within the staged time span can match
-- (the span read from stg_turnstile itself: naming `staged` twice would copy all of it first)
existing as (
    select log_id
    from fact_turnstile
    where reading_at between (select min(reading_at) from stg_turnstile)
                         and (select max(reading_at) from stg_turnstile)
),

keyed as (
    select
        staged.log_id,
        staged.source,
        booths.booth_id,
        stations.station_id,
        year(staged.reading_at) * 10000 + month(staged.reading_at) * 100 + day(staged.reading_at)
                                                            as date_id,
        staged.scp,
        staged.reading_at,
        staged.interval_end,
        staged.description,
        staged.entries,
        staged.exits,
        staged.file_id
    from staged
    anti join existing using (log_id)
    left join stations on stations.station_name = staged.station
    left join booths on booths.remote = staged.unit and booths.booth_name = staged.ca
),

final as (
    select * from keyed
)

select * from final;

-- name: inserted
-- new fact rows per file of the current load (its files are numbered from {{first_file_id}})
select file_id, count(*) as rows_inserted
from fact_turnstile
where file_id >= {{first_file_id}}
group by file_id;
