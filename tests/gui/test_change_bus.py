"""One route for changes: every page hears every change (local or from another window or
desktop), refreshes only for what it shows, and a hidden page or tab catches up when shown.

The counts here are of real work: statements sent to the database (``tests/statements.py``)
and calls of the services that fill each list. A vote is shown from what the vote service
returned (its tally included) and reads nothing more.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from comite.domain import AttendanceStatus, SessionStatus, VoteChoice
from comite.gui.bus import REMOTE, ChangeBus, Pending, merged
from comite.services import accounts, attendance, cases, catalog_admin, dashboard, deliberation, sessions, views
from comite.services.bootstrap import open_database
from comite.services.context import Changes, ServiceContext
from tests.conftest import ADMIN, ADMIN_PASSWORD
from tests.db.helpers import new_case
from tests.gui.conftest import open_window
from tests.statements import count_statements

DAY = date(2026, 11, 24)


def _session(ctx, radicados=("BUS-001", "BUS-002"), day=DAY) -> tuple[int, list[int]]:
    sid = sessions.create_session(ctx, "GVP", day, start=time(9, 0)).session_id
    hearings = [sessions.add_case(ctx, sid, new_case(ctx, r)).created_id for r in radicados]
    for row in views.attendance_rows(ctx, sid):
        if row.rights.value == "voz_y_voto" and row.condition is None:
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE, arrival=time(9, 0),
                                       person_name=f"Titular {row.seat_key}")
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    for hid in hearings:
        deliberation.update_hearing(ctx, hid, discussed_at=time(9, 30))
    return sid, hearings


def _voting_keys(page) -> list[str]:
    return [v.seat_key for v in page.case_tab.votes.model.rows() if v.can_vote]


def _vote_by_key(qtbot, page, seat_key: str, key=Qt.Key.Key_1) -> None:
    """As a secretary votes: the seat's row in the grid, then 1 (a favor), 2 or 3."""
    tab = page.case_tab
    tab.votes.select_voter(seat_key)
    tab.votes.ui.votersTable.setFocus()
    QTest.keyClick(tab.votes.ui.votersTable, key)


@pytest.fixture
def calls(monkeypatch):
    """How many times each list- or case-filling service was called (by the session it names)."""
    counted: Counter = Counter()

    def spy(module, name, key=lambda *a, **k: None):
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            counted[(name, key(*args, **kwargs))] += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    spy(sessions, "list_sessions")
    spy(dashboard, "dashboard")
    spy(cases, "find_cases")
    spy(views, "agenda_rows", lambda ctx, sid: sid)
    spy(views, "attendance_rows", lambda ctx, sid: sid)
    spy(views, "session_header", lambda ctx, sid: sid)
    spy(views, "hearing_detail", lambda ctx, hid: (id(ctx.db), hid))
    return counted


# --- one vote -------------------------------------------------------------------------------------

def test_a_vote_shows_the_services_tally_and_reads_nothing_more(admin, qtbot, monkeypatch, calls):
    sid, hearings = _session(admin)
    window = open_window(qtbot, admin)
    window.show_page("sesiones")  # the sessions list is loaded: a vote must not reload it
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    tab = page.case_tab
    key = _voting_keys(page)[0]
    returned = {}
    service = deliberation.cast_vote

    def cast(*args, **kwargs):
        with count_statements(admin.db.engine) as counted:
            returned["result"] = service(*args, **kwargs)
        returned["statements"] = counted
        return returned["result"]

    monkeypatch.setattr(deliberation, "cast_vote", cast)
    calls.clear()
    with count_statements(admin.db.engine) as everything:
        _vote_by_key(qtbot, page, key)

    service_side = returned["statements"].total
    refresh_side = everything.total - service_side
    print(f"\none vote: {service_side} statements in the service, {refresh_side} to show it")
    assert refresh_side == 0, str(everything)
    assert service_side <= 10, str(returned["statements"])  # #18: reads batched, the audit appended in 3
    assert sum(calls.values()) == 0  # no list, no page data, no case read again
    result = returned["result"]
    assert tab.detail.tally is result.tally  # the tally shown is the one the service computed
    assert tab.detail.tally == views.hearing_detail(admin, hearings[0]).tally  # and it is the stored one
    assert "1 a favor" in tab.votes.ui.tallyLabel.text()
    assert tab.votes.model.row(tab.votes.model.find_key(key)).choice is VoteChoice.A_FAVOR
    # undo is a vote too: withdrawn, and its tally is the service's as well
    calls.clear()
    with count_statements(admin.db.engine) as undone:
        window.undo_action.trigger()
    assert sum(calls.values()) == 0, calls
    assert undone.total <= 10, str(undone)  # the withdrawal itself, nothing read to show it
    assert "0 a favor" in tab.votes.ui.tallyLabel.text()
    assert tab.votes.model.row(tab.votes.model.find_key(key)).choice is None
    assert views.hearing_detail(admin, hearings[0]).tally == tab.detail.tally


