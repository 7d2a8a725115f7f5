with source as (
    select * from {{ source('landing', 'checks') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        check_name::varchar as check_name,
        table_name::varchar as source_table,
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
