"""The audit trail: who did what to which case, reserved values only
encrypted, a table that refuses changes, and a chain that reports the entry
where it was tampered with, or that its end is missing.

Tests that tamper with the trail play an attacker who has the database file
(or the server): they drop the append-only triggers first, as such an attacker
could, and check that the chain and the heads still tell."""

from __future__ import annotations

import base64
import json
from contextlib import contextmanager
from datetime import date, time

import pytest
from sqlalchemy import select, text

from comite.domain import AttendanceStatus, AuditAction, DecisionOutcome, MeasureAction, RiskLevel, VoteChoice
from comite.model import AuditEntry
from comite.services import attendance, audit, cases, decisions, deliberation, followup, sessions, views
from comite.services.decisions import DecisionInput, MeasureInput
from comite.storage import triggers
from comite.storage.audit_chain import link_hash
from tests.db.helpers import new_case, new_session, present_all, put_on_agenda, seats, start

RESERVED = {
    "name": "Hermelinda Quintero Salazar",
    "document": "1098765432",
    "narrative": "Hostigamiento en la vereda Las Brisas",
    "new_narrative": "Nuevos hechos en el corregimiento La Esperanza",
    "deliberation": "La delegada describió el panfleto amenazante",
    "observation": "La Defensoría reporta desplazamiento de la familia Quintero",
    "dissent": "Salvamento: el nivel debió ser extremo por el atentado",
    "concept": "Esquema con vehículo blindado por la emboscada en Ituango",
    "commitment": "Verificar la reubicación de Hermelinda en Medellín",
    "emergency": "Reubicación temporal urgente a Bucaramanga",
    "development": "Se trató en detalle el caso de la señora Quintero",
}


