{{ config(post_hook="alter table {{ this }} add primary key (document_id)") }}
with documents as (
    select * from {{ ref('stg_landing__documents') }}
),

municipalities as (
    select municipality_code from {{ ref('dim_municipality') }}
),

-- Two files with the same text (whatever the encoding) are one document: the first by file name loads, the others are
-- kept as 'duplicate' with the file they repeat, so no figure is counted twice.
first_of_content as (
    select
        document_id,
        first_value(document_id) over (
            partition by content_checksum, document_status = 'ok' order by source_file
        ) as first_document_id,
        first_value(source_file) over (
            partition by content_checksum, document_status = 'ok' order by source_file
        ) as first_source_file
    from documents
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
        case
            when documents.document_status = 'ok' and first_of_content.first_document_id <> documents.document_id
                then 'duplicate'
            else documents.document_status
        end as document_status,
        case
            when documents.document_status = 'ok' and first_of_content.first_document_id <> documents.document_id
                then 'same content as ' || first_of_content.first_source_file
            else documents.quarantine_reason
        end as quarantine_reason,
        case
            when first_of_content.first_document_id <> documents.document_id and documents.document_status = 'ok'
                then first_of_content.first_document_id
        end as duplicate_of_document_id,
        documents.layout_readers,
        documents.metadata_origin,
        documents.fact_count,
        documents.failed_check_count,
        documents.ambiguous_cell_count,
        documents.document_status = 'ok' and documents.failed_check_count = 0 as is_reconciled
    from documents
    inner join first_of_content on first_of_content.document_id = documents.document_id
    left join municipalities on municipalities.municipality_code = documents.municipality_code
)

select * from final
