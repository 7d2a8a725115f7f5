-- The flat view for BI tools and ad hoc SQL: one row per printed line figure, with names.
with lines as (
    select * from {{ ref('fct_budget_lines') }}
),

municipalities as (
    select * from {{ ref('dim_municipality') }}
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

fiscal_years as (
    select * from {{ ref('dim_fiscal_year') }}
),

final as (
    select
        lines.budget_line_id,
        lines.municipality_code,
        municipalities.municipality_name,
        municipalities.province_name,
        lines.fiscal_year,
        fiscal_years.fiscal_year_start_date,
        coalesce(taakvelden.taakveld_code, lines.printed_taakveld_code) as taakveld_code,
        taakvelden.taakveld_name,
        taakvelden.hoofdtaakveld_code,
        taakvelden.hoofdtaakveld_name,
        taakvelden.parent_taakveld_code,
        taakvelden.comparison_taakveld_code,
        lines.is_taakveld_valid_in_year,
        lines.source_category,
        lines.measure,
        lines.scenario,
        lines.amount_eur,
        lines.is_current,
        lines.document_id,
        documents.document_kind,
        documents.programme_name,
        documents.reporting_year,
        documents.source_file,
        lines.source_line,
        lines.printed_figure_count
    from lines
    inner join municipalities on municipalities.municipality_code = lines.municipality_code
    inner join taakvelden on taakvelden.taakveld_key = lines.taakveld_key
    inner join documents on documents.document_id = lines.document_id
    inner join fiscal_years on fiscal_years.fiscal_year = lines.fiscal_year
)

select * from final
