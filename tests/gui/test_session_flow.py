"""A complete session for each of the six committees, driven through the real
SessionPage's widgets (typing, keys, buttons, table editors), then checked
against what the database holds (read back through the services)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    CommitmentStatus,
    DecisionOutcome,
    MeasureAction,
    RiskLevel,
    Role,
    SeatCondition,
    SessionStatus,
    VoteChoice,
)
from comite.gui import dialogs, workers
from comite.gui.bus import REMOTE
from comite.gui.session.models import (
    ATT_ARRIVAL,
    ATT_CAPACITY,
    ATT_DEPARTURE,
    ATT_STATUS,
    VOTER_DISSENT,
)
from comite.gui.session_page import SessionPage
from comite.rules.collective import CRITERIA
from comite.services import acta, cases, followup, sessions, views
from comite.services.cases import CaseInput
from comite.services.context import Changes
from tests.conftest import make_user
from tests.db.helpers import login_ctx

DAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _immediate_jobs(monkeypatch):
    previous = workers.set_executor(workers.ImmediateExecutor())
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    yield
    workers.set_executor(previous)


@dataclass
class Plan:
    """What is special about each committee's session."""

    case: dict
    measures: list[tuple[str, int, int]] = field(default_factory=lambda: [("chaleco_blindado", 1, 6),
                                                                          ("medio_comunicacion", 1, 12)])
    extra_present: tuple[str, ...] = ()  # conditional / special seats that attend the main case
    speaker: str | None = None  # who makes an observation on the main case (None: the ad hoc invitee)
    restoration: bool = False
    recognition: bool = False


PLANS: dict[str, Plan] = {
    "GVP": Plan({"population_code": "periodistas"}),
    "CERREM_POBLACIONAL": Plan(
        {"population_code": "victimas", "displaced": True},
        extra_present=("acnur", "delegado_pob_09_1", "delegado_pob_09_2", "delegado_pob_09_3", "delegado_pob_09_4"),
        speaker="acnur"),
    "CERREM_COLECTIVO": Plan(
        {"kind": CaseKind.COLECTIVO, "population_code": "ddhh_sociales", "legally_recognised": False},
        measures=[("fortalecimiento_org", 1, 6), ("comunicacion_colectiva", 2, 18)], recognition=True),
    "CERREM_MUJERES": Plan(
        {"population_code": "ddhh_sociales", "is_woman": True, "women_committee_choice": True},
        extra_present=("consejeria_mujer",), speaker="consejeria_mujer"),
    "CERREM_UP_PCC": Plan(
        {"population_code": "politicos", "up_pcc_member": True},
        measures=[("chaleco_blindado", 1, 6), ("apoyo_restablecimiento", 1, 3)],
        extra_present=("entidades_restablecimiento",), speaker="entidades_restablecimiento", restoration=True),
    "COMITE_ESPECIAL": Plan({"population_code": "servidores_publicos", "public_servant": True}),
}


def _register(ctx, code: str, radicado: str, profile: dict) -> int:
    kw = dict(profile)
    kind = kw.pop("kind", CaseKind.INDIVIDUAL)
    return cases.create_case(ctx, CaseInput(
        radicado=radicado, kind=kind, beneficiary_name=f"Persona protegida {radicado}",
        document_number="52" + str(abs(hash(radicado)) % 10**8).zfill(8) if kind is CaseKind.INDIVIDUAL else None,
        matrix_pct=58.4, **kw)).created_id


def _keys(widget, text: str) -> None:
    """Type ``text`` key by key (accents included: QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _type_line(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    _keys(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _attendance_cell(page: SessionPage, seat_key: str, column: int):
    tab = page.attendance_tab
    row = tab.model.find(lambda r: r.seat_key == seat_key)
    assert row is not None, seat_key
    return tab.model.index(row, column)


def _edit_attendance(page: SessionPage, seat_key: str, column: int, value) -> None:
    index = _attendance_cell(page, seat_key, column)
    assert page.attendance_tab.model.setData(index, value, Qt.ItemDataRole.EditRole), page.ui.messageLabel.text()


def _type_hour(page: SessionPage, qtbot, seat_key: str, column: int, text: str) -> None:
    """Type an hour into the attendance table's own editor, as a user does."""
    table = page.attendance_tab.ui.attendanceTable
    index = page.attendance_tab.proxy.mapFromSource(_attendance_cell(page, seat_key, column))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None
    editor.setText(text)
    table.itemDelegateForColumn(column).setModelData(editor, table.model(), index)
    table.closeEditor(editor, table.itemDelegateForColumn(column).EndEditHint.NoHint)


def _seat_keys(page: SessionPage) -> dict[str, views.AttendanceRow]:
    return {r.seat_key: r for r in page.attendance}


