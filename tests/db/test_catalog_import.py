"""An administrator loads a new composition (a decree changed a committee): sessions
already scheduled after its date are convened under it unless their attendance was
already recorded, older sessions keep theirs, and the act is audited."""

from __future__ import annotations

from datetime import date

import pytest

from comite.domain import AttendanceStatus, Role, SessionStatus
from comite.errors import PermissionDenied, ValidationError
from comite.model import AuditEntry, CommitteeSession
from comite.services import attendance, catalog_admin, sessions
from tests.conftest import make_user
from tests.db.helpers import assert_spanish, login_ctx, new_session, seats
from tests.unit.test_catalog import GVP_2030


def _folder(tmp_path):
    folder = tmp_path / "decreto"
    folder.mkdir(exist_ok=True)
    (folder / "GVP_2030.toml").write_text(GVP_2030, encoding="utf-8")
    return folder


def test_a_new_composition_reconvenes_untouched_scheduled_sessions(admin, tmp_path):
    before = new_session(admin, "GVP", date(2029, 12, 15))
    untouched = new_session(admin, "GVP", date(2030, 2, 3))
    named = new_session(admin, "GVP", date(2030, 3, 10))
    invitee = attendance.add_invitee(admin, untouched, entity="Personería de Popayán", reason="Conoce el caso",
                                      condition=None).created_id
    attendance.set_attendance(admin, seats(admin, named)["unp"].id, status=AttendanceStatus.AUSENTE,
                               person_name="Directora ya convocada")
    old_seats = sorted(seats(admin, before))

    changes = catalog_admin.import_compositions(admin, _folder(tmp_path))

    assert sorted(seats(admin, before)) == old_seats  # held under the old decree's composition
    assert sorted(seats(admin, untouched)) == ["adhoc-1", "mindefensa", "unp"]  # new seats, invitee kept
    assert len(seats(admin, named)) == len(old_seats)  # something recorded: kept, and said
    assert_spanish(ValidationError(changes.message), "1 conformación", r"GVP 001/2030 \(03/02/2030\)",
                   "conservan la conformación anterior", r"GVP 002/2030 \(10/03/2030\)")
    with admin.reading() as s:  # the invitee added by hand stays, after the new seats
        rows = sorted(s.get(CommitteeSession, untouched).attendance, key=lambda a: a.position)
        assert [a.id for a in rows if a.seat_id is None] == [invitee] and rows[-1].id == invitee
    with admin.reading() as s:
        entry = s.query(AuditEntry).filter_by(action="catalogo_importado").one()
        assert "GVP 001/2030" in entry.details
    again = catalog_admin.import_compositions(admin, _folder(tmp_path))
    assert "no cambió nada" in again.message
    sessions.set_status(admin, untouched, SessionStatus.EN_CURSO)  # convened under the new composition
    assert len([k for k, r in seats(admin, untouched).items() if r.rights == "voz_y_voto"]) == 2


def test_only_an_administrator_imports_and_a_missing_folder_is_said(admin, tmp_path):
    make_user(admin, "sec", Role.SECRETARIA, committees=["GVP"])
    secretary = login_ctx(admin.db, "sec", "Otra-clave-segura-1")
    with pytest.raises(PermissionDenied):
        catalog_admin.import_compositions(secretary, _folder(tmp_path))
    with pytest.raises(ValidationError) as err:
        catalog_admin.import_compositions(admin, tmp_path / "no-existe")
    assert_spanish(err.value, "no existe")
