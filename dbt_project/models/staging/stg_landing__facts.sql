with source as (
    select * from {{ source('landing', 'facts') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        fiscal_year::integer as fiscal_year,
        scenario::varchar as scenario,
        measure::varchar as measure,
        taakveld_code::varchar as taakveld_code,
        source_category::varchar as source_category,
        amount_eur::decimal(18, 2) as amount_eur,
        source_line::integer as source_line,
        table_name::varchar as source_table
    from source
)

select * from renamed
