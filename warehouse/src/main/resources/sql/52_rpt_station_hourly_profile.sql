-- rpt_station_hourly_profile: when a station is busy, by hour of day.
-- Reads traffic_intervals (turnstile_traffic as of the last load).
-- grain: one row per (station, hour of day, source). key: (station_id, hour, source).
-- An interval counts in the hour it starts (batch readings are about 4 hours apart, so batch
-- traffic falls on the reading hours); days = distinct days with traffic in that hour.

-- name: create
create or replace view rpt_station_hourly_profile as
with traffic as (
    select
        station_id,
        hour(interval_start)           as hour,
        cast(interval_start as date)   as date_day,
        source,
        entries,
        exits
    from traffic_intervals
),

stations as (
    select station_id, station_name from dim_station
),

final as (
    select
        traffic.station_id,
        stations.station_name,
        traffic.hour,
        traffic.source,
        coalesce(sum(traffic.entries), 0) as entries,
        coalesce(sum(traffic.exits), 0)   as exits,
        count(distinct traffic.date_day)  as days
    from traffic
    inner join stations on traffic.station_id = stations.station_id
    group by all
)

select * from final;
