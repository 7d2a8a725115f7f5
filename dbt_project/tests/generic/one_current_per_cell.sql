-- Fails where a reported cell has no current figure or more than one.
{% test one_current_per_cell(model, cell_columns) %}
    select {{ cell_columns | join(', ') }}, count(*) filter (where is_current) as current_figures
    from {{ model }}
    group by {{ cell_columns | join(', ') }}
    having count(*) filter (where is_current) <> 1
{% endtest %}
