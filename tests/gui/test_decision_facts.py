"""The decision form asks for each fact that keeps a decision coherent (DOMAIN.md, "Documents
a lawyer signs") only when it applies, by the same rules the service refuses on
(:func:`comite.rules.decision.what_applies`): the matrix departure, the change of the GVP's
level, the emergency measures, the concertation with a collective, the competent entity of a
UP-PCC restoration measure. Everything by the mouse's path; a missing fact is refused in
Spanish and nothing typed is lost; what is registered is what the service stored."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from comite.domain import AttendanceStatus, CaseKind, EmergencyDisposition, RiskLevel, Route, SessionStatus, VoteChoice
from comite.gui import dialogs
from comite.gui.session.models import MEASURE_ENTITY
from comite.gui.session_page import SessionPage
from comite.services import attendance, cases, deliberation, sessions, views
from comite.services.cases import CaseInput
from tests.gui.test_reports_page import choose

DAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _confirm(monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)


def _keys(widget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _press(button) -> None:
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def _type_into(qtbot, widget, text: str) -> None:
    """Click into a text field and type."""
    assert widget.isVisible()
    qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.MouseButton.LeftButton)
    _keys(widget, text)


def _cerrem(ctx, code: str, case: dict, *, level: RiskLevel | None, pct: float | None,
            restoration: bool = False) -> tuple[int, int]:
    """A CERREM session in course with one case on its agenda, discussed at 9:30 with every
    voting member present, and their votes in favour (the votes are not this test's subject)."""
    case.setdefault("population_code", "ddhh_sociales")
    kind = case.pop("kind", CaseKind.INDIVIDUAL)
    cid = cases.create_case(ctx, CaseInput(
        radicado=case.pop("radicado"), kind=kind, beneficiary_name="Persona de prueba",
        document_number=None if kind is CaseKind.COLECTIVO else "1020304050", **case)).created_id
    sid = sessions.create_session(ctx, code, DAY, start=time(9, 0), place="Sede UNP").session_id
    hid = sessions.add_case(ctx, sid, cid, proposal_level=level, proposal_pct=pct).created_id
    for row in views.attendance_rows(ctx, sid):
        if row.condition is None or restoration:
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE, arrival=time(9, 0),
                                       person_name=f"Delegado {row.seat_key}")
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    deliberation.update_hearing(ctx, hid, discussed_at=time(9, 30), deliberation="Se analiza el estudio.",
                                restoration_measures=restoration or None)
    for voter in views.hearing_detail(ctx, hid).voters:
        if voter.can_vote:
            deliberation.cast_vote(ctx, hid, voter.seat_key, VoteChoice.A_FAVOR)
    return sid, hid


def _open(qtbot, ctx, sid):
    page = SessionPage(ctx, sid)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.show_tab(page.TAB_CASES)
    return page, page.case_tab.decision


def _shown(form) -> set[str]:
    ui = form.ui
    return {name for name, widget in (
        ("matriz", ui.departureEdit), ("cambio", ui.levelChangeEdit), ("emergencia", ui.emergencyCombo),
        ("nota", ui.emergencyNoteEdit), ("fecha", ui.concertationDateEdit), ("con", ui.concertationWithEdit),
    ) if widget.isVisibleTo(form)}


def _add_measure(qtbot, form, name: str) -> None:
    choose(qtbot, form.ui.measureCombo, name)
    _press(form.ui.measureAddButton)


def _reveal(form, widget) -> None:
    """Scroll the case tab so that ``widget`` is on screen (the mouse can reach it)."""
    parent = form.parentWidget()
    while parent is not None and not hasattr(parent, "ensureWidgetVisible"):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget)


def _record(form) -> str:
    _reveal(form, form.ui.recordButton)
    _press(form.ui.recordButton)
    return form.ui.decisionMessage.text()


