-- Each document figure beside CBS's official Iv3 figure for the same municipality, year, scenario,
-- measure and taakveld (at comparison level, so split codes meet their parent). A programme often holds
-- only part of a taakveld, so the document's share of the Iv3 figure says as much as the difference.
-- Reserves printed on 0.10 compare as Iv3 lasten (storting) and baten (onttrekking) of 0.10, where CBS
-- books every reserve mutation; a reserve flow printed under another taakveld or category has no Iv3
-- counterpart. A saldo (baten - lasten of a row that prints no lasten and baten) is never set beside an
-- Iv3 lasten or baten figure.
-- Grain: document x fiscal year x scenario x measure x comparison taakveld.
with lines as (
    select * from {{ ref('fct_budget_lines') }}
    where scenario in ('begroting_primitief', 'realisatie')
      and (measure in ('lasten', 'baten')
           or (measure in ('reserves_storting', 'reserves_onttrekking') and taakveld_key = '0.10'))
),

documents as (
    select * from {{ ref('dim_document') }}
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
    where is_official_taakveld
),

iv3 as (
    select * from {{ ref('fct_iv3_figures') }}
    where measure in ('lasten', 'baten')
),

document_figures as (
    select
        lines.document_id,
        lines.municipality_code,
        lines.fiscal_year,
        lines.scenario,
        case lines.measure
            when 'reserves_storting' then 'lasten'
            when 'reserves_onttrekking' then 'baten'
            else lines.measure
        end as measure,
        taakvelden.comparison_taakveld_code,
        sum(lines.amount_eur) as document_amount_eur,
        count(*) as document_lines
    from lines
    inner join taakvelden on taakvelden.taakveld_key = lines.taakveld_key
    group by all
),

programme_totals as (
    select document_id, fiscal_year, scenario, measure, sum(document_amount_eur) as programme_total_eur
    from document_figures
    group by all
),

iv3_figures as (
    select
        municipality_code, fiscal_year, scenario, measure, comparison_taakveld_code,
        sum(amount_eur) as iv3_amount_eur,
        count(*) as iv3_figure_count,
        any_value(source_file) as iv3_source_file
    from iv3
    group by all
),

iv3_municipality_totals as (
    -- Before reserves (0.10) and the result (0.11), as a programme's own lasten and baten are.
    select municipality_code, fiscal_year, scenario, measure, sum(amount_eur) as iv3_municipality_total_eur
    from iv3
    where taakveld_key not in ('0.10', '0.11')
    group by all
),

final as (
    select
        document_figures.document_id,
        documents.programme_name,
        document_figures.municipality_code,
        document_figures.fiscal_year,
        document_figures.scenario,
        document_figures.measure,
        document_figures.comparison_taakveld_code,
        document_figures.document_amount_eur::decimal(18, 2) as document_amount_eur,
        iv3_figures.iv3_amount_eur::decimal(18, 2) as iv3_amount_eur,
        (document_figures.document_amount_eur - iv3_figures.iv3_amount_eur)::decimal(18, 2) as difference_eur,
        round(document_figures.document_amount_eur / nullif(iv3_figures.iv3_amount_eur, 0), 4) as document_share_of_iv3,
        programme_totals.programme_total_eur::decimal(18, 2) as programme_total_eur,
        iv3_municipality_totals.iv3_municipality_total_eur::decimal(18, 2) as iv3_municipality_total_eur,
        round(programme_totals.programme_total_eur / nullif(iv3_municipality_totals.iv3_municipality_total_eur, 0), 4)
            as programme_share_of_municipality,
        iv3_figures.iv3_amount_eur is not null as has_iv3_figure,
        -- CBS rounds to € 1.000: a difference up to € 500 per Iv3 figure summed is rounding, not a finding.
        abs(document_figures.document_amount_eur - iv3_figures.iv3_amount_eur) <= 500 * iv3_figures.iv3_figure_count
            as is_within_iv3_rounding,
        document_figures.document_lines,
        iv3_figures.iv3_source_file
    from document_figures
    inner join documents on documents.document_id = document_figures.document_id
    inner join programme_totals
        on programme_totals.document_id = document_figures.document_id
        and programme_totals.fiscal_year = document_figures.fiscal_year
        and programme_totals.scenario = document_figures.scenario
        and programme_totals.measure = document_figures.measure
    left join iv3_figures
        on iv3_figures.municipality_code = document_figures.municipality_code
        and iv3_figures.fiscal_year = document_figures.fiscal_year
        and iv3_figures.scenario = document_figures.scenario
        and iv3_figures.measure = document_figures.measure
        and iv3_figures.comparison_taakveld_code = document_figures.comparison_taakveld_code
    left join iv3_municipality_totals
        on iv3_municipality_totals.municipality_code = document_figures.municipality_code
        and iv3_municipality_totals.fiscal_year = document_figures.fiscal_year
        and iv3_municipality_totals.scenario = document_figures.scenario
        and iv3_municipality_totals.measure = document_figures.measure
)

select * from final
