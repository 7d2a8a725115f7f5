with source as (
    select * from {{ source('landing', 'ambiguous_cells') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        table_name::varchar as source_table,
        column_header::varchar as column_header,
        printed_value::decimal(18, 2) as printed_value,
        source_line::integer as source_line,
        candidate_rows::varchar as candidate_rows
    from source
)

select * from renamed
