"""What secretaries wait for, measured beside a baseline in the same run.

    python bench/run.py            # full scale: 2,000 sessions, 200,000 cases (built once, cached)
    python bench/run.py --quick    # small database, one repetition (what the test suite runs)

Prints one JSON document on standard output (and nothing else there: whatever the
measured code or its child processes print goes to standard error), keyed by figure.
Each value has the measured median (ms), the baseline's median where there is one,
their ``ratio``, and the fields the targets are stated in: ``start.login_shown_ms``,
``start.login_ratio``, ``start.enter_to_usable_ms``, ``start.lists_ms``,
``open_session.median_ms``, ``vote.median_ms``, ``vote.statements``, ``search.p95_ms``,
``acta.ratio``, ``resolutions.ratio``, ``ui_stall.max_ms``, ``memory.peak_mb``,
``report.ms``, ``pg.open_session_ms``, ``pg.vote_median_ms``, ``pg.search_p95_ms``
(``--only pg`` starts a PostgreSQL server on loopback, as CI does). Machines are
noisy: read the ratios, the CPU times and the load average beside them first.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from datetime import time as dtime
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
ACTA_CASES = 150
LOGIN_SAMPLES = 11
"""Launches measured to the login dialog's paint (and as many empty windows) for ``start.login_ratio``."""
RESOLUTIONS = 200

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def _median(xs: list[float]) -> float:
    return round(statistics.median(xs), 2)


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))], 2)


def _figure(measured: list[float], baseline: list[float] | None = None, **extra: object) -> dict:
    out: dict[str, object] = {"median_ms": _median(measured), "runs": len(measured)}
    if baseline:
        out["baseline_median_ms"] = _median(baseline)
        out["ratio"] = round(_median(measured) / max(_median(baseline), 1e-6), 3)
    out.update(extra)
    return out


# --- the database ---------------------------------------------------------------------------------

def _ctx(db_path: Path, meta: dict):
    from comite.services import accounts
    from comite.services.bootstrap import open_database
    from comite.services.context import ServiceContext

    db = open_database(str(db_path))
    login = accounts.login(db, meta["user"], meta["password"])
    return ServiceContext(db, login.actor)


