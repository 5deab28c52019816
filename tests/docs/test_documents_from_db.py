"""Documents generated from a recorded session, read back.

A CERREM session is recorded through the services (attendance with a delegate,
an excused member and a late arrival, a displaced case with ACNUR, votes with a
dissent, measures, commitments); then the acta, the resolutions, the
convocation and the GVP notification are generated and read back.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, time
from pathlib import Path

import docx
import pytest
from icalendar import Calendar
from pypdf import PdfReader

from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SessionStatus,
    VoteChoice,
)
from comite.services import acta, attendance, cases, decisions, deliberation, followup, resolutions, sessions, views
from tests.conftest import missing_tool

NAMES = ("Ramiro Ñáñez Quiñónez", "Lucía Gómez Ürrutia")


def _text(pdf: Path) -> str:
    """All pages' text with whitespace folded (table cells wrap lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(pdf)).pages).split())


def _docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture
def recorded(admin):
    """A closed CERREM poblacional session with two decided cases."""
    ids = []
    for i, (name, pop, displaced) in enumerate(zip(NAMES, ("victimas", "periodistas"), (True, False), strict=True)):
        ids.append(cases.create_case(admin, cases.CaseInput(
            radicado=f"DOC-2026-{i:03d}", kind=CaseKind.INDIVIDUAL, beneficiary_name=name,
            document_number=f"7700{i}1234", population_code=pop, displaced=displaced, matrix_pct=70.25,
        )).created_id)
    sid = sessions.create_session(admin, "CERREM_POBLACIONAL", date(2026, 11, 24), start=time(9, 0),
                                  place="Sala de juntas, Bogotá").session_id
    hearings = [sessions.add_case(admin, sid, cid).created_id for cid in ids]
    rows = {r.seat_key: r for r in views.attendance_rows(admin, sid)}
    for key, row in rows.items():
        if row.condition is None or key == "acnur":
            attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE,
                                       person_name=f"Persona {key}", arrival=time(9, 0))
    voting = [k for k, r in rows.items() if r.rights.value == "voz_y_voto"]
    attendance.set_attendance(admin, rows[voting[1]].id, capacity=Capacity.DELEGADO, person_name="Delegada Suplente")
    attendance.set_attendance(admin, rows["fiscalia"].id, status=AttendanceStatus.EXCUSADO)
    attendance.set_attendance(admin, rows[voting[-1]].id, arrival=time(9, 45))
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    for k, hid in enumerate(hearings):
        deliberation.update_hearing(admin, hid, discussed_at=time(10, 0 + k), deliberation="Análisis del caso.")
        detail = views.hearing_detail(admin, hid)
        voters = [v for v in detail.voters if v.can_vote]
        for j, v in enumerate(voters):
            choice = VoteChoice.EN_CONTRA if j == 0 else VoteChoice.A_FAVOR
            deliberation.cast_vote(admin, hid, v.seat_key, choice, "Se aparta por la temporalidad." if j == 0 else None)
        decisions.record_decision(admin, hid, decisions.DecisionInput(
            DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Se recomiendan las medidas.",
            [decisions.MeasureInput("hombre_proteccion", 2, MeasureAction.IMPLEMENTAR, 6),
             decisions.MeasureInput("chaleco_blindado", 1, MeasureAction.RATIFICAR, 12)]))
    followup.add_commitment(admin, sid, "Remitir el informe de implementación", "Policía Nacional", date(2026, 12, 15))
    sessions.update_session(admin, sid, end=time(12, 30))
    sessions.set_status(admin, sid, SessionStatus.CERRADA)
    return sid, voting


def test_acta_has_everything_and_no_names(admin, recorded, tmp_path):
    sid, voting = recorded
    out = tmp_path / "acta.pdf"
    acta.issue_draft(admin, sid, out)
    text = _text(out)
    assert "ACTA No. 001 de 2026" in text
    for rad in ("DOC-2026-000", "DOC-2026-001"):
        assert rad in text
    for name in NAMES:
        for part in name.split():
            assert part not in text
    assert "Delegada Suplente" in text and "Excusado" in text
    assert "Alto Comisionado de las Naciones Unidas para los Refugiados" in text or "ACNUR" in text
    assert text.count("A favor: 4") == 2 and "En contra: 1" in text
    assert "Se aparta por la temporalidad." in text
    assert "dos (2) hombres de protección" in text and "Implementar" in text and "Ratificar" in text
    assert "Remitir el informe de implementación" in text
    assert "BORRADOR" in text and "RESERVADO" in text


