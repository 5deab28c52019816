"""The benchmark runs and prints valid JSON (no timing is asserted)."""

from __future__ import annotations

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
                           "--only", "search,acta,resolutions,open_session,report"],
                          capture_output=True, text=True, env=env, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(proc.stdout)
    assert {"search", "acta", "resolutions", "open_session", "report"} <= set(data)
    assert data["report"]["ms"] > 0 and data["report"]["hearings"] > 0
    assert data["search"]["p95_ms"] >= 0 and data["acta"]["ratio"] > 0 and data["resolutions"]["ratio"] > 0
