-- rpt_turnstile: the original report, fact rows with their station and booth names.
-- grain: one row per fact_turnstile row. key: log_id.
-- line_name and division are the booth's (dim_booth).
-- entries/exits are as loaded: cumulative counters for batch rows, window counts for stream rows;
-- use turnstile_traffic or the rpt_station_* views for traffic.

-- name: create
create or replace view rpt_turnstile as
with log as (
    select log_id, source, station_id, booth_id, scp, reading_at, entries, exits
    from fact_turnstile
),

stations as (
    select station_id, station_name from dim_station
),

booths as (
    select booth_id, booth_name, remote, line_name, division from dim_booth
),

final as (
    select
        log.log_id,
        stations.station_name,
        booths.booth_name,
        booths.remote,
        log.scp,
        booths.line_name,
        booths.division,
        log.reading_at as created_dt,
        log.entries,
        log.exits,
        log.source
    from log
    inner join stations on log.station_id = stations.station_id
    inner join booths on log.booth_id = booths.booth_id
)

select * from final;