def test_final_acta_is_verifiable_and_locked(admin, recorded, tmp_path):
    sid, _ = recorded
    final = tmp_path / "final.pdf"
    result = acta.approve_acta(admin, sid, final)
    assert "BORRADOR" not in _text(final)
    assert acta.verify_acta_file(admin.db, final).ok
    tampered = tmp_path / "alterada.pdf"
    data = bytearray(final.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert not acta.verify_acta_file(admin.db, tampered).ok
    errata = acta.issue_errata(admin, sid, "Se corrige la hora de cierre: 12:45 p. m.", tmp_path / "errata.pdf")
    assert errata.version == result.version + 1
    assert "FE DE ERRATAS" in _text(tmp_path / "errata.pdf").upper()
    assert [v.kind for v in acta.acta_versions(admin, sid)] == ["final", "fe_de_erratas"]


def test_resolutions_one_per_case_numbered(admin, recorded, tmp_path):
    sid, _ = recorded
    paths = resolutions.generate_resolutions(admin, sid, tmp_path / "res")
    assert len(paths) == 2
    numbers = sorted(p.name.split("_")[1] for p in paths)
    assert numbers == ["0001", "0002"]
    for path in paths:
        assert not any(part in path.name for name in NAMES for part in name.split())
    text = _docx_text(paths[0])
    assert "DOC-2026-000" in text and NAMES[0] in text
    assert "dos (2) hombres de protección" in text
    assert "EXTRAORDINARIO" in text and "recurso de reposición" in text
    again = resolutions.generate_resolutions(admin, sid, tmp_path / "res2")
    assert sorted(p.name for p in again) == sorted(p.name for p in paths)  # numbers are stable


def test_resolutions_open_in_libreoffice(admin, recorded, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        missing_tool("LibreOffice (soffice) no está instalado")
    sid, _ = recorded
    path = resolutions.generate_resolutions(admin, sid, tmp_path / "res")[0]
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "pdf" / (path.stem + ".pdf")
    assert pdf.exists() and "RESUELVE" in _text(pdf)


def test_convocation_pdf_and_ics(admin, recorded, tmp_path):
    sid, _ = recorded
    said = resolutions.generate_convocation(admin, sid, tmp_path / "conv.pdf", tmp_path / "conv.ics").message
    convoked = resolutions.convocation_data(admin, sid).convoked
    with_mail = [r for r in convoked if r.email]
    assert f"llega a {len(with_mail)} de {len(convoked)} convocados" in said
    if len(with_mail) < len(convoked):  # who is left out is said, not silently dropped
        assert "sin correo registrado" in said
    text = _text(tmp_path / "conv.pdf")
    assert "Voz y voto" in text and "Solo voz" in text and "DOC-2026-000" in text
    cal = Calendar.from_ical((tmp_path / "conv.ics").read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1 and "Sala de juntas" in str(events[0]["LOCATION"])


def test_gvp_notification_goes_to_the_receiving_cerrem(admin, tmp_path):
    cid = cases.create_case(admin, cases.CaseInput(
        radicado="GVP-2026-777", kind=CaseKind.INDIVIDUAL, beneficiary_name=NAMES[0],
        document_number="123123123", population_code="docentes", matrix_pct=55.0)).created_id
    sid = sessions.create_session(admin, "GVP", date(2026, 11, 24), start=time(8, 0)).session_id
    hid = sessions.add_case(admin, sid, cid).created_id
    for row in views.attendance_rows(admin, sid):
        attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE, arrival=time(8, 0))
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    deliberation.update_hearing(admin, hid, discussed_at=time(8, 30))
    for v in views.hearing_detail(admin, hid).voters:
        if v.can_vote:
            deliberation.cast_vote(admin, hid, v.seat_key, VoteChoice.A_FAVOR)
    decisions.record_decision(admin, hid, decisions.DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Concepto: botón de apoyo.",
        [decisions.MeasureInput("boton_apoyo", 1, MeasureAction.IMPLEMENTAR, 12)]))
    files = resolutions.generate_notifications(admin, sid, tmp_path)
    assert [f.committee_code for f in files] == ["CERREM_POBLACIONAL"]
    pdf_text, docx_text = _text(files[0].pdf), _docx_text(files[0].docx)
    for text in (pdf_text, docx_text):
        assert "GVP-2026-777" in text and "Extraordinario" in text.title()
        assert not any(part in text for part in NAMES[0].split())


def test_absent_conditional_invitee_is_in_the_acta_as_absent(admin, tmp_path):
    """ACNUR sits only for displaced population: convened for such a case and absent,
    it is listed as absent and counted; a seat whose condition held for no case is not."""
    cid = cases.create_case(admin, cases.CaseInput(
        radicado="EXT26-00031551", kind=CaseKind.INDIVIDUAL, beneficiary_name=NAMES[0],
        document_number="55501234", population_code="victimas", displaced=True, matrix_pct=61.0,
    )).created_id
    sid = sessions.create_session(admin, "CERREM_POBLACIONAL", date(2026, 11, 25), start=time(9, 0)).session_id
    hid = sessions.add_case(admin, sid, cid).created_id
    rows = views.attendance_rows(admin, sid)
    for row in rows:
        if row.condition is None:
            attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE,
                                       person_name=f"Persona {row.seat_key}", arrival=time(9, 0))
    acnur = next(r for r in rows if r.seat_key == "acnur")
    attendance.set_attendance(admin, acnur.id, status=AttendanceStatus.AUSENTE)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    deliberation.update_hearing(admin, hid, discussed_at=time(10, 0))

    data = acta.build_acta_data(admin, sid)
    listed = {a.entity: a for a in data.attendees}
    assert acnur.entity in listed
    assert listed[acnur.entity].status is AttendanceStatus.AUSENTE
    assert listed[acnur.entity].cases_attended == ("EXT26-00031551",)
    # Seats whose condition never held (another population's delegates, restoration...) stay out.
    detail = views.hearing_detail(admin, hid)
    never = {v.entity for v in detail.voters if not v.sits}
    assert never and not never & set(listed)

    guests = [a for a in data.attendees if a.rights.value != "voz_y_voto"]
    present = sum(a.status is AttendanceStatus.PRESENTE for a in guests)
    out = tmp_path / "acta.pdf"
    out.write_bytes(acta.render_pdf(data))
    text = _text(out)
    assert f"Invitados con solo voz ({present} presentes de {len(guests)})" in text
    assert "Convocado para los casos: EXT26-00031551" in text
