"""Realistic, made-up document data for tests (and for anyone who needs an acta).

``sample_acta(n_cases=5)`` gives a CERREM poblacional session with 44 seats
(members with voz y voto, permanent and conditional invitees with solo voz, an
ad hoc invitee), a displaced case, a collective with its social-recognition
checklist, a vote against with a salvamento de voto, long deliberations that
wrap, invitees' observations, commitments and emergency measures. Texts carry
á é í ó ú ñ ü ¿ ¡ so round-trips of Spanish text are exercised.

Everything is deterministic (no Faker, no clock), and no case carries a
person's name: cases are radicados, as in the real documents.

Also here: small readers used by the document tests (pypdf page texts).

Import it as ``from samples import sample_acta`` from tests in this folder
(pytest puts a test's folder on ``sys.path``; ``tests/docs`` has no
``__init__.py``), or as ``tests.docs.samples`` when the project root is on the
path.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, time
from pathlib import Path

from comite.documents.data import (
    ActaData,
    AttendeeRow,
    CaseBlock,
    CommitmentRow,
    ConvocationData,
    ConvokedRow,
    DocumentHeader,
    EmergencyRow,
    MeasureRow,
    ObservationRow,
    SessionInfo,
    Signatory,
    VoteRow,
)
from comite.domain import (
    AttendanceStatus,
    Capacity,
    CaseKind,
    DecisionOutcome,
    MeasureAction,
    Rights,
    RiskLevel,
    Route,
    SeatCondition,
    SeatRole,
    SessionType,
    VoteChoice,
)

SPANISH_PROBE = "Señalización ¿pingüino? ¡Año! áéíóú ÁÉÍÓÚ ñÑ üÜ"

HEADER = DocumentHeader(
    entity="Unidad Nacional de Protección",
    process="Gestión de Evaluación del Riesgo",
    document_title="Acta de sesión del CERREM",
    code="GER-FT-01",
    version="03",
    issued=date(2024, 5, 17),
)

SESSION = SessionInfo(
    committee_code="CERREM-POB",
    committee_name="CERREM poblacional",
    number=7,
    year=2026,
    session_type=SessionType.ORDINARIA,
    day=date(2026, 3, 3),
    start=time(9, 0),
    end=time(12, 40),
    place="Sala de juntas, Ministerio del Interior, Bogotá D. C.",
    virtual_link="https://meet.example.gov.co/cerrem-pob-007-2026",
)

_FIRST = (
    "María José",
    "Begoña",
    "Ángela",
    "Íñigo",
    "Martín",
    "Sofía",
    "Nicolás",
    "Lucía",
    "Andrés",
    "Mónica",
    "Joaquín",
    "Ramón",
    "Inés",
    "Óscar",
    "Verónica",
    "Raúl",
)
_LAST = (
    "Peña",
    "Argüello",
    "Muñoz",
    "Ibáñez",
    "Gutiérrez",
    "Núñez",
    "Londoño",
    "Pérez",
    "Güiza",
    "Cañón",
    "Vélez",
    "Zúñiga",
    "Ordóñez",
    "Jiménez",
    "Castaño",
    "Ríos",
)


def official_name(i: int) -> str:
    """A made-up public official's name (delegates are not protected people)."""
    # (first, first surname) pairs are unique for i < 256.
    return f"{_FIRST[i % 16]} {_LAST[(i * 7 + i // 16) % 16]} {_LAST[(i * 3 + 5) % 16]}"


MEMBERS = (
    ("Ministerio del Interior — Dirección de Derechos Humanos", SeatRole.PRESIDE),
    ("Consejería Presidencial para los Derechos Humanos y el DIH", SeatRole.MIEMBRO),
    ("Unidad para la Atención y Reparación Integral a las Víctimas", SeatRole.MIEMBRO),
    ("Policía Nacional — Dirección de Protección y Servicios Especiales", SeatRole.MIEMBRO),
    ("Policía Nacional — Oficina de DD. HH. de la Inspección General", SeatRole.MIEMBRO),
)

PERMANENT_GUESTS = (
    "Procuraduría General de la Nación",
    "Defensoría del Pueblo",
    "Fiscalía General de la Nación",
    "Oficina del Alto Comisionado de las Naciones Unidas para los DD. HH.",
)

