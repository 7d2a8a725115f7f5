-- Population per municipality and year as CBS's Iv3 files give it (the accounts' figure where there
-- are both a budget and accounts of the year), with province, size class and urbanisation.
with population as (
    select * from {{ ref('stg_landing__iv3_population') }}
),

files as (
    select * from {{ ref('stg_landing__iv3_files') }}
    where file_status = 'ok'
),

final as (
    select
        population.municipality_code,
        population.fiscal_year,
        population.population,
        population.province_name,
        population.size_class,
        population.urbanisation,
        files.source_file
    from population
    inner join files on files.iv3_file_id = population.iv3_file_id
    qualify row_number() over (
        partition by population.municipality_code, population.fiscal_year
        order by files.scenario = 'realisatie' desc, files.source_file desc
    ) = 1
)

select * from final
