{{ config(post_hook="alter table {{ this }} add primary key (fiscal_year, taakveld_code)") }}
-- Every taakveld code valid in each year 2017-2026 with the name and hoofdtaakveld of that year, as
-- CBS's Iv3 definitions list them. A document's code that has no row here for its year is flagged.
with codelist as (
    select * from {{ ref('stg_reference__taakveld_codelist') }}
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
),

final as (
    select
        codelist.fiscal_year,
        codelist.taakveld_code,
        codelist.taakveld_name,
        codelist.hoofdtaakveld_code,
        codelist.hoofdtaakveld_name,
        taakvelden.parent_taakveld_code,
        taakvelden.comparison_taakveld_code
    from codelist
    inner join taakvelden on taakvelden.taakveld_key = codelist.taakveld_code
)

select * from final