POPULATIONS = (
    "Dirigentes o activistas de grupos políticos",
    "Líderes de organizaciones sociales, cívicas y comunales",
    "Dirigentes sindicales",
    "Dirigentes o miembros de grupos étnicos",
    "Periodistas y comunicadores sociales",
    "Víctimas de violaciones a los DD. HH. e infracciones al DIH",
    "Docentes",
    "Abogados en casos de DD. HH.",
)


def _radicado(i: int) -> str:
    return f"EXT26-{4100 + i * 37:06d}"


def sample_attendees(n_cases: int = 5) -> tuple[AttendeeRow, ...]:
    """44 seats: 5 members, the UNP secretariat, 4 permanent guests, ACNUR,
    4 delegates x 8 populations, one ad hoc invitee."""
    rows: list[AttendeeRow] = []
    k = 0
    statuses = (AttendanceStatus.PRESENTE,) * 4 + (AttendanceStatus.EXCUSADO,)
    for i, (entity, role) in enumerate(MEMBERS):
        status = AttendanceStatus.PRESENTE
        rows.append(
            AttendeeRow(
                entity=entity,
                name=official_name(k),
                position="Directora de Derechos Humanos" if i == 0 else "Asesor delegado",
                role=role,
                rights=Rights.VOZ_Y_VOTO,
                capacity=Capacity.PRINCIPAL if i == 0 else Capacity.DELEGADO,
                status=status,
                arrival=time(8, 55 + i),
                departure=time(12, 40) if i != 4 else time(11, 15),
            )
        )
        k += 1
    rows.append(
        AttendeeRow(
            entity="Unidad Nacional de Protección — Secretaría Técnica",
            name=official_name(k),
            position="Profesional especializada",
            role=SeatRole.SECRETARIA_TECNICA,
            rights=Rights.SOLO_VOZ,
            capacity=Capacity.PRINCIPAL,
            status=AttendanceStatus.PRESENTE,
            arrival=time(8, 45),
            departure=time(12, 40),
        )
    )
    k += 1
    for j, entity in enumerate(PERMANENT_GUESTS):
        status = statuses[j % len(statuses)]
        rows.append(
            AttendeeRow(
                entity=entity,
                name=official_name(k),
                position="Procurador judicial II" if j == 0 else "Profesional de enlace",
                role=SeatRole.INVITADO_PERMANENTE,
                rights=Rights.SOLO_VOZ,
                capacity=Capacity.DELEGADO,
                status=status,
                arrival=time(9, 10) if status is AttendanceStatus.PRESENTE else None,
                departure=time(12, 30) if status is AttendanceStatus.PRESENTE else None,
            )
        )
        k += 1
    displaced = tuple(_radicado(i) for i in range(1, n_cases + 1) if i % 5 == 1)
    rows.append(
        AttendeeRow(
            entity="ACNUR — Agencia de la ONU para los Refugiados",
            name=official_name(k),
            position="Oficial de protección",
            role=SeatRole.INVITADO_ESPECIAL,
            rights=Rights.SOLO_VOZ,
            capacity=Capacity.DELEGADO,
            status=AttendanceStatus.PRESENTE,
            condition=SeatCondition.DISPLACED_CASES,
            arrival=time(9, 30),
            departure=time(10, 15),
            cases_attended=displaced,
        )
    )
    k += 1
    for p, population in enumerate(POPULATIONS):
        cases = tuple(_radicado(i) for i in range(1, n_cases + 1) if i % len(POPULATIONS) == p)
        for d in range(1, 5):
            status = AttendanceStatus.PRESENTE if (p + d) % 3 else AttendanceStatus.AUSENTE
            rows.append(
                AttendeeRow(
                    entity=f"Delegación {d} — {population}",
                    name=official_name(k),
                    position="Delegada de la población" if d % 2 else "Delegado de la población",
                    role=SeatRole.INVITADO_ESPECIAL,
                    rights=Rights.SOLO_VOZ,
                    capacity=Capacity.PRINCIPAL,
                    status=status,
                    condition=SeatCondition.OWN_POPULATION,
                    arrival=time(9, 40) if status is AttendanceStatus.PRESENTE else None,
                    departure=time(11, 5) if status is AttendanceStatus.PRESENTE else None,
                    cases_attended=cases if status is AttendanceStatus.PRESENTE else (),
                )
            )
            k += 1
    rows.append(
        AttendeeRow(
            entity="Ministerio de Educación Nacional",
            name=official_name(k),
            position="Asesora de la Oficina Jurídica",
            role=SeatRole.INVITADO_OCASIONAL,
            rights=Rights.SOLO_VOZ,
            capacity=Capacity.DELEGADO,
            status=AttendanceStatus.PRESENTE,
            condition=SeatCondition.WHEN_COMPETENT,
            arrival=time(10, 0),
            departure=time(10, 50),
            cases_attended=(_radicado(min(4, n_cases)),) if n_cases else (),
            ad_hoc_reason="Caso de docente amenazada: competencia sobre traslados por amenaza",
        )
    )
    return tuple(rows)


