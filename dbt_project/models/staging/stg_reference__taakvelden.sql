with source as (
    select * from {{ ref('cbs_taakvelden') }}
),

renamed as (
    select
        code::varchar as taakveld_code,
        trim(naam_exact_CBS)::varchar as taakveld_name,
        jaar_van::integer as valid_from_year,
        jaar_tot::integer as valid_to_year,
        hoofdtaakveld_code::varchar as hoofdtaakveld_code,
        hoofdtaakveld_naam_in_jaar_van::varchar as hoofdtaakveld_name,
        -- The source notes some parents in words: '6.72 (PGB Jeugd)' rolls up to 6.72; '6.71/6.72 (PGB ...)'
        -- and '(new; ...)' have no single parent, so they are their own comparison code.
        case
            when regexp_full_match(rollup_parent_pre2023, '\d+\.\d+') then rollup_parent_pre2023
            when regexp_matches(rollup_parent_pre2023, '^\d+\.\d+ \(') then regexp_extract(rollup_parent_pre2023, '^(\d+\.\d+)', 1)
        end::varchar as parent_taakveld_code,
        rollup_parent_pre2023::varchar as rollup_note
    from source
)

select * from renamed
