"""Small builders for the database tests: cases, sessions, attendance, votes,
and raw snapshots of the tables (to prove a refusal changed nothing)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import Insert, event, inspect, select, text

from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    Rights,
    SessionStatus,
    VoteChoice,
)
from comite.errors import ComiteError
from comite.model import CommitteeSession, Hearing
from comite.services import accounts, attendance, cases, deliberation, sessions
from comite.services.context import ServiceContext
from comite.storage.database import Database

# --- cases ---------------------------------------------------------------------------------------


def new_case(ctx: ServiceContext, radicado: str, **kw: Any) -> int:
    """Register a case (individual, population ddhh_sociales unless told) and return its id."""
    kw.setdefault("kind", CaseKind.INDIVIDUAL)
    kw.setdefault("beneficiary_name", f"Beneficiario {radicado}")
    if kw["kind"] is CaseKind.INDIVIDUAL:
        kw.setdefault("document_number", f"10{zlib.crc32(radicado.encode()) % 10**8:08d}")
    kw.setdefault("population_code", "ddhh_sociales")
    return cases.create_case(ctx, cases.CaseInput(radicado=radicado, **kw)).created_id


# Case profiles that route to each committee (the GVP sees every case).
CASE_PROFILE: dict[str, dict[str, Any]] = {
    "GVP": {"population_code": "ddhh_sociales"},
    "CERREM_POBLACIONAL": {"population_code": "victimas", "displaced": True},
    "CERREM_COLECTIVO": {"kind": CaseKind.COLECTIVO, "population_code": "ddhh_sociales",
                         "legally_recognised": False},
    "CERREM_MUJERES": {"population_code": "ddhh_sociales", "is_woman": True,
                       "women_committee_choice": True},
    "CERREM_UP_PCC": {"population_code": "politicos", "up_pcc_member": True},
    "COMITE_ESPECIAL": {"population_code": "servidores_publicos", "public_servant": True},
}
COMMITTEES = tuple(CASE_PROFILE)


def case_for(ctx: ServiceContext, committee: str, radicado: str, **kw: Any) -> int:
    return new_case(ctx, radicado, **{**CASE_PROFILE[committee], **kw})


# --- sessions ------------------------------------------------------------------------------------


def new_session(ctx: ServiceContext, committee: str, day: date = date(2026, 3, 10),
                start_at: time | None = time(9, 0), **kw: Any) -> int:
    return sessions.create_session(ctx, committee, day, start=start_at, **kw).session_id


def start(ctx: ServiceContext, session_id: int) -> None:
    sessions.set_status(ctx, session_id, SessionStatus.EN_CURSO)


@dataclass(frozen=True)
class SeatRow:
    id: int
    seat_key: str
    entity: str
    rights: str
    condition: str | None
    population_code: str | None
    status: str
    person_name: str | None


def seats(ctx: ServiceContext, session_id: int) -> dict[str, SeatRow]:
    """The session's attendance rows by seat key (plain values)."""
    with ctx.reading() as s:
        sess = s.get(CommitteeSession, session_id)
        return {
            a.seat_key: SeatRow(a.id, a.seat_key, a.entity, a.rights, a.condition, a.population_code,
                                a.status, a.person_name)
            for a in sess.attendance
        }


def voting_keys(ctx: ServiceContext, session_id: int) -> list[str]:
    return [k for k, a in seats(ctx, session_id).items()
            if a.rights == Rights.VOZ_Y_VOTO.value and a.condition is None]


def att_id(ctx: ServiceContext, session_id: int, seat_key: str) -> int:
    return seats(ctx, session_id)[seat_key].id


def mark(ctx: ServiceContext, session_id: int, seat_key: str,
         status: AttendanceStatus = AttendanceStatus.PRESENTE, **kw: Any) -> None:
    attendance.set_attendance(ctx, att_id(ctx, session_id, seat_key), status=status, **kw)


def present_all(ctx: ServiceContext, session_id: int, at: time | None = time(9, 0),
                keys: Iterable[str] | None = None) -> list[str]:
    """Mark present (as principals, arriving ``at``) the given seats, or every
    unconditional voting seat. Returns the keys marked."""
    rows = seats(ctx, session_id)
    chosen = list(keys) if keys is not None else voting_keys(ctx, session_id)
    for key in chosen:
        attendance.set_attendance(ctx, rows[key].id, status=AttendanceStatus.PRESENTE,
                                   capacity=Capacity.PRINCIPAL, person_name=f"Titular {key}",
                                   arrival=at)
    return chosen