_DELIBERATION = (
    "La analista del CTRAI presentó el estudio de nivel de riesgo y explicó que los hechos "
    "victimizantes se concentran en la zona rural del municipio, donde el peticionario "
    "ejerce su liderazgo comunal desde hace once años. Señaló que las amenazas recibidas "
    "por mensajería instantánea y panfletos son específicas, concretas y presentes; que "
    "la vergüenza y el miedo han llevado a la comunidad a no denunciar, y que el "
    "desplazamiento de su núcleo familiar agravó la vulnerabilidad.\n\n"
    "La Defensoría preguntó: ¿se tuvieron en cuenta las alertas tempranas vigentes para "
    "la subregión? La analista respondió que sí, y que la alerta temprana 019 de 2025 "
    "describe la presencia de grupos armados que ejercen control territorial. "
    "¡Es un contexto de riesgo creciente!, añadió el delegado de la Policía, que informó "
    "sobre las rondas del cuadrante y la coordinación con la estación local.\n\n"
    "Los miembros discutieron la pertinencia del esquema propuesto frente a la movilidad "
    "del peticionario por vías terciarias, y la necesidad de un enfoque diferencial por "
    "su pertenencia a una organización campesina con sede en la vereda El Pingüino."
)

_SOCIAL_CRITERIA = (
    ("Tiene objetivos definidos", True),
    ("Comparte rasgos culturales, sociales o políticos", True),
    ("Tiene una ubicación definida", True),
    ("Está organizado y es cohesionado", True),
    ("Se reúne temporal o permanentemente para fines concretos", True),
    ("Tiene un vocero identificado", False),
    ("Pertenece a una población objeto del programa", True),
)


def _measures(i: int, route: Route) -> tuple[MeasureRow, ...]:
    revaluation = date(2027, 3, 3)
    base = [
        MeasureRow(
            "HP",
            "Hombres de protección",
            2,
            "hombre de protección",
            "hombres de protección",
            MeasureAction.IMPLEMENTAR,
            12,
            revaluation,
        ),
        MeasureRow(
            "CB",
            "Chaleco blindado",
            1,
            "chaleco blindado",
            "chalecos blindados",
            MeasureAction.RATIFICAR,
            12,
            revaluation,
        ),
        MeasureRow(
            "VB",
            "Vehículo blindado",
            1,
            "camioneta blindada",
            "camionetas blindadas",
            MeasureAction.IMPLEMENTAR,
            12,
            revaluation,
            notes="Camioneta 4x4, por las vías terciarias de la zona rural.",
        ),
        MeasureRow(
            "MC",
            "Medio de comunicación",
            1,
            "medio de comunicación",
            "medios de comunicación",
            MeasureAction.AJUSTAR,
            6,
            date(2026, 9, 3),
        ),
        MeasureRow(
            "AR",
            "Apoyo de reubicación temporal",
            3,
            "mes de apoyo",
            "meses de apoyo",
            MeasureAction.IMPLEMENTAR,
            3,
            date(2026, 6, 3),
        ),
    ]
    if route is Route.REVALUACION:
        return (
            replace(base[0], action=MeasureAction.FINALIZAR),
            replace(base[1], action=MeasureAction.SUSPENDER),
        )
    return tuple(base[: 2 + i % 4])


