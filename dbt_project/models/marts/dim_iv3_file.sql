{{ config(post_hook="alter table {{ this }} add primary key (iv3_file_id)") }}
-- Every CBS Iv3 file in raw/iv3_cbs/: its year, scenario, status and why a quarantined one is out.
with files as (
    select * from {{ ref('stg_landing__iv3_files') }}
),

final as (
    select
        iv3_file_id,
        source_file,
        checksum as checksum_sha256,
        fiscal_year,
        scenario,
        file_status,
        quarantine_reason,
        municipality_count,
        figure_count,
        failed_check_count
    from files
)

select * from final
