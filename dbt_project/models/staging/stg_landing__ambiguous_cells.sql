with source as (
    select * from {{ source('landing', 'ambiguous_cells') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        table_name::varchar as source_table,
        column_header::varchar as column_header,
        printed_value::decimal(18, 2) as printed_value,
        source_line::integer as source_line,
        candidate_rows::varchar as candidate_rows
    from source
),

-- The parser lists either the rows a value may belong to ('6.71 ... | 6.72 ...'), or the one row with
-- why its value is not stored ('1. Gebiedsgericht werken: the column's year or scenario is not stated
-- (...)'). A reason starts in lower case or with a number, after the first ': ' that has one behind it:
-- a row label's own colon ('Programma 1: Inwoner') is followed by a capital.
explained as (
    select
        *,
        regexp_extract(candidate_rows, '^(.*?): ([a-z0-9].*)$', 2) as stated_reason
    from renamed
),

final as (
    select
        document_id,
        source_table,
        column_header,
        printed_value,
        source_line,
        candidate_rows,
        case
            when stated_reason <> '' then stated_reason
            when candidate_rows like '% | %' then 'the value fits more than one row'
            else 'not placed in a row'
        end as ambiguity_reason
    from explained
)

select * from final
