with source as (
    select * from {{ ref('cbs_taakveld_codelijst') }}
),

renamed as (
    select
        fiscal_year::integer as fiscal_year,
        taakveld_code::varchar as taakveld_code,
        trim(taakveld_name)::varchar as taakveld_name,
        hoofdtaakveld_code::varchar as hoofdtaakveld_code,
        hoofdtaakveld_name::varchar as hoofdtaakveld_name
    from source
)

select * from renamed
