with source as (
    select * from {{ ref('cbs_gemeenten_2021') }}
),

renamed as (
    select
        Code::varchar as municipality_code,
        Naam::varchar as municipality_name,
        Provincie::varchar as province_name,
        Personen::bigint as population_2021
    from source
    where Code <> 'GM0000'
)

select * from renamed
