{{ config(post_hook="alter table {{ this }} add primary key (municipality_code, fiscal_year)") }}
-- Population per municipality and year as CBS's Iv3 files give it (the accounts' figure where there
-- are both a budget and accounts of the year), with province, size class and urbanisation, each in one
-- spelling whatever the file wrote (CBS's lists write 'minderdan5000inwoners' and 'Minderdan5000inwoners',
-- 'Friesland' and 'Fryslân'), and the size class and urbanisation with their order.
with population as (
    select * from {{ ref('stg_landing__iv3_population') }}
),

files as (
    select * from {{ ref('stg_landing__iv3_files') }}
    where file_status = 'ok'
),

size_classes as (
    select * from (values
        ('minderdan5000inwoners', 'minder dan 5.000 inwoners', 1),
        ('5000tot10000inwoners', '5.000 tot 10.000 inwoners', 2),
        ('10000tot20000inwoners', '10.000 tot 20.000 inwoners', 3),
        ('20000tot50000inwoners', '20.000 tot 50.000 inwoners', 4),
        ('50000tot100000inwoners', '50.000 tot 100.000 inwoners', 5),
        ('100000tot150000inwoners', '100.000 tot 150.000 inwoners', 6),
        ('150000tot250000inwoners', '150.000 tot 250.000 inwoners', 7),
        ('250000inwonersofmeer', '250.000 inwoners of meer', 8)
    ) as size_classes (size_class_in_source, size_class, size_class_order)
),

urbanisation_classes as (
    select * from (values
        ('zeersterkstedelijk', 'zeer sterk stedelijk', 1),
        ('sterkstedelijk', 'sterk stedelijk', 2),
        ('matigstedelijk', 'matig stedelijk', 3),
        ('weinigstedelijk', 'weinig stedelijk', 4),
        ('nietstedelijk', 'niet stedelijk', 5)
    ) as urbanisation_classes (urbanisation_in_source, urbanisation, urbanisation_order)
),

chosen as (
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
),

final as (
    select
        chosen.municipality_code,
        chosen.fiscal_year,
        chosen.population,
        case when chosen.province_name = 'Friesland' then 'Fryslân' else chosen.province_name end as province_name,
        coalesce(size_classes.size_class, chosen.size_class) as size_class,
        size_classes.size_class_order,
        coalesce(urbanisation_classes.urbanisation, chosen.urbanisation) as urbanisation,
        urbanisation_classes.urbanisation_order,
        chosen.source_file
    from chosen
    left join size_classes on size_classes.size_class_in_source = lower(replace(chosen.size_class, ' ', ''))
    left join urbanisation_classes
        on urbanisation_classes.urbanisation_in_source = lower(replace(chosen.urbanisation, ' ', ''))
)

select * from final
