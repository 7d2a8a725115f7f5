with measures as (
    select * from (values
        ('lasten', 'Lasten', 'Costs'),
        ('baten', 'Baten', 'Income'),
        ('reserves_storting', 'Storting in reserves', 'Addition to a reserve (0.10 under lasten)'),
        ('reserves_onttrekking', 'Onttrekking aan reserves', 'Withdrawal from a reserve (0.10 under baten)')
    ) as measures (measure, measure_name, measure_description)
)

select * from measures
