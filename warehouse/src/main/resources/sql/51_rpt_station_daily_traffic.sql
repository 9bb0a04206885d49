-- rpt_station_daily_traffic: traffic per station and day.
-- Reads traffic_intervals (turnstile_traffic as of the last load).
-- grain: one row per (station, day, source). key: (station_id, date_day, source).
-- An interval counts on the day it starts. unknown_intervals: intervals whose entries or exits
-- are unknown (reset, backwards counter, jump); they add nothing to the sums.

-- name: create
create or replace view rpt_station_daily_traffic as
with traffic as (
    select station_id, cast(interval_start as date) as date_day, source, entries, exits
    from traffic_intervals
),

stations as (
    select station_id, station_name from dim_station
),

final as (
    select
        traffic.station_id,
        stations.station_name,
        traffic.date_day,
        traffic.source,
        coalesce(sum(traffic.entries), 0)                                     as entries,
        coalesce(sum(traffic.exits), 0)                                       as exits,
        count(*)                                                              as intervals,
        count(*) filter (where traffic.entries is null or traffic.exits is null) as unknown_intervals
    from traffic
    inner join stations on traffic.station_id = stations.station_id
    group by all
)

select * from final;