def put_on_agenda(ctx: ServiceContext, session_id: int, case_id: int,
                  discussed_at: time | None = None) -> int:
    hearing_id = sessions.add_case(ctx, session_id, case_id).created_id
    if discussed_at is not None:
        deliberation.update_hearing(ctx, hearing_id, discussed_at=discussed_at)
    return hearing_id


def vote_all(ctx: ServiceContext, hearing_id: int, keys: Iterable[str],
             choice: VoteChoice = VoteChoice.A_FAVOR) -> None:
    for key in keys:
        deliberation.cast_vote(ctx, hearing_id, key, choice)


def hearing_of(ctx: ServiceContext, session_id: int, case_id: int) -> int:
    with ctx.reading() as s:
        return s.scalar(select(Hearing.id).where(Hearing.session_id == session_id,
                                                 Hearing.case_id == case_id))


def written_as_before_0004(db: Database) -> Database:
    """Let ``db`` write audit entries as the program did before revision 0004 (no ``origin``
    column), so a database left at an earlier revision can be filled through today's services.

    Its entries name no origin, and since the ORM names every column of the table in an
    INSERT (``NULL`` for those not set), the ``origin`` is taken out of the audit inserts'
    parameters before they are compiled."""

    def strip_origin(_conn, clause, multiparams, params, _options):
        if isinstance(clause, Insert) and clause.table.name == "audit_entry":
            multiparams = [{k: v for k, v in p.items() if k != "origin"} for p in multiparams]
            params = {k: v for k, v in params.items() if k != "origin"}
        return clause, multiparams, params

    db.Session.configure(info={})  # its entries name no origin
    event.listen(db.engine, "before_execute", strip_origin, retval=True)
    return db


def login_ctx(db: Database, username: str, password: str, today: date = date(2026, 11, 23)) -> ServiceContext:
    login = accounts.login(db, username, password)
    return ServiceContext(db, login.actor, today=lambda: today)


# --- snapshots and messages ----------------------------------------------------------------------


ADDED_COLUMNS = {"audit_entry": ("origin",)}
"""Columns later revisions add to tables that earlier ones wrote (``NULL`` in upgraded rows)."""


def snapshot(db: Database, tables: Sequence[str] | None = None, *,
             skip: dict[str, tuple[str, ...]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table (raw values, ciphertexts included), in a stable order.

    ``skip`` leaves columns out (e.g. :data:`ADDED_COLUMNS`, to compare a database
    before and after an upgrade)."""
    inspector = inspect(db.engine)
    names = tables or sorted(inspector.get_table_names())
    out: dict[str, list[tuple]] = {}
    with db.engine.connect() as conn:
        for name in names:
            left_out = (skip or {}).get(name, ())
            columns = ", ".join(f'"{c["name"]}"' for c in inspector.get_columns(name) if c["name"] not in left_out)
            rows = conn.execute(text(f'SELECT {columns} FROM "{name}"')).all()
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


_SPANISH_HINTS = re.compile(
    r"\b(el|la|los|las|de|del|no|se|un|una|en|que|con|por|para|está|debe|puede|y|o|ya|hay|sin|es)\b", re.I
)
_NOT_FOR_USERS = re.compile(
    r"Traceback|NoneType|object has no|Error\(|sqlalchemy|sqlite|IntegrityError|KeyError|"
    r"\bthe\b|\bmust\b|\bcannot\b|\bnot\b", re.I
)


def assert_spanish(err: BaseException, *fragments: str) -> str:
    """``err`` is a user-facing error whose text is Spanish and names ``fragments``."""
    assert isinstance(err, ComiteError), f"{type(err).__name__} no es ComiteError: {err}"
    msg = str(err)
    assert msg and (msg[0].isupper() or msg[0] in "¡¿«"), msg
    assert msg.rstrip().endswith((".", "»", ")")), f"no termina en punto: {msg!r}"
    assert _SPANISH_HINTS.search(msg), f"no parece español: {msg!r}"
    assert not _NOT_FOR_USERS.search(msg), f"mensaje técnico o en inglés: {msg!r}"
    for fragment in fragments:
        assert re.search(fragment, msg, re.I), f"{fragment!r} no está en {msg!r}"
    return msg
