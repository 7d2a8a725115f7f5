with checks as (
    select * from {{ ref('stg_landing__checks') }}
),

documents as (
    select document_id, municipality_code, source_file from {{ ref('dim_document') }}
),

final as (
    select
        checks.document_id,
        documents.municipality_code,
        documents.source_file,
        checks.check_name,
        checks.source_table,
        checks.check_subject,
        checks.expected_eur,
        checks.actual_eur,
        checks.difference_eur,
        checks.tolerance_eur,
        checks.check_status,
        checks.check_detail
    from checks
    inner join documents on documents.document_id = checks.document_id
)

select * from final
