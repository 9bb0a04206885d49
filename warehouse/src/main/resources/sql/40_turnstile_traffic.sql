-- turnstile_traffic: people through each turnstile per interval, for batch and stream alike.
-- grain: one row per turnstile interval. key: log_id (the fact row that ends the interval).
-- Batch: the difference between a reading and the previous reading of the same turnstile
-- (booth_id, scp: CA, UNIT, SCP), ordered by time; a turnstile's first reading starts no interval.
-- ca, unit and station are the booth's and station's names, from the dimensions.
-- Stream: a window's counts as they are, interval = the window.
-- A negative difference (counter reset, counter running backwards) or one above
-- {{MAX_INTERVAL_DELTA}} (TrafficRules.MAX_INTERVAL_DELTA, an absurd jump) is unknown traffic: NULL,
-- never summed, and named in entries_unknown_reason / exits_unknown_reason so it can be counted.
--
-- traffic_intervals holds the view's rows, rebuilt after each load that changed something (a
-- dbt table model over the view): the report views, checks and dashboard read it instead of
-- recomputing the window over every reading each time.

-- name: create
create or replace view turnstile_traffic as
with facts as (
    select * from fact_turnstile
),

batch_readings as (
    select
        log_id,
        station_id,
        booth_id,
        scp,
        lag(reading_at) over turnstile as interval_start,
        reading_at                     as interval_end,
        entries - lag(entries) over turnstile as entries_delta,
        exits - lag(exits) over turnstile     as exits_delta,
        source
    from facts
    where source = 'batch'
    window turnstile as (partition by booth_id, scp order by reading_at, log_id)
),

stream_windows as (
    select
        log_id,
        station_id,
        booth_id,
        scp,
        reading_at   as interval_start,
        interval_end,
        entries      as entries_delta,
        exits        as exits_delta,
        source
    from facts
    where source = 'stream'
),

intervals as (
    select * from batch_readings where interval_start is not null
    union all
    select * from stream_windows
),

stations as (
    select station_id, station_name from dim_station
),

booths as (
    select booth_id, remote, booth_name from dim_booth
),

final as (
    select
        intervals.log_id,
        intervals.source,
        intervals.station_id,
        intervals.booth_id,
        booths.booth_name     as ca,
        booths.remote         as unit,
        intervals.scp,
        stations.station_name as station,
        intervals.interval_start,
        intervals.interval_end,
        case when entries_delta between 0 and {{MAX_INTERVAL_DELTA}} then entries_delta end as entries,
        case when exits_delta between 0 and {{MAX_INTERVAL_DELTA}} then exits_delta end     as exits,
        case
            when entries_delta < 0 then 'negative'
            when entries_delta > {{MAX_INTERVAL_DELTA}} then 'jump'
        end                                                                                  as entries_unknown_reason,
        case
            when exits_delta < 0 then 'negative'
            when exits_delta > {{MAX_INTERVAL_DELTA}} then 'jump'
        end                                                                                  as exits_unknown_reason
    from intervals
    left join stations on stations.station_id = intervals.station_id
    left join booths on booths.booth_id = intervals.booth_id
)

select * from final;

create table if not exists traffic_intervals as select * from turnstile_traffic limit 0;

-- name: refresh
create or replace table traffic_intervals as
select * from turnstile_traffic;
