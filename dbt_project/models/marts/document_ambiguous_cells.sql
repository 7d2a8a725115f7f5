with cells as (
    select * from {{ ref('stg_landing__ambiguous_cells') }}
),

documents as (
    select document_id, municipality_code, source_file from {{ ref('dim_document') }}
),

final as (
    select
        cells.document_id,
        documents.municipality_code,
        documents.source_file,
        cells.source_table,
        cells.column_header,
        cells.printed_value,
        cells.source_line,
        cells.candidate_rows,
        cells.ambiguity_reason
    from cells
    inner join documents on documents.document_id = cells.document_id
)

select * from final
