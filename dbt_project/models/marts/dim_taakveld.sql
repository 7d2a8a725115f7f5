{{ config(post_hook="alter table {{ this }} add primary key (taakveld_key)") }}
-- One row per official taakveld code 2017-2026 (its latest name) with hoofdtaakveld, the parent a split
-- code rolls up to (6.71a and 6.711 -> 6.71) and the comparison code that makes 2023+ figures compare
-- with 2022; plus 'geen' for a municipality's own categories and 'onbekend' for a code outside every list.
with codelist as (
    select * from {{ ref('stg_reference__taakveld_codelist') }}
),

roll_up as (
    select distinct taakveld_code, parent_taakveld_code
    from {{ ref('stg_reference__taakvelden') }}
),

latest_name as (
    select *
    from codelist
    qualify row_number() over (partition by taakveld_code order by fiscal_year desc) = 1
),

validity as (
    select taakveld_code, min(fiscal_year) as first_year, max(fiscal_year) as last_year
    from codelist
    group by taakveld_code
),

official as (
    select
        latest_name.taakveld_code as taakveld_key,
        latest_name.taakveld_code,
        latest_name.taakveld_name,
        latest_name.hoofdtaakveld_code,
        latest_name.hoofdtaakveld_name,
        roll_up.parent_taakveld_code,
        coalesce(roll_up.parent_taakveld_code, latest_name.taakveld_code) as comparison_taakveld_code,
        roll_up.parent_taakveld_code is not null as is_split_code,
        validity.first_year,
        validity.last_year,
        true as is_official_taakveld
    from latest_name
    inner join validity on validity.taakveld_code = latest_name.taakveld_code
    left join roll_up on roll_up.taakveld_code = latest_name.taakveld_code
),

special_members as (
    select * from (values
        ('geen', null, 'Geen taakveld: eigen indeling van de gemeente', null, null, null, null, false, null, null, false),
        ('onbekend', null, 'Onbekende taakveldcode', null, null, null, null, false, null, null, false)
    ) as members (taakveld_key, taakveld_code, taakveld_name, hoofdtaakveld_code, hoofdtaakveld_name,
                  parent_taakveld_code, comparison_taakveld_code, is_split_code, first_year, last_year,
                  is_official_taakveld)
),

final as (
    select * from official
    union all
    select * from special_members
)

select * from final
