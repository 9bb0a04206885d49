-- dim_date: the calendar, 2020-01-01 to 2035-12-31.
-- grain: one row per day. key: date_id (yyyymmdd); date_day is the date itself.
-- Built once; later loads leave it as it is.

-- name: create
create table if not exists dim_date as
with days as (
    select cast(day as date) as date_day
    from range(date '2020-01-01', date '2036-01-01', interval 1 day) as t(day)
),

final as (
    select
        cast(strftime(date_day, '%Y%m%d') as integer) as date_id,
        date_day,
        year(date_day)                                as year,
        quarter(date_day)                             as quarter,
        month(date_day)                               as month,
        monthname(date_day)                           as month_name,
        isodow(date_day)                              as day_of_week,  -- 1 = Monday .. 7 = Sunday
        dayname(date_day)                             as day_name,
        isodow(date_day) in (6, 7)                    as is_weekend
    from days
)

select * from final;
