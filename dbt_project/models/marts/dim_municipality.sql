{{ config(post_hook="alter table {{ this }} add primary key (municipality_code)") }}
-- Every municipality by CBS code: the 342 of 2025, the ones merged away since 2022 with what they
-- became and from when, the name variants sources use, and one 'onbekend' member so that no fact
-- carries a NULL key.
with municipalities as (
    select * from {{ ref('stg_reference__municipalities') }}
),

mergers as (
    select * from {{ ref('stg_reference__mergers') }}
),

aliases as (
    select * from {{ ref('stg_reference__municipality_aliases') }}
),

official_names as (
    select municipality_code, municipality_name
    from aliases
    where name_kind = 'official'
),

name_variants as (
    select municipality_code, list(municipality_name order by municipality_name) as name_variants
    from aliases
    where name_kind = 'variant'
    group by municipality_code
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
        coalesce(official_names.municipality_name, municipalities.municipality_name) as municipality_name,
        municipalities.province_name,
        mergers.municipality_code as merged_into_municipality_code,
        mergers.merged_on
    from municipalities
    left join mergers on mergers.former_municipality_code = municipalities.municipality_code
    left join official_names on official_names.municipality_code = municipalities.municipality_code

    union all

    select municipality_code, municipality_name, province_name, null, null
    from created_by_merger

    union all

    select 'onbekend', 'Onbekende gemeente', null, null, null
),

final as (
    select
        members.municipality_code,
        members.municipality_name,
        -- One spelling with the Iv3 files: CBS's 2021 list still writes 'Friesland'.
        case when members.province_name = 'Friesland' then 'Fryslân' else members.province_name end as province_name,
        members.merged_into_municipality_code,
        members.merged_on,
        coalesce(name_variants.name_variants, []) as name_variants,
        members.merged_into_municipality_code is null and members.municipality_code <> 'onbekend' as is_active
    from members
    left join name_variants on name_variants.municipality_code = members.municipality_code
)

select * from final
