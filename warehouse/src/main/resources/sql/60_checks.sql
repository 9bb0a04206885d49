-- Data-quality checks, run after every load. Each named query returns one row:
-- failures (0 = passed) and detail (a few examples of what failed).
-- check_results keeps every run's results. grain: one row per (checked_at, check). key: (run_id, name).

-- name: create
create table if not exists check_results (
    run_id     varchar   not null,
    checked_at timestamp not null,
    name       varchar   not null,
    passed     boolean   not null,
    failures   bigint    not null,
    detail     varchar
);

-- name: check unique_log_id
with duplicates as (
    select log_id, count(*) as copies from fact_turnstile group by log_id having count(*) > 1
)
select count(*) as failures, string_agg(cast(log_id as varchar), ', ') as detail
from duplicates;

-- name: check not_null_keys
select
    count(*) as failures,
    'rows with a null log_id, source, booth_id, scp, station_id, date_id, reading_at or file_id'
        as detail
from fact_turnstile
where log_id is null or source is null or booth_id is null or scp is null
   or station_id is null or date_id is null or reading_at is null or file_id is null;

-- name: check fact_station_in_dim_station
select count(*) as failures, string_agg(distinct station_id, ', ') as detail
from fact_turnstile
anti join dim_station using (station_id);

-- name: check fact_booth_in_dim_booth
select count(*) as failures, string_agg(distinct booth_id, ', ') as detail
from fact_turnstile
anti join dim_booth using (booth_id);

-- name: check fact_file_in_load_manifest
select count(*) as failures, string_agg(distinct cast(file_id as varchar), ', ') as detail
from fact_turnstile
anti join load_manifest using (file_id);

-- name: check fact_date_in_dim_date
select count(*) as failures, string_agg(distinct cast(date_id as varchar), ', ') as detail
from fact_turnstile
anti join dim_date using (date_id);

-- name: check traffic_non_negative
select count(*) as failures, string_agg(cast(log_id as varchar), ', ') as detail
from traffic_intervals
where entries < 0 or exits < 0;

-- name: record
insert into check_results (run_id, checked_at, name, passed, failures, detail)
values (?, now()::timestamp, ?, ?, ?, ?);
