"""The session acta as PDF (reportlab platypus).

The content (what the acta says, section by section) is written once in
:func:`_write_acta` against a tiny renderer interface; :class:`_StyledRenderer`
turns it into the formal document (:func:`build_acta_pdf`), and
:class:`_PlainRenderer` into a bare platypus document with the same text and
tables (:func:`acta_plain_baseline`), the yardstick for the builder's speed.

Only :class:`~comite.documents.data.ActaData` goes in: cases are named by
radicado, never by person (the data has no field for a name).

Speed: styles and table styles are built once per process
(:func:`pdf_common.styles`); short label cells (status, dates, times, votes)
are plain strings, which reportlab lays out far faster than Paragraphs; only
free text is a Paragraph, so it wraps. The content is handed to the renderers
as plain text runs, not markup: the formal acta builds its paragraphs without
the markup parser and keeps each cell's line breaks between the wraps a table
does (:func:`pdf_common.text_para`); the baseline turns the runs into the
markup a direct platypus document would use and lets platypus parse it.
What every case repeats (labels, column titles, levels, entity names) is
made and broken into lines once per document (:func:`pdf_common.shared_paragraphs`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from comite.documents import pdf_common as pc
from comite.documents.acta_numbering import number_story
from comite.documents.data import (
    ActaData,
    AttendeeRow,
    CaseBlock,
    MeasureRow,
    Signatory,
)
from comite.documents.review_annex import annex_flowables
from comite.documents.spanish import (
    date_long,
    date_long_weekday,
    date_short,
    guess_gender,
    percent,
    quantity_phrase,
    time_12h,
    yes_no,
)
from comite.domain import (
    AnalystGender,
    AttendanceStatus,
    CaseKind,
    DecisionOutcome,
    Rights,
    SeatRole,
    VoteChoice,
)

Cell = str | tuple[str, str]  # plain text, or (main line, secondary line)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float  # fraction of the content width
    wrap: bool = True  # free text that may wrap; False: a short label


# -- the content ----------------------------------------------------------------


def _modality(data: ActaData) -> str:
    s = data.session
    if s.modality is not None:
        return s.modality.label
    if s.place and s.virtual_link:
        return "Mixta (presencial y virtual)"
    if s.virtual_link:
        return "Virtual"
    return "Presencial"


def _schedule(row: AttendeeRow) -> str:
    if row.status is not AttendanceStatus.PRESENTE:
        return "—"
    arrival = time_12h(row.arrival) if row.arrival else "—"
    departure = time_12h(row.departure) if row.departure else "—"
    return f"{arrival}\n{departure}"


def _part_time(row: AttendeeRow, start: time | None, end: time | None) -> str:
    """"Llegó 9:30 a. m.; se retiró 10:30 a. m." for a member present for part of the
    session ("" when present throughout, or when the times say nothing)."""
    if row.status is not AttendanceStatus.PRESENTE:
        return ""
    parts = []
    if row.arrival is not None and start is not None and row.arrival > start:
        parts.append(f"llegó {time_12h(row.arrival)}")
    if row.departure is not None and (end is None or row.departure < end):
        parts.append(f"se retiró {time_12h(row.departure)}")
    return "; ".join(parts)


def _participation(row: AttendeeRow, start: time | None = None, end: time | None = None) -> str:
    parts: list[str] = []
    partial = _part_time(row, start, end)
    if row.condition is not None:
        parts.append(row.condition.label)
    elif partial:
        parts.append("Parte de la sesión (" + partial + ")")
        if not row.cases_attended:
            parts.append("No estuvo presente en ningún caso")
    if row.cases_attended:
        if row.status is AttendanceStatus.PRESENTE:
            parts.append(pc.cases_phrase(row.cases_attended))
        else:  # absent or excused: the cases it was convened for
            parts.append(pc.cases_phrase(row.cases_attended, lead="Convocado para los"))
    if row.ad_hoc_reason:
        parts.append("Motivo: " + row.ad_hoc_reason)
    if parts:
        return "\n".join(parts)
    return "Toda la sesión" if row.status is AttendanceStatus.PRESENTE else "—"  # an absence took no part


ATTENDANCE_COLUMNS = (
    Column("No.", 0.05, wrap=False),
    Column("Entidad", 0.19),
    Column("Nombre", 0.155),
    Column("Cargo", 0.15),
    Column("Calidad", 0.095, wrap=False),
    Column("Asistencia", 0.10, wrap=False),
    Column("Llegada / salida", 0.105, wrap=False),
    Column("Participación", 0.155),
)


def attendance_columns(rows: Sequence[AttendeeRow]) -> tuple[Column, ...]:
    """:data:`ATTENDANCE_COLUMNS`, with "Participación" wide enough for the widest
    radicado it lists (a radicado is never cut across lines); the width it needs
    comes from the name columns."""
    longest = max((r for a in rows for r in a.cases_attended), key=len, default="")
    if not longest:
        return ATTENDANCE_COLUMNS
    need = pc.word_fraction(longest + ",", pc.styles().cell)
    cols = list(ATTENDANCE_COLUMNS)
    last = cols[-1]
    extra = need - last.width
    if extra <= 0:
        return ATTENDANCE_COLUMNS
    donors = (1, 2, 3)  # Entidad, Nombre, Cargo
    pool = sum(cols[i].width for i in donors)
    for i in donors:
        cols[i] = Column(cols[i].title, cols[i].width - extra * cols[i].width / pool, cols[i].wrap)
    cols[-1] = Column(last.title, need, last.wrap)
    return tuple(cols)


def _role(row: AttendeeRow, gvp: bool) -> str:
    """The role as the acta names it: in the GVP the UNP *coordinates* (seed 001, «quien
    lo coordinará»); in every other committee the presiding seat presides."""
    if gvp and row.role is SeatRole.PRESIDE:
        return "Coordina"
    return row.role.label


def _attendance_rows(rows: Sequence[AttendeeRow], start: time | None = None, end: time | None = None,
                     gvp: bool = False) -> list[list[Cell]]:
    return [
        [
            str(i),
            (r.entity, _role(r, gvp)),
            r.name,
            r.position,
            r.capacity.label if r.status is AttendanceStatus.PRESENTE else "—",  # nobody came in any capacity
            r.status.label,
            _schedule(r),
            _participation(r, start, end),
        ]
        for i, r in enumerate(rows, start=1)
    ]


def _measure_quantity(m: MeasureRow) -> str:
    return quantity_phrase(
        m.quantity, m.unit_singular, m.unit_plural, guess_gender(m.unit_singular)
    )


def _months(n: int | None) -> str:
    if not n:
        return "—"
    return f"{n} {'mes' if n == 1 else 'meses'}"


def _vote_summary(case: CaseBlock) -> str:
    counts = (
        f"A favor: {case.a_favor} · En contra: {case.en_contra} · Abstenciones: {case.abstencion}"
    )
    if case.adopted is None:
        return f"{counts} — Sin resultado registrado"
    return f"{counts} — {'Decisión adoptada' if case.adopted else 'Decisión no adoptada'}"


def _label_runs(label: str, text: str) -> list[pc.Run]:
    """«**Label:** text»."""
    return [(label.strip() + ":", "b"), " " + text.strip()]


def sentence(text: str) -> str:
    """``text`` trimmed, ending with a full stop."""
    text = " ".join(text.split())
    return text if not text or text.endswith((".", "!", "?", "»", ")")) else text + "."


def _measure_cell(m: MeasureRow) -> Cell:
    """The measure, with its notes and, for a restoration measure, whom it is recommended to."""
    extra = [m.notes.strip()] if m.notes.strip() else []
    if m.restoration:
        extra.insert(0, "Recomendada a " + (m.competent_entity.strip() or "la entidad competente")
                     + " (no es medida de la UNP)")
    return (m.name, " · ".join(extra)) if extra else m.name


def _women_choices(case: CaseBlock) -> list[tuple[str, str]]:
    """A woman's recorded choices (Res. 805 de 2012, art. 3), for the case's data."""
    if not case.is_woman:
        return []
    if case.women_committee_choice is True:
        committee = "CERREM de mujeres (decisión libre e informada de la solicitante)"
    elif case.women_committee_choice is False:
        committee = "CERREM de su población (la solicitante lo eligió así)"
    else:
        committee = "No manifestó su deseo: su caso va al CERREM de su población"
    if case.analyst_gender is None:
        analyst = "No registrada"
    elif case.analyst_gender is AnalystGender.SIN_PREFERENCIA:
        analyst = "Sin preferencia"
    else:
        analyst = case.analyst_gender.label + " (a elección de la solicitante)"
    return [("Elección del comité", committee), ("Género del analista", analyst)]


def _decision_facts(case: CaseBlock, gvp: bool) -> list[tuple[str, str]]:
    """What the decision says beyond its level: validated or changed level, departure from
    the matrix, emergency measures, concertation with the collective."""
    out: list[tuple[str, str]] = []
    if case.risk_level is None or case.outcome is not DecisionOutcome.DECIDED:
        return out
    if not gvp and case.gvp_level is not None:
        if case.gvp_level is case.risk_level:
            out.append(("Nivel del GVP", f"El comité valida el nivel {case.risk_level.label.lower()} "
                                         "que determinó el GVP."))
        else:
            out.append(("Cambio del nivel del GVP",
                        f"El GVP determinó un nivel {case.gvp_level.label.lower()}; el comité lo cambia a "
                        f"{case.risk_level.label.lower()}. Motivo: {sentence(case.level_change_reason)}"))
    if case.matrix_departure_reason.strip():
        pct = f" ({percent(case.matrix_pct)})" if case.matrix_pct is not None else ""
        out.append(("Apartamiento de la matriz",
                    f"El nivel {case.risk_level.label.lower()} no corresponde a la franja de la ponderación de "
                    f"la matriz{pct}: el comité se aparta de ella. Motivo: {sentence(case.matrix_departure_reason)}"))
    if case.emergency_disposition is not None:
        note = f" {sentence(case.emergency_note)}" if case.emergency_note.strip() else ""
        out.append(("Medidas de emergencia", "Las medidas de emergencia adoptadas por el Director: "
                    + case.emergency_disposition.label.lower() + "." + note))
    if case.concertation_on is not None and case.concertation_with.strip():
        out.append(("Concertación con el colectivo",
                    f"Las medidas se concertaron el {date_long(case.concertation_on)} con "
                    f"{case.concertation_with.strip()}."))
    return out


def is_gvp(data: ActaData) -> bool:
    """The GVP values the risk and gives a concept; it does not decide measures."""
    return data.session.committee_code.strip().upper() == "GVP"


def _write_case(r: _Renderer, number: str, case: CaseBlock, gvp: bool = False) -> None:
    r.heading(f"{number} Caso {case.order} — Radicado {case.radicado}", 2)
    r.kv(
        [
            ("Radicado", case.radicado),
            ("Tipo de caso", case.kind.label),
            ("Población objeto", case.population),
            ("Ruta", case.route.label),
            ("Población desplazada", yes_no(case.displaced)),
            ("Nivel de riesgo (GVP)", case.gvp_level.label if case.gvp_level else "Sin dato"),
            (
                "Ponderación de la matriz",
                percent(case.matrix_pct) if case.matrix_pct is not None else "Sin dato",
            ),
            ("Tipo de decisión", case.outcome.label if case.outcome else "Sin decisión"),
            *_women_choices(case),
        ]
    )
    if case.gvp_concept:
        r.labeled("Concepto del GVP", case.gvp_concept)
    if case.quorum_text:
        r.labeled("Quórum para el caso", case.quorum_text)

    if case.kind is CaseKind.COLECTIVO or case.social_recognition:
        r.heading("Verificación del reconocimiento social", 3)
        if case.social_recognition:
            r.grid(
                (Column("Criterio (Res. 1085 de 2015)", 0.8), Column("¿Cumple?", 0.2, wrap=False)),
                [[criterion, "Sí" if met else "No"] for criterion, met in case.social_recognition],
            )
        if case.social_recognition_granted is None:
            result = "Reconocimiento social pendiente de verificación."
        elif case.social_recognition_granted:
            result = "Se verifica el reconocimiento social del colectivo."
        else:
            result = "No se verifica el reconocimiento social del colectivo."
        r.labeled("Resultado", result)

    r.heading("Deliberación", 3)
    for chunk in pc.chunks(case.deliberation) or ["Sin deliberación registrada."]:
        r.para(chunk)

    r.heading("Observaciones de los invitados", 3)
    if case.observations:
        r.bullets([_label_runs(o.entity, o.text) for o in case.observations])
    else:
        r.para("Los invitados no formularon observaciones.")

    r.heading("Decisión", 3)
    decision = [("Resultado", case.outcome.label if case.outcome else "Sin decisión")]
    if case.risk_level is not None:
        decision.append(("Nivel de riesgo", case.risk_level.label))
    r.kv(decision)
    for label, text in _decision_facts(case, gvp):
        r.labeled(label, text)
    if case.concept:
        r.labeled("Concepto y recomendación", case.concept)

    if case.measures:
        r.heading("Medidas propuestas en el concepto" if gvp else "Medidas recomendadas", 3)
        r.grid(
            (
                Column("Medida", 0.31),
                Column("Cantidad", 0.25),
                Column("Acción", 0.13, wrap=False),
                Column("Temporalidad", 0.14, wrap=False),
                Column("Revaluación", 0.17, wrap=False),
            ),
            [
                [
                    _measure_cell(m),
                    _measure_quantity(m),
                    m.action.label,
                    _months(m.temporality_months),
                    date_short(m.revaluation_date) if m.revaluation_date else "—",
                ]
                for m in case.measures
            ],
        )
    elif case.outcome is DecisionOutcome.DECIDED and not gvp:
        # (The GVP's concept speaks for itself on measures: a "no measures"
        # line after it would contradict a concept that names some.)
        r.para("No se recomiendan medidas de protección para este caso.")

    r.heading("Votación", 3)
    if case.votes:
        r.grid(
            (
                Column("Entidad", 0.36),
                Column("Votante", 0.28),
                Column("Voto", 0.16, wrap=False),
                Column("Salvamento de voto", 0.20, wrap=False),
            ),
            [
                [
                    v.entity,
                    v.voter.strip() or "No registrado",
                    v.choice.label,
                    "Sí (ver abajo)" if v.dissent else "No",
                ]
                for v in case.votes
            ],
        )
        r.emphasis(_vote_summary(case))
        dissents = [v for v in case.votes if v.dissent]
        if dissents:
            r.heading("Salvamentos de voto", 3)
            for v in dissents:
                choice = "en contra" if v.choice is VoteChoice.EN_CONTRA else v.choice.label.lower()
                voter = v.voter.strip() or "no se registró el nombre de quien votó"
                r.para(
                    (f"{v.entity.strip()} ({voter}), voto {choice}:", "b"),
                    "\n" + (v.dissent or "").strip(),
                )
    elif case.a_favor or case.en_contra or case.abstencion:
        r.emphasis(_vote_summary(case))
    else:
        r.para("El caso no se sometió a votación.")


def _write_acta(r: _Renderer, data: ActaData) -> None:
    s = data.session
    subtitle = f"Sesión {s.session_type.label.lower()} — {s.committee_name}"
    badge = None
    if data.draft:
        badge = (
            f"BORRADOR · Versión {data.version} — documento en revisión; "
            "no tiene validez hasta su aprobación"
        )
    r.title(s.acta_label, subtitle, badge)

    info = [
        ("Comité", s.committee_name),
        ("Tipo de sesión", s.session_type.label),
        ("Fecha", date_long_weekday(s.day)),
        ("Modalidad", _modality(data)),
        ("Hora de inicio", time_12h(s.start) if s.start else "No registrada"),
        ("Hora de finalización", time_12h(s.end) if s.end else "No registrada"),
    ]
    if s.place:
        info.append(("Lugar", s.place))
    if s.virtual_link:
        info.append(("Enlace virtual", s.virtual_link))
    info.append(("Versión del acta", f"{data.version}{' (borrador)' if data.draft else ''}"))
    r.kv(info)

    n = 0

    def section(title: str) -> str:
        nonlocal n
        n += 1
        r.heading(f"{n}. {title}", 1)
        return f"{n}."

    if data.errata_of is not None:
        r.heading("FE DE ERRATAS", 1)
        r.para(
            f"La presente versión {data.version} del {s.acta_label.strip()} corrige la "
            f"versión {data.errata_of} en los siguientes términos:"
        )
        for chunk in pc.chunks(data.errata_text) or ["(Sin texto de corrección.)"]:
            r.para(chunk)

    section("Asistencia")
    members = [a for a in data.attendees if a.rights is Rights.VOZ_Y_VOTO]
    guests = [a for a in data.attendees if a.rights is not Rights.VOZ_Y_VOTO]
    present_members = sum(a.status is AttendanceStatus.PRESENTE for a in members)
    present_guests = sum(a.status is AttendanceStatus.PRESENTE for a in guests)
    r.heading(f"Miembros con voz y voto ({present_members} presentes de {len(members)})", 3, 140)
    columns = attendance_columns(data.attendees)
    gvp = is_gvp(data)
    if members:
        r.grid(columns, _attendance_rows(members, s.start, s.end, gvp))
    else:
        r.para("No hay miembros con voz y voto registrados.")
    r.heading(f"Invitados con solo voz ({present_guests} presentes de {len(guests)})", 3, 140)
    if guests:
        r.grid(columns, _attendance_rows(guests, s.start, s.end, gvp))
    else:
        r.para("No asistieron invitados.")
    secretary = data.secretary
    if secretary is not None and not any(a.role is SeatRole.SECRETARIA_TECNICA for a in data.attendees):
        # where the technical secretariat is not a seat of the committee it attends without a vote
        r.heading("Secretaría técnica", 3, 80)
        r.grid(
            (Column("Dependencia", 0.34), Column("Nombre", 0.24), Column("Cargo", 0.24),
             Column("Calidad", 0.18, wrap=False)),
            [[f"Secretaría técnica del {s.committee_short or s.committee_name}", secretary.name or "No registrado",
              secretary.position, "Sin voto"]],
        )

    section("Verificación del quórum")
    r.para((data.quorum_text or "").strip() or "Sin verificación registrada.")

    section("Orden del día")
    if data.agenda:
        r.numbered([item.strip() for item in data.agenda])
    else:
        r.para("Sin orden del día registrado.")

    section("Desarrollo de la sesión")
    for chunk in pc.chunks(data.development) or ["Sin desarrollo registrado."]:
        r.para(chunk)

    cases_no = section("Presentación y análisis de casos")
    if data.cases:
        for i, case in enumerate(data.cases, start=1):
            _write_case(r, f"{cases_no}{i}.", case, is_gvp(data))
    else:
        r.para("No se analizaron casos en esta sesión.")

    section("Medidas de emergencia reportadas")
    if data.emergencies:
        r.grid(
            (
                Column("Radicado", 0.22, wrap=False),
                Column("Medidas adoptadas", 0.58),
                Column("Fecha de adopción", 0.20, wrap=False),
            ),
            [
                [e.radicado, e.measures, date_short(e.adopted_on) if e.adopted_on else "—"]
                for e in data.emergencies
            ],
        )
    else:
        r.para("No se reportaron medidas de emergencia adoptadas desde la sesión anterior.")

    section("Compromisos")
    if data.commitments:
        r.grid(
            (
                Column("No.", 0.06, wrap=False),
                Column("Compromiso", 0.44),
                Column("Responsable", 0.22),
                Column("Fecha límite", 0.14, wrap=False),
                Column("Estado", 0.14, wrap=False),
            ),
            [
                [
                    str(c.number),
                    (c.description, f"Origen: {c.origin}") if c.origin else c.description,
                    c.responsible,
                    date_short(c.due) if c.due else "—",
                    c.status,
                ]
                for c in data.commitments
            ],
        )
    else:
        r.para("No se registraron compromisos.")

    with r.group():  # the closing stays on the page of the signatures
        section("Cierre")
        if data.closing:
            r.para(
                f"Siendo las {time_12h(data.closing)} del {date_long(s.day)}, agotado el "
                "orden del día, se da por terminada la sesión."
            )
        else:
            r.para("Hora de cierre no registrada.")
        if data.approval and not data.draft:
            r.labeled("Aprobación del acta", data.approval)
        r.signatures([("Coordina" if gvp else "Preside", data.presiding), ("Secretaría técnica", data.secretary)])


# -- renderers ------------------------------------------------------------------


class _Renderer(ABC):
    """Collects flowables; subclasses decide how each kind of content looks."""

    def __init__(self) -> None:
        self.story: list[Flowable] = []

    @contextmanager
    def group(self) -> Iterator[None]:
        """Content that should not be split across pages (where the look allows)."""
        start = len(self.story)
        yield
        self._keep_together(start)

    def _keep_together(self, start: int) -> None:  # noqa: B027 - a look may keep nothing together
        """Hook: by default a group may split across pages."""

    @abstractmethod
    def title(self, text: str, subtitle: str, badge: str | None) -> None:
        ...

    @abstractmethod
    def heading(self, text: str, level: int, room: float | None = None) -> None:
        """``room``: points that must be left on the page for the heading to stay."""
        ...

    @abstractmethod
    def para(self, *runs: pc.Run) -> None:
        """A paragraph of plain text runs (see :data:`pdf_common.Run`)."""
        ...

    def labeled(self, label: str, text: str) -> None:
        self.para(*_label_runs(label, text))

    def emphasis(self, text: str) -> None:
        self.para((text.strip(), "b"))

    @abstractmethod
    def bullets(self, items: list[list[pc.Run]]) -> None:
        ...

    @abstractmethod
    def numbered(self, items: list[str]) -> None:
        ...

    @abstractmethod
    def kv(self, pairs: list[tuple[str, str]]) -> None:
        ...

    @abstractmethod
    def grid(self, columns: Sequence[Column], rows: list[list[Cell]]) -> None:
        ...

    @abstractmethod
    def signatures(self, signers: list[tuple[str, Signatory | None]]) -> None:
        ...


class _StyledRenderer(_Renderer):
    def __init__(self) -> None:
        super().__init__()
        self.st = pc.styles()

    def title(self, text: str, subtitle: str, badge: str | None) -> None:
        self.story.append(pc.text_para(self.st.title, text.strip()))
        self.story.append(pc.text_para(self.st.subtitle, subtitle.strip()))
        if badge:
            self.story.append(pc.text_para(self.st.badge, badge.strip()))

    def heading(self, text: str, level: int, room: float | None = None) -> None:
        style, default = {1: (self.st.h1, 90), 2: (self.st.h2, 130)}.get(level, (self.st.h3, 80))
        self.story += pc.heading(text, style, room or default)

    def para(self, *runs: pc.Run) -> None:
        self.story.append(pc.text_para(self.st.body, *runs))

    def emphasis(self, text: str) -> None:
        self.story.append(Spacer(1, 3))
        self.story.append(pc.text_para(self.st.body_left, (text.strip(), "b")))

    def bullets(self, items: list[list[pc.Run]]) -> None:
        self.story.append(
            ListFlowable(
                [ListItem(pc.text_para(self.st.body, *i), leftIndent=12) for i in items],
                bulletType="bullet",
                start="•",
                leftIndent=12,
                bulletFontName=pc.FONT,
                bulletFontSize=8,
            )
        )

    def numbered(self, items: list[str]) -> None:
        self.story.append(
            ListFlowable(
                [ListItem(pc.text_para(self.st.body_left, i)) for i in items],
                bulletType="1",
                bulletFormat="%s.",
                leftIndent=18,
                bulletFontName=pc.FONT,
                bulletFontSize=9.5,
            )
        )

    def kv(self, pairs: list[tuple[str, str]]) -> None:
        cell = self.st.cell
        rows: list[list[object]] = []
        for i in range(0, len(pairs), 2):
            chunk = pairs[i : i + 2]
            row: list[object] = []
            for label, value in chunk:
                row += [
                    pc.text_para(self.st.kv_label, label.strip()),
                    pc.text_para(cell, value.strip()),
                ]
            if len(chunk) == 1:
                row += ["", ""]
            rows.append(row)
        self.story.append(pc.kv_table(rows, pc.widths((0.19, 0.31, 0.19, 0.31))))
        self.story.append(Spacer(1, 6))

    def _cell(self, value: Cell, wrap: bool) -> object:
        if isinstance(value, tuple):
            main, sub = value
            return pc.text_para(self.st.cell, main.strip() + "\n", (sub.strip(), "note"))
        if wrap:
            return pc.text_para(self.st.cell, value.strip())
        return value

    def grid(self, columns: Sequence[Column], rows: list[list[Cell]]) -> None:
        head = [pc.text_para(self.st.cell_head, c.title) for c in columns]
        flags = [c.wrap for c in columns]
        body = [[self._cell(v, w) for v, w in zip(row, flags, strict=True)] for row in rows]
        self.story.append(pc.data_table([head, *body], pc.widths([c.width for c in columns])))
        self.story.append(Spacer(1, 6))

    def _keep_together(self, start: int) -> None:
        self.story[start:] = [KeepTogether(self.story[start:])]

    def signatures(self, signers: list[tuple[str, Signatory | None]]) -> None:
        self.story.append(Spacer(1, 14))
        self.story.append(pc.signature_block(signers))


class _PlainRenderer(_Renderer):
    """Same text and tables, default platypus look: the benchmark baseline."""

    def __init__(self) -> None:
        super().__init__()
        pc.register_fonts()
        self.normal = ParagraphStyle("plain", fontName=pc.FONT, fontSize=9, leading=11)
        self.bold = ParagraphStyle("plain_bold", parent=self.normal, fontName=pc.FONT_BOLD)
        self.cell = ParagraphStyle("plain_cell", parent=self.normal, fontSize=8, leading=10)
        self.table_style = pc.styles().plain_table

    def title(self, text: str, subtitle: str, badge: str | None) -> None:
        self.story.append(Paragraph(pc.esc(text), self.bold))
        self.story.append(Paragraph(pc.esc(subtitle), self.normal))
        if badge:
            self.story.append(Paragraph(pc.esc(badge), self.normal))

    def heading(self, text: str, level: int, room: float | None = None) -> None:
        self.story.append(Paragraph(pc.esc(text), self.bold))

    def para(self, *runs: pc.Run) -> None:
        self.story.append(Paragraph(pc.markup(*runs), self.normal))

    def bullets(self, items: list[list[pc.Run]]) -> None:
        for item in items:
            self.story.append(Paragraph("- " + pc.markup(*item), self.normal))

    def numbered(self, items: list[str]) -> None:
        for i, item in enumerate(items, start=1):
            self.story.append(Paragraph(f"{i}. {pc.markup(item)}", self.normal))

    def kv(self, pairs: list[tuple[str, str]]) -> None:
        rows = [[label, Paragraph(pc.esc(value), self.cell)] for label, value in pairs]
        self.story.append(Table(rows, colWidths=pc.widths((0.3, 0.7)), style=self.table_style))

    def grid(self, columns: Sequence[Column], rows: list[list[Cell]]) -> None:
        def cell(value: Cell) -> Paragraph:
            text = "\n".join(value) if isinstance(value, tuple) else value
            return Paragraph(pc.esc(text), self.cell)

        data = [[c.title for c in columns], *[[cell(v) for v in row] for row in rows]]
        self.story.append(
            Table(
                data,
                colWidths=pc.widths([c.width for c in columns]),
                repeatRows=1,
                style=self.table_style,
            )
        )

    def signatures(self, signers: list[tuple[str, Signatory | None]]) -> None:
        for role, who in signers:
            self.story.append(Spacer(1, 30))
            self.story.append(Paragraph("______________________________", self.normal))
            name = f"{who.name}, {who.position}" if who else ""
            self.story.append(Paragraph(pc.esc(f"{role}: {name}"), self.normal))


# -- public API -------------------------------------------------------------------


def acta_flowables(data: ActaData) -> list[Flowable]:
    """The acta's content as platypus flowables (without page chrome)."""
    renderer = _StyledRenderer()
    with pc.shared_paragraphs():  # every case repeats its labels, column titles, levels, entities
        _write_acta(renderer, data)
        story = renderer.story
        if data.review_annex is not None:
            story += annex_flowables(data.review_annex)
    return number_story(story) if data.draft else story  # drafts: numbered for the delegates' review


