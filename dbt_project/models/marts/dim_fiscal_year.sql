{{ config(post_hook="alter table {{ this }} add primary key (fiscal_year)") }}
with fact_years as (
    select distinct fiscal_year from {{ ref('stg_landing__facts') }}
    union
    select distinct fiscal_year from {{ ref('stg_landing__reported_totals') }}
    union
    select distinct fiscal_year from {{ ref('stg_landing__iv3_figures') }}
),

calendar as (
    select range::integer as fiscal_year from range(2015, 2031)
),

years as (
    select fiscal_year from calendar
    union
    select fiscal_year from fact_years
),

final as (
    select
        fiscal_year,
        make_date(fiscal_year, 1, 1) as fiscal_year_start_date,
        make_date(fiscal_year, 12, 31) as fiscal_year_end_date,
        fiscal_year >= 2017 as has_bbv_taakvelden,
        case when fiscal_year >= 2025 then '2025+' when fiscal_year >= 2023 then '2023-2024' else '2017-2022' end
            as taakveld_list_period
    from years
)

select * from final
