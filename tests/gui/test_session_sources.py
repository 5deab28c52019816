"""Where the agenda's cases come from and where the session's documents go:
GVP results handed to a CERREM, emergency measures, a spreadsheet import,
the cases of a conditional seat, the convocation, and the resolutions batch."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from comite.domain import (
    AttendanceStatus,
    CaseKind,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    SessionStatus,
    VoteChoice,
)
from comite.gui import dialogs
from comite.gui.session.dialogs import check_cases
from comite.gui.session_page import SessionPage
from comite.model import Commitment, Hearing
from comite.services import attendance, cases, decisions, deliberation, followup, sessions, views
from comite.services.cases import CaseInput
from comite.services.decisions import DecisionInput, MeasureInput

DAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _confirm(monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)


def _case(ctx, radicado: str, **kw) -> int:
    kw.setdefault("population_code", "victimas")
    return cases.create_case(ctx, CaseInput(radicado=radicado, kind=kw.pop("kind", CaseKind.INDIVIDUAL),
                                            beneficiary_name=f"Persona {radicado}",
                                            document_number=f"7{abs(hash(radicado)) % 10**9:09d}",
                                            **kw)).created_id


def _open(qtbot, ctx, sid) -> SessionPage:
    page = SessionPage(ctx, sid)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    return page


def _decide_in_gvp(ctx, case_id: int) -> None:
    gvp = sessions.create_session(ctx, "GVP", date(2026, 3, 2), start=time(9, 0)).session_id
    hearing = sessions.add_case(ctx, gvp, case_id).created_id
    keys = []
    for row in views.attendance_rows(ctx, gvp):
        if row.rights.value == "voz_y_voto":
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE)
            keys.append(row.seat_key)
    sessions.set_status(ctx, gvp, SessionStatus.EN_CURSO)
    for key in keys:
        deliberation.cast_vote(ctx, hearing, key, VoteChoice.A_FAVOR)
    decisions.record_decision(ctx, hearing, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTREMO, concept="Concepto del GVP: esquema duro.", matrix_pct=84.5))


def test_gvp_results_and_emergency_measures_join_the_agenda(admin, qtbot):
    handed = _case(admin, "GVP-2026-010", displaced=True)
    _decide_in_gvp(admin, handed)
    urgent = _case(admin, "EMG-2026-003")
    followup.record_emergency(admin, urgent, "CERREM_POBLACIONAL", date(2026, 3, 1), "Reubicación temporal")
    sid = sessions.create_session(admin, "CERREM_POBLACIONAL", DAY, start=time(9, 0)).session_id
    page = _open(qtbot, admin, sid)
    tab = page.agenda_tab

    picker = tab.pick_handoffs()
    assert picker is not None and picker.model.rowCount() == 1
    picker.select_all()
    picker.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    row = next(r for r in page.agenda if r.radicado == "GVP-2026-010")
    assert (row.source, row.proposal_level, row.proposal_pct) == ("gvp", RiskLevel.EXTREMO, 84.5)
    assert followup.pending_handoffs(admin, "CERREM_POBLACIONAL") == []
    assert page.case_tab.detail is not None and "Concepto del GVP" in page.case_tab.ui.caseHeaderLabel.text()
    # the displaced case convenes ACNUR
    assert any(r.seat_key == "acnur" for r, _cases in page.convened)

    picker = tab.pick_emergencies()
    picker.select_all()
    picker.accept()
    assert next(r for r in page.agenda if r.radicado == "EMG-2026-003").source == "emergencia"
    assert tab.pick_emergencies() is None
    assert "No hay medidas de emergencia pendientes" in page.ui.messageLabel.text()


def test_search_refusal_and_spreadsheet_import(admin, qtbot, tmp_path):
    sid = sessions.create_session(admin, "CERREM_POBLACIONAL", DAY, start=time(9, 0)).session_id
    other = _case(admin, "UP-2026-001", population_code="politicos", up_pcc_member=True)
    page = _open(qtbot, admin, sid)
    tab = page.agenda_tab
    tab.ui.searchEdit.setText("UP-2026-001")
    tab.search_and_add()
    assert "corresponde al comité CERREM_UP_PCC" in page.ui.messageLabel.text()
    assert all(r.case_id != other for r in page.agenda)
    tab.ui.searchEdit.setText("NO-EXISTE-1")
    tab.search_and_add()
    assert "No hay ningún caso" in page.ui.messageLabel.text()

    header = "radicado;tipo;nombre;documento;poblacion;departamento;municipio;ruta;desplazado;analista;" \
             "puntaje_matriz;nivel_propuesto"
    lines = [header] + [f"IMP-2026-{i:03d};individual;Persona {i};10{i:08d};9;Cauca;Popayán;ordinaria;"
                        f"{'si' if i % 2 else 'no'};Analista;{50 + i};extraordinario" for i in range(1, 4)]
    lines.append("IMP-2026-099;individual;;;9;Cauca;Popayán;ordinaria;no;Analista;50;")  # refused: no name
    lines.append("IMP-2026-004;individual;Persona 4;1000000004;9;Cauca;Popayán;ordinaria;no;Analista;10;extremo")
    source = tmp_path / "casos.csv"
    source.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    tab.choose_import_file = lambda: source
    tab.ui.importButton.click()
    message = page.ui.messageLabel.text()
    assert "Rechazada: Fila 5" in message and "Para revisar: Fila 6 (IMP-2026-004)" in message
    picker = tab.picker
    assert picker is not None and picker.model.rowCount() == 4 and len(picker.selected()) == 4
    picker.accept()
    radicados = [r.radicado for r in page.agenda if r.hearing_id is not None]
    assert radicados == ["IMP-2026-001", "IMP-2026-002", "IMP-2026-003", "IMP-2026-004"]


def test_conditional_seat_cases_and_the_convocation(admin, qtbot, tmp_path):
    sid = sessions.create_session(admin, "CERREM_COLECTIVO", DAY, start=time(9, 0)).session_id
    hearing = sessions.add_case(admin, sid, _case(admin, "COL-2026-001", kind=CaseKind.COLECTIVO,
                                                  population_code="ddhh_sociales",
                                                  legally_recognised=False)).created_id
    page = _open(qtbot, admin, sid)
    tab = page.attendance_tab
    tab.ui.convenedOnlyCheck.setChecked(False)
    seat = next(r for r in page.attendance if r.seat_key == "responsables_medidas_colectivas")
    tab.select_seat(seat.id)
    assert tab.ui.casesButton.isEnabled()
    dialog = tab.open_cases_dialog()
    check_cases(dialog.ui.casesList, [hearing])
    dialog.accept()
    assert next(r for r in views.attendance_rows(admin, sid) if r.id == seat.id).hearing_ids == (hearing,)
    assert any(r.id == seat.id and c == ("COL-2026-001",) for r, c in page.convened)

    page.data_tab.choose_convocation_path = lambda: tmp_path / "convocatoria.pdf"
    page.data_tab.ui.exportButton.click()
    assert (tmp_path / "convocatoria.pdf").read_bytes().startswith(b"%PDF")
    assert b"BEGIN:VCALENDAR" in (tmp_path / "convocatoria.ics").read_bytes()
    assert page.header.status is SessionStatus.CONVOCADA
    assert page.ui.statusLabel.text() == "Convocada"
    assert "sin correo registrado" in page.ui.messageLabel.text()  # nobody here has an e-mail yet


def test_resolutions_batch_from_the_acta_tab(admin, qtbot, tmp_path):
    sid = sessions.create_session(admin, "CERREM_POBLACIONAL", DAY, start=time(9, 0)).session_id
    hearing = sessions.add_case(admin, sid, _case(admin, "RES-2026-001")).created_id
    keys = []
    for row in views.attendance_rows(admin, sid):
        if row.rights.value == "voz_y_voto":
            attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE)
            keys.append(row.seat_key)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    for key in keys:
        deliberation.cast_vote(admin, hearing, key, VoteChoice.A_FAVOR)
    decisions.record_decision(admin, hearing, DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, concept="Medidas idóneas",
        measures=[MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    sessions.update_session(admin, sid, end=time(10, 0))
    sessions.set_status(admin, sid, SessionStatus.CERRADA)
    page = _open(qtbot, admin, sid)
    acta_tab = page.acta_tab
    assert acta_tab.ui.resolutionsButton.isEnabled() and not acta_tab.ui.notifyButton.isVisibleTo(page)
    acta_tab.choose_folder = lambda _title: tmp_path
    acta_tab.ui.resolutionsButton.click()
    assert [p.suffix for p in acta_tab.last_files] == [".docx"]
    assert "RES-2026-001" in acta_tab.last_files[0].name
    assert "1 resolución generada" in page.ui.messageLabel.text()


def test_a_commitment_about_a_case_brings_it_to_the_next_session(admin, qtbot):
    s1 = sessions.create_session(admin, "CERREM_POBLACIONAL", DAY, start=time(9, 0)).session_id
    s2 = sessions.create_session(admin, "CERREM_POBLACIONAL", date(2026, 3, 24), start=time(9, 0)).session_id
    owed, closed, listed = (_case(admin, f"CMP-2026-00{n}") for n in (1, 2, 3))
    for case_id in (owed, closed):
        sessions.add_case(admin, s1, case_id)
    page = _open(qtbot, admin, s1)
    page.show_tab(page.TAB_COMMITMENTS)
    tab = page.commitments_tab
    combo = tab.ui.caseCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "— Ninguno (compromiso general) —", "CMP-2026-001", "CMP-2026-002"]
    # a case put on the agenda meanwhile can be chosen at once
    page.agenda_tab.ui.searchEdit.setText("CMP-2026-003")
    page.agenda_tab.search_and_add()
    assert combo.findText("CMP-2026-003") > 0

    def add(radicado: str, text: str) -> int:
        combo.setCurrentIndex(combo.findText(radicado))
        tab.ui.descriptionEdit.setText(text)
        tab.ui.responsibleCombo.setEditText("Unidad Nacional de Protección")
        tab.ui.addButton.click()
        assert f"sobre el caso {radicado}" in page.ui.messageLabel.text(), page.ui.messageLabel.text()
        return tab.current_row().id

    owed_id = add("CMP-2026-001", "Enviar el estudio de riesgo actualizado")
    assert tab.current_row().radicado == "CMP-2026-001"
    assert tab.model.index(tab.model.find_id(owed_id), 1).data() == "CMP-2026-001"
    add("CMP-2026-002", "Confirmar la reubicación")
    tab.ui.doneButton.click()  # closed: it brings nothing back
    add("CMP-2026-003", "Pedir información a la Alcaldía")
    combo.setCurrentIndex(0)
    tab.ui.descriptionEdit.setText("Actualizar el directorio de enlaces")
    general = tab.add()
    assert general is not None and tab.current_row().radicado is None
    sessions.add_case(admin, s2, listed)  # already on the next agenda: not offered

    page2 = _open(qtbot, admin, s2)
    page2.show_tab(page2.TAB_AGENDA)
    agenda = page2.agenda_tab
    assert agenda.ui.commitmentButton.isVisible() and agenda.ui.commitmentButton.isEnabled()
    agenda.ui.commitmentButton.click()
    picker = agenda.picker
    assert picker is not None and picker.isVisible()
    assert [picker.model.row(i).radicado for i in range(picker.model.rowCount())] == ["CMP-2026-001"]
    assert picker.model.index(0, 1).data() == "1"
    picker.select_all()
    picker.accept()
    assert "Agregados al orden del día: CMP-2026-001." in page2.ui.messageLabel.text()
    row = next(r for r in page2.agenda if r.radicado == "CMP-2026-001")
    assert row.source == "compromiso"
    assert agenda.model.index(agenda.model.find_key(row.item_id), 7).data() == "Compromiso pendiente"

    # --- what the database holds ---
    with admin.reading() as s:
        hearings = {h.case_id: h for h in s.scalars(select(Hearing).where(Hearing.session_id == s2))}
        assert set(hearings) == {owed, listed}
        assert (hearings[owed].source, hearings[listed].source) == ("compromiso", "registro")
        made = {c.description: c for c in s.scalars(select(Commitment).where(Commitment.origin_session_id == s1))}
        assert {d: (c.hearing_id is not None, c.status) for d, c in made.items()} == {
            "Enviar el estudio de riesgo actualizado": (True, "pendiente"),
            "Confirmar la reubicación": (True, "cumplido"),
            "Pedir información a la Alcaldía": (True, "pendiente"),
            "Actualizar el directorio de enlaces": (False, "pendiente"),
        }
        assert s.get(Hearing, made["Enviar el estudio de riesgo actualizado"].hearing_id).case_id == owed
    assert agenda.pick_commitments() is None
    assert "No hay casos con compromisos pendientes" in page2.ui.messageLabel.text()
    # the pending commitments are listed in the next session's Compromisos, with their case
    page2.show_tab(page2.TAB_COMMITMENTS)
    carried = {r.description: r.radicado for r in page2.commitments_tab.model.rows()}
    assert carried["Enviar el estudio de riesgo actualizado"] == "CMP-2026-001"
    assert carried["Actualizar el directorio de enlaces"] is None
