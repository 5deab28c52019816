"""Actions fitted to the role (issue #15, item 7): what a role may not do is disabled with a tooltip
saying why, for the administrator, the secretariat and the revisor; and a refusal the rules know
beforehand (observations of the review not answered) comes instead of the confirmation."""

from __future__ import annotations

from datetime import time

import pytest

from comite.domain import ReviewChannel, ReviewDelivery, Role, SessionStatus
from comite.services import accounts, acta, review, sessions
from comite.services.context import ServiceContext
from tests.conftest import make_user
from tests.gui.test_session_page import _open, _session


def _ctx_of(admin, username: str, role: Role) -> ServiceContext:
    password = make_user(admin, username, role, committees=("GVP",))
    return ServiceContext(admin.db, accounts.login(admin.db, username, password).actor, today=admin.today)


@pytest.mark.parametrize("role", [Role.ADMINISTRADOR, Role.SECRETARIA, Role.REVISOR])
def test_session_actions_follow_the_role(admin, qtbot, role):
    sid, _ = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    sessions.update_session(admin, sid, end=time(11, 0))
    sessions.set_status(admin, sid, SessionStatus.CERRADA)
    ctx = admin if role is Role.ADMINISTRADOR else _ctx_of(admin, f"u_{role.value}", role)
    page = _open(qtbot, ctx, sid)
    page.show_tab(page.TAB_ACTA)
    tab = page.acta_tab
    buttons = (page.ui.startButton, page.ui.reviewButton, page.ui.approveButton, tab.ui.draftButton,
               tab.ui.approveButton, tab.ui.resolutionsButton)
    if role is Role.REVISOR:
        for button in buttons:
            assert not button.isEnabled(), button.objectName()
            assert "(revisor) no puede" in button.toolTip(), button.toolTip()
        assert page.attendance_tab.model.read_only and not page.editable
        assert "solo para consulta" in page.ui.messageLabel.text()
        assert tab.ui.exportButton.isEnabled()  # reading the acta is every role's
    else:
        for button in buttons:
            assert button.isEnabled(), button.objectName()
            assert "no puede" not in button.toolTip()
        assert page.editable and not page.attendance_tab.model.read_only


def test_pending_observations_are_said_before_the_confirmation(admin, qtbot, tmp_path, confirm_answers):
    sid, _ = _session(admin)
    sessions.set_status(admin, sid, SessionStatus.EN_CURSO)
    sessions.update_session(admin, sid, end=time(11, 0))
    sessions.set_status(admin, sid, SessionStatus.CERRADA)
    page = _open(qtbot, admin, sid)
    page.show_tab(page.TAB_ACTA)
    tab = page.acta_tab
    tab.review_panel.choose_send = lambda: (tmp_path / "paquete", ReviewDelivery.ARCHIVOS)
    page.ui.reviewButton.click()
    assert page.header.status is SessionStatus.ACTA_EN_REVISION
    entity = page.attendance[0].entity
    review.record_observation(admin, sid, "Falta una firma.", entity=entity, reviewer="Delegada",
                              channel=ReviewChannel.TELEFONO)
    asked = len(confirm_answers.asked)
    page.ui.approveButton.click()
    assert len(confirm_answers.asked) == asked  # no confirmation asked for what would be refused
    assert "sin atender" in tab.ui.resultLabel.text()
    assert page.header.status is SessionStatus.ACTA_EN_REVISION
    assert [v.kind.value for v in acta.acta_versions(admin, sid)] == ["borrador"]