def _votes(members: list[AttendeeRow], against: bool) -> tuple[VoteRow, ...]:
    votes = []
    for j, m in enumerate(members):
        if against and j == 3:
            votes.append(
                VoteRow(
                    m.entity,
                    m.name,
                    VoteChoice.EN_CONTRA,
                    dissent=(
                        "Salvo mi voto porque el estudio no valoró suficientemente la "
                        "información de contexto aportada por la Policía; a mi juicio el "
                        "nivel de riesgo es extremo y no extraordinario, y el esquema "
                        "debería incluir un vehículo adicional. ¿Cómo se garantizará la "
                        "movilidad en temporada de lluvias?"
                    ),
                )
            )
        else:
            votes.append(VoteRow(m.entity, m.name, VoteChoice.A_FAVOR))
    return tuple(votes)


def sample_case(i: int, members: list[AttendeeRow]) -> CaseBlock:
    """Case ``i`` (1-based); the kind of case cycles every five."""
    kind_of = (i - 1) % 5
    radicado = _radicado(i)
    population = POPULATIONS[i % len(POPULATIONS)]
    if kind_of == 0:  # individual, displaced, vote against with dissent
        votes = _votes(members, against=True)
        return CaseBlock(
            order=i,
            radicado=radicado,
            kind=CaseKind.INDIVIDUAL,
            population=population,
            route=Route.ORDINARIA,
            displaced=True,
            gvp_level=RiskLevel.EXTRAORDINARIO,
            matrix_pct=67.5,
            gvp_concept="El GVP determinó riesgo extraordinario y conceptuó la pertinencia "
            "de un esquema individual con enfoque diferencial.",
            deliberation=_DELIBERATION,
            observations=(
                ObservationRow(
                    "ACNUR — Agencia de la ONU para los Refugiados",
                    "Recomienda articular con la ruta de atención a población "
                    "desplazada y con el Ministerio Público del municipio receptor.",
                ),
                ObservationRow(
                    "Defensoría del Pueblo",
                    "Solicita que se tenga en cuenta la alerta temprana vigente.",
                ),
            ),
            outcome=DecisionOutcome.DECIDED,
            risk_level=RiskLevel.EXTRAORDINARIO,
            concept="Se valida el nivel de riesgo extraordinario y se recomienda el esquema "
            "de protección descrito, con revaluación al cumplirse su temporalidad.",
            measures=_measures(i, Route.ORDINARIA),
            votes=votes,
            a_favor=len(votes) - 1,
            en_contra=1,
            abstencion=0,
            adopted=True,
            quorum_text="Presentes 5 de 5 miembros con voz y voto: hay quórum para decidir.",
        )
    if kind_of == 1:  # collective with social recognition
        votes = _votes(members, against=False)
        return CaseBlock(
            order=i,
            radicado=radicado,
            kind=CaseKind.COLECTIVO,
            population="Líderes de organizaciones sociales, cívicas y comunales",
            route=Route.ORDINARIA,
            displaced=False,
            gvp_level=RiskLevel.EXTRAORDINARIO,
            matrix_pct=58.25,
            gvp_concept="Riesgo extraordinario del colectivo; medidas concertadas.",
            deliberation="Se verificó en sesión el reconocimiento social de la Asociación "
            "Campesina de la vereda La Cañada, sin personería jurídica, antes de la "
            "valoración del riesgo. El vocero no fue identificado formalmente, pero los "
            "demás criterios se cumplen según las actas comunitarias aportadas.",
            observations=(
                ObservationRow(
                    "Procuraduría General de la Nación",
                    "Pide concertar las medidas con la comunidad.",
                ),
            ),
            outcome=DecisionOutcome.DECIDED,
            risk_level=RiskLevel.EXTRAORDINARIO,
            concept="Se recomiendan medidas colectivas concertadas con la asociación.",
            measures=(
                MeasureRow(
                    "MC",
                    "Medio de comunicación",
                    4,
                    "medio de comunicación",
                    "medios de comunicación",
                    MeasureAction.IMPLEMENTAR,
                    12,
                    date(2027, 3, 3),
                ),
                MeasureRow(
                    "BA",
                    "Botón de apoyo",
                    21,
                    "botón de apoyo",
                    "botones de apoyo",
                    MeasureAction.IMPLEMENTAR,
                    12,
                    date(2027, 3, 3),
                ),
            ),
            votes=votes,
            a_favor=len(votes),
            en_contra=0,
            abstencion=0,
            adopted=True,
            social_recognition=_SOCIAL_CRITERIA,
            social_recognition_granted=True,
        )
    if kind_of == 2:  # revaluation, returned to the analyst, no vote
        return CaseBlock(
            order=i,
            radicado=radicado,
            kind=CaseKind.INDIVIDUAL,
            population=population,
            route=Route.REVALUACION,
            displaced=False,
            gvp_level=RiskLevel.ORDINARIO,
            matrix_pct=41.0,
            gvp_concept="Riesgo ordinario.",
            deliberation="El comité advierte que el estudio no incluyó la entrevista con "
            "la persona evaluada ni la consulta a las bases de datos de la Fiscalía.",
            observations=(),
            outcome=DecisionOutcome.RETURNED,
            risk_level=None,
            concept="Se devuelve al analista para completar el estudio.",
            measures=(),
            votes=(),
        )
    if kind_of == 3:  # hechos sobrevinientes, extreme, one abstention
        votes = list(_votes(members, against=False))
        votes[2] = replace(votes[2], choice=VoteChoice.ABSTENCION)
        return CaseBlock(
            order=i,
            radicado=radicado,
            kind=CaseKind.INDIVIDUAL,
            population="Docentes",
            route=Route.HECHOS_SOBREVINIENTES,
            displaced=False,
            gvp_level=RiskLevel.EXTREMO,
            matrix_pct=85.25,
            gvp_concept="Riesgo extremo por hechos sobrevinientes (atentado frustrado).",
            deliberation=_DELIBERATION.split("\n\n")[1],
            observations=(
                ObservationRow(
                    "Ministerio de Educación Nacional",
                    "Informa que se tramita el traslado por amenaza.",
                ),
            ),
            outcome=DecisionOutcome.DECIDED,
            risk_level=RiskLevel.EXTREMO,
            concept="Se valida el riesgo extremo y se ajusta el esquema vigente.",
            measures=_measures(i, Route.HECHOS_SOBREVINIENTES),
            votes=tuple(votes),
            a_favor=len(votes) - 1,
            en_contra=0,
            abstencion=1,
            adopted=True,
        )
    return CaseBlock(  # postponed for lack of quorum
        order=i,
        radicado=radicado,
        kind=CaseKind.INDIVIDUAL,
        population=population,
        route=Route.EMERGENCIA,
        displaced=False,
        gvp_level=None,
        matrix_pct=None,
        gvp_concept="",
        deliberation="Se aplaza: la Policía se retiró y no hay quórum.",
        observations=(),
        outcome=DecisionOutcome.POSTPONED,
        risk_level=None,
        concept="",
        measures=(),
        votes=(),
        quorum_text="Presentes 2 de 5 miembros con voz y voto: no hay quórum.",
    )


