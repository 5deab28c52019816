"""Helper processes die with the application, even when it is killed outright.

A script renders resolutions in a process pool (and keeps the long-lived PDF
helper of :mod:`comite.documents.offload` running), prints the process ids of
every helper and of multiprocessing's ``resource_tracker`` in the middle of the
batch, and blocks. The test kills it with SIGKILL (no ``atexit``, no
``finally``) and waits for every one of those processes to be gone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="reads /proc; Windows ends helpers through the parent's process handle")

SCRIPT = r"""
import json, multiprocessing, os, sys, time
from multiprocessing import resource_tracker
sys.path.insert(0, sys.argv[3])
from res_samples import numbered_resolution
from comite.documents import offload, resolution as res

def progress(done, total):
    if done == 1:
        tracker = getattr(resource_tracker._resource_tracker, "_pid", None)
        pids = [p.pid for p in multiprocessing.active_children()]
        print(json.dumps({"helper": helper, "children": pids, "tracker": tracker}), flush=True)
        time.sleep(600)

if __name__ == "__main__":
    method = sys.argv[1]
    offload.start_method = lambda: method
    res._start_method = lambda: method
    res.POOL_MIN_BATCH = {"fork": 0, "spawn": 0}
    helper = offload.run_in_helper(os.getpid)
    res.write_resolutions([numbered_resolution(i) for i in range(40)], sys.argv[2], workers=3,
                          durable=False, caller_renders=False, progress=progress)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its exit status waits to be read


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_helpers_and_resource_tracker_exit_when_the_parent_is_killed(tmp_path: Path, method: str) -> None:
    script = tmp_path / "batch.py"
    script.write_text(SCRIPT, encoding="utf-8")
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as err:  # the orphaned tracker's own warnings land here, not in the test output
        proc = subprocess.Popen([sys.executable, str(script), method, str(tmp_path / "out"),
                                 str(Path(__file__).parent)], stdout=subprocess.PIPE, stderr=err, text=True)
    try:
        line = proc.stdout.readline()
        assert line, f"the script ended early (exit {proc.wait()}): {errors.read_text()}"
        info = json.loads(line)
        helpers = [info["helper"], *info["children"]]
        assert len(set(helpers)) >= 2 and info["helper"] != proc.pid  # the PDF helper and the pool
        watched = helpers + ([info["tracker"]] if info["tracker"] else [])
        if method == "spawn":
            assert info["tracker"], "spawned helpers use multiprocessing's resource tracker"
        assert all(_alive(pid) for pid in watched)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in watched):
        time.sleep(0.1)
    survivors = [pid for pid in watched if _alive(pid)]
    for pid in survivors:  # do not leave them running for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert survivors == []

