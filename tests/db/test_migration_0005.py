"""A database the previous program left (revision 0004, the 2015 compositions only, the
comité especial under its old name, a case sent there by the public-servant flag) opens
as one created today: the compositions of Decreto 1139 de 2021, populations 14 and 15,
the names each composition bore; scheduled sessions with nothing recorded move to the new
composition, held ones keep theirs, and the acta of an older session still shows it."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import delete, select, text, update

from comite.catalog.loader import load_installed_catalog
from comite.model import Committee, CommitteeSession, Composition, Population
from comite.services import accounts
from comite.services.acta import build_acta_data
from comite.services.bootstrap import open_database
from comite.services.catalog import catalog_from_db
from comite.services.catalog_admin import sync_catalog
from comite.storage import schema
from comite.storage.database import Database
from tests.conftest import ADMIN, ADMIN_PASSWORD, FAST_HASH, FAST_KDF
from tests.db.helpers import login_ctx, new_case, new_session, present_all, seats, start
from tests.db.test_migrations import downgrade

DECREE = date(2021, 9, 24)
OLD_NAME, OLD_SHORT = "Comité especial de servidores y ex servidores públicos", "Comité especial"


def _as_the_previous_program(db: Database) -> None:
    """The catalogue as the program before this revision loaded it: no composition of the
    decree, the 2015 ones open-ended, no populations 14 and 15, the comité especial's name."""
    with db.Session() as s, s.begin():
        s.execute(delete(Composition).where(Composition.valid_from == DECREE))
        s.execute(update(Composition).values(valid_to=None, name=None, short_name=None, resolution_template=None))
        s.execute(delete(Population).where(Population.number > 13))
        s.execute(update(Committee).where(Committee.code == "COMITE_ESPECIAL")
                  .values(name=OLD_NAME, short_name=OLD_SHORT))


def _old_database(url: str) -> dict[str, int]:
    db = Database(url)
    assert schema.ensure_schema(db).action == "created"
    with db.Session() as s, s.begin():
        sync_catalog(s, load_installed_catalog())
    _as_the_previous_program(db)
    accounts.initialize(db, username=ADMIN, full_name="Admin", password=ADMIN_PASSWORD, kdf=FAST_KDF,
                        hasher=FAST_HASH)
    ctx = login_ctx(db, ADMIN, ADMIN_PASSWORD)
    ids = {
        "held_2026": new_session(ctx, "CERREM_POBLACIONAL", date(2026, 3, 10)),
        "held_2020": new_session(ctx, "COMITE_ESPECIAL", date(2020, 3, 10)),
        "scheduled_cerrem": new_session(ctx, "CERREM_POBLACIONAL", date(2026, 12, 1)),
        "scheduled_especial": new_session(ctx, "COMITE_ESPECIAL", date(2026, 12, 2)),
        "named": new_session(ctx, "CERREM_MUJERES", date(2026, 12, 3)),
        "servant": new_case(ctx, "SERV-OLD", population_code="servidores_publicos"),
    }
    for held in ("held_2026", "held_2020"):
        present_all(ctx, ids[held], at=time(9, 0))
        start(ctx, ids[held])
    from comite.services import attendance

    attendance.set_attendance(ctx, seats(ctx, ids["named"])["uariv"].id, person_name="Delegada ya convocada")
    db.lock()
    downgrade(db, "0004")
    with db.engine.begin() as conn:  # the flag that sent a case to the comité especial
        conn.execute(text("UPDATE case_file SET public_servant = :yes WHERE radicado = 'SERV-OLD'"), {"yes": True})
    db.dispose()
    return ids


def test_an_old_database_ends_up_as_a_new_one(empty_db_url, database):
    ids = _old_database(empty_db_url)
    db = open_database(empty_db_url)  # upgrades to 0005, then loads the shipped catalogue
    try:
        assert schema.current_revision(db) == schema.head_revision()
        with db.Session() as old, database.Session() as new:
            assert catalog_from_db(old) == catalog_from_db(new)  # committees, compositions, seats, populations
            assert (old.scalar(select(Committee.short_name).where(Committee.code == "COMITE_ESPECIAL"))
                    == "CERREM servidores")
        ctx = login_ctx(db, ADMIN, ADMIN_PASSWORD)
        with ctx.reading() as s:
            day_of = {sid: s.get(CommitteeSession, sid).composition.valid_from for sid in
                      (ids["held_2026"], ids["held_2020"], ids["scheduled_cerrem"], ids["scheduled_especial"],
                       ids["named"])}
            servant = s.execute(text("SELECT population_code FROM case_file WHERE radicado = 'SERV-OLD'")).scalar()
        # held sessions keep the composition they were convened under...
        assert day_of[ids["held_2026"]] == date(2015, 5, 26) and day_of[ids["held_2020"]] == date(2015, 5, 26)
        assert "policia_inspeccion_ddhh" in seats(ctx, ids["held_2026"])
        # ...scheduled ones with nothing recorded move to the decree's; one with a name recorded stays
        assert day_of[ids["scheduled_cerrem"]] == DECREE and day_of[ids["scheduled_especial"]] == DECREE
        assert {"mininterior", "mindefensa"} <= set(seats(ctx, ids["scheduled_cerrem"]))
        assert "policia_inspeccion_ddhh" not in seats(ctx, ids["scheduled_cerrem"])
        assert len([r for r in seats(ctx, ids["scheduled_especial"]).values() if r.rights == "voz_y_voto"]) == 5
        assert day_of[ids["named"]] == date(2015, 5, 26)
        # the public-servant flag became the population that now routes the case
        assert servant == "servidor_ddhh_paz"

        # the acta of an older session still shows its composition, and the name then in force
        acta_2026 = build_acta_data(ctx, ids["held_2026"])
        entities = {a.entity for a in acta_2026.attendees}
        assert any("Inspección General" in e for e in entities)
        assert not any(e == "Ministerio del Interior" for e in entities)
        acta_2020 = build_acta_data(ctx, ids["held_2020"])
        assert (acta_2020.session.committee_name, acta_2020.session.committee_short) == (OLD_NAME, OLD_SHORT)
        assert "2.4.1.2.40" in acta_2020.session.committee_legal_basis
        new_especial = build_acta_data(ctx, ids["scheduled_especial"])
        assert new_especial.session.committee_short == "CERREM servidores"
    finally:
        db.dispose()


def test_0005_goes_down_and_up_again(database):
    downgrade(database, "0004")
    assert schema.current_revision(database) == "0004"
    schema.upgrade(database, "head")
    assert schema.current_revision(database) == schema.head_revision()
