"""A demonstration database: fictitious but realistic Colombian data.

``fill_demo`` fills a database already opened with
:func:`comite.services.bootstrap.open_database` with about a year of work of
the six committees ending on :data:`DEMO_END`: cases (names from Faker
``es_CO``, real departments and municipalities), GVP sessions whose results are
handed off to the right CERREM (routing rules), attendance with delegates,
late arrivals and early departures, votes (some against, with salvamento de
voto), measures from the catalogue with action and temporality, commitments,
emergency measures, and a session in progress for the desktop demo.

Scale: ``comite demo --sessions 2000 --cases 200000`` must run in minutes, so
rows are not written through the per-item services (one transaction and audit
entry each). They are planned in memory, checked with the same rules the
services apply (:mod:`comite.rules`: quorum and majority per case, routing,
women's choice, social recognition) and written in large batches with bulk
INSERTs on the mapped tables, so reserved columns are encrypted by their
column type exactly as the services would store them. Each batch writes one
``demo_generado`` audit entry. A handful of actas are then issued through the
real acta service, so the demo also has approved PDFs and a draft in review.

Everything derives from ``seed``: two runs with the same seed produce the same
cases, sessions and decisions (ciphertexts differ: nonces are random).

The package, from the bottom up: :mod:`~comite.demo.data` (the tables of
places, populations and wording), :mod:`~comite.demo.writer` (the bulk
writer), :mod:`~comite.demo.state` (the plans and the state one generation
carries), :mod:`~comite.demo.planner` (the year's sessions and cases),
:mod:`~comite.demo.hearings` (one case in one session) and
:mod:`~comite.demo.sessions` (the sessions one after another); this module
runs them in order.
"""

from __future__ import annotations

import json
import logging
import secrets
import string
import time as _time
from datetime import date
from typing import Any

from sqlalchemy import func, select

from comite.demo.data import ALL_COMMITTEES, DEMO_END
from comite.demo.planner import plan_cases, plan_sessions, write_cases
from comite.demo.sessions import finish, run_sessions
from comite.demo.state import CASE_BATCH, Demo, DemoReport, Progress
from comite.domain import Role
from comite.errors import LockedError, ValidationError
from comite.model import Case, CommitteeSession, Setting, User
from comite.services import accounts, acta
from comite.services.catalog import DEMO_SETTING
from comite.services.context import Actor, ServiceContext
from comite.storage.database import Database

log = logging.getLogger(__name__)


def _password(rng: secrets.SystemRandom) -> str:
    alphabet = string.ascii_letters + string.digits
    body = "".join(rng.choice(alphabet) for _ in range(12))
    return f"Demo-{body}-{rng.randint(10, 99)}"


def fill_demo(
    db: Database,
    *,
    sessions: int = 120,
    cases: int = 1500,
    seed: int = 7,
    progress: Progress | None = None,
    end: date = DEMO_END,
    actas: int = 5,
    kdf: Any = None,
    hasher: Any = None,
) -> DemoReport:
    """Fill ``db`` (opened with ``open_database``) with fictitious data.

    With no accounts, the DEMO accounts ``admin``, ``secretaria`` and
    ``revisor`` are created with random passwords (returned in
    :attr:`DemoReport.accounts`); with accounts, the database must already be
    unlocked (someone logged in) and the data is recorded by the system actor.
    ``actas`` sessions get a real approved acta (PDF) and one a draft in review.

    Raises:
        ValidationError: fewer than six sessions or no cases asked, or the
            database already has cases or sessions.
        LockedError: the database has accounts but is not unlocked.
    """
    if sessions < len(ALL_COMMITTEES):
        raise ValidationError(f"El demo necesita al menos {len(ALL_COMMITTEES)} sesiones (una por comité).")
    if cases < 1:
        raise ValidationError("El demo necesita al menos un caso.")
    started = _time.perf_counter()
    with db.Session() as s:
        if s.scalar(select(func.count(Case.id))) or s.scalar(select(func.count(CommitteeSession.id))):
            raise ValidationError(
                "La base de datos ya tiene casos o sesiones: el demo se genera en una base nueva o vacía."
            )
        has_users = bool(s.scalar(select(func.count(User.id))))
    created: list[tuple[str, str, str]] = []
    if not has_users:
        sysrand = secrets.SystemRandom()
        admin_password = _password(sysrand)
        accounts.initialize(db, username="admin", full_name="Administración DEMO", password=admin_password,
                            kdf=kdf, hasher=hasher, demo=True)
        login = accounts.login(db, "admin", admin_password)
        ctx = ServiceContext(db, login.actor, today=lambda: end)
        created.append(("admin", Role.ADMINISTRADOR, admin_password))
        for username, role, full_name in (("secretaria", Role.SECRETARIA, "Secretaría técnica DEMO"),
                                          ("revisor", Role.REVISOR, "Revisor de actas DEMO")):
            password = _password(sysrand)
            accounts.create_user(ctx, username=username, full_name=full_name, role=role, password=password,
                                 committees=ALL_COMMITTEES, kdf=kdf, hasher=hasher, demo=True)
            created.append((username, role.value, password))
    else:
        if not db.unlocked:
            raise LockedError(
                "La base de datos ya tiene cuentas y está bloqueada: inicie sesión antes de generar el demo."
            )
        ctx = ServiceContext(db, Actor.system("demo"), today=lambda: end)

    gen = Demo(ctx, sessions=sessions, cases=cases, seed=seed, end=end, progress=progress, actas=actas)
    with db.Session() as s:
        gen.load_catalog(s)
    plans = plan_sessions(gen)
    case_plans = plan_cases(gen, plans)
    gen.steps_total = (len(plans) + cases // CASE_BATCH + 2 + len(gen.acta_final)
                       + (1 if gen.acta_draft else 0))
    write_cases(gen, case_plans)
    gen.report.cases = len(case_plans)
    run_sessions(gen, plans)
    finish(gen, case_plans)
    gen.report.actas = _issue_actas(ctx, gen)
    with db.Session() as s, s.begin():  # the badge belongs to the database (catalog.is_demo_database)
        s.merge(Setting(key=DEMO_SETTING, value=json.dumps(True)))
    report = gen.report
    report.accounts = created
    report.seconds = _time.perf_counter() - started
    if progress is not None:
        progress(gen.steps_total, gen.steps_total)
    return report


def _issue_actas(ctx: ServiceContext, gen: Demo) -> int:
    """Real actas through the acta service: the latest approved session of each
    committee gets its final PDF (and is locked), an earlier GVP one a draft in review.

    The data is already written: an acta that cannot be rendered is logged and
    skipped (its session stays closed), it does not undo the demo.
    """
    issued = 0
    jobs = [(acta.issue_draft, gen.acta_draft)] if gen.acta_draft is not None else []
    jobs += [(acta.approve_acta, plan) for plan in gen.acta_final]
    for action, plan in jobs:
        try:
            action(ctx, plan.id)
        except Exception:  # noqa: BLE001 - a document problem must not lose the generated data
            log.warning("demo: no se pudo generar el acta de la sesión %s", plan.id, exc_info=True)
        else:
            issued += action is acta.approve_acta
        gen.tick()
    return issued
