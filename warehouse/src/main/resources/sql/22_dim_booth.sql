-- dim_booth: booths (control areas) of a remote unit, and the station the reference gives them.
-- grain: one row per (remote, booth). key: booth_id = md5(remote|booth).
-- Attributes of the booth that fact rows do not repeat: remote (the files' UNIT), booth_name (CA),
-- its station's name, line_name (the lines stopping there) and division.
-- Filled from the reference table, and from every (UNIT, CA) a loaded file names that the
-- reference lacks (station from the file, in_reference false), so no fact is orphaned.

-- name: create
create table if not exists dim_booth (
    booth_id     varchar not null,
    remote       varchar not null,
    booth_name   varchar not null,
    station_name varchar,
    line_name    varchar,
    division     varchar,
    in_reference boolean not null
);

-- name: load_reference
insert into dim_booth
select booth_id, remote, booth_name, station_name, line_name, division, true as in_reference
from stg_booth_reference
anti join dim_booth using (booth_id);

-- name: flag_reference
update dim_booth
set station_name = reference.station_name,
    line_name = reference.line_name,
    division = reference.division,
    in_reference = true
from stg_booth_reference as reference
where dim_booth.booth_id = reference.booth_id
  and not dim_booth.in_reference;

-- name: load
insert into dim_booth
with staged as (
    select
        md5(concat_ws('|', unit, ca)) as booth_id,
        unit                          as remote,
        ca                            as booth_name,
        min(station)                  as station_name,
        min(line_name)                as line_name,
        min(division)                 as division
    from stg_turnstile
    group by unit, ca
),

final as (
    select *, false as in_reference from staged
)

select final.* from final
anti join dim_booth using (booth_id);
