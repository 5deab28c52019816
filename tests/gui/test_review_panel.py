"""The Acta tab's «Revisión de los delegados» by mouse (issue #19): the package sent from
its dialog, the tracking per delegate, an observation typed in from a phone call, a
delegate without observations, and answers given in the answer dialog opened by a
double click, with its radio buttons, its reason box and its button."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from comite.domain import ReviewAnswer, ReviewChannel, SessionStatus
from comite.gui import dialogs
from comite.gui.session_page import SessionPage
from comite.services import review, review_rounds, review_smtp
from comite.services.context import ServiceContext
from tests.db.review_helpers import Comment, annotate, closed_cerrem_session


@pytest.fixture(autouse=True)
def _confirm(monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)


def _open(qtbot, ctx, sid) -> SessionPage:
    page = SessionPage(ctx, sid)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.show_tab(page.TAB_ACTA)
    page.acta_tab.ui.viewTabs.setCurrentWidget(page.acta_tab.ui.reviewPage)
    return page


def _click_row(view, row: int, column: int = 0, double: bool = False) -> None:
    rect = view.visualRect(view.model().index(row, column))
    view.scrollTo(view.model().index(row, column))
    rect = view.visualRect(view.model().index(row, column))
    click = QTest.mouseDClick if double else QTest.mouseClick
    if double:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    click(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _keys(widget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events (QTest.keyClicks aborts on some characters)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _press(button) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def _choose(radio) -> None:
    """Click a radio button on its indicator (a wide row's middle is outside its text)."""
    QTest.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _row_of(view, predicate) -> int:
    model = view.model()
    for r in range(model.rowCount()):
        if predicate(model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)):
            return r
    raise AssertionError("fila no encontrada")


def test_sending_tracking_and_answering_by_mouse(admin, qtbot, tmp_path):
    rev = closed_cerrem_session(admin)
    page = _open(qtbot, admin, rev.session_id)
    panel = page.acta_tab.review_panel
    assert "no se ha enviado a revisión" in panel.ui.summaryLabel.text()
    assert not panel.ui.importButton.isEnabled() and panel.delegates.rowCount() == 0

    # «Enviar a revisión» (the tab's button) opens the package dialog; the folder is typed, then Enviar.
    opened = []
    panel.dialog_opened.connect(opened.append)
    _press(page.acta_tab.ui.draftButton)
    send = opened[-1]
    assert "Sin correo registrado (1)" in send.ui.infoLabel.text()
    send.ui.folderEdit.clear()
    _keys(send.ui.folderEdit, str(tmp_path / "paquete"))
    _press(send.ok_button)
    assert page.header.status is SessionStatus.ACTA_EN_REVISION
    assert len(list((tmp_path / "paquete").glob("*.eml"))) == len(rev.with_email)
    assert "término: 30/11/2026" in panel.ui.summaryLabel.text()
    assert panel.delegates.rowCount() == len(rev.with_email) + len(rev.without_email)
    states = [panel.delegates.index(r, 2).data() for r in range(panel.delegates.rowCount())]
    assert states.count("Pendiente") == len(rev.with_email) and "Sin correo: enviar por otro medio" in states

    # A delegate sends a PDF with a note: imported for the delegate selected in the table.
    first = rev.with_email[0]
    _click_row(panel.ui.delegatesTable, _row_of(panel.ui.delegatesTable, lambda d: d.entity == first))
    pdf = next((tmp_path / "paquete").glob("*.pdf")).read_bytes()
    returned = tmp_path / "devuelto.pdf"
    returned.write_bytes(annotate(pdf, [Comment("text", 1, 600, "Revisar el nombre del comité.")]))
    panel.choose_pdf = lambda: returned
    _press(panel.ui.importButton)
    dialog = opened[-1]
    assert dialog.ui.entityEdit.text() == first and dialog.ui.entityEdit.isReadOnly()
    _press(dialog.ok_button)
    assert "1 observación(es) nueva(s)" in panel.ui.resultLabel.text()

    # A phone call from another delegate, typed in through the dialog.
    second = rev.with_email[1]
    _click_row(panel.ui.delegatesTable, _row_of(panel.ui.delegatesTable, lambda d: d.entity == second))
    _press(panel.ui.observationButton)
    dialog = opened[-1]
    dialog.ui.channelCombo.setCurrentIndex(dialog.ui.channelCombo.findData(ReviewChannel.TELEFONO.value))
    _keys(dialog.ui.sectionEdit, "5.1")
    dialog.ui.paragraphSpin.setValue(2)
    _press(dialog.ok_button)  # no text yet: refused inline, the dialog stays open
    assert dialog.isVisible() and "Escriba la observación" in dialog.ui.errorLabel.text()
    dialog.ui.textEdit.setFocus()
    _keys(dialog.ui.textEdit, "Falta la recomendación del Ministerio.")
    _press(dialog.ok_button)
    assert not dialog.isVisible()
    assert panel.observations.rowCount() == 2

    # A third delegate answers without observations.
    third = rev.with_email[2]
    _click_row(panel.ui.delegatesTable, _row_of(panel.ui.delegatesTable, lambda d: d.entity == third))
    _press(panel.ui.noneButton)
    assert "respondió sin observaciones" in panel.ui.resultLabel.text()

    # Answer the phone observation: double click opens the dialog; «No aceptada» needs a reason.
    row = _row_of(panel.ui.observationsTable, lambda o: o.channel is ReviewChannel.TELEFONO)
    _click_row(panel.ui.observationsTable, row, column=2, double=True)
    answer = opened[-1]
    assert answer.windowTitle() == "Responder la observación" and answer.ui.pendingRadio.isChecked()
    _choose(answer.ui.refusedRadio)
    assert answer.ui.refusedRadio.isChecked()
    _press(answer.ok_button)
    assert answer.isVisible() and "motivo" in answer.ui.errorLabel.text()
    answer.ui.reasonEdit.setFocus()
    _keys(answer.ui.reasonEdit, "La recomendación consta en el numeral 5.1, párrafo 4.")
    _press(answer.ok_button)
    assert not answer.isVisible()
    rows = {o.channel: o for o in review_rounds.review_status(admin, rev.session_id).observations}
    assert rows[ReviewChannel.TELEFONO].answer is ReviewAnswer.NO_ACEPTADA
    assert rows[ReviewChannel.TELEFONO].reason.startswith("La recomendación consta")
    shown = _row_of(panel.ui.observationsTable, lambda o: o.channel is ReviewChannel.TELEFONO)
    assert panel.ui.observationsTable.model().index(shown, 3).data() == "No aceptada"

    # The PDF comment is accepted with the button.
    table = panel.ui.observationsTable
    _click_row(table, _row_of(table, lambda o: o.channel is ReviewChannel.PDF))
    _press(panel.ui.answerButton)
    answer = opened[-1]
    _choose(answer.ui.acceptedRadio)
    _press(answer.ok_button)
    assert all(o.answer for o in review_rounds.review_status(admin, rev.session_id).observations)

    answered = {panel.delegates.index(r, 0).data(): panel.delegates.index(r, 2).data()
                for r in range(panel.delegates.rowCount())}
    assert answered[first] == "Respondió con 1 observación(es)"
    assert answered[third] == "Respondió sin observaciones"


