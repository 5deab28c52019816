"""The acta's version labels come from one place (issue #15, item 3): after «Enviar a revisión»
the versions table, the preview's «BORRADOR · Versión N» and the line under it name the same
version; an observation does not change that; after approval the preview is the final acta."""

from __future__ import annotations

import io

from pypdf import PdfReader

from comite.domain import ReviewAnswer, ReviewChannel, ReviewDelivery, SessionStatus
from comite.services import review, review_rounds
from tests.db.review_helpers import closed_cerrem_session
from tests.gui.test_review_panel import _open, _press


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _shown(qtbot, tab) -> str:
    _press(tab.ui.refreshButton)  # «Actualizar vista previa»
    qtbot.waitUntil(lambda: tab.in_view is not None and not tab.dirty)
    return _text(tab.preview_pdf)


def test_version_labels_agree_through_review_observation_and_approval(admin, qtbot, tmp_path, confirm_answers):
    rev = closed_cerrem_session(admin)
    page = _open(qtbot, admin, rev.session_id)
    page.show_tab(page.TAB_ACTA)
    tab = page.acta_tab
    text = _shown(qtbot, tab)
    assert "BORRADOR · Versión 1" in text and "será la versión 1" in tab.ui.previewStatus.text()

    tab.review_panel.choose_send = lambda: (tmp_path / "paquete", ReviewDelivery.ARCHIVOS)
    _press(tab.ui.draftButton)  # «Enviar a revisión»
    assert page.header.status is SessionStatus.ACTA_EN_REVISION
    assert [tab.versions.row(r).version for r in range(tab.versions.rowCount())] == [1]
    text = _shown(qtbot, tab)
    assert "BORRADOR · Versión 1" in text and "Versión 2" not in text
    assert tab.ui.previewStatus.text().startswith("Borrador en revisión · versión 1")

    review.record_observation(admin, rev.session_id, "Corregir el nombre del comité.", entity=rev.with_email[0],
                              reviewer="Delegado", channel=ReviewChannel.TELEFONO)
    text = _shown(qtbot, tab)
    assert "BORRADOR · Versión 1" in text and tab.ui.previewStatus.text().startswith("Borrador en revisión · versión 1")
    for o in review_rounds.review_status(admin, rev.session_id).observations:
        review.answer_observation(admin, o.id, ReviewAnswer.ACEPTADA)

    _press(page.ui.approveButton)
    assert page.header.status is SessionStatus.ACTA_APROBADA
    versions = [(tab.versions.row(r).version, tab.versions.row(r).kind) for r in range(tab.versions.rowCount())]
    assert versions[-1][0] == 2 and versions[-1][1].value == "final"
    text = _shown(qtbot, tab)
    assert "BORRADOR" not in text and "documento en revisión" not in text
    assert tab.ui.previewStatus.text().startswith("Acta final · versión 2")
