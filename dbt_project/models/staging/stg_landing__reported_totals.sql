with source as (
    select * from {{ source('landing', 'reported_totals') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        total_kind::varchar as total_kind,
        table_name::varchar as source_table,
        fiscal_year::integer as fiscal_year,
        scenario::varchar as scenario,
        measure::varchar as measure,
        amount_eur::decimal(18, 2) as amount_eur,
        source_line::integer as source_line
    from source
)

select * from renamed
