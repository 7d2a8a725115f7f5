-- Every municipality by CBS code, the ones merged away since 2022 with what they became,
-- and one 'onbekend' member so that no fact carries a NULL key.
with municipalities as (
    select * from {{ ref('stg_reference__municipalities') }}
),

mergers as (
    select * from {{ ref('stg_reference__mergers') }}
),

merged_into as (
    select municipality_code as new_code, any_value(municipality_name) as new_name
    from mergers
    group by municipality_code
),

created_by_merger as (
    select
        merged_into.new_code as municipality_code,
        merged_into.new_name as municipality_name,
        any_value(municipalities.province_name) as province_name
    from merged_into
    left join mergers on mergers.municipality_code = merged_into.new_code
    left join municipalities on municipalities.municipality_code = mergers.former_municipality_code
    where merged_into.new_code not in (select municipality_code from municipalities)
    group by all
),

members as (
    select
        municipalities.municipality_code,
        municipalities.municipality_name,
        municipalities.province_name,
        mergers.municipality_code as merged_into_municipality_code,
        mergers.merged_on
    from municipalities
    left join mergers on mergers.former_municipality_code = municipalities.municipality_code

    union all

    select municipality_code, municipality_name, province_name, null, null
    from created_by_merger

    union all

    select 'onbekend', 'Onbekende gemeente', null, null, null
),

final as (
    select
        *,
        merged_into_municipality_code is null and municipality_code <> 'onbekend' as is_active
    from members
)

select * from final
