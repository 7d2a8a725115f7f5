"""Named points where a test holds a refresh so that it can kill it there: `GF_PAUSE_AT=<point>`.
Unset (always, outside the crash tests) they do nothing."""

import os
import time

from orchestration import locations

POINTS = ("parsing", "publication")


def pause_point(name: str) -> None:
    assert name in POINTS, name
    if os.environ.get("GF_PAUSE_AT") != name:
        return
    marker = locations.warehouse_dir() / f".paused_at_{name}"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(str(os.getpid()))
    time.sleep(600)
