{{ config(post_hook="alter table {{ this }} add primary key (scenario)") }}
with scenarios as (
    select * from (values
        ('begroting_primitief', 'Primitieve begroting', 'The budget as adopted, before amendments', 1),
        ('begroting_na_wijziging', 'Begroting na wijziging', 'The budget after amendments', 2),
        ('meerjarenraming', 'Meerjarenraming', 'Later years of a budget', 3),
        ('realisatie_tot_heden', 'Realisatie tot heden', 'Realisation so far, in a mid-year report', 4),
        ('realisatie', 'Realisatie', 'Realisation of the full year', 5),
        ('afwijking', 'Afwijking', 'Deviation from the amended budget, where a document gives only that', 6)
    ) as scenarios (scenario, scenario_name, scenario_description, sort_order)
)

select * from scenarios
