with source as (
    select * from {{ source('landing', 'iv3_figures') }}
),

renamed as (
    select
        file_id::varchar as iv3_file_id,
        municipality_code::varchar as municipality_code,
        municipality_name_in_source::varchar as municipality_name_in_source,
        fiscal_year::integer as fiscal_year,
        scenario::varchar as scenario,
        taakveld_code::varchar as taakveld_code,
        taakveld_label_in_source::varchar as taakveld_label_in_source,
        measure::varchar as measure,
        amount_eur::decimal(18, 2) as amount_eur,
        source_line::integer as source_line
    from source
)

select * from renamed
