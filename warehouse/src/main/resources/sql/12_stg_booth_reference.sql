-- stg_booth_reference: the remote/booth -> station reference table (remote_booth_station.csv).
-- grain: one row per (remote, booth). key: booth_id = md5(remote|booth).
-- Input: the lake's copy, header Remote,Booth,Station,Line Name,Division (UTF-8, may start with a
-- byte-order mark). A temporary table, rebuilt when the reference is loaded.

-- name: load
create or replace temp table stg_booth_reference as
with source as (
    select *
    from read_csv('{{file}}',
        header = true,
        auto_detect = false,
        delim = ',',
        quote = '"',
        columns = {
            'Remote': 'VARCHAR', 'Booth': 'VARCHAR', 'Station': 'VARCHAR',
            'Line Name': 'VARCHAR', 'Division': 'VARCHAR'
        })
),

renamed as (
    select
        md5(concat_ws('|', trim(Remote), trim(Booth))) as booth_id,
        trim(Remote)                                  as remote,
        trim(Booth)                                   as booth_name,
        trim(Station)                                 as station_name,
        trim("Line Name")                             as line_name,
        trim(Division)                                as division
    from source
    where Remote is not null and Booth is not null and Station is not null
),

final as (
    select *
    from renamed
    qualify row_number() over (partition by booth_id order by station_name) = 1
)

select * from final;