def sample_acta(n_cases: int = 5, *, draft: bool = True, version: int = 2) -> ActaData:
    attendees = sample_attendees(n_cases)
    members = [a for a in attendees if a.rights is Rights.VOZ_Y_VOTO]
    cases = tuple(sample_case(i, members) for i in range(1, n_cases + 1))
    agenda = (
        "Verificación del quórum",
        "Lectura de compromisos pendientes de la sesión No. 006 de 2026",
        "Presentación y análisis de casos: "
        + ", ".join(c.radicado for c in cases[:6])
        + (" y otros" if n_cases > 6 else ""),
        "Medidas de emergencia adoptadas por la Dirección",
        "Proposiciones y varios",
    )
    return ActaData(
        header=HEADER,
        session=SESSION,
        attendees=attendees,
        quorum_text="Siendo las 9:05 a. m. la Secretaría Técnica verificó la asistencia de "
        "5 de los 5 miembros con voz y voto; hay quórum para deliberar y decidir.",
        agenda=agenda,
        development="La presidenta dio la bienvenida y recordó el deber de reserva sobre la "
        "información que se presenta (Ley 1581 de 2012). Se leyeron los compromisos "
        "pendientes; ¡todos los vencidos fueron cumplidos!\n\nLa Secretaría Técnica "
        "informó la metodología de presentación de los casos por número de radicado.",
        cases=cases,
        commitments=(
            CommitmentRow(
                1,
                "Remitir a la Fiscalía la información de contexto del caso " + _radicado(1),
                "Secretaría Técnica",
                date(2026, 3, 10),
                "Pendiente",
                origin="Sesión 007 de 2026",
            ),
            CommitmentRow(
                2,
                "Informar el avance del traslado por amenaza de la docente",
                "Ministerio de Educación Nacional",
                date(2026, 3, 24),
                "Pendiente",
            ),
            CommitmentRow(
                3,
                "Concertar con la comunidad la ubicación de los botones de apoyo",
                "Ministerio del Interior — Dirección de Derechos Humanos",
                date(2026, 4, 1),
                "Pendiente",
            ),
            CommitmentRow(
                4,
                "Actualizar el protocolo de reserva de la información",
                "Unidad Nacional de Protección",
                date(2026, 2, 15),
                "Cumplido",
                origin="Sesión 005 de 2026",
            ),
        ),
        emergencies=(
            EmergencyRow(
                "EXT26-009911",
                "Dos hombres de protección y un vehículo "
                "convencional por tres meses, mientras se realiza el estudio.",
                date(2026, 2, 20),
            ),
            EmergencyRow(
                "EXT26-009953", "Apoyo de reubicación temporal por un mes.", date(2026, 2, 26)
            ),
        ),
        closing=time(12, 40),
        presiding=Signatory(
            official_name(0), "Directora de Derechos Humanos", "Ministerio del Interior"
        ),
        secretary=Signatory(
            official_name(5), "Secretaria Técnica del CERREM", "Unidad Nacional de Protección"
        ),
        version=version,
        draft=draft,
    )


