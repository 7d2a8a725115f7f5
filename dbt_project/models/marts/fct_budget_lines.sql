-- Grain: document x municipality x fiscal year x taakveld (or source category) x measure x scenario.
-- Lines only: printed totals live in fct_reported_totals, so sums never double count.
-- A cell that prints two figures ('1.116 368' under one label and column, both counted in the table's
-- total) is one line figure: their sum, with printed_figure_count = 2 and the line they stand on. A
-- figure landed twice (the same amount in the same cell) is a defect, not a second figure: it stays two
-- rows, so that the grain test fails on it.
with landed as (
    select
        *,
        count(*) over (
            partition by document_id, fiscal_year, scenario, measure, taakveld_code, source_category, source_table,
                source_line, amount_eur
        ) > 1 as is_repeated
    from {{ ref('stg_landing__facts') }}
),

facts as (
    select
        document_id, fiscal_year, scenario, measure, taakveld_code, source_category, source_table, source_line,
        sum(amount_eur)::decimal(18, 2) as amount_eur,
        count(*)::integer as printed_figure_count
    from landed
    where not is_repeated
    group by all

    union all

    select
        document_id, fiscal_year, scenario, measure, taakveld_code, source_category, source_table, source_line,
        amount_eur,
        1 as printed_figure_count
    from landed
    where is_repeated
),

documents as (
    select * from {{ ref('dim_document') }}
    where document_status = 'ok'
),

taakvelden as (
    select taakveld_key from {{ ref('dim_taakveld') }}
    where is_official_taakveld
),

taakvelden_of_year as (
    select fiscal_year, taakveld_code from {{ ref('dim_taakveld_year') }}
),

keyed as (
    select
        facts.document_id,
        documents.municipality_code,
        facts.fiscal_year,
        case
            when facts.taakveld_code is null then 'geen'
            when taakvelden.taakveld_key is null then 'onbekend'
            else facts.taakveld_code
        end as taakveld_key,
        facts.taakveld_code as printed_taakveld_code,
        -- An official code outside its year's list (6.71a in 2022) is kept and flagged, not dropped.
        case when taakvelden.taakveld_key is not null then taakvelden_of_year.taakveld_code is not null end
            as is_taakveld_valid_in_year,
        facts.source_category,
        facts.measure,
        facts.scenario,
        facts.amount_eur,
        facts.source_line,
        facts.source_table,
        facts.printed_figure_count,
        documents.reporting_year,
        documents.document_kind
    from facts
    inner join documents on documents.document_id = facts.document_id
    left join taakvelden on taakvelden.taakveld_key = facts.taakveld_code
    left join taakvelden_of_year
        on taakvelden_of_year.taakveld_code = facts.taakveld_code
        and taakvelden_of_year.fiscal_year = facts.fiscal_year
),

ranked as (
    select
        *,
        -- The same cell in several documents: a full-year realisatie beats one so far, a later
        -- document beats an earlier one, accounts beat a mid-year report beat a budget.
        row_number() over (
            partition by
                municipality_code,
                fiscal_year,
                case when taakveld_key in ('geen', 'onbekend') then source_category else taakveld_key end,
                measure,
                case when scenario in ('realisatie', 'realisatie_tot_heden') then 'realisatie' else scenario end
            order by
                scenario = 'realisatie' desc,
                reporting_year desc nulls last,
                case document_kind when 'jaarrekening' then 3 when 'tussentijdse_rapportage' then 2 when 'begroting' then 1 else 0 end desc,
                document_id desc
        ) = 1 as is_current
    from keyed
),

final as (
    select
        -- One id per line figure, stable across builds: its document, cell and the line it is printed on.
        md5(concat_ws('|', document_id, fiscal_year, taakveld_key, source_category, measure, scenario, source_table,
            source_line)) as budget_line_id,
        document_id,
        municipality_code,
        fiscal_year,
        taakveld_key,
        printed_taakveld_code,
        is_taakveld_valid_in_year,
        source_category,
        measure,
        scenario,
        amount_eur,
        is_current,
        source_table,
        source_line,
        printed_figure_count
    from ranked
)

select * from final
