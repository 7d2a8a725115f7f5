with measures as (
    select * from {{ ref('stg_landing__programme_measures') }}
),

documents as (
    select * from {{ ref('dim_document') }}
    where document_status = 'ok'
),

final as (
    select
        measures.document_id,
        documents.municipality_code,
        documents.programme_name,
        documents.reporting_year,
        measures.goal_code,
        measures.measure_code,
        measures.measure_title,
        measures.quality_indicator,
        measures.time_indicator,
        measures.money_indicator,
        measures.start_date,
        measures.end_date,
        measures.measure_status,
        measures.source_line
    from measures
    inner join documents on documents.document_id = measures.document_id
)

select * from final