# --- each page refreshes for what it shows ----------------------------------------------------------

def test_each_page_refreshes_only_for_what_it_shows(admin, qtbot, calls):
    sid, hearings = _session(admin)
    other_sid, _ = _session(admin, ("BUS-101",), day=date(2026, 11, 25))
    window = open_window(qtbot, admin)
    window.show_page("sesiones")
    other = window.open_session(other_sid)  # open, then hidden behind the first one
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    assert not other.isVisible()
    calls.clear()

    _vote_by_key(qtbot, page, _voting_keys(page)[0])  # a vote: nothing any list shows
    attendance = page.tab(page.TAB_ATTENDANCE)  # built now, but not the tab in view
    page.show_tab(page.TAB_CASES)
    calls.clear()
    row = next(r for r in page.attendance if r.rights.value == "solo_voz")
    assert attendance.edit(row, "status", AttendanceStatus.PRESENTE)  # attendance: no list shows it either
    assert calls[("list_sessions", None)] == 0 and calls[("dashboard", None)] == 0
    assert calls[("agenda_rows", other_sid)] == 0 and calls[("attendance_rows", other_sid)] == 0
    assert calls[("attendance_rows", sid)] == 1

    # the session's status is on the list: it reloads, but only when shown again
    page.data_tab.ui.endEdit.setText("12:00")
    page.data_tab.ui.endEdit.setModified(True)
    page.data_tab.ui.endEdit.editingFinished.emit()
    page.close_session()
    assert page.header.status is SessionStatus.CERRADA
    assert calls[("list_sessions", None)] == 0  # hidden behind the session page
    assert calls[("agenda_rows", other_sid)] == 0  # another session's page does not care
    window.show_page("sesiones")
    assert calls[("list_sessions", None)] == 1
    status = window.sessions_model.row(window.sessions_model.find_id(sid)).status
    assert status is SessionStatus.CERRADA
    # the start page lists actas in review and overdue commitments: a session's state concerns it,
    # so it reads its lists when shown -- once -- and not again on the next visit
    window.show_page("inicio")
    qtbot.waitUntil(lambda: calls[("dashboard", None)] >= 1)
    assert calls[("dashboard", None)] == 1, calls
    window.show_page("sesiones")  # nothing changed meanwhile: neither is read again
    window.show_page("inicio")
    qtbot.wait(50)  # the start page reads after its first paint (a zero timer): give it the chance
    assert calls[("list_sessions", None)] == 1 and calls[("dashboard", None)] == 1


def test_a_hidden_tab_and_a_hidden_page_catch_up_when_shown(admin, qtbot, db_url, calls):
    sid, hearings = _session(admin)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    page.tab(page.TAB_ATTENDANCE)
    page.show_tab(page.TAB_CASES)
    row = next(r for r in page.attendance if r.rights.value == "solo_voz")
    changed = attendance.set_attendance(admin, row.id, status=AttendanceStatus.PRESENTE, person_name="Nueva")
    # as it arrives from another desktop: the page re-reads the attendance, the hidden tab waits
    window.bus.publish(changed, REMOTE)
    model = page.attendance_tab.model
    assert model.row(model.find_key(row.id)).person_name != "Nueva"
    page.show_tab(page.TAB_ATTENDANCE)
    assert model.row(model.find_key(row.id)).person_name == "Nueva"

    window.show_page("inicio")  # the whole page hidden: nothing is read for it until shown
    calls.clear()
    window.bus.publish(deliberation.update_hearing(admin, hearings[1], deliberation="Dicho en otro equipo"), REMOTE)
    assert calls[("agenda_rows", sid)] == 0 and calls[("hearing_detail", (id(admin.db), hearings[1]))] == 0
    window.open_session(sid)
    assert calls[("agenda_rows", sid)] == 1


# --- two windows of one account -----------------------------------------------------------------

def _second_window(qtbot, db_url):
    """The same account in another window, with its own connection to the same file."""
    db = open_database(db_url)
    ctx = ServiceContext(db, accounts.login(db, ADMIN, ADMIN_PASSWORD).actor, today=lambda: date(2026, 11, 23))
    return open_window(qtbot, ctx), db


