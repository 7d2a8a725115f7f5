-- Warns (in the Dagster UI too) about files whose text repeats another file's: they are kept out of
-- the facts; remove the copy from raw/ to clear this.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'dim_document'}}}) }}
select source_file, duplicate_of_document_id, quarantine_reason
from {{ ref('dim_document') }}
where document_status = 'duplicate'
