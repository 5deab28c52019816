"""The calendar invitation of a session (iCalendar, RFC 5545, METHOD:REQUEST).

One VEVENT in America/Bogota time (a VTIMEZONE is included: UTC-5, no
daylight saving since 1993), one ATTENDEE per convoked seat that has an
e-mail: members (voz y voto) are REQ-PARTICIPANT, invitees (solo voz)
OPT-PARTICIPANT. CLASS:CONFIDENTIAL; the description carries the agenda
(cases by radicado) and never a protected person's name.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard, vCalAddress, vText

from comite.documents.convocation import modality, session_label
from comite.documents.data import ConvocationData, ConvokedRow, SessionInfo
from comite.domain import Rights

TZID = "America/Bogota"
BOGOTA = ZoneInfo(TZID)
DEFAULT_DURATION = timedelta(hours=3)
PRODID = "-//Secretaría Técnica UNP//comite//ES"


def session_uid(s: SessionInfo) -> str:
    """A stable UID for a session when the data has none."""
    code = re.sub(r"[^a-z0-9]+", "-", s.committee_code.lower()).strip("-")
    return f"{code}-{s.year}-{s.number:03d}@comite.unp.gov.co"


def summary(s: SessionInfo) -> str:
    """``"Sesión ordinaria No. 007 de 2026 — CERREM poblacional"``."""
    return f"{session_label(s)} — {s.committee_name}"


def _bogota_timezone() -> Timezone:
    tz = Timezone()
    tz.add("tzid", TZID)
    std = TimezoneStandard()
    std.add("dtstart", datetime(1970, 1, 1))
    std.add("tzoffsetfrom", timedelta(hours=-5))
    std.add("tzoffsetto", timedelta(hours=-5))
    std.add("tzname", "-05")
    tz.add_component(std)
    return tz


def _description(data: ConvocationData) -> str:
    s = data.session
    lines = [
        f"{session_label(s)} del {s.committee_name}.",
        f"Modalidad: {modality(s)}.",
    ]
    if s.place:
        lines.append(f"Lugar: {s.place}")
    if s.virtual_link:
        lines.append(f"Enlace: {s.virtual_link}")
    if data.agenda:
        lines += ["", "Orden del día:"]
        lines += [f"{i}. {item}" for i, item in enumerate(data.agenda, start=1)]
    lines += [
        "",
        "Información reservada (Ley 1581 de 2012 / reserva legal). "
        "Los casos se identifican solo por su número de radicado.",
    ]
    return "\n".join(lines)


def _attendee(row: ConvokedRow) -> vCalAddress:
    address = vCalAddress(f"mailto:{row.email}")
    address.params["CN"] = vText(f"{row.entity} ({row.holder})" if row.holder else row.entity)
    address.params["CUTYPE"] = vText("INDIVIDUAL")
    address.params["ROLE"] = vText(
        "REQ-PARTICIPANT" if row.rights is Rights.VOZ_Y_VOTO else "OPT-PARTICIPANT"
    )
    address.params["PARTSTAT"] = vText("NEEDS-ACTION")
    address.params["RSVP"] = vText("TRUE")
    return address


def build_convocation_ics(
    data: ConvocationData, *, stamp: datetime | None = None, sequence: int = 0
) -> bytes:
    """The session's invitation as an ``.ics`` file (bytes, CRLF lines, UTF-8).

    ``stamp`` is the DTSTAMP (default: now, UTC). ``sequence`` must grow each
    time an invitation for the same session is re-sent with changes.
    """
    s = data.session
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "REQUEST")
    cal.add_component(_bogota_timezone())

    event = Event()
    event.add("uid", data.uid or session_uid(s))
    event.add("dtstamp", (stamp or datetime.now(UTC)).astimezone(UTC))
    event.add("sequence", sequence)
    if s.start is None:  # time not fixed yet: an all-day event
        event.add("dtstart", s.day)
        event.add("dtend", s.day + timedelta(days=1))
    else:
        start = datetime.combine(s.day, s.start, tzinfo=BOGOTA)
        end = datetime.combine(s.day, s.end, tzinfo=BOGOTA) if s.end else None
        if end is None or end <= start:
            end = start + DEFAULT_DURATION
        event.add("dtstart", start)
        event.add("dtend", end)
    event.add("summary", summary(s))
    location = " · ".join(x for x in (s.place, s.virtual_link) if x)
    if location:
        event.add("location", location)
    if s.virtual_link:
        event.add("url", s.virtual_link)
    event.add("description", _description(data))
    event.add("class", "CONFIDENTIAL")
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")

    organizer = vCalAddress(f"mailto:{data.organizer_email}")
    organizer.params["CN"] = vText(f"Secretaría Técnica — {s.committee_name}")
    event.add("organizer", organizer, encode=False)

    seen: set[str] = set()
    for row in data.convoked:
        if not row.email:
            continue
        key = row.email.strip().lower()
        if key in seen:
            continue
        seen.add(key)
        event.add("attendee", _attendee(row), encode=False)

    cal.add_component(event)
    return cal.to_ical()
