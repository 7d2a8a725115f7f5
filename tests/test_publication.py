"""The table checksums that prove two builds equal: blind to row order, not to any change of content."""

import duckdb

from orchestration.publication import table_checksums


def test_checksums_ignore_row_order_and_see_every_change():
    connection = duckdb.connect()
    connection.execute("create schema marts")
    connection.execute("create table marts.facts as select * from (values (1, 'a', 10.50), (2, 'b', 20.00), (3, 'b', 20.00)) v(id, code, amount)")
    connection.execute("create view marts.facts_view as select * from marts.facts")
    before = table_checksums(connection, ["marts.facts", "marts.facts_view"])
    assert list(before) == ["marts.facts"]  # views are queries over tables, not checked themselves

    connection.execute("create table marts.reordered as select * from marts.facts order by id desc")
    assert table_checksums(connection, ["marts.reordered"])["marts.reordered"] == before["marts.facts"]

    for change in ("update marts.facts set amount = 10.51 where id = 1",
                   "update marts.facts set code = 'c' where id = 2",
                   "insert into marts.facts values (2, 'b', 20.00)",  # a duplicate row: XOR alone would miss it
                   "delete from marts.facts where id = 3"):
        connection.execute(change)
        after = table_checksums(connection, ["marts.facts"])["marts.facts"]
        assert after != before["marts.facts"], change
        before["marts.facts"] = after
