-- Warns (in the Dagster UI too) where two loaded documents print different values for the same cell
-- and scenario (marts.document_conflicts): is_current picks one, the other may be a wrong copy.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'document_conflicts'}}}) }}
select municipality_code, fiscal_year, line_item, measure, scenario, source_file, amount_eur
from {{ ref('document_conflicts') }}