def test_a_changed_level_outside_the_matrix_for_an_emergency_case_asks_for_its_reasons(admin, qtbot):
    sid, hid = _cerrem(admin, "CERREM_POBLACIONAL", {"radicado": "EMG-1", "route": Route.EMERGENCIA},
                       level=RiskLevel.EXTRAORDINARIO, pct=70.25)
    page, form = _open(qtbot, admin, sid)
    ui = form.ui
    # the GVP's level, inside the matrix band: only the emergency measures are asked for
    assert ui.riskCombo.currentData() == RiskLevel.EXTRAORDINARIO
    assert _shown(form) == {"emergencia", "nota"}
    choose(qtbot, ui.riskCombo, RiskLevel.EXTREMO.label)
    assert _shown(form) == {"matriz", "cambio", "emergencia", "nota"}
    _type_into(qtbot, ui.conceptEdit, "Riesgo grave e inminente.")
    _add_measure(qtbot, form, "Hombre de protección")
    # nothing of the three reasons: refused in Spanish, each named, nothing stored, nothing lost
    message = _record(form)
    assert "registre el motivo por el que el comité se aparta de la matriz" in message
    assert "registre el motivo por el que el comité cambia el nivel" in message
    assert "indique qué pasa con las medidas de emergencia" in message
    assert views.hearing_detail(admin, hid).outcome is None
    assert ui.riskCombo.currentData() == RiskLevel.EXTREMO
    assert ui.conceptEdit.toPlainText() == "Riesgo grave e inminente." and form.measures.rowCount() == 1

    _type_into(qtbot, ui.departureEdit, "La matriz no pondera el atentado del 20 de noviembre.")
    _type_into(qtbot, ui.levelChangeEdit, "Un atentado posterior al estudio.")
    choose(qtbot, ui.emergencyCombo, EmergencyDisposition.REEMPLAZAR.label)
    _type_into(qtbot, ui.emergencyNoteEdit, "Las reemplaza el esquema recomendado.")
    assert "Decisión registrada" in _record(form)
    stored = views.hearing_detail(admin, hid)
    assert stored.adopted and stored.risk_level is RiskLevel.EXTREMO
    assert stored.matrix_departure_reason == "La matriz no pondera el atentado del 20 de noviembre."
    assert stored.level_change_reason == "Un atentado posterior al estudio."
    assert stored.emergency_disposition is EmergencyDisposition.REEMPLAZAR
    assert stored.emergency_note == "Las reemplaza el esquema recomendado."
    assert [m.code for m in stored.measures] == ["hombre_proteccion"]
    # what is stored shows again; back to the GVP's level, the reasons no longer apply but stay
    # in sight (typed), so the refusal to keep them can be acted on
    assert ui.levelChangeEdit.toPlainText() == "Un atentado posterior al estudio."
    choose(qtbot, ui.riskCombo, RiskLevel.EXTRAORDINARIO.label)
    assert {"matriz", "cambio"} <= _shown(form)
    assert "Borre el motivo del cambio de nivel" in _record(form)
    assert views.hearing_detail(admin, hid).risk_level is RiskLevel.EXTREMO
    page.close()


def test_a_case_without_those_facts_is_not_asked_for_them(admin, qtbot):
    sid, hid = _cerrem(admin, "CERREM_POBLACIONAL", {"radicado": "ORD-1"},
                       level=RiskLevel.EXTRAORDINARIO, pct=60.0)
    page, form = _open(qtbot, admin, sid)
    assert _shown(form) == set()
    _add_measure(qtbot, form, "Chaleco blindado")
    assert _shown(form) == set()  # an individual's measures are not concerted
    assert "Decisión registrada" in _record(form)
    stored = views.hearing_detail(admin, hid)
    assert stored.adopted and stored.level_change_reason is None and stored.emergency_disposition is None
    page.close()


