with source as (
    select * from {{ ref('municipality_aliases') }}
),

renamed as (
    select
        municipality_code::varchar as municipality_code,
        name::varchar as municipality_name,
        name_kind::varchar as name_kind,
        note::varchar as note
    from source
)

select * from renamed
