-- Cells that two loaded documents give different values: the same municipality, fiscal year, taakveld
-- (or category), measure and scenario. A figure that never changes once printed (realisatie, the budget
-- as adopted) conflicts whenever two documents differ; an amended budget or an estimate conflicts only
-- between documents of the same kind and reporting year (a later amendment is an update, not a conflict).
-- A near-copy of a document (one digit changed) shows here as a conflict on that cell.
-- Grain: cell x scenario x document.
with lines as (
    select
        *,
        case when taakveld_key in ('geen', 'onbekend') then source_category else taakveld_key end as cell
    from {{ ref('fct_budget_lines') }}
),

documents as (
    select document_id, source_file, document_kind, reporting_year from {{ ref('dim_document') }}
),

compared as (
    select
        lines.*,
        documents.source_file,
        documents.document_kind,
        documents.reporting_year,
        case when lines.scenario in ('realisatie', 'begroting_primitief') then 'any'
            else documents.document_kind || ' ' || coalesce(documents.reporting_year::varchar, '?') end as comparable_group
    from lines
    inner join documents on documents.document_id = lines.document_id
),

groups as (
    select municipality_code, fiscal_year, cell, measure, scenario, comparable_group
    from compared
    group by all
    having count(distinct document_id) > 1 and min(amount_eur) <> max(amount_eur)
),

conflicting as (
    select compared.*
    from compared
    inner join groups using (municipality_code, fiscal_year, cell, measure, scenario, comparable_group)
),

final as (
    select
        municipality_code,
        fiscal_year,
        taakveld_key,
        cell as line_item,
        measure,
        scenario,
        document_id,
        source_file,
        document_kind,
        reporting_year,
        amount_eur,
        is_current,
        budget_line_id
    from conflicting
)

select * from final
