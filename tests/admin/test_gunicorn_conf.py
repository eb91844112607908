"""gunicorn.conf.py, the production settings bench/api.py also starts from: gthread workers with
keep-alive, never the sync worker (live streams hold a thread each; sync closes every connection)."""

from __future__ import annotations

import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_production_runs_threaded_workers_that_keep_connections_open():
    settings = runpy.run_path(str(CONF))
    assert settings["worker_class"] == "gthread"
    assert settings["threads"] > 1 and settings["workers"] >= 1
    assert settings["keepalive"] >= 1
