"""Made-up resolution and GVP-notification data for document tests.

Import from other document tests (``from res_samples import ...``): every
builder takes keyword overrides, so a test states only what it cares about.
Names are fictitious; ``BENEFICIARY`` and ``FAMILY_NAMES`` are what tests
check never leaks into file names or into documents that must not name people.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from comite.documents.data import (
    DocumentHeader,
    FamilyMember,
    GvpNotificationData,
    MeasureRow,
    NotificationCase,
    ResolutionData,
    SessionInfo,
    Signatory,
)
from comite.domain import CaseKind, DecisionOutcome, MeasureAction, RiskLevel, SessionType

BENEFICIARY = "Marisol Guerrero Atencia"
DOCUMENT = "52.345.678"
FAMILY_NAMES = ("Julián Andrés Peña Guerrero", "Valentina Peña Guerrero")
COMMITTEE_NAME = "Comité de Evaluación del Riesgo y Recomendación de Medidas – CERREM Mujeres"


def escorts(
    quantity: int = 2, action: MeasureAction = MeasureAction.IMPLEMENTAR, months: int | None = 6
) -> MeasureRow:
    return MeasureRow(
        code="HOMBRE_PROTECCION",
        name="Hombres de protección",
        quantity=quantity,
        unit_singular="hombre de protección",
        unit_plural="hombres de protección",
        action=action,
        temporality_months=months,
        revaluation_date=date(2026, 9, 10) if months else None,
    )


def vest(quantity: int = 1, action: MeasureAction = MeasureAction.RATIFICAR) -> MeasureRow:
    return MeasureRow(
        code="CHALECO",
        name="Chaleco blindado",
        quantity=quantity,
        unit_singular="chaleco blindado",
        unit_plural="chalecos blindados",
        action=action,
        temporality_months=12,
        revaluation_date=date(2027, 3, 10),
    )


def armoured_car(quantity: int = 1, action: MeasureAction = MeasureAction.AJUSTAR) -> MeasureRow:
    return MeasureRow(
        code="VEHICULO_BLINDADO",
        name="Vehículo blindado",
        quantity=quantity,
        unit_singular="camioneta blindada",
        unit_plural="camionetas blindadas",
        action=action,
        temporality_months=6,
        revaluation_date=date(2026, 9, 10),
        notes="Reemplaza el vehículo convencional",
    )


def phone(action: MeasureAction = MeasureAction.FINALIZAR) -> MeasureRow:
    return MeasureRow(
        code="MEDIO_COMUNICACION",
        name="Medio de comunicación",
        quantity=1,
        unit_singular="medio de comunicación",
        unit_plural="medios de comunicación",
        action=action,
        temporality_months=None,
        revaluation_date=None,
    )


def cerrem_session(**overrides) -> SessionInfo:
    base = SessionInfo(
        committee_code="CERREM_MUJERES",
        committee_name=COMMITTEE_NAME,
        number=7,
        year=2026,
        session_type=SessionType.ORDINARIA,
        day=date(2026, 3, 10),
        start=time(9, 0),
        end=time(12, 30),
        place="Sede UNP, Bogotá",
        virtual_link=None,
    )
    return replace(base, **overrides)


def gvp_session(**overrides) -> SessionInfo:
    base = SessionInfo(
        committee_code="GVP",
        committee_name="Grupo de Valoración Preliminar",
        number=12,
        year=2026,
        session_type=SessionType.ORDINARIA,
        day=date(2026, 3, 3),
        start=time(8, 30),
        end=time(11, 0),
        place="Sede UNP, Bogotá",
        virtual_link=None,
    )
    return replace(base, **overrides)


def sample_resolution(**overrides) -> ResolutionData:
    base = ResolutionData(
        number=None,
        issued=None,
        committee_name=COMMITTEE_NAME,
        committee_code="CERREM_MUJERES",
        radicado="EXT26-0001234",
        kind=CaseKind.INDIVIDUAL,
        beneficiary=BENEFICIARY,
        document_number=DOCUMENT,
        population="Dirigentes o activistas de organizaciones de derechos humanos",
        request_date=date(2026, 1, 20),
        study_date=date(2026, 2, 24),
        gvp_session="sesión No. 012 del 3 de marzo de 2026",
        gvp_level=RiskLevel.EXTRAORDINARIO,
        session=cerrem_session(),
        acta_number="007 de 2026",
        risk_level=RiskLevel.EXTRAORDINARIO,
        matrix_pct=58.33,
        concept=(
            "la lideresa ejerce su labor en una zona con presencia de grupos armados, "
            "ha recibido amenazas directas y se desplaza con frecuencia entre veredas."
        ),
        measures=(escorts(), vest(), armoured_car(), phone()),
        family=(
            FamilyMember("hijo", FAMILY_NAMES[0]),
            FamilyMember("hija", FAMILY_NAMES[1]),
        ),
        director=Signatory(
            "Augusto Rodríguez Ballesteros", "Director General", "Unidad Nacional de Protección"
        ),
        projected_by="Laura Méndez – Abogada Secretaría Técnica CERREM",
        reviewed_by="Carlos Pardo – Coordinador Grupo Jurídico",
        approved_by="Subdirección de Evaluación del Riesgo",
    )
    return replace(base, **overrides)


def numbered_resolution(index: int, **overrides) -> ResolutionData:
    """Distinct cases for batch tests: radicado EXT26-1000<index>, number 0<index>."""
    return sample_resolution(
        radicado=f"EXT26-{10000 + index}", number=f"{2000 + index:05d}", **overrides
    )


def sample_notification(**overrides) -> GvpNotificationData:
    cases = (
        NotificationCase(
            radicado="EXT26-0001234",
            population="Dirigentes o activistas de organizaciones de derechos humanos",
            level=RiskLevel.EXTRAORDINARIO,
            matrix_pct=58.33,
            concept="Amenazas directas y reiteradas; zona con presencia de grupos armados.",
            measures=(escorts(), vest()),
            outcome=DecisionOutcome.DECIDED,
        ),
        NotificationCase(
            radicado="EXT26-0001301",
            population="Periodistas y comunicadores sociales",
            level=RiskLevel.EXTREMO,
            matrix_pct=71.5,
            concept="Riesgo grave e inminente: atentado reciente en su lugar de trabajo.",
            measures=(armoured_car(action=MeasureAction.IMPLEMENTAR), escorts(quantity=3)),
            outcome=DecisionOutcome.DECIDED,
        ),
        NotificationCase(
            radicado="OFI26-0000877",
            population="Dirigentes sindicales",
            level=RiskLevel.ORDINARIO,
            matrix_pct=32.0,
            concept="No se evidencian factores de riesgo específicos.",
            measures=(phone(),),
            outcome=DecisionOutcome.DECIDED,
        ),
        NotificationCase(
            radicado="EXT26-0001402",
            population="Víctimas y reclamantes de tierras",
            level=None,
            matrix_pct=None,
            concept="Se devuelve para completar la entrevista.",
            measures=(),
            outcome=DecisionOutcome.RETURNED,
        ),
    )
    base = GvpNotificationData(
        header=DocumentHeader(document_title="Notificación GVP – CERREM", code="GER-FT-07"),
        gvp_session=gvp_session(),
        target_committee_code="CERREM_MUJERES",
        target_committee_name=COMMITTEE_NAME,
        addressee=Signatory("Paula Andrea Rincón", "Secretaria Técnica", "Ministerio del Interior"),
        cases=cases,
        sender=Signatory(
            "Jorge Iván Cárdenas", "Secretario Técnico del GVP", "Unidad Nacional de Protección"
        ),
    )
    return replace(base, **overrides)
