{{ config(post_hook="alter table {{ this }} add primary key (municipality_code, fiscal_year, scenario, hoofdtaakveld_code)") }}
-- The documents' current figures summed per municipality x fiscal year x scenario x hoofdtaakveld, one
-- column per measure, so that a chart sums one column. As CBS reports lasten and baten: taakvelden 0.10
-- (mutaties reserves) and 0.11 (resultaat) are left out of lasten and baten; lasten and baten printed on
-- 0.10 count as storting in and onttrekking from reserves. A printed saldo (a row without lasten and
-- baten) stays in saldo_eur, never in lasten or baten. Lines without an official taakveld (a
-- municipality's own categories) are hoofdtaakveld 'geen'.
-- Grain: municipality x fiscal year x scenario x hoofdtaakveld.
with lines as (
    select * from {{ ref('fct_budget_lines') }}
    where is_current
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
),

hoofdtaakvelden as (
    select hoofdtaakveld_code, any_value(hoofdtaakveld_name) as hoofdtaakveld_name
    from taakvelden
    where hoofdtaakveld_code is not null
    group by hoofdtaakveld_code
),

population as (
    select municipality_code, fiscal_year, population from {{ ref('municipality_population') }}
),

fiscal_years as (
    select * from {{ ref('dim_fiscal_year') }}
),

classified as (
    select
        lines.municipality_code,
        lines.fiscal_year,
        lines.scenario,
        coalesce(taakvelden.hoofdtaakveld_code, 'geen') as hoofdtaakveld_code,
        case
            when lines.taakveld_key = '0.11' then null
            when lines.taakveld_key = '0.10' and lines.measure = 'lasten' then 'reserves_storting'
            when lines.taakveld_key = '0.10' and lines.measure = 'baten' then 'reserves_onttrekking'
            else lines.measure
        end as aggregate_measure,
        lines.amount_eur
    from lines
    inner join taakvelden on taakvelden.taakveld_key = lines.taakveld_key
),

summed as (
    select
        municipality_code,
        fiscal_year,
        scenario,
        hoofdtaakveld_code,
        sum(amount_eur) filter (where aggregate_measure = 'lasten') as lasten_eur,
        sum(amount_eur) filter (where aggregate_measure = 'baten') as baten_eur,
        sum(amount_eur) filter (where aggregate_measure = 'saldo') as saldo_eur,
        sum(amount_eur) filter (where aggregate_measure = 'reserves_storting') as reserves_storting_eur,
        sum(amount_eur) filter (where aggregate_measure = 'reserves_onttrekking') as reserves_onttrekking_eur,
        count(*) filter (where aggregate_measure is not null)::integer as line_count
    from classified
    group by all
),

final as (
    select
        summed.municipality_code,
        summed.fiscal_year,
        fiscal_years.fiscal_year_start_date,
        summed.scenario,
        summed.hoofdtaakveld_code,
        coalesce(hoofdtaakvelden.hoofdtaakveld_name, 'Geen taakveld (eigen indeling)') as hoofdtaakveld_name,
        summed.lasten_eur::decimal(18, 2) as lasten_eur,
        summed.baten_eur::decimal(18, 2) as baten_eur,
        summed.saldo_eur::decimal(18, 2) as saldo_eur,
        summed.reserves_storting_eur::decimal(18, 2) as reserves_storting_eur,
        summed.reserves_onttrekking_eur::decimal(18, 2) as reserves_onttrekking_eur,
        summed.line_count,
        population.population,
        round(summed.lasten_eur / population.population, 2)::decimal(18, 2) as lasten_eur_per_inhabitant,
        round(summed.baten_eur / population.population, 2)::decimal(18, 2) as baten_eur_per_inhabitant
    from summed
    inner join fiscal_years on fiscal_years.fiscal_year = summed.fiscal_year
    left join hoofdtaakvelden on hoofdtaakvelden.hoofdtaakveld_code = summed.hoofdtaakveld_code
    left join population
        on population.municipality_code = summed.municipality_code
        and population.fiscal_year = summed.fiscal_year
)

select * from final
