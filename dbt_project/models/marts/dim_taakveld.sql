-- One row per official taakveld code (its latest name), plus 'geen' for a municipality's own
-- categories that are not taakvelden and 'onbekend' for a printed code outside the official list.
with taakvelden as (
    select * from {{ ref('stg_reference__taakvelden') }}
),

latest_name as (
    select *
    from taakvelden
    qualify row_number() over (partition by taakveld_code order by valid_to_year desc) = 1
),

validity as (
    select taakveld_code, min(valid_from_year) as first_year, max(valid_to_year) as last_year
    from taakvelden
    group by taakveld_code
),

official as (
    select
        latest_name.taakveld_code as taakveld_key,
        latest_name.taakveld_code,
        latest_name.taakveld_name,
        latest_name.hoofdtaakveld_code,
        latest_name.hoofdtaakveld_name,
        coalesce(latest_name.parent_taakveld_code, latest_name.taakveld_code) as parent_taakveld_code,
        validity.first_year,
        validity.last_year,
        true as is_official_taakveld
    from latest_name
    inner join validity using (taakveld_code)
),

special_members as (
    select * from (values
        ('geen', null, 'Geen taakveld: eigen indeling van de gemeente', null, null, null, null, null, false),
        ('onbekend', null, 'Onbekende taakveldcode', null, null, null, null, null, false)
    ) as members (taakveld_key, taakveld_code, taakveld_name, hoofdtaakveld_code, hoofdtaakveld_name,
                  parent_taakveld_code, first_year, last_year, is_official_taakveld)
),

final as (
    select * from official
    union all
    select * from special_members
)

select * from final