def test_a_vote_in_one_window_appears_in_the_other_window_of_the_same_account(admin, qtbot, db_url, calls):
    sid, hearings = _session(admin)
    first = open_window(qtbot, admin)
    second, second_db = _second_window(qtbot, db_url)
    try:
        assert first.db.origin != second.db.origin
        pages = [w.open_session(sid) for w in (first, second)]
        for p in pages:
            p.show_tab(p.TAB_CASES)
        assert first.live.wait_ready() and second.live.wait_ready()
        key = _voting_keys(pages[0])[0]
        there = pages[1].case_tab
        calls.clear()

        with qtbot.waitSignal(first.live.arrived, timeout=5000):  # the first window hears its own entry...
            _vote_by_key(qtbot, pages[0], key, Qt.Key.Key_2)
        qtbot.waitUntil(lambda: there.votes.model.row(there.votes.model.find_key(key)).choice
                        is VoteChoice.EN_CONTRA, timeout=1000)  # ...the other shows the vote within a second
        assert calls[("hearing_detail", (id(admin.db), hearings[0]))] == 0  # ...and skips it by origin
        assert "1 en contra" in there.votes.ui.tallyLabel.text()
        assert there.detail.tally == views.hearing_detail(admin, hearings[0]).tally
        assert "«admin»" in second.statusBar().currentMessage()

        # and back: what the second window records, the first shows
        other_key = _voting_keys(pages[1])[1]
        _vote_by_key(qtbot, pages[1], other_key, Qt.Key.Key_3)
        here = pages[0].case_tab
        qtbot.waitUntil(lambda: here.votes.model.row(here.votes.model.find_key(other_key)).choice
                        is VoteChoice.ABSTENCION, timeout=1000)
    finally:
        second.close()
        second_db.dispose()


# --- the catalogue and the cases reach the views that show them ------------------------------------

def test_a_case_edited_elsewhere_reaches_the_registry_and_the_agenda(admin, qtbot, db_url):
    sid, hearings = _session(admin)
    case_id = page_case = None
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    page.show_tab(page.TAB_AGENDA)
    page_case = next(r for r in page.agenda if r.radicado == "BUS-001")
    case_id = page_case.case_id
    window.open_case(case_id)  # the registry shows the case
    assert window.live.wait_ready()
    assert window.registry_page.selected_case().displaced is False
    other_db = open_database(db_url)
    try:
        other = ServiceContext(other_db, accounts.login(other_db, ADMIN, ADMIN_PASSWORD).actor)
        changed = cases.update_case(other, case_id, displaced=True)
        assert changed.case_id == case_id
    finally:
        other_db.dispose()
    qtbot.waitUntil(lambda: window.registry_page.selected_case().displaced is True, timeout=5000)
    window.open_session(sid)  # the agenda, hidden meanwhile, shows it when shown
    assert next(r for r in page.agenda_tab.model.rows() if r.case_id == case_id).displaced is True


def test_a_catalogue_import_reaches_an_open_session_convened_under_it(admin, qtbot, db_url, tmp_path):
    from tests.unit.test_catalog import GVP_2030

    scheduled = sessions.create_session(admin, "GVP", date(2030, 2, 3)).session_id
    window = open_window(qtbot, admin)
    page = window.open_session(scheduled)
    page.show_tab(page.TAB_ATTENDANCE)
    assert window.live.wait_ready()
    before = {r.seat_key for r in page.attendance_tab.model.rows()}
    folder = tmp_path / "decreto"
    folder.mkdir()
    (folder / "GVP_2030.toml").write_text(GVP_2030, encoding="utf-8")
    other_db = open_database(db_url)
    try:
        other = ServiceContext(other_db, accounts.login(other_db, ADMIN, ADMIN_PASSWORD).actor)
        catalog_admin.import_compositions(other, folder)
    finally:
        other_db.dispose()
    qtbot.waitUntil(lambda: {r.seat_key for r in page.attendance_tab.model.rows()} == {"mindefensa", "unp"},
                    timeout=5000)
    assert before != {"mindefensa", "unp"}
    assert page.header.composition_version != ""


# --- the bus itself ----------------------------------------------------------------------------------

def test_the_bus_keeps_what_a_hidden_view_must_catch_up_on(qtbot):
    bus = ChangeBus()
    heard = []
    bus.changes_applied.connect(lambda changes, initiator: heard.append((changes, initiator)))
    bus.publish(Changes(), REMOTE)  # nothing changed: nobody is bothered
    bus.publish(Changes(votes=True, session_id=1, case_id=2), "grid")
    assert heard == [(Changes(votes=True, session_id=1, case_id=2), "grid")]
    pending = Pending()
    assert not pending
    pending.add(Changes(votes=True, session_id=1, case_id=2, message="Voto registrado."))
    pending.add(Changes(attendance=True, session_id=1, case_id=3))
    caught_up = pending.take()
    assert caught_up == Changes(votes=True, attendance=True, session_id=1, case_id=None)
    assert not pending and pending.take() is None
    assert merged(Changes(agenda=True, session_id=1), Changes(acta=True, session_id=2)).session_id is None
