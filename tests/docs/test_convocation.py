"""The convocation letter (PDF) and the calendar invitation (.ics), read back."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from pypdf import PdfReader
from samples import flat, radicados

from comite.documents.convocation import build_convocation_pdf
from comite.documents.ics import build_convocation_ics
from comite.domain import Rights

STAMP = datetime(2026, 2, 24, 15, 30, tzinfo=UTC)
BOGOTA = ZoneInfo("America/Bogota")


# -- PDF ------------------------------------------------------------------------


def test_letter_names_session_date_place_and_link(convocation_pages):
    text = flat(" ".join(convocation_pages))
    assert "CONVOCATORIA" in text
    assert "Sesión ordinaria No. 007 de 2026 — CERREM poblacional" in text
    assert "Bogotá D. C., 24 de febrero de 2026" in text
    assert "martes 3 de marzo de 2026" in text
    assert "9:00 a. m. a 12:40 p. m." in text
    assert "Sala de juntas, Ministerio del Interior, Bogotá D. C." in text
    assert "meet.example.gov.co/cerrem-pob-007-2026" in text
    assert "secretaria.tecnica@unp.gov.co" in text


def test_every_convoked_seat_with_its_rights_and_condition(convocation_data, convocation_pages):
    text = flat(" ".join(convocation_pages))
    members = text[text.index("Miembros con voz y voto") : text.index("Invitados con solo voz")]
    guests = text[text.index("Invitados con solo voz") :]
    for row in convocation_data.convoked:
        right = members if row.rights is Rights.VOZ_Y_VOTO else guests
        assert row.entity in right, row.entity
        assert row.holder in right, row.holder
        assert f"{row.holder} {row.role.label} {row.rights.label}" in right or row.reason
        if row.condition is not None:
            assert row.condition.label in right
        for radicado in row.cases:
            assert radicado in right


def test_ad_hoc_invitee_with_reason(convocation_data, convocation_pages):
    text = flat(" ".join(convocation_pages))
    ad_hoc = next(r for r in convocation_data.convoked if r.reason)
    section = text[text.index("Invitados ocasionales") :]
    assert ad_hoc.entity in section
    assert ad_hoc.reason in section


def test_agenda_by_radicado(convocation_data, convocation_pages):
    text = flat(" ".join(convocation_pages))
    for i, item in enumerate(convocation_data.agenda, start=1):
        assert f"{i}. {item}" in text
    for radicado in radicados(5):
        assert radicado in text


def test_chrome_on_every_page(convocation_pages):
    n = len(convocation_pages)
    assert n >= 2
    for i, page in enumerate(convocation_pages, start=1):
        assert re.findall(r"Página (\d+) de (\d+)", page) == [(str(i), str(n))]
        assert "RESERVADO" in page
        assert "BORRADOR" not in page.upper()
        assert "GER-FT-02" in page


def test_signed_by_the_secretary(convocation_data, convocation_pages):
    assert convocation_data.secretary.name in convocation_pages[-1]
    assert "Atentamente," in convocation_pages[-1]


def test_fonts_embedded(convocation_pdf):
    for page in PdfReader(io.BytesIO(convocation_pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            assert "/FontFile2" in ref.get_object()["/FontDescriptor"].get_object()


def test_letter_date_defaults_to_today(convocation_data):
    from datetime import date

    from comite.documents.spanish import date_long

    buf = io.BytesIO()
    build_convocation_pdf(convocation_data, buf)
    first = flat(PdfReader(buf).pages[0].extract_text())
    assert f"Bogotá D. C., {date_long(date.today())}" in first


# -- ICS ------------------------------------------------------------------------


def _event(data, **kw) -> tuple[icalendar.Calendar, icalendar.Event]:
    raw = build_convocation_ics(data, stamp=STAMP, **kw)
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    return cal, events[0]


def test_calendar_envelope(convocation_data):
    cal, _ = _event(convocation_data)
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"]
    assert cal["METHOD"] == "REQUEST"
    zones = list(cal.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["America/Bogota"]
    std = list(zones[0].walk("STANDARD"))[0]
    assert std["TZOFFSETTO"].td == timedelta(hours=-5)
    assert not list(zones[0].walk("DAYLIGHT"))


def test_event_times_in_bogota(convocation_data):
    _, ev = _event(convocation_data)
    assert ev["DTSTART"].params["TZID"] == "America/Bogota"
    assert ev["DTEND"].params["TZID"] == "America/Bogota"
    start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
    assert start == datetime(2026, 3, 3, 9, 0, tzinfo=BOGOTA)
    assert start.utcoffset() == timedelta(hours=-5)
    assert end == datetime(2026, 3, 3, 12, 40, tzinfo=BOGOTA)
    assert ev.decoded("DTSTAMP") == STAMP


def test_event_fields(convocation_data):
    _, ev = _event(convocation_data)
    assert str(ev["SUMMARY"]) == "Sesión ordinaria No. 007 de 2026 — CERREM poblacional"
    assert str(ev["UID"]) == "cerrem-pob-2026-007@comite.unp.gov.co"
    assert str(ev["CLASS"]) == "CONFIDENTIAL"
    location = str(ev["LOCATION"])
    assert "Sala de juntas" in location and "meet.example.gov.co" in location
    assert str(ev["ORGANIZER"]) == "mailto:secretaria.tecnica@unp.gov.co"
    description = str(ev["DESCRIPTION"])
    for i, item in enumerate(convocation_data.agenda, start=1):
        assert f"{i}. {item}" in description
    for row in convocation_data.convoked:  # no person names in the description
        assert row.holder not in description


def test_one_attendee_per_row_with_email(convocation_data):
    _, ev = _event(convocation_data)
    attendees = ev["ATTENDEE"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    with_email = [r for r in convocation_data.convoked if r.email]
    assert len(with_email) < len(convocation_data.convoked)  # sample has rows without
    assert len(attendees) == len(with_email)
    by_address = {str(a).removeprefix("mailto:"): a for a in attendees}
    for row in with_email:
        a = by_address[row.email]
        expected_role = "REQ-PARTICIPANT" if row.rights is Rights.VOZ_Y_VOTO else "OPT-PARTICIPANT"
        assert a.params["ROLE"] == expected_role
        assert a.params["RSVP"] == "TRUE"
        assert row.entity in a.params["CN"]


def test_default_duration_and_derived_uid(convocation_data):
    session = replace(convocation_data.session, end=None, start=time(14, 0))
    _, ev = _event(replace(convocation_data, session=session, uid=""))
    assert ev.decoded("DTEND") - ev.decoded("DTSTART") == timedelta(hours=3)
    assert str(ev["UID"]) == "cerrem-pob-2026-007@comite.unp.gov.co"


def test_virtual_only_location_is_the_link(convocation_data):
    session = replace(convocation_data.session, place=None)
    _, ev = _event(replace(convocation_data, session=session))
    assert str(ev["LOCATION"]) == session.virtual_link


def test_lines_are_folded_at_75_octets(convocation_data):
    raw = build_convocation_ics(convocation_data, stamp=STAMP)
    assert raw.endswith(b"\r\n")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a UTF-8 sequence


def test_no_internal_committee_code(convocation_data, convocation_pages):
    from comite.documents.ics import build_convocation_ics

    code = convocation_data.session.committee_code
    assert convocation_data.session.committee_name in " ".join(convocation_pages).replace("\n", " ")
    assert f"({code})" not in " ".join(convocation_pages)
    ics = build_convocation_ics(convocation_data).decode("utf-8").replace("\r\n ", "")
    assert f"({code})" not in ics