@pytest.mark.parametrize("code", list(PLANS))
def test_complete_session_through_the_workspace(admin, qtbot, tmp_path, code):
    ctx = admin
    plan = PLANS[code]
    sid = sessions.create_session(ctx, code, DAY, start=time(9, 0)).session_id
    main_id = _register(ctx, code, f"{code}-2026-001", plan.case)
    _register(ctx, code, f"{code}-2026-002", plan.case)

    page = SessionPage(ctx, sid)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)

    # --- Datos y convocatoria: typed, saved field by field ---
    data = page.data_tab
    _type_line(data.ui.placeEdit, "Bogotá, sede UNP, sala 3")
    _type_line(data.ui.secretaryEdit, "Laura Secretaria")

    # --- Orden del día: two cases found by radicado ---
    agenda = page.agenda_tab
    for radicado in (f"{code}-2026-001", f"{code}-2026-002"):
        _type_line(agenda.ui.searchEdit, radicado)
    hearings = [r for r in page.agenda if r.hearing_id is not None]
    assert [r.radicado for r in hearings] == [f"{code}-2026-001", f"{code}-2026-002"], page.ui.messageLabel.text()
    main_hearing, second_hearing = hearings[0].hearing_id, hearings[1].hearing_id

    # --- an ad hoc invitee for the main case ---
    dialog = data.open_invitee_dialog()
    dialog.ui.entityEdit.setText("Gobernación del Cauca")
    dialog.set_kind(SeatCondition.WHEN_COMPETENT)
    dialog.ui.reasonEdit.setText("Competencia territorial en el caso")
    from comite.gui.session.dialogs import check_cases

    check_cases(dialog.ui.casesList, [main_hearing])
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible(), dialog.ui.errorLabel.text()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    invitee = next(r for r in page.attendance if r.entity == "Gobernación del Cauca")
    assert any(r.id == invitee.id and cases_ == (f"{code}-2026-001",) for r, cases_ in page.convened)
    assert data.convened_model.find_key(invitee.id) is not None

    # --- Asistencia: voting members, a late arrival, an early departure, special seats ---
    seats = _seat_keys(page)
    voting = [k for k, r in seats.items() if r.rights.value == "voz_y_voto" and r.condition is None]
    for n, key in enumerate(voting):
        _edit_attendance(page, key, ATT_STATUS, AttendanceStatus.PRESENTE)
        _edit_attendance(page, key, 4, f"Titular {n + 1}")
    late, early = voting[1], voting[-1]
    _edit_attendance(page, late, ATT_CAPACITY, Capacity.DELEGADO)
    _type_hour(page, qtbot, late, ATT_ARRIVAL, "09:30")
    _type_hour(page, qtbot, early, ATT_DEPARTURE, "11:00")
    for key in (*plan.extra_present, invitee.seat_key):
        _edit_attendance(page, key, ATT_STATUS, AttendanceStatus.PRESENTE)
        _edit_attendance(page, key, 4, f"Delegada {key}")

    # --- the session starts ---
    page.ui.startButton.click()
    assert page.header.status is SessionStatus.EN_CURSO

    # --- Casos en sesión: the main case ---
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    assert tab.hearing_id == main_hearing
    _type_line(tab.deliberation.ui.discussedEdit, "10:00")
    if plan.restoration:
        tab.deliberation.ui.restorationCheck.click()
    tab.deliberation.ui.deliberationEdit.setFocus()
    _keys(tab.deliberation.ui.deliberationEdit, "Se analizó el estudio de riesgo y la propuesta del GVP.")
    qtbot.waitUntil(lambda: tab.deliberation.ui.saveStateLabel.text().startswith("Guardado"), timeout=3000)
    speaker_key = plan.speaker or invitee.seat_key
    speaker = _seat_keys(page)[speaker_key]
    seat_combo = tab.observations.ui.observationSeatCombo
    seat_combo.setCurrentIndex(seat_combo.findData(speaker.id))
    _type_line(tab.observations.ui.observationEdit, "Solicita celeridad en la implementación.")
    if plan.recognition:
        for box in tab.recognition.criteria.values():
            box.click()
        tab.recognition.ui.grantedCombo.setCurrentIndex(tab.recognition.ui.grantedCombo.findData(True))
        tab.recognition.ui.grantedCombo.activated.emit(tab.recognition.ui.grantedCombo.currentIndex())
    # quorum of the case is live in the header
    assert page.quorum.has_quorum is True
    assert page.quorum.text().startswith("Hay quórum")

    # votes by keyboard: 1 = a favor for all but the last, 2 = en contra for the last, with a dissent
    table = tab.votes.ui.votersTable
    table.setFocus()
    for key in voting[:-1]:
        tab.votes.select_voter(key)
        QTest.keyClick(table, Qt.Key.Key_1)
    tab.votes.select_voter(voting[-1])
    QTest.keyClick(table, Qt.Key.Key_2)
    row = tab.votes.model.find_key(voting[-1])
    assert tab.votes.model.setData(tab.votes.model.index(row, VOTER_DISSENT),
                                   "Salvamento: las medidas son insuficientes.")
    assert tab.detail.tally.adopted, tab.votes.ui.tallyLabel.text()

    # the decision with measures from the catalogue
    tab.decision.ui.outcomeCombo.setCurrentIndex(tab.decision.ui.outcomeCombo.findData(DecisionOutcome.DECIDED))
    tab.decision.ui.riskCombo.setCurrentIndex(tab.decision.ui.riskCombo.findData(RiskLevel.EXTRAORDINARIO))
    tab.decision.ui.conceptEdit.setPlainText("Riesgo extraordinario; las medidas son idóneas.")
    for measure, quantity, months in plan.measures:
        tab.decision.ui.measureCombo.setCurrentIndex(tab.decision.ui.measureCombo.findData(measure))
        tab.decision.ui.measureAddButton.click()
        tab.decision.set_measure(tab.decision.measures.rowCount() - 1, quantity=quantity,
                                 action=MeasureAction.IMPLEMENTAR, months=months)
    tab.decision.ui.recordButton.click()
    assert "Decisión registrada" in tab.decision.ui.decisionMessage.text(), tab.decision.ui.decisionMessage.text()
    assert tab.detail.adopted is True
    assert all(m.revaluation_date is not None for m in tab.detail.measures)

    # --- the second case, after the early departure: postponed ---
    tab.votes.ui.votersTable.setFocus()
    QTest.keyClick(tab.votes.ui.votersTable, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert tab.hearing_id == second_hearing
    _type_line(tab.deliberation.ui.discussedEdit, "11:30")
    assert f"{len(voting) - 1} de {len(voting)}" in page.quorum.text()
    tab.decision.ui.outcomeCombo.setCurrentIndex(tab.decision.ui.outcomeCombo.findData(DecisionOutcome.POSTPONED))
    tab.decision.ui.conceptEdit.setPlainText("Se aplaza para la próxima sesión.")
    assert tab.record_decision(), tab.decision.ui.decisionMessage.text()

    # --- Compromisos ---
    page.show_tab(page.TAB_COMMITMENTS)
    commitments = page.commitments_tab
    commitments.ui.descriptionEdit.setText("Enviar el estudio de riesgo actualizado")
    commitments.ui.responsibleCombo.setEditText("Unidad Nacional de Protección")
    commitments.ui.addButton.click()
    commitments.ui.descriptionEdit.setText("Convocar a la Fiscalía")
    commitments.ui.responsibleCombo.setEditText("Secretaría técnica")
    commitments.ui.dueCheck.setChecked(False)
    done_id = commitments.add()
    commitments.select_commitment(done_id)
    commitments.ui.doneButton.click()

    # --- closing: hour of closing and development, then Cerrar sesión ---
    page.show_tab(page.TAB_DATA)
    _type_line(data.ui.endEdit, "12:15")
    data.ui.developmentEdit.setFocus()
    _keys(data.ui.developmentEdit, "La sesión se desarrolló según el orden del día.")
    page.ui.closeButton.click()
    assert page.header.status is SessionStatus.CERRADA, page.ui.messageLabel.text()

    # --- Acta: preview rendered in the application, then the draft for review ---
    page.show_tab(page.TAB_ACTA)
    assert page.acta_tab.pdf_view.page_count() >= 2
    assert page.acta_tab.preview_pdf.startswith(b"%PDF")
    page.acta_tab.ui.draftButton.click()
    if code == "GVP":
        page.acta_tab.choose_folder = lambda _title: tmp_path
        page.acta_tab.ui.notifyButton.click()
        assert any(p.suffix == ".pdf" for p in page.acta_tab.last_files), page.ui.messageLabel.text()
    if code == "COMITE_ESPECIAL":
        # a delegate (revisor) reads the draft and records an observation; approval waits for it
        make_user(ctx, "delegada", Role.REVISOR, committees=[code])
        reviewer = login_ctx(ctx.db, "delegada", "Otra-clave-segura-1")
        review_page = SessionPage(reviewer, sid)  # on the delegate's desktop
        qtbot.addWidget(review_page)
        review_page.show()
        review_page.show_tab(review_page.TAB_ACTA)
        review_tab = review_page.acta_tab
        assert not review_tab.ui.resolveReviewButton.isVisible() and review_tab.ui.addReviewButton.isEnabled()
        review_tab.ui.reviewEdit.setText("Falta la hora de llegada de la delegada de la Procuraduría.")
        review_tab.ui.addReviewButton.click()
        assert review_tab.ui.reviewEdit.text() == "" and review_tab.reviews.rowCount() == 1
        page.bus.publish(Changes(acta=True, session_id=sid), REMOTE)  # as the live feed would
        tab = page.acta_tab
        assert tab.reviews.rowCount() == 1
        tab.ui.approveButton.click()
        assert page.header.status is SessionStatus.ACTA_EN_REVISION  # not approved
        assert "sin atender" in tab.ui.resultLabel.text() and "Delegada" in tab.ui.resultLabel.text()
        tab.ui.reviewTable.setCurrentIndex(tab.ui.reviewTable.model().index(0, 0))
        assert tab.ui.resolveReviewButton.isEnabled()
        tab.ui.resolveReviewButton.click()
        assert [r.resolved for r in acta.review_observations(ctx, sid)] == [True]
        page.acta_tab.ui.approveButton.click()
        assert page.header.status is SessionStatus.ACTA_APROBADA
        assert not page.case_tab.decision.ui.recordButton.isEnabled()

    # --- what the database holds ---
    head = views.session_header(ctx, sid)
    assert head.place == "Bogotá, sede UNP, sala 3"
    assert head.secretary_name == "Laura Secretaria"
    assert (head.start, head.end) == (time(9, 0), time(12, 15))
    assert head.development == "La sesión se desarrolló según el orden del día."
    assert head.status is (SessionStatus.ACTA_APROBADA if code == "COMITE_ESPECIAL" else SessionStatus.ACTA_EN_REVISION)
    stored = {r.seat_key: r for r in views.attendance_rows(ctx, sid)}
    assert all(stored[k].status is AttendanceStatus.PRESENTE for k in voting)
    assert (stored[late].capacity, stored[late].arrival, stored[late].departure) == (
        Capacity.DELEGADO, time(9, 30), None)
    assert (stored[early].arrival, stored[early].departure) == (None, time(11, 0))
    assert stored[voting[0]].person_name == "Titular 1"
    assert stored[invitee.seat_key].ad_hoc_reason == "Competencia territorial en el caso"
    assert stored[invitee.seat_key].hearing_ids == (main_hearing,)
    for key in plan.extra_present:
        assert stored[key].status is AttendanceStatus.PRESENTE

    main = views.hearing_detail(ctx, main_hearing)
    assert main.case_id == main_id
    assert main.discussed_at == time(10, 0)
    assert main.deliberation == "Se analizó el estudio de riesgo y la propuesta del GVP."
    assert [(o.attendance_id, o.text) for o in main.observations] == [
        (speaker.id, "Solicita celeridad en la implementación.")]
    assert (main.outcome, main.risk_level, main.adopted) == (DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, True)
    assert main.concept == "Riesgo extraordinario; las medidas son idóneas."
    assert [(m.code, m.quantity, m.action, m.temporality_months) for m in main.measures] == [
        (c, q, MeasureAction.IMPLEMENTAR, months) for c, q, months in plan.measures]
    votes = {v.seat_key: (v.choice, v.dissent) for v in main.voters if v.choice is not None}
    assert votes == {**{k: (VoteChoice.A_FAVOR, None) for k in voting[:-1]},
                     voting[-1]: (VoteChoice.EN_CONTRA, "Salvamento: las medidas son insuficientes.")}
    assert main.tally.a_favor == len(voting) - 1 and main.tally.en_contra == 1
    if plan.recognition:
        assert main.recognition_answers == {c: True for c, _ in CRITERIA}
        assert main.recognition_granted is True
    if plan.restoration:
        assert main.restoration_measures is True
        restoration = next(v for v in main.voters if v.seat_key == "entidades_restablecimiento")
        assert restoration.sits and restoration.present
    if code == "CERREM_POBLACIONAL":
        sitting = {v.seat_key for v in main.voters if v.sits and v.present}
        assert {"acnur", "delegado_pob_09_1", "delegado_pob_09_4"} <= sitting

    second = views.hearing_detail(ctx, second_hearing)
    assert (second.discussed_at, second.outcome) == (time(11, 30), DecisionOutcome.POSTPONED)
    assert second.quorum.has_quorum and len(second.quorum.present_voting) == len(voting) - 1

    rows = followup.commitments_for_session(ctx, sid)
    assert [(r.description, r.responsible, r.status) for r in rows] == [
        ("Enviar el estudio de riesgo actualizado", "Unidad Nacional de Protección", CommitmentStatus.PENDIENTE),
        ("Convocar a la Fiscalía", "Secretaría técnica", CommitmentStatus.CUMPLIDO)]
    kinds = [v.kind for v in acta.acta_versions(ctx, sid)]
    assert kinds == (["borrador", "final"] if code == "COMITE_ESPECIAL" else ["borrador"])
    # edits were undoable while the session was open; an approved acta leaves nothing to undo
    assert (page.undo_stack.count() == 0) if code == "COMITE_ESPECIAL" else (page.undo_stack.count() > 0)
