-- Joinable with the facts by municipality_code and programme_name.
with goals as (
    select * from {{ ref('stg_landing__programme_goals') }}
),

documents as (
    select * from {{ ref('dim_document') }}
    where document_status = 'ok'
),

final as (
    select
        goals.document_id,
        documents.municipality_code,
        documents.programme_name,
        documents.reporting_year,
        goals.goal_code,
        goals.goal_title,
        goals.source_line
    from goals
    inner join documents on documents.document_id = goals.document_id
)

select * from final
