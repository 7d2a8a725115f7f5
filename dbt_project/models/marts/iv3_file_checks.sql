-- Reconciliation of each Iv3 file: the national total row against the sum of the municipalities
-- (exact), and each municipality's lasten against its baten (within the rounding to € 1.000).
with checks as (
    select * from {{ ref('stg_landing__iv3_checks') }}
),

files as (
    select * from {{ ref('stg_landing__iv3_files') }}
),

final as (
    select
        files.source_file,
        files.fiscal_year,
        files.scenario,
        checks.check_name,
        checks.check_subject,
        checks.expected_eur,
        checks.actual_eur,
        checks.difference_eur,
        checks.tolerance_eur,
        checks.check_status,
        checks.check_detail,
        checks.iv3_file_id
    from checks
    inner join files on files.iv3_file_id = checks.iv3_file_id
)

select * from final