def test_the_term_passing_is_recorded_when_the_panel_is_shown(admin, qtbot, tmp_path):
    rev = closed_cerrem_session(admin)
    review.send_for_review(admin, rev.session_id, tmp_path)
    later = ServiceContext(admin.db, admin.actor, today=lambda: date(2026, 12, 2))
    page = _open(qtbot, later, rev.session_id)
    panel = page.acta_tab.review_panel
    assert "aceptación tácita registrada" in panel.ui.resultLabel.text()
    states = {panel.delegates.index(r, 2).data() for r in range(panel.delegates.rowCount())}
    assert "Término vencido: aceptación tácita" in states and "Pendiente" not in states


def test_an_administrator_sets_the_term_the_rule_and_the_mail_server(admin, qtbot, monkeypatch):
    from comite.domain import LapseRule
    from comite.gui import review_settings
    from comite.gui.document_settings import DocumentSettingsDialog
    from comite.storage.secrets import MemorySecretStore

    store = MemorySecretStore()
    monkeypatch.setattr(review_settings, "default_secret_store", lambda: store)
    documents = DocumentSettingsDialog(admin)
    qtbot.addWidget(documents)
    documents.show()
    _press(documents.review_button)
    dialog = documents.review_dialog
    assert dialog.isVisible() and dialog.days["GVP"].value() == 5
    dialog.days["CERREM_POBLACIONAL"].setValue(8)
    combo = dialog.rules["CERREM_POBLACIONAL"]
    combo.setCurrentIndex(combo.findData(LapseRule.NINGUNA.value))
    _keys(dialog.ui.hostEdit, "correo.unp.gov.co")
    _keys(dialog.ui.userEdit, "secretaria.cerrem")
    _keys(dialog.ui.passwordEdit, "clave-del-servidor")
    _press(dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save))
    assert not dialog.isVisible()
    settings = review_rounds.review_settings(admin)
    assert settings["CERREM_POBLACIONAL"] == review_rounds.ReviewSettings(8, LapseRule.NINGUNA)
    assert settings["GVP"] == review_rounds.ReviewSettings()
    smtp = review_smtp.smtp_settings(admin)
    assert (smtp.host, smtp.port, smtp.username, smtp.security) == ("correo.unp.gov.co", 587, "secretaria.cerrem",
                                                                    "starttls")
    assert store.get(smtp.secret_name) == "clave-del-servidor"


def test_the_versions_of_the_acta_fit_their_pane_at_1280x800(admin, qtbot):
    """«Versiones del acta» beside the preview shows every column without scrolling sideways."""
    from comite.services import acta

    rev = closed_cerrem_session(admin)
    acta.issue_draft(admin, rev.session_id)
    acta.issue_draft(admin, rev.session_id)
    page = _open(qtbot, admin, rev.session_id)
    page.acta_tab.ui.viewTabs.setCurrentWidget(page.acta_tab.ui.previewPage)
    view = page.acta_tab.ui.versionsTable
    qtbot.waitUntil(lambda: view.model().rowCount() == 2)
    QApplication.processEvents()
    header = view.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert used <= view.viewport().width(), (used, view.viewport().width())
    assert not view.horizontalScrollBar().isVisible()
    for column in range(header.count()):  # no column is cut to nothing
        assert header.sectionSize(column) >= 40, (column, header.sectionSize(column))
    assert header.sectionSize(2) >= view.sizeHintForColumn(2)  # the date and time are read whole
