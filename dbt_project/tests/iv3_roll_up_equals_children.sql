-- At comparison level a parent's figure is its own figure plus the sum of its split children, read
-- straight from the landing data (for every municipality, year and measure of every Iv3 file).
{{ config(meta={'dagster': {'ref': {'name': 'per_inhabitant_by_comparable_taakveld'}}}) }}
with landed as (
    select figures.municipality_code, figures.fiscal_year, figures.scenario, figures.measure,
           coalesce(taakvelden.parent_taakveld_code, figures.taakveld_code) as comparison_taakveld_code,
           figures.taakveld_code, figures.amount_eur
    from {{ ref('stg_landing__iv3_figures') }} as figures
    inner join {{ ref('stg_reference__taakvelden') }} as taakvelden
        on taakvelden.taakveld_code = figures.taakveld_code
        and figures.fiscal_year between taakvelden.valid_from_year and taakvelden.valid_to_year
),

expected as (
    select municipality_code, fiscal_year, scenario, measure, comparison_taakveld_code, sum(amount_eur) as amount_eur
    from landed
    group by all
),

roll_up_mismatch as (
    select expected.*, mart.amount_eur as mart_amount_eur, 'roll-up differs' as problem
    from expected
    full outer join {{ ref('per_inhabitant_by_comparable_taakveld') }} as mart
        using (municipality_code, fiscal_year, scenario, measure, comparison_taakveld_code)
    where mart.amount_eur is distinct from expected.amount_eur
)

select * from roll_up_mismatch
