-- stg_turnstile (from a batch file): the readings of one weekly lake file, keyed and deduplicated.
-- grain: one row per turnstile reading. key: log_id = md5(CA|UNIT|SCP|DATE|TIME).
-- Input: a canonical lake file (TurnstileCsv.HEADER, DATE yyyy-MM-dd, cumulative counters).
-- The public files repeat some keys (REGULAR and RECOVR AUD at the same time): one row is kept,
-- REGULAR first, then the higher counters. A temporary table, rebuilt for every file.

-- name: load
create or replace temp table stg_turnstile as
with source as (
    select *
    from read_csv('{{file}}',
        header = true,
        auto_detect = false,
        delim = ',',
        quote = '"',
        columns = {
            'CA': 'VARCHAR', 'UNIT': 'VARCHAR', 'SCP': 'VARCHAR', 'STATION': 'VARCHAR',
            'LINENAME': 'VARCHAR', 'DIVISION': 'VARCHAR', 'DATE': 'DATE', 'TIME': 'TIME',
            'DESC': 'VARCHAR', 'ENTRIES': 'BIGINT', 'EXITS': 'BIGINT'
        },
        dateformat = '%Y-%m-%d')
),

renamed as (
    select
        md5(concat_ws('|', CA, UNIT, SCP, strftime(DATE + TIME, '%Y-%m-%d|%H:%M:%S')))
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
        EXITS                  as exits
    from source
),

final as (
    select *
    from renamed
    qualify row_number() over (
        partition by log_id
        order by (description = 'REGULAR') desc, entries desc, exits desc
    ) = 1
)

select * from final;