def build_database(sessions: int, cases: int, seed: int) -> tuple[Path, dict]:
    """The demo database at the requested size plus one big session, cached by size."""
    from comite.storage.schema import HEAD_REVISION

    CACHE.mkdir(parents=True, exist_ok=True)
    # keyed by schema revision too: a database cached by another revision (another branch) is rebuilt, not migrated
    path = CACHE / f"demo-{sessions}-{cases}-{seed}-r{HEAD_REVISION}.sqlite3"
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        return path, json.loads(meta_path.read_text())
    for stale in CACHE.glob(path.name + "*"):
        stale.unlink()
    from comite.demo import fill_demo
    from comite.services.bootstrap import open_database

    t0 = time.perf_counter()
    db = open_database(str(path))
    report = fill_demo(db, sessions=sessions, cases=cases, seed=seed)
    db.dispose()
    admin = next(a for a in report.accounts if a[1] == "administrador")
    meta = {"user": admin[0], "password": admin[2], "demo_seconds": round(time.perf_counter() - t0, 1)}
    ctx = _ctx(path, meta)
    meta["big_session_id"] = _big_session(ctx, min(ACTA_CASES, max(10, cases // 10)))
    ctx.db.dispose()
    meta_path.write_text(json.dumps(meta))
    return path, meta


def _big_session(ctx, n_cases: int) -> int:
    """A CERREM poblacional session with ``n_cases`` decided cases (votes, measures)."""
    from comite.domain import (
        AttendanceStatus,
        CaseKind,
        DecisionOutcome,
        MeasureAction,
        RiskLevel,
        SessionStatus,
        VoteChoice,
    )
    from comite.services import attendance, cases, decisions, deliberation, sessions, views

    sid = sessions.create_session(ctx, "CERREM_POBLACIONAL", date(2026, 11, 25), start=dtime(8, 0),
                                  place="Bogotá D. C.").session_id
    # cases of its own, so every decision agrees with its record (no measure in force yet, the
    # level the GVP proposed and its matrix band): rules.decision refuses incoherent ones
    ids = [cases.create_case(ctx, cases.CaseInput(
        radicado=f"BENCH26-{i:05d}", kind=CaseKind.INDIVIDUAL, beneficiary_name=f"Persona de prueba {i}",
        document_number=f"9{i:08d}", population_code="victimas" if i % 2 else "ddhh_sociales",
        matrix_pct=50.0 + (i % 30), proposed_level=RiskLevel.EXTRAORDINARIO)).created_id for i in range(n_cases)]
    hearings = [sessions.add_case(ctx, sid, cid).created_id for cid in ids]
    for row in views.attendance_rows(ctx, sid):
        if row.condition is None:
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE,
                                      person_name=f"Delegado {row.seat_key}",
                                       arrival=dtime(8, 0))
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    voters = None
    for i, hid in enumerate(hearings):
        deliberation.update_hearing(ctx, hid, discussed_at=dtime(8 + i // 30, (i * 2) % 60),
                                   deliberation="Se analizan los hechos, el estudio de riesgo y el concepto "
                                                "del GVP. " * 3)
        if voters is None:
            voters = [v.seat_key for v in views.hearing_detail(ctx, hid).voters if v.can_vote]
        votes = [(k, VoteChoice.EN_CONTRA if j == 0 and i % 7 == 0 else VoteChoice.A_FAVOR,
                  "Salvamento de voto por la temporalidad." if j == 0 and i % 7 == 0 else None)
                 for j, k in enumerate(voters)]
        decisions.record_decision(ctx, hid, decisions.DecisionInput(
            DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Se recomiendan las medidas propuestas.",
            [decisions.MeasureInput("hombre_proteccion", 2, MeasureAction.IMPLEMENTAR, 6),
             decisions.MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 12)], votes=votes))
    sessions.update_session(ctx, sid, end=dtime(18, 0))
    sessions.set_status(ctx, sid, SessionStatus.CERRADA)
    return sid


def vote_session(target: str, meta: dict, meta_path: Path | None = None) -> int:
    """A CERREM session in course with three cases waiting for their votes (built once, kept in
    ``meta``): what ``vote.*`` presses keys on."""
    if "vote_session_id" in meta:
        return meta["vote_session_id"]
    from comite.domain import AttendanceStatus, CaseKind, RiskLevel, SessionStatus
    from comite.services import attendance, cases, deliberation, sessions, views

    ctx = _ctx(target, meta)
    sid = sessions.create_session(ctx, "CERREM_POBLACIONAL", date(2026, 11, 26), start=dtime(8, 0),
                                  place="Bogotá D. C.").session_id
    for i in range(3):
        cid = cases.create_case(ctx, cases.CaseInput(
            radicado=f"VOTO26-{i:05d}", kind=CaseKind.INDIVIDUAL, beneficiary_name=f"Persona que se vota {i}",
            document_number=f"7{i:08d}", population_code="victimas", matrix_pct=55.0,
            proposed_level=RiskLevel.EXTRAORDINARIO)).created_id
        hid = sessions.add_case(ctx, sid, cid).created_id
        if i == 0:
            first = hid
    for row in views.attendance_rows(ctx, sid):
        if row.condition is None:
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE,
                                      person_name=f"Delegado {row.seat_key}", arrival=dtime(8, 0))
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    deliberation.update_hearing(ctx, first, discussed_at=dtime(8, 30), deliberation="Se vota el caso.")
    ctx.db.dispose()
    meta["vote_session_id"] = sid
    if meta_path is not None:
        meta_path.write_text(json.dumps(meta))
    return sid


# --- figures measured in this process ----------------------------------------------------------------

def _raw_runner(target: str):
    """The baseline's connection: the driver alone (sqlite3, or psycopg for a server URL)."""
    if "://" not in target:
        import sqlite3

        conn = sqlite3.connect(target)
        return (lambda sql, params: conn.execute(sql, params).fetchall()), conn.close
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(target)
    pg = psycopg.connect(host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True)
    return (lambda sql, params: pg.execute(sql.replace("?", "%s"), params).fetchall()), pg.close


def bench_search(db_path: Path | str, meta: dict, samples: int) -> dict:
    from sqlalchemy import func, select

    from comite.model import Case
    from comite.services.cases import find_cases

    sys.path.insert(0, str(HERE.parent))
    from tests.statements import count_statements

    ctx = _ctx(db_path, meta)
    rng = random.Random(11)
    with ctx.db.Session() as s:
        n = s.scalar(select(func.max(Case.id)))
        picked = [s.get(Case, rng.randint(1, n)) for _ in range(samples)]
        radicados = [c.radicado for c in picked if c is not None]
        documents = [c.document_number for c in picked if c is not None and c.document_number]
    timings, statements = [], []
    for query in radicados + documents:
        with count_statements(ctx.db.engine) as counted:
            t0 = time.perf_counter()
            found = find_cases(ctx, query)
            timings.append(_ms(time.perf_counter() - t0))
        statements.append(counted.total)
        assert found, query
    run, close = _raw_runner(str(db_path))
    base = []
    for rad in radicados:
        t0 = time.perf_counter()
        run("SELECT id, radicado, kind, population_code FROM case_file WHERE radicado = ?", (rad,))
        base.append(_ms(time.perf_counter() - t0))
    close()
    with ctx.db.Session() as s:
        total = s.scalar(select(func.count(Case.id)))
    ctx.db.dispose()
    return _figure(timings, base, p95_ms=_p95(timings), cases=total, queries=len(timings),
                   statements=max(statements))


def bench_acta(db_path: Path, meta: dict, repeat: int) -> dict:
    import io

    from comite.documents.acta_pdf import acta_plain_baseline
    from comite.services.acta import build_acta_data, render_pdf

    ctx = _ctx(db_path, meta)
    sid = meta["big_session_id"]
    t0 = time.perf_counter()
    data = build_acta_data(ctx, sid)
    read_ms = _ms(time.perf_counter() - t0)
    ours, base = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        pdf = render_pdf(data)
        ours.append(_ms(time.perf_counter() - t0))
        t0 = time.perf_counter()
        acta_plain_baseline(data, io.BytesIO())
        base.append(_ms(time.perf_counter() - t0))
    ctx.db.dispose()
    return _figure(ours, base, cases=len(data.cases), pages=pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"),
                   read_model_ms=read_ms)


def _resolution_items(db_path: Path, meta: dict, count: int):
    from comite.services.resolutions import resolution_items

    ctx = _ctx(db_path, meta)
    items = resolution_items(ctx, meta["big_session_id"])
    ctx.db.dispose()
    out = []
    i = 0
    while len(out) < count:
        base = items[i % len(items)]
        out.append(replace(base, radicado=f"{base.radicado}-{len(out):03d}", number=f"{len(out) + 1:04d}"))
        i += 1
    return out


def bench_resolutions(db_path: Path, meta: dict, count: int, repeat: int) -> dict:
    from comite.documents.resolution import (
        default_template_path,
        render_resolution_naive,
        write_resolutions,
    )

    items = _resolution_items(db_path, meta, count)
    template = default_template_path(items[0])
    ours, base = [], []
    naive_items = items[: max(10, count // 4)]  # the naive path is slow; its per-file cost is what matters
    for _ in range(repeat):
        out = Path(tempfile.mkdtemp(prefix="bench-res-"))
        t0 = time.perf_counter()
        write_resolutions(items, out, workers=2)
        ours.append(_ms((time.perf_counter() - t0) / len(items)))
        shutil.rmtree(out)
        out = Path(tempfile.mkdtemp(prefix="bench-naive-"))
        t0 = time.perf_counter()
        for k, item in enumerate(naive_items):
            render_resolution_naive(item, template, out / f"{k}.docx")
        base.append(_ms((time.perf_counter() - t0) / len(naive_items)))
        shutil.rmtree(out)
    fig = _figure(ours, base, resolutions=len(items), naive_sample=len(naive_items), unit="ms por resolución")
    return fig


# --- figures measured in a separate GUI process --------------------------------------------------------

def bench_report(db_path: Path, meta: dict, repeat: int) -> dict:
    """report: the one-year, all-committee report (every figure, computed in SQL) on the demo database.

    Baseline: one raw sqlite3 query counting the year's hearings and their decisions, the least any
    report over them must read.
    """
    import sqlite3

    from comite.demo import DEMO_END
    from comite.services.reports import ReportQuery, build_report

    start = date(DEMO_END.year - 1, DEMO_END.month, DEMO_END.day) + timedelta(days=1)
    ctx = _ctx(db_path, meta)
    query = ReportQuery(start, DEMO_END)
    build_report(ctx, query)  # warm: the first read of a cold file measures the disk, not the report
    ours, cpu = [], []
    for _ in range(max(repeat, 3)):
        t0, c0 = time.perf_counter(), time.process_time()
        report = build_report(ctx, query)
        ours.append(_ms(time.perf_counter() - t0))
        cpu.append(_ms(time.process_time() - c0))  # both threads: what the report costs on a busy machine
    raw = sqlite3.connect(str(db_path))
    sql = ("SELECT count(h.id), count(d.id) FROM committee_session s JOIN hearing h ON h.session_id = s.id "
           "LEFT JOIN decision d ON d.hearing_id = h.id WHERE s.day BETWEEN ? AND ?")
    base = []
    for _ in range(max(repeat, 3)):
        t0 = time.perf_counter()
        raw.execute(sql, (start.isoformat(), DEMO_END.isoformat())).fetchall()
        base.append(_ms(time.perf_counter() - t0))
    raw.close()
    ctx.db.dispose()
    # the machine's load while measuring: the wall time inflates with it, the CPU time much less
    load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    return _figure(ours, base, ms=_median(ours), cpu_ms=_median(cpu), load_average=load,
                   hearings=report.totals.hearings, sessions=report.totals.sessions,
                   late_cases=report.late_total, period=f"{start.isoformat()}/{DEMO_END.isoformat()}")


def bench_vote(target: Path | str, meta: dict, presses: int, meta_path: Path | None = None) -> dict:
    """vote: a key press on the votes grid → grid, tally and quorum header repainted (the first
    press, which compiles the statements, is reported apart)."""
    sid = vote_session(str(target), meta, meta_path)
    r = _probe("vote", target, meta, "--vote-session", str(sid),
               "--repeat", str(presses + 1))
    times, counts = r["times"][1:], r["statements"][1:]
    return {"median_ms": _median(times), "p95_ms": _p95(times), "first_ms": r["times"][0],
            "service_median_ms": _median(r["service"][1:]), "cpu_median_ms": _median(r["cpu"][1:]),
            "statements": max(counts), "presses": len(times)}


def start_postgres():
    """A throwaway PostgreSQL server on loopback, started as CI's does (``tests/pgserver.py``:
    initdb in a temporary folder, Debian's binaries, fsync off); ``None`` when none is installed."""
    sys.path.insert(0, str(HERE.parent))
    from tests.pgserver import PgServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        return None
    server = PgServer(bindir)
    server.init()
    server.start()
    return server


def pg_database(server, sessions: int, cases: int, seed: int) -> tuple[str, dict]:
    """The demo database on the server (built for this run: a server is not cached) plus the big session."""
    from comite.demo import fill_demo
    from comite.services.bootstrap import open_database

    url = server.url(server.create_database())
    t0 = time.perf_counter()
    db = open_database(url)
    report = fill_demo(db, sessions=sessions, cases=cases, seed=seed)
    db.dispose()
    admin = next(a for a in report.accounts if a[1] == "administrador")
    meta = {"user": admin[0], "password": admin[2], "demo_seconds": round(time.perf_counter() - t0, 1)}
    ctx = _ctx(url, meta)
    meta["big_session_id"] = _big_session(ctx, ACTA_CASES)
    ctx.db.dispose()
    return url, meta


def bench_pg(sessions: int, cases: int, seed: int, repeat: int, presses: int, samples: int) -> dict:
    """pg.*: open_session, vote and search against PostgreSQL on loopback, statement counts beside."""
    server = start_postgres()
    if server is None:
        return {"skipped": "no hay binarios de PostgreSQL (/usr/lib/postgresql/*/bin)"}
    try:
        t0 = time.perf_counter()
        url, meta = pg_database(server, sessions, cases, seed)
        built = round(time.perf_counter() - t0, 1)
        r = _probe("open_session", url, meta, "--repeat", str(max(3, repeat)))
        opened = r["times"][1:] or r["times"]
        vote = bench_vote(url, meta, presses)
        search = bench_search(url, meta, samples)
        return {"open_session_ms": _median(opened), "open_session_first_ms": r["times"][0],
                "open_session_statements": r.get("statements"),
                "vote_median_ms": vote["median_ms"], "vote_p95_ms": vote["p95_ms"],
                "vote_statements": vote["statements"],
                "search_p95_ms": search["p95_ms"], "search_median_ms": search["median_ms"],
                "search_statements": search["statements"], "search_baseline_median_ms": search["baseline_median_ms"],
                "database": {"sessions": sessions, "cases": search["cases"], "big_session_cases": ACTA_CASES,
                             "build_s": built}}
    finally:
        server.destroy()


def _child_env(**extra: str) -> dict[str, str]:
    """The environment of a measured child process. Python's compiled bytecode is kept (in
    ``bench/.cache/pycache``) as an installed application has it: with PYTHONDONTWRITEBYTECODE
    (set on the development machine) every launch would compile each module again, ~1 s."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(CACHE / "pycache"), **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _probe_python(module: str) -> list[str]:
    """How a probe's child starts: ``module`` of this folder imported, so its bytecode comes from the
    cache as the application's does. Run as a script it was compiled at every launch (~13 ms here),
    inside ``start.login_shown_ms`` and not inside the empty window it is compared with. The login
    probe is its own small module (:mod:`login_probe`): this one imports what the benchmark needs
    (``statistics``, ``subprocess``, ``shutil``, ``tempfile``…) and the application does not, before
    the application starts."""
    code = (f"import sys; sys.path[:0] = [{str(HERE)!r}, {str(HERE.parent / 'src')!r}]; "
            f"import {module}; raise SystemExit({module}.main())")
    return [sys.executable, "-c", code]


def _probe(kind: str, db_path: Path | str, meta: dict, *extra: str) -> dict:
    python = _probe_python("login_probe" if kind == "login" else "run")
    cmd = [*python, "--probe", kind, "--db", str(db_path),
           "--user", meta["user"], "--session", str(meta["big_session_id"]), *extra]
    env = _child_env(COMITE_BENCH_PASSWORD=meta["password"])
    home = tempfile.mkdtemp(prefix="bench-home-")  # preferences and log of the probe's own, none left behind
    env["COMITE_HOME"] = home
    env["COMITE_BENCH_LAUNCHED"] = repr(time.time())
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"probe {kind} failed: {proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_ms"] = _ms(wall)
    return result


def _since_launch() -> float:
    """Milliseconds since the parent launched this process (``COMITE_BENCH_LAUNCHED``, wall clock)."""
    return _ms(time.time() - float(os.environ["COMITE_BENCH_LAUNCHED"]))


def _bare_qt_start() -> dict:
    code = ("import os,sys,time;from PySide6.QtWidgets import QApplication,QMainWindow;"
            "a=QApplication(sys.argv);w=QMainWindow();w.resize(1200,800);w.show();a.processEvents();"
            "print(time.time()-float(os.environ['COMITE_BENCH_LAUNCHED']))")
    env = _child_env(COMITE_BENCH_LAUNCHED=repr(time.time()))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return {"shown_ms": _ms(float(proc.stdout.strip().splitlines()[-1])), "wall_ms": _ms(time.perf_counter() - t0)}


def bench_start(db_path: Path, meta: dict, repeat: int) -> dict:
    """Launch to window shown (both processes report the moment after their first processEvents);
    the start page's lists load in the background after that (``lists_loaded_ms``), and the
    process's whole life (``process_ms``, exit included) is reported beside it."""
    ours, base, login, lists, wall, base_wall = [], [], [], [], [], []
    for _ in range(repeat):
        r = _probe("start", db_path, meta)
        ours.append(r["shown_ms"])
        lists.append(r["lists_loaded_ms"])
        wall.append(r["wall_ms"])
        login.append(r["login_ms"])
        b = _bare_qt_start()
        base.append(b["shown_ms"])
        base_wall.append(b["wall_ms"])
    return _figure(ours, base, login_kdf_ms=_median(login), lists_loaded_ms=_median(lists),
                   process_ms=_median(wall), baseline_process_ms=_median(base_wall))


def _bare_qt_painted() -> float:
    """Baseline of ``start.login_ratio``: launch → an empty PySide6 window's first paint."""
    code = ("import os,sys,time\n"
            "from PySide6.QtCore import QEvent, QObject\n"
            "from PySide6.QtWidgets import QApplication, QMainWindow\n"
            "class F(QObject):\n"
            "    def eventFilter(self, o, e):\n"
            "        if e.type() == QEvent.Type.Paint and isinstance(o, QMainWindow) and not hasattr(a, 'at'):\n"
            "            a.at = time.time() - float(os.environ['COMITE_BENCH_LAUNCHED']); a.quit()\n"
            "        return False\n"
            "a = QApplication(sys.argv); f = F(); a.installEventFilter(f)\n"
            "w = QMainWindow(); w.resize(1200, 800); w.show(); a.exec(); print(a.at)\n")
    env = _child_env(COMITE_BENCH_LAUNCHED=repr(time.time()))
    proc = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return _ms(float(proc.stdout.strip().splitlines()[-1]))


def bench_login_start(db_path: Path, meta: dict, repeat: int, samples: int = LOGIN_SAMPLES) -> dict:
    """start.*: the real start (``comite --db FILE``) driven through its dialogs in a child process:
    launch → login dialog painted (beside an empty window's first paint), «Entrar» → main window
    painted and its event loop free, main window painted → the start page's lists filled."""
    runs = [(_probe("login", db_path, meta), _bare_qt_painted()) for _ in range(repeat)]
    # the launch → dialog figure is ~70 ms over a ~150 ms baseline, and a virtual machine's launches
    # vary by ±15 ms: more pairs (each run only to the paint) for steadier medians of both
    shown = [r["login_shown_ms"] for r, _ in runs]
    bases = [b for _, b in runs]
    for _ in range(max(0, samples - repeat)):
        shown.append(_probe("login", db_path, meta, "--until-painted")["login_shown_ms"])
        bases.append(_bare_qt_painted())

    def median(key: str) -> float:
        return _median([r[key] for r, _ in runs])

    login_shown, base = _median(shown), _median(bases)
    return {"login_shown_ms": login_shown, "baseline_ms": base, "login_ratio": round(login_shown / max(base, 1e-6), 3),
            "login_samples": len(shown),
            "enter_to_usable_ms": median("enter_to_usable_ms"), "lists_ms": median("lists_ms"),
            "prepared_ms": median("prepared_ms"), "login_job_ms": median("login_job_ms"), "runs": repeat,
            "counted_ms": median("counted_ms"),
            "note": "prepared_ms: launch → database open and ORM ready behind the dialog (the user types "
                    "meanwhile); login_job_ms: Argon2id and the login's writes, inside enter_to_usable_ms; "
                    "counted_ms: main window painted → the GVP's total in its title (counted after lists_ms)"}


def _wait_for_jobs(app, limit_s: float = 600) -> None:
    """Let background jobs the window started (the start page's lists) finish."""
    from comite.gui import workers

    t0 = time.perf_counter()
    while workers.running_jobs() and time.perf_counter() - t0 < limit_s:
        app.processEvents()
        time.sleep(0.005)
    settle = time.perf_counter() + 0.5  # and the lists it filled are laid out and painted
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.005)


def run_probe(args: argparse.Namespace) -> None:
    """Runs inside the child process; prints one JSON line."""
    t_login = 0.0
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from comite.gui.app import make_main_window
    from comite.services import accounts
    from comite.services.bootstrap import open_database

    db = open_database(args.db)
    t0 = time.perf_counter()
    login = accounts.login(db, args.user, os.environ["COMITE_BENCH_PASSWORD"])
    t_login = _ms(time.perf_counter() - t0)
    window = make_main_window(db, login)
    window.show()
    app.processEvents()
    shown = _since_launch()
    _wait_for_jobs(app)  # measured figures never compete with the start page's background reading
    if args.probe == "start":
        print(json.dumps({"login_ms": t_login, "shown_ms": shown, "lists_loaded_ms": _since_launch()}))
        return
    from comite.gui.session_page import SessionPage
    from comite.services.context import ServiceContext

    ctx = ServiceContext(db, login.actor)
    if args.probe == "open_session":
        sys.path.insert(0, str(HERE.parent))
        from tests.statements import count_statements

        times, statements = [], 0
        for _ in range(args.repeat):
            with count_statements(db.engine) as counted:
                t0 = time.perf_counter()
                page = SessionPage(ctx, args.session)
                page.resize(1400, 900)
                page.show()
                app.processEvents()
                page.repaint()
                times.append(_ms(time.perf_counter() - t0))
            statements = counted.total
            page.close()
            page.deleteLater()
            app.processEvents()
        print(json.dumps({"times": times, "statements": statements}))
        return
    if args.probe == "vote":
        from PySide6.QtCore import QEvent, QObject, Qt
        from PySide6.QtTest import QTest

        from comite.domain import VoteChoice

        sys.path.insert(0, str(HERE.parent))
        from comite.services import deliberation
        from tests.statements import count_statements

        served: list[float] = []
        service = deliberation.cast_vote

        def timed_cast(*a, **kw):  # the service's share of each press, reported beside it
            t = time.perf_counter()
            try:
                return service(*a, **kw)
            finally:
                served.append(_ms(time.perf_counter() - t))

        deliberation.cast_vote = timed_cast  # type: ignore[assignment]
        page = window.open_session(args.vote_session)
        page.show_tab(page.TAB_CASES)
        app.processEvents()
        votes = page.case_tab.votes
        table = votes.ui.votersTable
        painted: set[str] = set()
        watched = {table.viewport(): "grid", votes.ui.tallyLabel: "tally", page.quorum: "quorum"}

        class Paints(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and obj in watched:
                    painted.add(watched[obj])
                return False

        paints = Paints()
        for widget in watched:
            widget.installEventFilter(paints)
        seats = [v.seat_key for v in votes.model.rows() if v.can_vote]
        times, counts, cpu = [], [], []
        profile = None
        if os.environ.get("COMITE_BENCH_PROFILE"):  # cProfile of the presses only, written to that path
            import cProfile

            profile = cProfile.Profile()
            profile.enable()
        for i in range(args.repeat):
            seat = seats[i % len(seats)]
            votes.select_voter(seat)
            table.setFocus()
            app.processEvents()
            shown = votes.model.row(votes.model.find_key(seat))
            key = Qt.Key.Key_2 if shown.choice is VoteChoice.A_FAVOR else Qt.Key.Key_1
            painted.clear()
            with count_statements(db.engine) as counted:
                t0, c0 = time.perf_counter(), time.thread_time()
                QTest.keyClick(table, key)  # recorded, grid and tally updated from the service's answer
                while not {"grid", "tally"} <= painted and time.perf_counter() - t0 < 5:
                    app.processEvents()  # the update requests it queued: the repaint itself
                times.append(_ms(time.perf_counter() - t0))
                cpu.append(_ms(time.thread_time() - c0))
            counts.append(counted.total)
            if votes.model.row(votes.model.find_key(seat)).choice is shown.choice:
                raise SystemExit(f"la tecla no registró el voto de {seat}: {page.case_tab.ui.messageLabel.text()}"
                                 if hasattr(page.case_tab.ui, "messageLabel") else f"voto de {seat} no registrado")
        if profile is not None:
            profile.disable()
            profile.dump_stats(os.environ["COMITE_BENCH_PROFILE"])
        print(json.dumps({"times": times, "statements": counts, "seats": len(seats), "service": served,
                          "cpu": cpu}))
        return
    if args.probe == "memory":
        page = SessionPage(ctx, args.session)
        page.resize(1400, 900)
        page.show()
        app.processEvents()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"peak_mb": round(peak, 1)}))
        return
    if args.probe == "ui_stall":
        from comite.documents.resolution import write_resolutions
        from comite.gui import workers

        items = _resolution_items(Path(args.db), {"user": args.user, "password": os.environ["COMITE_BENCH_PASSWORD"],
                                                   "big_session_id": args.session}, args.count)
        out = Path(tempfile.mkdtemp(prefix="bench-stall-"))
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]
        done = [False]

        at: list[int] = []

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            at.append(now)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()

        def work(progress, cancel):  # as the Acta tab calls it: token polled, rendering off this process
            return write_resolutions(items, out, progress=progress, cancel=lambda: cancel.cancelled,
                                     workers=2, caller_renders=False)

        failed: list[BaseException] = []
        written: list[Path] = []
        workers.run_job(window, "Generando resoluciones", work,
                        on_done=lambda paths: (written.extend(paths), done.__setitem__(0, True)),
                        on_error=lambda exc: (failed.append(exc), done.__setitem__(0, True)))
        t0 = time.perf_counter()
        while not done[0] and time.perf_counter() - t0 < 600:
            app.processEvents()
            time.sleep(0.001)
        timer.stop()
        shutil.rmtree(out, ignore_errors=True)
        if failed or len(written) != len(items):  # a batch that failed early would measure nothing
            raise SystemExit(f"el lote de resoluciones falló: {failed[0]!r}" if failed else
                             f"el lote escribió {len(written)} de {len(items)} resoluciones")
        worst = max(range(len(gaps)), key=gaps.__getitem__) if gaps else None
        print(json.dumps({"max_gap_ms": max(gaps) if gaps else None, "ticks": len(gaps),
                          "max_gap_ends_ms": at[worst] - at[0] if worst is not None else None,
                          "batch_ms": _ms(time.perf_counter() - t0)}))
        return
    raise SystemExit(f"unknown probe {args.probe}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark de comite")
    parser.add_argument("--quick", action="store_true", help="base pequeña y una repetición (para la prueba)")
    parser.add_argument("--sessions", type=int)
    parser.add_argument("--cases", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--only", help="lista de figuras separadas por comas")
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--user", help=argparse.SUPPRESS)
    parser.add_argument("--session", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=RESOLUTIONS, help=argparse.SUPPRESS)
    parser.add_argument("--vote-session", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        args.repeat = args.repeat or 3
        run_probe(args)
        return 0
    return _one_document(lambda: _measure(args))


def _one_document(measure) -> int:
    """Run ``measure`` with standard output (the descriptor too, so child processes' writes)
    sent to standard error, then print its result as the one JSON document on standard output."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    real, sys.stdout = sys.stdout, sys.stderr
    try:
        results = measure()
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
        sys.stdout = real
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


def _measure(args: argparse.Namespace) -> dict:
    sessions = args.sessions or (30 if args.quick else 2000)
    cases = args.cases or (600 if args.quick else 200_000)
    repeat = args.repeat or (1 if args.quick else 5)
    count = 20 if args.quick else RESOLUTIONS
    db_path, meta = build_database(sessions, cases, args.seed)
    # the bytecode cache the probes use, compiled once (an installed application ships it)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "src" / "comite")],
                   env=_child_env(), check=False, stdout=subprocess.DEVNULL)
    only = set(args.only.split(",")) if args.only else None
    results: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform},
        "database": {"sessions": sessions, "cases": cases, "demo_build_s": meta.get("demo_seconds")},
    }

    def want(name: str) -> bool:
        return only is None or name in only

    if want("start"):
        results["start"] = bench_login_start(db_path, meta, repeat, 2 if args.quick else LOGIN_SAMPLES)
        results["start"]["without_login_dialog"] = bench_start(db_path, meta, repeat)
    if want("open_session"):
        r = _probe("open_session", db_path, meta, "--repeat", str(max(3, repeat)))
        results["open_session"] = _figure(r["times"][1:] or r["times"], first_ms=r["times"][0],
                                          statements=r.get("statements"))
    if want("vote"):
        results["vote"] = bench_vote(db_path, meta, 10 if args.quick else 40, db_path.with_suffix(".json"))
    if want("search"):
        results["search"] = bench_search(db_path, meta, 30 if args.quick else 200)
    if want("acta"):
        results["acta"] = bench_acta(db_path, meta, repeat)
    if want("resolutions"):
        results["resolutions"] = bench_resolutions(db_path, meta, count, repeat)
    if want("ui_stall"):
        r = _probe("ui_stall", db_path, meta, "--count", str(count))
        results["ui_stall"] = {"max_ms": r["max_gap_ms"], "ticks": r["ticks"], "batch_ms": r["batch_ms"],
                               "max_gap_ends_ms": r["max_gap_ends_ms"],
                               "resolutions": count}
    if want("memory"):
        r = _probe("memory", db_path, meta)
        results["memory"] = {"peak_mb": r["peak_mb"]}
    if want("report"):
        results["report"] = bench_report(db_path, meta, repeat)
    if want("pg"):  # the demo at the quick size on the server (building 200,000 cases there takes hours)
        results["pg"] = bench_pg(30, 600, args.seed, repeat, 10 if args.quick else 40, 30 if args.quick else 200)
    load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    results["machine"]["load_average_at_end"] = load  # type: ignore[index]
    return results


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    raise SystemExit(main())
