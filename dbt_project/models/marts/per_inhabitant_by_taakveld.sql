-- Euros per inhabitant: each Iv3 figure over the population the same file gives.
-- Grain: municipality x fiscal year x scenario x taakveld x measure.
with figures as (
    select * from {{ ref('fct_iv3_figures') }}
),

population as (
    select * from {{ ref('stg_landing__iv3_population') }}
),

final as (
    select
        figures.municipality_code,
        figures.fiscal_year,
        figures.scenario,
        figures.taakveld_key,
        figures.comparison_taakveld_code,
        figures.measure,
        figures.amount_eur,
        population.population,
        round(figures.amount_eur / population.population, 2)::decimal(18, 2) as eur_per_inhabitant,
        figures.source_file
    from figures
    inner join population
        on population.iv3_file_id = figures.iv3_file_id
        and population.municipality_code = figures.municipality_code
)

select * from final
