-- rpt_busiest_stations_weekly: stations ranked by traffic each week (weeks start on Monday).
-- grain: one row per (week, station). key: (week_start, station_id).
-- Batch and stream traffic together; rank 1 is the busiest (entries + exits).

-- name: create
create or replace view rpt_busiest_stations_weekly as
with daily as (
    select * from rpt_station_daily_traffic
),

weekly as (
    select
        cast(date_trunc('week', date_day) as date) as week_start,
        station_id,
        station_name,
        sum(entries)                               as entries,
        sum(exits)                                 as exits,
        sum(entries) + sum(exits)                  as traffic
    from daily
    group by all
),

final as (
    select
        *,
        rank() over (partition by week_start order by traffic desc, station_name) as rank
    from weekly
)

select * from final;
