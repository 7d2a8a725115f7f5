-- References leave out the database name: views in the published file must keep working when a
-- BI tool attaches it under another name than the file the pipeline built.
{% macro ref(model_name) %}
    {% do return(builtins.ref(model_name).include(database=false)) %}
{% endmacro %}

{% macro source(source_name, table_name) %}
    {% do return(builtins.source(source_name, table_name).include(database=false)) %}
{% endmacro %}
