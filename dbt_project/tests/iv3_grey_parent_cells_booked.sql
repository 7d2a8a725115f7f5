-- CBS's lists of 2023-2024 keep 6.71, 6.72, 6.81 and 6.82 but grey them out: figures belong on their
-- split codes. Some municipalities still book on the grey parent; the roll-up counts those once (see
-- iv3_roll_up_equals_children), and this warning lists them so that a comparison by split code is not
-- trusted for them.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'fct_iv3_figures'}}}) }}
select parent.municipality_code, parent.fiscal_year, parent.scenario, parent.measure, parent.taakveld_key, parent.amount_eur
from {{ ref('fct_iv3_figures') }} as parent
where parent.fiscal_year between 2023 and 2024
  and parent.measure in ('lasten', 'baten')
  and parent.amount_eur <> 0
  and exists (select 1 from {{ ref('dim_taakveld_year') }} as child
              where child.parent_taakveld_code = parent.taakveld_key and child.fiscal_year = parent.fiscal_year)
