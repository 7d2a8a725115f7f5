-- Grain: document x table (or gauges) x source line x fiscal year x measure x scenario: a table prints
-- several totals of one year and measure (hoofdtaakveld subtotals, Totaal programma's, a grand total),
-- each on its own line. Totals as printed; never add these to fct_budget_lines.
with totals as (
    select * from {{ ref('stg_landing__reported_totals') }}
),

documents as (
    select * from {{ ref('dim_document') }}
    where document_status = 'ok'
),

final as (
    select
        totals.document_id,
        documents.municipality_code,
        totals.fiscal_year,
        totals.measure,
        totals.scenario,
        totals.total_kind,
        totals.source_table,
        totals.amount_eur,
        totals.source_line
    from totals
    inner join documents on documents.document_id = totals.document_id
)

select * from final
