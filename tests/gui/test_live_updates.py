"""Two desktops on one database: what one records appears on the other's open session
without anyone pressing anything, and what the watcher is typing is kept."""

from __future__ import annotations

from datetime import date, time

from comite.domain import AttendanceStatus, Role, SessionStatus, VoteChoice
from comite.gui.live import changes_from_events
from comite.services import accounts, attendance, deliberation, sessions, views
from comite.services.bootstrap import open_database
from comite.services.context import ServiceContext
from comite.services.feed import ChangeEvent
from tests.conftest import make_user
from tests.db.helpers import new_case
from tests.gui.conftest import open_window


def _session_with_case(ctx):
    sid = sessions.create_session(ctx, "GVP", date(2026, 11, 24), start=time(9, 0)).session_id
    hid = sessions.add_case(ctx, sid, new_case(ctx, "VIVO-001")).created_id
    for row in views.attendance_rows(ctx, sid):
        if row.rights.value == "voz_y_voto" and row.condition is None:
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE, arrival=time(9, 0),
                                       person_name=f"Titular {row.seat_key}")
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    deliberation.update_hearing(ctx, hid, discussed_at=time(9, 30))
    return sid, hid


def test_another_desktops_vote_and_attendance_appear_on_the_open_session(admin, qtbot, db_url):
    sid, hid = _session_with_case(admin)
    window = open_window(qtbot, admin)
    page = window.open_session(sid)
    page.show_tab(page.TAB_CASES)
    assert window.live.wait_ready()
    page.case_tab.deliberation.ui.deliberationEdit.setPlainText("Lo que escribe quien mira")  # typed, not yet saved

    make_user(admin, "ana", Role.SECRETARIA, committees=["GVP"])
    other_db = open_database(db_url)  # the other desktop: its own connection, its own login
    try:
        other = ServiceContext(other_db, accounts.login(other_db, "ana", "Otra-clave-segura-1").actor)
        seat = views.hearing_detail(other, hid).voters[0]
        deliberation.cast_vote(other, hid, seat.seat_key, VoteChoice.EN_CONTRA)
        absent = next(r for r in views.attendance_rows(other, sid) if r.rights.value == "solo_voz")
        attendance.set_attendance(other, absent.id, status=AttendanceStatus.PRESENTE, person_name="Delegada nueva")
    finally:
        other_db.dispose()

    def shown() -> bool:
        detail = page.case_tab.detail
        votes = {v.seat_key: v.choice for v in detail.voters}
        names = {r.id: r.person_name for r in page.attendance}
        return votes.get(seat.seat_key) is VoteChoice.EN_CONTRA and names.get(absent.id) == "Delegada nueva"

    qtbot.waitUntil(shown, timeout=5000)
    assert "«ana»" in window.statusBar().currentMessage()
    assert page.case_tab.deliberation.ui.deliberationEdit.toPlainText() == "Lo que escribe quien mira"  # kept


def test_own_entries_are_skipped_by_origin_and_reads_reload_nothing():
    def event(action, username, entity="sesion", entity_id=7, origin="otra", case_id=None):
        return ChangeEvent(1, action, entity, entity_id, case_id, username, None, origin)

    changes, who = changes_from_events([
        event("voto", "yo", origin="esta"),       # written by this client itself
        event("acta_leida", "ana"),               # a read changes nothing on screen
        event("lectura_reservada", "ana", "caso", 3),
        event("asistencia", "ana"),
        event("voto", "yo", case_id=4),           # the same account, another window or desktop
        event("compromiso_estado", "beto", "compromiso", 2),
        event("login", "carla", "usuario", 5, origin=None),  # a program older than the origin column
    ], "esta")
    by_place = {(c.session_id, c.case_id): c for c in changes}
    assert set(by_place) == {(7, None), (7, 4), (None, None)}
    assert by_place[7, None].attendance and not by_place[7, None].votes
    assert by_place[7, 4].votes and not by_place[7, 4].attendance
    assert by_place[None, None].commitments and by_place[None, None].users
    assert who == {"ana", "yo", "beto", "carla"}


def test_when_others_changes_cannot_be_read_the_window_says_so(admin, qtbot):
    window = open_window(qtbot, admin)
    window.live.trouble.emit("No se pudieron leer los cambios recientes; se perdió la conexión.")
    assert "se perdió la conexión" in window.statusBar().currentMessage()
    assert "al recuperarla" in window.statusBar().currentMessage()
