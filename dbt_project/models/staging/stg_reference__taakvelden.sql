with source as (
    select * from {{ ref('cbs_taakvelden') }}
),

renamed as (
    select
        code::varchar as taakveld_code,
        naam_exact_CBS::varchar as taakveld_name,
        jaar_van::integer as valid_from_year,
        jaar_tot::integer as valid_to_year,
        hoofdtaakveld_code::varchar as hoofdtaakveld_code,
        hoofdtaakveld_naam_in_jaar_van::varchar as hoofdtaakveld_name,
        rollup_parent_pre2023::varchar as parent_taakveld_code
    from source
)

select * from renamed
