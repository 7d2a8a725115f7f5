-- Schemas are named after their layer (staging, marts, analytics), not dbt's `main_staging`.
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