@pytest.fixture
def trail(admin):
    """A session in which every kind of reserved value was written once."""
    ctx = admin
    case_id = new_case(ctx, "R-AUD-1", beneficiary_name=RESERVED["name"],
                       document_number=RESERVED["document"], narrative=RESERVED["narrative"],
                       population_code="victimas")
    cases.update_case(ctx, case_id, narrative=RESERVED["new_narrative"])
    sid = new_session(ctx, "CERREM_POBLACIONAL", date(2026, 3, 10))
    keys = present_all(ctx, sid)
    defensoria = seats(ctx, sid)["defensoria"].id
    attendance.set_attendance(ctx, defensoria, status=AttendanceStatus.PRESENTE)
    start(ctx, sid)
    hid = put_on_agenda(ctx, sid, case_id, time(10, 0))
    deliberation.update_hearing(ctx, hid, deliberation=RESERVED["deliberation"])
    deliberation.add_observation(ctx, hid, defensoria, RESERVED["observation"])
    for key in keys[:-1]:
        deliberation.cast_vote(ctx, hid, key, VoteChoice.A_FAVOR)
    deliberation.cast_vote(ctx, hid, keys[-1], VoteChoice.EN_CONTRA, RESERVED["dissent"])
    decisions.record_decision(ctx, hid, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept=RESERVED["concept"],
        measures=[MeasureInput("vehiculo_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    followup.add_commitment(ctx, sid, RESERVED["commitment"], "UNP", date(2026, 4, 1), hearing_id=hid)
    followup.record_emergency(ctx, case_id, "CERREM_POBLACIONAL", date(2026, 3, 1), RESERVED["emergency"])
    sessions.update_session(ctx, sid, development=RESERVED["development"])
    cases.case_detail(ctx, case_id)
    return ctx, case_id, sid


def _entries(db):
    with db.Session() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()


def _verify(db, vault=...):
    with db.Session() as s:
        return audit.verify(s, db.vault if vault is ... else vault)


@contextmanager
def _attacker(db):
    """A connection of someone who has the file: the append-only triggers dropped."""
    with db.engine.begin() as conn:
        triggers.uninstall_append_only(conn)
        yield conn


def test_actions_are_recorded_with_who_what_and_case(trail):
    ctx, case_id, sid = trail
    rows = [(e.username, e.action, e.case_id) for e in _entries(ctx.db)]
    for action in ("caso_creado", "caso_modificado", "caso_en_agenda", "caso_deliberacion", "observacion",
                   "voto", "decision", "emergencia_registrada", "lectura_reservada"):
        assert ("admin", action, case_id) in rows, action
    assert ("admin", "sesion_creada", None) in rows
    assert ("admin", "login", None) in rows
    assert [r.action for r in audit.query(ctx, case_id=case_id)][0] == "lectura_reservada"
    assert {r.username for r in audit.query(ctx, username="admin")} == {"admin"}
    decision = next(e for e in _entries(ctx.db) if e.action == "decision")
    details = json.loads(decision.details)
    assert details["nivel"] == "extraordinario" and details["votos"] == [4, 1, 0]


def test_reserved_values_are_only_stored_encrypted(trail):
    ctx, case_id, _ = trail
    details = "\n".join(e.details for e in _entries(ctx.db))
    for value in RESERVED.values():
        assert value not in details
        assert json.dumps(value)[1:-1] not in details  # nor JSON-escaped
    # ... but they are recorded: the reserved part decrypts under the key
    created = next(e for e in _entries(ctx.db) if e.action == "caso_creado")
    blob = base64.b64decode(json.loads(created.details)["reservado"])
    assert json.loads(ctx.db.vault.decrypt(blob, "audit.reserved"))["beneficiary_name"] == RESERVED["name"]

    if ctx.db.is_sqlite:  # nor anywhere in the file (WAL included), in any encoding
        with ctx.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
        path = ctx.db.sqlite_path
        raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
        for value in RESERVED.values():
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert value.encode(encoding) not in raw, (value, encoding)
        assert b"Hermelinda" not in raw and b"Quintero" not in raw


def test_verify_accepts_an_untouched_trail(trail):
    ctx, _, _ = trail
    report = _verify(ctx.db)
    assert report.ok and report.first_broken_id is None
    assert report.checked == len(_entries(ctx.db)) > 20
    assert "íntegra" in report.message


def _middle(db) -> int:
    ids = [e.id for e in _entries(db)]
    return ids[len(ids) // 2]


@pytest.mark.parametrize("column, value", [
    ("details", '{"radicado": "R-FALSO"}'),
    ("username", "otra_persona"),
    ("action", "login"),
    ("case_id", None),
])
def test_a_tampered_entry_is_reported(trail, column, value):
    ctx, _, _ = trail
    target = _middle(ctx.db)
    with _attacker(ctx.db) as conn:
        conn.execute(text(f"UPDATE audit_entry SET {column} = :v WHERE id = :id"), {"v": value, "id": target})
    report = _verify(ctx.db)
    assert not report.ok and report.first_broken_id == target
    assert f"registro {target}" in report.message and "alterada" in report.message


def test_a_deleted_entry_is_reported(trail):
    ctx, _, _ = trail
    target = _middle(ctx.db)
    with _attacker(ctx.db) as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :id"), {"id": target})
    report = _verify(ctx.db)
    assert not report.ok and report.first_broken_id == target + 1


def test_stripping_the_macs_and_recomputing_the_chain_is_reported(trail):
    """Whoever lacks the key can rebuild the hashes but not the MACs."""
    ctx, _, _ = trail
    target = _middle(ctx.db)
    with _attacker(ctx.db):
        pass
    with ctx.db.Session() as s, s.begin():
        prev = None
        for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            if prev is not None:
                entry.prev_hash = prev
            if entry.id == target:
                entry.details = '{"radicado": "R-FALSO"}'
            entry.hash = link_hash(entry.prev_hash, audit._entry_fields(entry), None)
            entry.mac = None
            s.flush()
            prev = entry.hash
    report = _verify(ctx.db)
    assert not report.ok and report.first_broken_id == 1  # the first keyed entry
    # keeping the MACs does not help either: they seal the old hashes
    with _attacker(ctx.db) as conn:
        conn.execute(text("UPDATE audit_entry SET mac = NULL WHERE id < :id"), {"id": target})
    assert _verify(ctx.db).first_broken_id == 1


def test_failed_logins_without_the_key_keep_the_chain_valid(admin):
    from comite.errors import AuthenticationError
    from comite.services import accounts

    admin.db.lock()
    with pytest.raises(AuthenticationError):
        accounts.login(admin.db, "admin", "Clave-equivocada-1")
    with pytest.raises(AuthenticationError):
        accounts.login(admin.db, "nadie", "Clave-equivocada-1")
    accounts.login(admin.db, "admin", "Clave-de-prueba-2026")
    report = _verify(admin.db)
    assert report.ok, report.message
    assert [e.mac is None for e in _entries(admin.db)][-3:] == [True, True, False]


# --- the table refuses changes ------------------------------------------------------------------

def test_the_table_refuses_updates_and_deletes(admin):
    from sqlalchemy.exc import DBAPIError

    db = admin.db
    before = [(e.id, e.hash, e.action) for e in _entries(db)]
    statements = ["UPDATE audit_entry SET action = 'login' WHERE id = 1", "DELETE FROM audit_entry WHERE id = 1",
                  "DELETE FROM audit_entry"]
    if not db.is_sqlite:
        statements.append("TRUNCATE audit_entry")
    for statement in statements:
        with pytest.raises(DBAPIError) as err, db.engine.begin() as conn:
            conn.execute(text(statement))
        assert "la auditoría solo admite agregar registros" in str(err.value), statement
    with db.Session() as s, s.begin():  # nor through the model
        s.get(AuditEntry, 1).details = '{"radicado": "R-FALSO"}'
        with pytest.raises(DBAPIError, match="solo admite agregar"):
            s.flush()
        s.rollback()
    assert [(e.id, e.hash, e.action) for e in _entries(db)] == before
    assert _verify(db).ok


# --- the end of the trail -------------------------------------------------------------------------

def _cut_after(conn, last_kept: int, *, head: bool = False, seal: bool | None = None) -> None:
    """Delete the entries after ``last_kept``; ``head``: also point audit_head at the new end;
    ``seal``: True delete audit_seal, False leave it, None (default) leave it."""
    conn.execute(text("DELETE FROM audit_entry WHERE id > :id"), {"id": last_kept})
    if head:
        end = conn.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).one()
        value = json.dumps({"id": end.id, "hash": end.hash}).encode("ascii")
        conn.execute(text("UPDATE db_meta SET value = :v WHERE key = 'audit_head'"), {"v": value})
    if seal:
        conn.execute(text("DELETE FROM db_meta WHERE key = 'audit_seal'"))


def test_removing_the_newest_entries_is_reported(trail):
    ctx, _, _ = trail
    ids = [e.id for e in _entries(ctx.db)]
    with _attacker(ctx.db) as conn:
        _cut_after(conn, ids[-4])
    for vault in (ctx.db.vault, None):
        report = _verify(ctx.db, vault)
        assert not report.ok
        assert (f"faltan registros al final de la auditoría: el último registrado era el {ids[-1]} "
                f"y la auditoría termina en el {ids[-4]}") in report.message
    # later writes do not heal it: SQLite hands the deleted ids out again
    from comite.services import accounts

    accounts.login(ctx.db, "admin", "Clave-de-prueba-2026")
    cases.case_detail(ctx, trail[1])
    report = _verify(ctx.db)
    assert not report.ok and "faltan registros al final" in report.message


def test_rewriting_the_unsealed_head_does_not_hide_a_cut_past_the_seal(trail):
    """Without the key the plain head can be rewritten, the sealed one cannot."""
    ctx, _, _ = trail
    ids = [e.id for e in _entries(ctx.db)]
    with _attacker(ctx.db) as conn:
        _cut_after(conn, ids[-3], head=True)
    report = _verify(ctx.db)
    assert not report.ok and f"el último registrado era el {ids[-1]}" in report.message
    without_key = _verify(ctx.db, None)  # what the chain alone can tell: nothing
    assert without_key.ok and "no los sellos" in without_key.message


def test_deleting_the_seal_is_reported_and_never_healed(trail):
    ctx, _, _ = trail
    ids = [e.id for e in _entries(ctx.db)]
    with _attacker(ctx.db) as conn:
        _cut_after(conn, ids[-3], head=True, seal=True)
    report = _verify(ctx.db)
    assert not report.ok and "falta el sello del final de la auditoría" in report.message
    from comite.services import accounts

    accounts.login(ctx.db, "admin", "Clave-de-prueba-2026")  # a keyed write does not re-seal it
    assert "falta el sello del final" in _verify(ctx.db).message


def test_a_forged_seal_is_reported(trail):
    ctx, _, _ = trail
    ids = [e.id for e in _entries(ctx.db)]
    with _attacker(ctx.db) as conn:
        _cut_after(conn, ids[-3], head=True)
        end = conn.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).one()
        forged = json.dumps({"id": end.id, "hash": end.hash, "mac": "0" * 64}).encode("ascii")
        conn.execute(text("UPDATE db_meta SET value = :v WHERE key = 'audit_seal'"), {"v": forged})
    report = _verify(ctx.db)
    assert not report.ok and "el sello del final de la auditoría no corresponde a la llave" in report.message


def test_failed_logins_after_the_seal_and_their_removal(admin):
    """Failed logins are written without the key, after the last seal: removing them is seen
    through the plain head; rewriting that head too is the documented limit."""
    from comite.errors import AuthenticationError
    from comite.services import accounts

    vault = admin.db.vault
    sealed_end = _entries(admin.db)[-1].id
    admin.db.lock()
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            accounts.login(admin.db, "admin", "Clave-equivocada-1")
    assert [e.mac for e in _entries(admin.db)][-2:] == [None, None]
    assert _verify(admin.db, vault).ok and _verify(admin.db, None).ok
    with _attacker(admin.db) as conn:
        _cut_after(conn, sealed_end)
    report = _verify(admin.db, vault)
    assert not report.ok and "faltan registros al final" in report.message
    with _attacker(admin.db) as conn:
        _cut_after(conn, sealed_end, head=True)
    assert _verify(admin.db, vault).ok


def test_what_remains_possible_replaying_an_older_seal(trail):
    """Documented limit: an earlier copy's heads put back after cutting the trail to that point
    pass verification (the seal is genuine, only stale). Only a head kept outside tells."""
    ctx, case_id, _ = trail
    with ctx.db.engine.connect() as conn:
        old = dict(conn.execute(text("SELECT key, value FROM db_meta WHERE key IN ('audit_head', 'audit_seal')")).all())
    old_end = json.loads(bytes(old["audit_seal"]))["id"]
    cases.case_detail(ctx, case_id)
    cases.case_detail(ctx, case_id)
    with _attacker(ctx.db) as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id > :id"), {"id": old_end})
        for key, value in old.items():
            conn.execute(text("UPDATE db_meta SET value = :v WHERE key = :k"), {"v": bytes(value), "k": key})
    assert _verify(ctx.db).ok


def test_concurrent_writers_keep_the_head_at_the_end(admin):
    """Audit writes serialise through the chain lock: the heads always end where the chain does."""
    from concurrent.futures import ThreadPoolExecutor

    def work(i):
        for j in range(5):
            new_case(admin, f"R-CONC-{i}-{j}")

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(work, range(4)))
    report = _verify(admin.db)
    assert report.ok, report.message


def test_verify_without_the_key_says_it_checked_only_the_chain(admin):
    report = _verify(admin.db, None)
    assert report.ok
    assert "solo se comprobó la cadena de huellas" in report.message and "no los sellos" in report.message
    assert "íntegra" not in report.message


def test_changed_votes_and_decisions_record_old_and_new(trail):
    """The trail says what a vote or a decision was before it changed, not only what it became."""
    ctx, case_id, sid = trail
    hid = next(h for h in views.session_hearings(ctx, sid) if h.case_id == case_id).hearing_id
    decisions.record_decision(ctx, hid, DecisionInput(DecisionOutcome.POSTPONED, concept="Falta información"))
    entries = [json.loads(e.details) for e in _entries(ctx.db) if e.action == "decision"]
    assert entries[0]["antes"] is None  # the first decision replaced nothing
    assert entries[-1]["antes"]["resultado"] == "decidido" and entries[-1]["antes"]["medidas"][0][0] == (
        "vehiculo_blindado")
    assert entries[-1]["resultado"] == "aplazado"
    seat = next(v.seat_key for v in views.hearing_detail(ctx, hid).voters if v.choice is VoteChoice.EN_CONTRA)
    deliberation.cast_vote(ctx, hid, seat, VoteChoice.ABSTENCION)
    deliberation.clear_vote(ctx, hid, seat)
    votes = [(e.action, json.loads(e.details)) for e in _entries(ctx.db) if e.action in ("voto", "voto_retirado")]
    assert votes[-2][1]["antes"] == "en_contra" and votes[-2][1]["voto"] == "abstencion"
    assert votes[-1] == ("voto_retirado", {"puesto": seat, "antes": "abstencion"})
    changed = next(e for e in reversed(_entries(ctx.db)) if e.action == "voto" and "reservado" in e.details)
    hidden = json.loads(ctx.db.vault.decrypt(base64.b64decode(json.loads(changed.details)["reservado"]),
                                             "audit.reserved"))
    assert hidden == {"salvamento_antes": RESERVED["dissent"]}  # the old dissent, encrypted like the new


def test_the_trail_reads_in_words_with_seats_named_by_their_entity(trail):
    """What the audit page shows: action labels, the record an entry is about, and
    details without Python values or seat keys ("adoptada: sí", the seat's entity)."""
    ctx, case_id, sid = trail
    rows = audit.query(ctx)
    assert {r.action for r in rows} <= {a.value for a in AuditAction}  # every action written has a label
    vote = next(r for r in rows if r.action == "voto")
    key = json.loads(vote.details)["puesto"]
    holder = seats(ctx, sid)[key].entity
    assert vote.action_label == "Voto registrado" and vote.subject == f"Sesión {sid}"
    assert f"puesto: {holder}; voto: " in vote.summary and key not in vote.summary
    decision = next(r for r in rows if r.action == "decision")
    assert "adoptada: sí; antes: —" in decision.summary  # the details are stored with sorted keys
    assert "resultado: Decidido" in decision.summary and "nivel: Extraordinario" in decision.summary
    assert "True" not in decision.summary and "None" not in decision.summary
