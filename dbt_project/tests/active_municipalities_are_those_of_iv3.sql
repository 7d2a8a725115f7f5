-- The active municipalities are exactly those of the latest Iv3 file (342 in 2025): none missing from
-- the reference, none in the reference that CBS no longer reports.
{{ config(meta={'dagster': {'ref': {'name': 'dim_municipality'}}}) }}
with latest_year as (
    select max(fiscal_year) as fiscal_year from {{ ref('municipality_population') }}
),

reported as (
    select municipality_code
    from {{ ref('municipality_population') }}
    where fiscal_year = (select fiscal_year from latest_year)
),

active as (
    select municipality_code from {{ ref('dim_municipality') }} where is_active
)

select coalesce(reported.municipality_code, active.municipality_code) as municipality_code,
       reported.municipality_code is null as missing_from_iv3
from reported
full outer join active using (municipality_code)
where (reported.municipality_code is null or active.municipality_code is null)
  and exists (select 1 from latest_year where fiscal_year is not null)
