with source as (
    select * from {{ source('landing', 'programme_goals') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        goal_code::varchar as goal_code,
        goal_title::varchar as goal_title,
        source_line::integer as source_line
    from source
)

select * from renamed
