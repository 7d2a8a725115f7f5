-- Euros per inhabitant at the level that compares across years: split codes summed into their
-- parent (6.71a-d and 6.711-6.714 into 6.71, 6.21-6.23 into 6.2, 6.60 into 6.6, ...).
-- Grain: municipality x fiscal year x scenario x comparison taakveld x measure.
with figures as (
    select * from {{ ref('per_inhabitant_by_taakveld') }}
),

rolled_up as (
    select
        municipality_code,
        fiscal_year,
        scenario,
        comparison_taakveld_code,
        measure,
        sum(amount_eur)::decimal(18, 2) as amount_eur,
        any_value(population) as population,
        list(taakveld_key order by taakveld_key) as taakveld_codes,
        any_value(source_file) as source_file
    from figures
    group by all
),

final as (
    select
        municipality_code,
        fiscal_year,
        scenario,
        comparison_taakveld_code,
        measure,
        amount_eur,
        population,
        round(amount_eur / population, 2)::decimal(18, 2) as eur_per_inhabitant,
        taakveld_codes,
        source_file
    from rolled_up
)

select * from final
