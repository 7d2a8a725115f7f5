-- What became of every CBS Iv3 file in raw/iv3_cbs/: loaded (with how many failed checks) or quarantined.
with files as (
    select * from {{ ref('dim_iv3_file') }}
),

final as (
    select
        source_file,
        fiscal_year,
        scenario,
        case
            when file_status <> 'ok' then 'quarantined'
            when failed_check_count > 0 then 'flagged'
            else 'loaded'
        end as outcome,
        quarantine_reason,
        municipality_count,
        figure_count,
        failed_check_count,
        iv3_file_id
    from files
)

select * from final
