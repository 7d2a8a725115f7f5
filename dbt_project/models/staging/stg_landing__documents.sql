with source as (
    select * from {{ source('landing', 'documents') }}
),

renamed as (
    select
        document_id::varchar as document_id,
        source_file::varchar as source_file,
        checksum::varchar as checksum_sha256,
        -- The decoded text's checksum: one document re-saved in another encoding has the same.
        coalesce(text_checksum, checksum)::varchar as content_checksum,
        status::varchar as document_status,
        reason::varchar as quarantine_reason,
        layout::varchar as layout_readers,
        municipality_code::varchar as municipality_code,
        coalesce(document_kind, 'onbekend')::varchar as document_kind,
        programme::varchar as programme_name,
        reporting_year::integer as reporting_year,
        metadata_origin::varchar as metadata_origin,
        fact_count::integer as fact_count,
        failed_check_count::integer as failed_check_count,
        ambiguous_cell_count::integer as ambiguous_cell_count
    from source
)

select * from renamed
