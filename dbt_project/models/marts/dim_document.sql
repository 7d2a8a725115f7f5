with documents as (
    select * from {{ ref('stg_landing__documents') }}
),

municipalities as (
    select municipality_code from {{ ref('dim_municipality') }}
),

final as (
    select
        documents.document_id,
        documents.source_file,
        documents.checksum_sha256,
        documents.document_kind,
        documents.programme_name,
        coalesce(municipalities.municipality_code, 'onbekend') as municipality_code,
        documents.reporting_year,
        documents.document_status,
        documents.quarantine_reason,
        documents.layout_readers,
        documents.metadata_origin,
        documents.fact_count,
        documents.failed_check_count,
        documents.ambiguous_cell_count,
        documents.document_status = 'ok' and documents.failed_check_count = 0 as is_reconciled
    from documents
    left join municipalities on municipalities.municipality_code = documents.municipality_code
)

select * from final
