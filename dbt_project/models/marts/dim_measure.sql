{{ config(post_hook="alter table {{ this }} add primary key (measure)") }}
with measures as (
    select * from (values
        ('lasten', 'Lasten', 'Costs'),
        ('baten', 'Baten', 'Income'),
        ('reserves_storting', 'Storting in reserves', 'Addition to a reserve (0.10 under lasten)'),
        ('reserves_onttrekking', 'Onttrekking aan reserves', 'Withdrawal from a reserve (0.10 under baten)'),
        ('saldo', 'Saldo', 'Baten minus lasten of a row, loaded only where a table prints no lasten and baten for it; never add it to lasten or baten'),
        ('lasten_salarissen', 'Salarissen en sociale lasten', 'Of the lasten: salaries and social charges (Iv3 category 1.1); not to be added to lasten')
    ) as measures (measure, measure_name, measure_description)
)

select * from measures
