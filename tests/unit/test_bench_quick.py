"""The benchmark runs and prints valid JSON (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(900)
def test_bench_quick_prints_json():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick",
                           "--only", "search,acta,resolutions,open_session,report,vote,start"],
                          capture_output=True, text=True, env=env, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(proc.stdout)  # the whole of standard output is one JSON document
    assert {"search", "acta", "resolutions", "open_session", "report", "vote", "start"} <= set(data)
    assert data["report"]["ms"] > 0 and data["report"]["hearings"] > 0
    assert data["search"]["p95_ms"] >= 0 and data["acta"]["ratio"] > 0 and data["resolutions"]["ratio"] > 0
    start = data["start"]
    assert start["login_ratio"] > 0 and start["enter_to_usable_ms"] > 0 and start["lists_ms"] >= 0
    assert start["login_shown_ms"] > 0
    assert 0 < data["vote"]["statements"] <= 10  # a count, not a time: the vote's reads stay batched
    assert data["vote"]["median_ms"] > 0


def test_whatever_a_child_process_prints_stays_off_the_json(capfd):
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)

    def measure():
        print("}")  # what once followed the document
        subprocess.run([sys.executable, "-c", "print('{ruido')"], check=True)
        return {"figura": 1}

    assert bench._one_document(measure) == 0
    out, err = capfd.readouterr()
    assert json.loads(out) == {"figura": 1}
    assert "}" in err and "{ruido" in err
