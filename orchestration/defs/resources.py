"""The resources the assets ask for by name."""

import dagster as dg

from orchestration.defs.warehouse import dbt_resource


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"dbt": dbt_resource})
