-- dim_station: subway stations.
-- grain: one row per station name. key: station_id = md5(station name).
-- Filled from the reference table and from every station a loaded file names: the files do not
-- always spell a station as the reference does, and no fact may be orphaned. in_reference says
-- whether the reference table knows the name.

-- name: create
create table if not exists dim_station (
    station_id   varchar not null,
    station_name varchar not null,
    in_reference boolean not null
);

-- name: load_reference
insert into dim_station
with reference as (
    select distinct station_name from stg_booth_reference
),

final as (
    select md5(station_name) as station_id, station_name, true as in_reference
    from reference
)

select final.* from final
anti join dim_station using (station_id);

-- name: flag_reference
update dim_station
set in_reference = true
where not in_reference
  and station_name in (select station_name from stg_booth_reference);

-- name: load
insert into dim_station
with staged as (
    select distinct station from stg_turnstile where station is not null
),

final as (
    select md5(station) as station_id, station as station_name, false as in_reference
    from staged
)

select final.* from final
anti join dim_station using (station_id);
