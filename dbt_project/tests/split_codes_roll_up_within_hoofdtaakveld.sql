-- Every split code has a parent that is itself an official code, in the same hoofdtaakveld, and that
-- parent is not split in turn (one level of roll-up).
{{ config(meta={'dagster': {'ref': {'name': 'dim_taakveld'}}}) }}
select child.taakveld_code, child.parent_taakveld_code, child.hoofdtaakveld_code, parent.hoofdtaakveld_code as parent_hoofdtaakveld
from {{ ref('dim_taakveld') }} as child
left join {{ ref('dim_taakveld') }} as parent on parent.taakveld_key = child.parent_taakveld_code
where child.is_split_code
  and (parent.taakveld_key is null
       or parent.hoofdtaakveld_code <> child.hoofdtaakveld_code
       or parent.is_split_code)
