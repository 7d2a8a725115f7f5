with source as (
    select * from {{ source('landing', 'iv3_population') }}
),

renamed as (
    select
        file_id::varchar as iv3_file_id,
        municipality_code::varchar as municipality_code,
        fiscal_year::integer as fiscal_year,
        population::bigint as population,
        province::varchar as province_name,
        size_class::varchar as size_class,
        urbanisation::varchar as urbanisation
    from source
)

select * from renamed
