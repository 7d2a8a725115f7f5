with source as (
    select * from {{ ref('gemeente_herindelingen') }}
),

renamed as (
    select
        old_code::varchar as former_municipality_code,
        old_name::varchar as former_municipality_name,
        new_code::varchar as municipality_code,
        new_name::varchar as municipality_name,
        effective_date::date as merged_on
    from source
)

select * from renamed
