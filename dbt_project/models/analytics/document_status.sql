-- What became of every document in raw/: loaded, flagged by its checks, or quarantined and why.
with documents as (
    select * from {{ ref('dim_document') }}
),

failed_checks as (
    select
        document_id,
        string_agg(check_name || ' ' || coalesce(source_table, '') || ': ' || check_subject
            || coalesce(' (difference ' || difference_eur::varchar || ')', ''), '; ') as failed_checks
    from {{ ref('document_checks') }}
    where check_status = 'failed'
    group by document_id
),

final as (
    select
        documents.source_file,
        documents.document_id,
        documents.municipality_code,
        documents.document_kind,
        documents.reporting_year,
        documents.document_status,
        documents.quarantine_reason,
        documents.fact_count,
        documents.ambiguous_cell_count,
        failed_checks.failed_checks,
        case
            when documents.document_status <> 'ok' then 'quarantined'
            when failed_checks.failed_checks is not null then 'flagged'
            else 'loaded'
        end as outcome
    from documents
    left join failed_checks on failed_checks.document_id = documents.document_id
)

select * from final
