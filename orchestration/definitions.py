"""The code location: everything under defs/ is discovered; resources are bound here."""

import dagster as dg

from orchestration import defs as defs_package
from orchestration.defs.warehouse import dbt_resource

defs = dg.Definitions.merge(
    dg.load_definitions_from_package_module(defs_package),  # preview API: discovery of defs/ modules
    dg.Definitions(resources={"dbt": dbt_resource}),
)
