with source as (
    select * from {{ source('landing', 'iv3_checks') }}
),

renamed as (
    select
        file_id::varchar as iv3_file_id,
        check_name::varchar as check_name,
        subject::varchar as check_subject,
        expected_eur::decimal(18, 2) as expected_eur,
        actual_eur::decimal(18, 2) as actual_eur,
        difference_eur::decimal(18, 2) as difference_eur,
        tolerance_eur::decimal(18, 2) as tolerance_eur,
        status::varchar as check_status,
        detail::varchar as check_detail
    from source
)

select * from renamed
