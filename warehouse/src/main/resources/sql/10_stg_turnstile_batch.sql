-- stg_turnstile (from batch files): the readings of the weekly lake files of one load, keyed and
-- deduplicated.
-- grain: one row per turnstile reading. key: log_id = md5_number(CA|UNIT|SCP|DATE|TIME), the
-- 128-bit MD5 as a number (hashing and storing it costs far less than its 32-character hex text).
-- Input: canonical lake files (TurnstileCsv.HEADER, DATE yyyy-MM-dd, cumulative counters), read
-- in one parallel scan; file_id is the file's number in the manifest: the load numbers its files
-- {{first_file_id}}, {{first_file_id}} + 1, ... in the order of {{files}} (lake key order).
-- The public files repeat some keys (REGULAR and RECOVR AUD at the same time, and a week's edge
-- in two files): `deduplicate` keeps one row: the first file's (as loading the files one after
-- the other would), in it REGULAR first, then the higher counters (ranking only the repeated keys,
-- a few dozen a week, is far cheaper than ranking every row). The readings are a temporary table
-- (stg_turnstile_rows), rebuilt for every load; stg_turnstile is the view of the rows kept (the
-- few dropped rows are listed apart: deleting them from the large temporary table costs more at
-- commit than leaving them out when reading).

-- name: load
create or replace temp table stg_turnstile_rows as
with source as (
    select *
    from read_csv([{{files}}],
        header = true,
        auto_detect = false,
        delim = ',',
        quote = '"',
        columns = {
            'CA': 'VARCHAR', 'UNIT': 'VARCHAR', 'SCP': 'VARCHAR', 'STATION': 'VARCHAR',
            'LINENAME': 'VARCHAR', 'DIVISION': 'VARCHAR', 'DATE': 'DATE', 'TIME': 'TIME',
            'DESC': 'VARCHAR', 'ENTRIES': 'BIGINT', 'EXITS': 'BIGINT'
        },
        dateformat = '%Y-%m-%d',
        filename = true)
),

renamed as (
    select
        md5_number(concat_ws('|', CA, UNIT, SCP, strftime(DATE + TIME, '%Y-%m-%d|%H:%M:%S')))
                               as log_id,
        'batch'                as source,
        CA                     as ca,
        UNIT                   as unit,
        SCP                    as scp,
        STATION                as station,
        LINENAME               as line_name,
        DIVISION               as division,
        DATE + TIME            as reading_at,
        cast(null as timestamp) as interval_end,
        "DESC"                 as description,
        ENTRIES                as entries,
        EXITS                  as exits,
        cast({{first_file_id}} - 1 + list_position([{{files}}], filename) as integer) as file_id
    from source
),

final as (
    select * from renamed
)

select * from final;

-- name: deduplicate
create or replace temp table stg_turnstile_dropped as
with repeated as (
    select log_id from stg_turnstile_rows group by log_id having count(*) > 1
),

ranked as (
    select
        stg_turnstile_rows.rowid as row_id,
        row_number() over (
            partition by log_id
            order by file_id, (description = 'REGULAR') desc, entries desc, exits desc
        ) as position
    from stg_turnstile_rows
    semi join repeated using (log_id)
),

final as (
    select row_id from ranked where position > 1
)

select * from final;

create or replace temp view stg_turnstile as
select stg_turnstile_rows.*
from stg_turnstile_rows
anti join stg_turnstile_dropped on stg_turnstile_rows.rowid = stg_turnstile_dropped.row_id;
