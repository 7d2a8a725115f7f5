-- CBS's official Iv3 figures. Grain: municipality x fiscal year x scenario x taakveld x measure,
-- one Iv3 file each (a budget file gives begroting_primitief, an accounts file realisatie).
with figures as (
    select * from {{ ref('stg_landing__iv3_figures') }}
),

files as (
    select * from {{ ref('stg_landing__iv3_files') }}
    where file_status = 'ok'
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
),

final as (
    select
        figures.iv3_file_id,
        figures.municipality_code,
        figures.fiscal_year,
        figures.scenario,
        figures.taakveld_code as taakveld_key,
        taakvelden.comparison_taakveld_code,
        figures.measure,
        figures.amount_eur,
        files.source_file,
        figures.source_line,
        figures.municipality_name_in_source,
        figures.taakveld_label_in_source
    from figures
    inner join files on files.iv3_file_id = figures.iv3_file_id
    left join taakvelden on taakvelden.taakveld_key = figures.taakveld_code
)

select * from final
