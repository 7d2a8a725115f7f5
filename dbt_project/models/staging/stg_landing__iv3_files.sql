with source as (
    select * from {{ source('landing', 'iv3_files') }}
),

renamed as (
    select
        file_id::varchar as iv3_file_id,
        source_file::varchar as source_file,
        checksum::varchar as checksum,
        status::varchar as file_status,
        reason::varchar as quarantine_reason,
        fiscal_year::integer as fiscal_year,
        scenario::varchar as scenario,
        municipality_count::integer as municipality_count,
        figure_count::integer as figure_count,
        failed_check_count::integer as failed_check_count
    from source
)

select * from renamed
