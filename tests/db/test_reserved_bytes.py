"""Reserva legal: no copied file reveals who is protected.

Cases with distinctive names and document numbers are imported, go through a
whole session (deliberation, observations, dissents, decision, commitments,
acta, resolutions) and a backup is made. Then every byte of the database file,
its WAL/journal, the backup, the logs and the settings is searched for those
values in UTF-8 and UTF-16: none may be found.
"""

from __future__ import annotations

import csv
import logging
import os
import unicodedata
from datetime import date, time
from pathlib import Path

import pytest

from comite.domain import (
    AttendanceStatus,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SessionStatus,
    VoteChoice,
)
from comite.logs import setup_logging
from comite.services import acta, attendance, decisions, deliberation, followup, resolutions, sessions, views
from comite.services.backup import create_backup
from comite.services.cases import find_cases
from comite.services.importer import import_cases

NAMES = ["Ñusta Yáñez Güiza", "Zoé Íñiguez Ospína"]
DOCS = ["98765432101", "55443322119"]

pytestmark = pytest.mark.sqlite_only


def _variants(value: str) -> list[bytes]:
    forms = {unicodedata.normalize(norm, cased) for cased in (value, value.upper(), value.lower())
             for norm in ("NFC", "NFD")}
    out = []
    for form in forms:
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            out.append(form.encode(enc))
    return out


def _search(paths: list[Path], values: list[str]) -> list[str]:
    hits = []
    needles = [(v, n) for v in values for n in _variants(v)]
    for path in paths:
        data = path.read_bytes()
        for value, needle in needles:
            if needle in data:
                hits.append(f"{value!r} en {path.name}")
    return hits


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _run_session(admin, case_ids: list[int]) -> int:
    sid = sessions.create_session(admin, "CERREM_POBLACIONAL", date(2026, 11, 24), start=time(9, 0),
                                  place="Bogotá").session_id
    hearings = [sessions.add_case(admin, sid, cid).created_id for cid in case_ids]
    for row in views.attendance_rows(admin, sid):
        if row.condition is None:
            attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE,
                                       person_name=f"Delegado {row.seat_key}", arrival=time(9, 0))
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    for i, (hid, name, doc) in enumerate(zip(hearings, NAMES, DOCS, strict=True)):
        deliberation.update_hearing(admin, hid, discussed_at=time(9, 30 + i),
                                   deliberation=f"Se analiza la situación de {name}, documento {doc}.")
        detail = views.hearing_detail(admin, hid)
        invitee = next(v for v in detail.voters if v.sits and v.present and v.rights.value == "solo_voz")
        deliberation.add_observation(admin, hid, invitee.attendance_id, f"{name} pide celeridad.")
        voters = [v for v in detail.voters if v.can_vote]
        for k, v in enumerate(voters):
            choice = VoteChoice.EN_CONTRA if k == 0 else VoteChoice.A_FAVOR
            deliberation.cast_vote(admin, hid, v.seat_key, choice, f"Salvamento sobre {name}" if k == 0 else None)
        decisions.record_decision(admin, hid, decisions.DecisionInput(
            DecisionOutcome.DECIDED, RiskLevel.EXTREMO, f"Concepto sobre {name}",
            [decisions.MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
        followup.add_commitment(admin, sid, f"Informar a {name}", "UNP", date(2026, 12, 10))
    sessions.update_session(admin, sid, end=time(12, 0), development=f"Sesión sobre {NAMES[0]}.")
    sessions.set_status(admin, sid, SessionStatus.CERRADA)
    return sid


def test_no_reserved_value_in_any_file(admin, db_url, tmp_path):
    log_path = setup_logging()
    logging.getLogger("comite.test").info("inicio de la prueba de reserva")
    src = tmp_path / "casos.csv"
    with open(src, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["radicado", "tipo", "nombre", "documento", "poblacion", "departamento", "municipio", "ruta",
                    "desplazado", "analista", "puntaje_matriz", "nivel_propuesto"])
        for i, (name, doc) in enumerate(zip(NAMES, DOCS, strict=True)):
            w.writerow([f"RES-2026-{i:03d}", "individual", name, doc, "periodistas", "Cauca", "Popayán",
                        "ordinaria", "no", "Analista Uno", "81,5", "extremo"])
    report = import_cases(admin, src)
    assert report.imported == 2
    src.unlink()  # the source spreadsheet is the user's file, not ours
    case_ids = [find_cases(admin, doc)[0].id for doc in DOCS]
    sid = _run_session(admin, case_ids)
    acta.issue_draft(admin, sid, tmp_path / "out" / "acta.pdf")
    written = resolutions.generate_resolutions(admin, sid, tmp_path / "out" / "resoluciones")
    assert len(written) == 2
    backup = create_backup(admin, tmp_path / "copia.cmtbk").path

    db_file = Path(db_url)
    files = [p for p in db_file.parent.iterdir() if p.name.startswith(db_file.name)]
    assert any(p.name.endswith("-wal") for p in files) or len(files) >= 1
    files += [backup]
    files += _files_under(Path(os.environ["COMITE_HOME"]))  # logs, settings, user data
    assert log_path.exists() and log_path in files
    assert _search(files, NAMES + DOCS) == []

    # The resolutions legitimately name the person (read back, they do), and
    # their file names never do.
    import docx

    text = "\n".join(p.text for p in docx.Document(str(written[0])).paragraphs)
    assert any(name in text for name in NAMES)
    assert not any(part in p.name for p in written for name in NAMES for part in name.split())


def test_search_finds_a_planted_value(tmp_path):
    """The byte search itself works (UTF-16 and decomposed forms included)."""
    f = tmp_path / "x.bin"
    f.write_bytes(b"\x00" + "Ñusta Yáñez Güiza".encode("utf-16-le") + b"\x00")
    assert _search([f], [NAMES[0]])
    f.write_bytes(unicodedata.normalize("NFD", "ZOÉ ÍÑIGUEZ OSPÍNA").encode("utf-8"))
    assert _search([f], [NAMES[1]])
    f.write_bytes(b"nada")
    assert _search([f], NAMES + DOCS) == []
