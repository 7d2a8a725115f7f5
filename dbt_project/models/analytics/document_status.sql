-- What became of every document in raw/ and why: loaded; unverified (a figure had no printed total to
-- check against, or the parser inferred the unit, the sign convention or the measure instead of reading
-- it: checks `table_total`, `unit`, `sign`, `measure`); flagged (a failed check such as `table_total`,
-- `line_saldo`, `placement`, `unit`, or values that could not be placed: marts.document_ambiguous_cells);
-- duplicate; quarantined. The reason names each check (name, table: subject) with its difference or detail.
with documents as (
    select * from {{ ref('dim_document') }}
),

check_findings as (
    select
        document_id,
        string_agg(check_name || ' ' || coalesce(source_table, '') || ': ' || check_subject
            || coalesce(' (difference ' || difference_eur::varchar || ')', ' (' || check_detail || ')', ''), '; '
            order by check_name, source_table, check_subject)
            filter (where check_status = 'failed') as failed_checks,
        string_agg(check_name || ' ' || coalesce(source_table, '') || ': ' || check_subject
            || coalesce(' (' || check_detail || ')', ''), '; '
            order by check_name, source_table, check_subject)
            filter (where check_status = 'unverified') as unverified_checks,
        list(distinct check_name order by check_name) filter (where check_status = 'failed') as failed_check_names,
        list(distinct check_name order by check_name) filter (where check_status = 'unverified') as unverified_check_names
    from {{ ref('document_checks') }}
    group by document_id
),

ambiguity as (
    select
        document_id,
        string_agg(distinct ambiguity_reason, '; ' order by ambiguity_reason) as ambiguity_reasons
    from {{ ref('document_ambiguous_cells') }}
    group by document_id
),

outcomes as (
    select
        documents.source_file,
        documents.document_id,
        documents.municipality_code,
        documents.document_kind,
        documents.reporting_year,
        documents.document_status,
        documents.quarantine_reason,
        documents.fact_count,
        documents.ambiguous_cell_count,
        check_findings.failed_checks,
        check_findings.unverified_checks,
        coalesce(check_findings.failed_check_names, []) as failed_check_names,
        coalesce(check_findings.unverified_check_names, []) as unverified_check_names,
        ambiguity.ambiguity_reasons,
        case
            when documents.document_status = 'duplicate' then 'duplicate'
            when documents.document_status <> 'ok' then 'quarantined'
            when check_findings.failed_checks is not null or documents.ambiguous_cell_count > 0 then 'flagged'
            when check_findings.unverified_checks is not null then 'unverified'
            else 'loaded'
        end as outcome
    from documents
    left join check_findings on check_findings.document_id = documents.document_id
    left join ambiguity on ambiguity.document_id = documents.document_id
),

final as (
    select
        *,
        case outcome
            when 'quarantined' then quarantine_reason
            when 'duplicate' then quarantine_reason
            when 'flagged' then concat_ws('; ', failed_checks,
                case when ambiguous_cell_count > 0
                    then ambiguous_cell_count || ' printed values not placed in a row (marts.document_ambiguous_cells)'
                        || coalesce(': ' || ambiguity_reasons, '') end,
                unverified_checks)
            when 'unverified' then unverified_checks
        end as outcome_reason
    from outcomes
)

select * from final