def sample_convocation(n_cases: int = 5) -> ConvocationData:
    attendees = sample_attendees(n_cases)
    convoked = []
    for i, a in enumerate(attendees):
        convoked.append(
            ConvokedRow(
                entity=a.entity,
                holder=a.name,
                role=a.role,
                rights=a.rights,
                condition=a.condition,
                email=None if i % 11 == 10 else f"delegado{i:02d}@entidad{i % 7}.gov.co",
                cases=a.cases_attended,
                reason=a.ad_hoc_reason,
            )
        )
    return ConvocationData(
        header=replace(HEADER, document_title="Convocatoria a sesión", code="GER-FT-02"),
        session=SESSION,
        convoked=tuple(convoked),
        agenda=(
            "Verificación del quórum",
            "Lectura de compromisos pendientes",
            "Presentación y análisis de casos: "
            + ", ".join(_radicado(i) for i in range(1, n_cases + 1)),
            "Medidas de emergencia adoptadas",
            "Proposiciones y varios",
        ),
        secretary=Signatory(
            official_name(5), "Secretaria Técnica del CERREM", "Unidad Nacional de Protección"
        ),
        uid="cerrem-pob-2026-007@comite.unp.gov.co",
    )


def radicados(n_cases: int) -> list[str]:
    return [_radicado(i) for i in range(1, n_cases + 1)]


# -- readers --------------------------------------------------------------------


def pdf_bytes(build, data) -> bytes:
    """Run a ``build(data, out)`` builder into memory."""
    buf = io.BytesIO()
    build(data, buf)
    return buf.getvalue()


def page_texts(pdf: bytes | Path) -> list[str]:
    """Text of each page (pypdf), non-breaking spaces folded to spaces."""
    from pypdf import PdfReader

    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    reader = PdfReader(source)
    return [(p.extract_text() or "").replace("\u00a0", " ") for p in reader.pages]


_SPACES = re.compile(r"\s+")


def flat(text: str) -> str:
    """Collapse all whitespace (line breaks inside wrapped cells) to single spaces."""
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
