-- One row per cell: municipality x fiscal year x taakveld (or source category) x measure, with one column
-- per scenario holding the cell's current figure (fct_budget_lines.is_current) of that scenario. Summing
-- one scenario column over rows of one measure is always right: no figure counts twice, no scenario mixes
-- with another. Measures stay rows: a saldo (baten - lasten where a table prints no lasten and baten) is
-- never added to lasten or baten, so filter on one measure before summing.
with lines as (
    select * from {{ ref('fct_budget_lines') }}
    where is_current
),

municipalities as (
    select * from {{ ref('dim_municipality') }}
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
),

fiscal_years as (
    select * from {{ ref('dim_fiscal_year') }}
),

cells as (
    select
        lines.municipality_code,
        lines.fiscal_year,
        lines.taakveld_key,
        -- The ranking behind is_current takes an official taakveld as the cell whatever a document calls
        -- its row, and a municipality's own category by its printed name.
        case when taakvelden.is_official_taakveld then taakvelden.taakveld_code || ' ' || taakvelden.taakveld_name
            else lines.source_category end as line_item,
        lines.measure,
        sum(lines.amount_eur) filter (where lines.scenario = 'begroting_primitief') as begroting_primitief_eur,
        sum(lines.amount_eur) filter (where lines.scenario = 'begroting_na_wijziging') as begroting_na_wijziging_eur,
        sum(lines.amount_eur) filter (where lines.scenario = 'meerjarenraming') as meerjarenraming_eur,
        sum(lines.amount_eur) filter (where lines.scenario = 'realisatie_tot_heden') as realisatie_tot_heden_eur,
        sum(lines.amount_eur) filter (where lines.scenario = 'realisatie') as realisatie_eur,
        sum(lines.amount_eur) filter (where lines.scenario = 'afwijking') as afwijking_eur,
        count(distinct lines.document_id)::integer as document_count,
        list(distinct lines.document_id order by lines.document_id) as document_ids
    from lines
    inner join taakvelden on taakvelden.taakveld_key = lines.taakveld_key
    group by all
),

final as (
    select
        cells.municipality_code,
        municipalities.municipality_name,
        cells.fiscal_year,
        fiscal_years.fiscal_year_start_date,
        cells.taakveld_key,
        taakvelden.taakveld_name,
        coalesce(taakvelden.hoofdtaakveld_code, 'geen') as hoofdtaakveld_code,
        coalesce(taakvelden.hoofdtaakveld_name, 'Geen taakveld (eigen indeling)') as hoofdtaakveld_name,
        taakvelden.comparison_taakveld_code,
        cells.line_item,
        cells.measure,
        cells.begroting_primitief_eur::decimal(18, 2) as begroting_primitief_eur,
        cells.begroting_na_wijziging_eur::decimal(18, 2) as begroting_na_wijziging_eur,
        cells.meerjarenraming_eur::decimal(18, 2) as meerjarenraming_eur,
        cells.realisatie_tot_heden_eur::decimal(18, 2) as realisatie_tot_heden_eur,
        cells.realisatie_eur::decimal(18, 2) as realisatie_eur,
        cells.afwijking_eur::decimal(18, 2) as afwijking_eur,
        cells.document_count,
        cells.document_ids
    from cells
    inner join municipalities on municipalities.municipality_code = cells.municipality_code
    inner join taakvelden on taakvelden.taakveld_key = cells.taakveld_key
    inner join fiscal_years on fiscal_years.fiscal_year = cells.fiscal_year
)

select * from final
