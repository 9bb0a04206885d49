-- stg_turnstile (from stream files): the windows of the files of one load the Flink job committed.
-- grain: one row per turnstile and window. key: log_id = md5_number('stream'|CA|UNIT|SCP|WINDOW_START|WINDOW_END).
-- Input: StreamAggregate.HEADER rows; ENTRIES and EXITS are counts within the window (traffic).
-- The 'stream' prefix keeps window keys apart from batch reading keys, even when a window starts
-- at the very time of a batch reading. Windows of one turnstile that differ only by DESC are
-- summed: their counts add up to the turnstile's traffic in that window; so are a window's firings
-- in several files of one load (a late firing adds to its window), the row going to the first file.
-- file_id: the file's number in the manifest, as for batch files.
-- A temporary table (stg_turnstile_rows, rebuilt for every load) seen through the view
-- stg_turnstile, as for batch files.

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
            'LINENAME': 'VARCHAR', 'DIVISION': 'VARCHAR', 'DATE': 'DATE', 'DESC': 'VARCHAR',
            'WINDOW_START': 'TIMESTAMP', 'WINDOW_END': 'TIMESTAMP',
            'ENTRIES': 'BIGINT', 'EXITS': 'BIGINT'
        },
        dateformat = '%Y-%m-%d',
        timestampformat = '%Y-%m-%d %H:%M:%S',
        filename = true)
),

renamed as (
    select
        md5_number(concat_ws('|', 'stream', CA, UNIT, SCP,
            strftime(WINDOW_START, '%Y-%m-%d %H:%M:%S'),
            strftime(WINDOW_END, '%Y-%m-%d %H:%M:%S')))  as log_id,
        'stream'     as source,
        CA           as ca,
        UNIT         as unit,
        SCP          as scp,
        STATION      as station,
        LINENAME     as line_name,
        DIVISION     as division,
        WINDOW_START as reading_at,
        WINDOW_END   as interval_end,
        "DESC"       as description,
        ENTRIES      as entries,
        EXITS        as exits,
        cast({{first_file_id}} - 1 + list_position([{{files}}], filename) as integer) as file_id
    from source
),

final as (
    select
        log_id,
        any_value(source)      as source,
        any_value(ca)          as ca,
        any_value(unit)        as unit,
        any_value(scp)         as scp,
        min(station)           as station,
        min(line_name)         as line_name,
        min(division)          as division,
        any_value(reading_at)  as reading_at,
        any_value(interval_end) as interval_end,
        string_agg(distinct description, '+' order by description) as description,
        sum(entries)           as entries,
        sum(exits)             as exits,
        min(file_id)           as file_id
    from renamed
    group by log_id
)

select * from final;

-- name: deduplicate
-- nothing to drop: windows are summed per key above
create or replace temp view stg_turnstile as
select * from stg_turnstile_rows;
