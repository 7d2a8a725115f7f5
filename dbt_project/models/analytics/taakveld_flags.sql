-- Document lines whose taakveld code is official but not valid in the line's fiscal year (a 2023 split
-- code in a 2022 figure, 6.71 after 2024): kept in the facts, listed here with the years the code is valid.
with lines as (
    select * from {{ ref('fct_budget_lines') }}
    where not is_taakveld_valid_in_year
),

taakvelden as (
    select * from {{ ref('dim_taakveld') }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

final as (
    select
        documents.source_file,
        lines.source_line,
        lines.fiscal_year,
        lines.printed_taakveld_code,
        lines.source_category,
        taakvelden.first_year as code_first_year,
        taakvelden.last_year as code_last_year,
        lines.measure,
        lines.scenario,
        lines.amount_eur
    from lines
    inner join taakvelden on taakvelden.taakveld_key = lines.taakveld_key
    inner join documents on documents.document_id = lines.document_id
)

select * from final
