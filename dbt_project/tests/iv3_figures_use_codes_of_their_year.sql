-- Every Iv3 figure carries a code of its own year's official list (the reader quarantines a file that
-- does not; this holds the warehouse to the same rule).
{{ config(meta={'dagster': {'ref': {'name': 'fct_iv3_figures'}}}) }}
select figures.iv3_file_id, figures.fiscal_year, figures.taakveld_key
from {{ ref('fct_iv3_figures') }} as figures
left join {{ ref('dim_taakveld_year') }} as valid
    on valid.taakveld_code = figures.taakveld_key and valid.fiscal_year = figures.fiscal_year
where valid.taakveld_code is null
