with source as (
    select * from {{ source('landing', 'programme_measures') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        goal_code::varchar as goal_code,
        measure_code::varchar as measure_code,
        measure_title::varchar as measure_title,
        quality_indicator::varchar as quality_indicator,
        time_indicator::varchar as time_indicator,
        money_indicator::varchar as money_indicator,
        start_date::date as start_date,
        end_date::date as end_date,
        status::varchar as measure_status,
        source_line::integer as source_line
    from source
)

select * from renamed