def acta_pdf_bytes(data: ActaData) -> bytes:
    """The acta as PDF bytes (module-level, so a helper process can run it)."""
    import io

    buf = io.BytesIO()
    build_acta_pdf(data, buf)
    return buf.getvalue()


def page_chrome(data: ActaData) -> pc.PageChrome:
    """Header and footer of the acta; the footer names the committee by its short
    name when the full one would run off the page (UP-PCC)."""
    s = data.session
    return pc.PageChrome(
        header=data.header,
        reference=f"{s.acta_label} · {s.committee_name}",
        draft=data.draft,
        version_label=f"Versión {data.version}",
        short_reference=f"{s.acta_label} · {s.committee_short}" if s.committee_short else "",
    )


def build_acta_pdf(data: ActaData, out: Path | BinaryIO) -> None:
    """Write the formal acta PDF (Letter, header with "Página X de Y", RESERVADO,
    BORRADOR watermark on drafts) to a path or a binary file object."""
    s = data.session
    pc.build_pdf(
        out,
        acta_flowables(data),
        page_chrome(data),
        title=f"{s.acta_label} — {s.committee_name}",
        subject=f"Sesión {s.session_type.label.lower()} del {date_long(s.day)} — RESERVADO",
    )


def acta_plain_baseline(data: ActaData, out: Path | BinaryIO) -> None:
    """Same text and tables in a default platypus document (benchmark baseline)."""
    renderer = _PlainRenderer()
    _write_acta(renderer, data)
    target = str(out) if isinstance(out, Path) else out
    SimpleDocTemplate(target, pagesize=letter).build(renderer.story)