def test_a_collectives_new_measures_ask_when_and_with_whom_they_were_concerted(admin, qtbot):
    sid, hid = _cerrem(admin, "CERREM_COLECTIVO", {
        "radicado": "COL-1", "kind": CaseKind.COLECTIVO, "legally_recognised": True,
    }, level=RiskLevel.EXTRAORDINARIO, pct=65.0)
    page, form = _open(qtbot, admin, sid)
    ui = form.ui
    assert _shown(form) == set()  # no measures yet: nothing to concert
    _add_measure(qtbot, form, "Apoyo al fortalecimiento organizativo")
    assert _shown(form) == {"fecha", "con"}
    message = _record(form)
    assert "registre cuándo se concertaron y con quiénes" in message
    assert views.hearing_detail(admin, hid).outcome is None and form.measures.rowCount() == 1

    _reveal(form, ui.concertationDateEdit)
    date_edit = ui.concertationDateEdit
    qtbot.mouseClick(date_edit, Qt.MouseButton.LeftButton, pos=QPoint(6, date_edit.height() // 2))
    assert date_edit.date().toPython() == DAY  # starts at the session's day, to be corrected
    qtbot.wait(20)
    QTest.keyClicks(date_edit, "15")
    assert ui.concertationDateEdit.date().toPython() == date(2026, 11, 15)
    _type_into(qtbot, ui.concertationWithEdit, "Junta directiva del colectivo y la Dirección de DDHH")
    assert "Decisión registrada" in _record(form)
    stored = views.hearing_detail(admin, hid)
    assert stored.concertation_on == date(2026, 11, 15)
    assert stored.concertation_with == "Junta directiva del colectivo y la Dirección de DDHH"
    page.close()


def test_a_restoration_measure_is_recommended_to_the_entity_typed_in_its_cell(admin, qtbot):
    sid, hid = _cerrem(admin, "CERREM_UP_PCC", {"radicado": "UP-1", "up_pcc_member": True,
                                                 "population_code": "politicos"},
                       level=RiskLevel.EXTRAORDINARIO, pct=65.0, restoration=True)
    page, form = _open(qtbot, admin, sid)
    table = form.ui.measuresTable
    _add_measure(qtbot, form, "Medio de comunicación")
    _add_measure(qtbot, form, "Atención psicosocial (restablecimiento)")
    model = table.model()
    # a UNP measure has no competent entity: its cell does not edit
    assert not model.flags(model.index(0, MEASURE_ENTITY)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, MEASURE_ENTITY).data() == "—"
    message = _record(form)
    assert "indique a qué ministerio, departamento o unidad se recomienda" in message
    assert views.hearing_detail(admin, hid).outcome is None and form.measures.rowCount() == 2

    index = model.index(1, MEASURE_ENTITY)
    table.scrollTo(index)
    _reveal(form, table)
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    [editor] = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    _keys(editor, "Ministerio de Salud y Protección Social")
    # a click on another cell ends the editing and keeps what was typed
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(0, 0)).center())
    assert model.index(1, MEASURE_ENTITY).data() == "Ministerio de Salud y Protección Social"
    assert "Decisión registrada" in _record(form)
    stored = views.hearing_detail(admin, hid)
    assert [(m.code, m.competent_entity) for m in stored.measures] == [
        ("medio_comunicacion", None), ("atencion_psicosocial", "Ministerio de Salud y Protección Social")]
    page.close()


def test_the_facts_typed_stay_with_their_case_as_a_draft(admin, qtbot):
    sid, hid = _cerrem(admin, "CERREM_POBLACIONAL", {"radicado": "EMG-2", "route": Route.EMERGENCIA},
                       level=RiskLevel.EXTRAORDINARIO, pct=70.25)
    other = cases.create_case(admin, CaseInput(radicado="ORD-2", kind=CaseKind.INDIVIDUAL, beneficiary_name="Otra",
                                               document_number="99887766", population_code="ddhh_sociales")).created_id
    sessions.add_case(admin, sid, other, proposal_level=RiskLevel.EXTRAORDINARIO, proposal_pct=60.0)
    page, form = _open(qtbot, admin, sid)
    tab = page.case_tab
    choose(qtbot, form.ui.riskCombo, RiskLevel.EXTREMO.label)
    _type_into(qtbot, form.ui.levelChangeEdit, "Hechos nuevos.")
    choose(qtbot, form.ui.emergencyCombo, EmergencyDisposition.MANTENER.label)
    assert form.form_state().level_change_reason == "Hechos nuevos."
    assert form.decision_input().emergency_disposition is EmergencyDisposition.MANTENER
    tab.step(+1)
    assert form.ui.levelChangeEdit.toPlainText() == "" and _shown(form) == set()
    tab.step(-1)  # back: the facts typed are there, shown, and still not registered
    assert form.ui.levelChangeEdit.toPlainText() == "Hechos nuevos."
    assert form.ui.emergencyCombo.currentData() == EmergencyDisposition.MANTENER
    assert {"cambio", "emergencia"} <= _shown(form) and form.dirty()
    assert views.hearing_detail(admin, hid).outcome is None
    page.close()
