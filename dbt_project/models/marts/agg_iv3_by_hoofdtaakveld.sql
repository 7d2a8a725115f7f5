{{ config(post_hook="alter table {{ this }} add primary key (municipality_code, fiscal_year, scenario, hoofdtaakveld_code)") }}
-- CBS's Iv3 figures summed per municipality x fiscal year x scenario x hoofdtaakveld, with euros per
-- inhabitant: the comparison of every municipality a chart needs. Taakvelden 0.10 (mutaties reserves)
-- and 0.11 (resultaat) are left out of lasten and baten (CBS's convention); 0.10's lasten and baten are
-- the storting in and onttrekking from reserves. lasten_salarissen_eur is part of lasten_eur.
-- Grain: municipality x fiscal year x scenario x hoofdtaakveld.
with figures as (
    select * from {{ ref('fct_iv3_figures') }}
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
        figures.municipality_code,
        figures.fiscal_year,
        figures.scenario,
        taakvelden.hoofdtaakveld_code,
        case
            when figures.taakveld_key = '0.11' then null
            when figures.taakveld_key = '0.10' and figures.measure = 'lasten' then 'reserves_storting'
            when figures.taakveld_key = '0.10' and figures.measure = 'baten' then 'reserves_onttrekking'
            when figures.taakveld_key = '0.10' then null
            else figures.measure
        end as aggregate_measure,
        figures.amount_eur
    from figures
    inner join taakvelden on taakvelden.taakveld_key = figures.taakveld_key
),

summed as (
    select
        municipality_code,
        fiscal_year,
        scenario,
        hoofdtaakveld_code,
        sum(amount_eur) filter (where aggregate_measure = 'lasten') as lasten_eur,
        sum(amount_eur) filter (where aggregate_measure = 'baten') as baten_eur,
        sum(amount_eur) filter (where aggregate_measure = 'lasten_salarissen') as lasten_salarissen_eur,
        sum(amount_eur) filter (where aggregate_measure = 'reserves_storting') as reserves_storting_eur,
        sum(amount_eur) filter (where aggregate_measure = 'reserves_onttrekking') as reserves_onttrekking_eur
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
        hoofdtaakvelden.hoofdtaakveld_name,
        coalesce(summed.lasten_eur, 0)::decimal(18, 2) as lasten_eur,
        coalesce(summed.baten_eur, 0)::decimal(18, 2) as baten_eur,
        coalesce(summed.lasten_salarissen_eur, 0)::decimal(18, 2) as lasten_salarissen_eur,
        summed.reserves_storting_eur::decimal(18, 2) as reserves_storting_eur,
        summed.reserves_onttrekking_eur::decimal(18, 2) as reserves_onttrekking_eur,
        population.population,
        round(coalesce(summed.lasten_eur, 0) / population.population, 2)::decimal(18, 2) as lasten_eur_per_inhabitant,
        round(coalesce(summed.baten_eur, 0) / population.population, 2)::decimal(18, 2) as baten_eur_per_inhabitant
    from summed
    inner join fiscal_years on fiscal_years.fiscal_year = summed.fiscal_year
    inner join hoofdtaakvelden on hoofdtaakvelden.hoofdtaakveld_code = summed.hoofdtaakveld_code
    left join population
        on population.municipality_code = summed.municipality_code
        and population.fiscal_year = summed.fiscal_year
)

select * from final
