"""What the documents are made of: frozen, plain values (no ORM, no Qt).

Services read the database and build these; the document builders only turn
them into PDF/Word/ICS. That keeps builders testable with made-up data and lets
generation run in a worker process without a database session.

Reserved data (a protected person's name, document number) appears only where
the document legally needs it: in :class:`ResolutionData` (the resolution is
addressed to the person). The acta, the convocation and the GVP notification
name cases by radicado only, so their data classes have no field for a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from comite.domain import (
    AnalystGender,
    AttendanceStatus,
    Capacity,
    CaseKind,
    DecisionOutcome,
    EmergencyDisposition,
    MeasureAction,
    Rights,
    RiskLevel,
    Route,
    SeatCondition,
    SeatRole,
    SessionModality,
    SessionType,
    VoteChoice,
)

DEFAULT_RESERVE_NOTE = (
    "Información reservada: reserva legal del Programa de Prevención y Protección, que obliga también "
    "a los protegidos (procedimiento GSP-PR-01 de la UNP); información clasificada y reservada (Ley 1712 "
    "de 2014, arts. 18 y 19); datos personales sensibles (Ley 1581 de 2012). Prohibida su divulgación."
)
"""The reserve footer of every document until an administrator sets another
(Configuración de documentos). Its basis: the programme's principle of reserva legal,
which binds the beneficiaries too (seed 002, «Consideraciones generales»); Ley 1712 de
2014, arts. 18 (information classified to protect a person's privacy, life and safety)
and 19 (reserved information); Ley 1581 de 2012 (sensitive personal data)."""


@dataclass(frozen=True, slots=True)
class DocumentHeader:
    """The formal header of the entity's documents (seed 002)."""

    entity: str = "Unidad Nacional de Protección"
    process: str = "Gestión de Evaluación del Riesgo"
    document_title: str = "Acta de sesión"
    code: str = "GER-FT-01"
    version: str = "01"
    issued: date = date(2024, 1, 1)
    reserve_note: str = DEFAULT_RESERVE_NOTE  # the footer under «RESERVADO»


@dataclass(frozen=True, slots=True)
class Signatory:
    name: str
    position: str
    entity: str = ""


@dataclass(frozen=True, slots=True)
class SessionInfo:
    committee_code: str
    committee_name: str
    number: int
    year: int
    session_type: SessionType
    day: date
    start: time | None
    end: time | None
    place: str | None
    virtual_link: str | None
    committee_short: str = ""  # e.g. "CERREM UP-PCC": where the full name does not fit
    modality: SessionModality | None = None  # None: what place and link say
    committee_legal_basis: str = ""  # the composition's, e.g. "Decreto 1066 de 2015, arts. 2.4.1.2.36 (...)"

    @property
    def acta_label(self) -> str:
        """``"ACTA No. 007 de 2026"``."""
        return f"ACTA No. {self.number:03d} de {self.year}"


@dataclass(frozen=True, slots=True)
class AttendeeRow:
    entity: str
    name: str  # the delegate's name (a public official), not a protected person
    position: str
    role: SeatRole
    rights: Rights
    capacity: Capacity
    status: AttendanceStatus
    condition: SeatCondition | None = None
    arrival: time | None = None
    departure: time | None = None
    cases_attended: tuple[str, ...] = ()  # radicados, for conditional seats
    ad_hoc_reason: str | None = None  # ad hoc invitees: why they were convened


@dataclass(frozen=True, slots=True)
class MeasureRow:
    code: str
    name: str
    quantity: int
    unit_singular: str
    unit_plural: str
    action: MeasureAction
    temporality_months: int | None
    revaluation_date: date | None
    notes: str = ""
    restoration: bool = False  # UP-PCC restoration: recommended to ``competent_entity``
    competent_entity: str = ""


@dataclass(frozen=True, slots=True)
class VoteRow:
    entity: str
    voter: str
    choice: VoteChoice
    dissent: str | None = None


@dataclass(frozen=True, slots=True)
class ObservationRow:
    entity: str
    text: str


@dataclass(frozen=True, slots=True)
class CaseBlock:
    order: int
    radicado: str
    kind: CaseKind
    population: str  # population name
    route: Route
    displaced: bool
    gvp_level: RiskLevel | None
    matrix_pct: float | None
    gvp_concept: str
    deliberation: str
    observations: tuple[ObservationRow, ...]
    outcome: DecisionOutcome | None
    risk_level: RiskLevel | None
    concept: str
    measures: tuple[MeasureRow, ...]
    votes: tuple[VoteRow, ...]
    a_favor: int = 0
    en_contra: int = 0
    abstencion: int = 0
    adopted: bool | None = None
    quorum_text: str = ""
    social_recognition: tuple[tuple[str, bool], ...] = ()  # collectives: criterion, met
    social_recognition_granted: bool | None = None
    matrix_departure_reason: str = ""  # why the level lies outside the matrix band
    level_change_reason: str = ""  # why the committee's level differs from the GVP's
    emergency_disposition: EmergencyDisposition | None = None
    emergency_note: str = ""
    concertation_on: date | None = None
    concertation_with: str = ""
    is_woman: bool = False
    women_committee_choice: bool | None = None  # her choice of the CERREM de mujeres
    analyst_gender: AnalystGender | None = None  # her choice of the analyst's gender


@dataclass(frozen=True, slots=True)
class CommitmentRow:
    number: int
    description: str
    responsible: str
    due: date | None
    status: str  # Spanish label
    origin: str = ""  # e.g. "Sesión 004 de 2026"


@dataclass(frozen=True, slots=True)
class EmergencyRow:
    radicado: str
    measures: str
    adopted_on: date | None


@dataclass(frozen=True, slots=True)
class ReviewNote:
    """One observation on a draft and what the secretariat did with it (the final acta's annex)."""

    reviewer: str
    entity: str
    text: str
    version: int
    received: date | None = None
    channel: str = ""  # Spanish label
    place: str = ""  # "5.30, párrafo 2 (pág. 41)"
    answer: str = ""  # Spanish label; "" while pending
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ReviewDelegateRow:
    """One delegate a draft was sent to, and how the round ended for them (the annex)."""

    entity: str
    reviewer: str
    version: int
    sent: date | None  # None: no e-mail address known
    deadline: date
    outcome: str  # Spanish sentence


@dataclass(frozen=True, slots=True)
class ReviewAnnex:
    """«Observaciones al borrador y su trámite»: the final acta's last pages."""

    delegates: tuple[ReviewDelegateRow, ...]
    notes: tuple[ReviewNote, ...]


@dataclass(frozen=True, slots=True)
class ActaData:
    header: DocumentHeader
    session: SessionInfo
    attendees: tuple[AttendeeRow, ...]
    quorum_text: str
    agenda: tuple[str, ...]
    development: str
    cases: tuple[CaseBlock, ...]
    commitments: tuple[CommitmentRow, ...]
    emergencies: tuple[EmergencyRow, ...]
    closing: time | None
    presiding: Signatory | None
    secretary: Signatory | None
    version: int = 1
    draft: bool = True
    errata_of: int | None = None  # version this fe de erratas corrects
    errata_text: str = ""
    approval: str = ""  # a final acta: when and how it was approved
    review_annex: ReviewAnnex | None = None  # final actas whose drafts were reviewed


@dataclass(frozen=True, slots=True)
class FamilyMember:
    relationship: str
    name: str


@dataclass(frozen=True, slots=True)
class ResolutionData:
    """One case's resolution. Carries the person's name: the act is addressed to them."""

    number: str | None  # None prints "____"
    issued: date | None
    committee_name: str
    committee_code: str
    radicado: str
    kind: CaseKind
    beneficiary: str
    document_number: str
    population: str
    request_date: date | None
    study_date: date | None
    gvp_session: str  # e.g. "sesión No. 012 del 3 de marzo de 2026"
    gvp_level: RiskLevel | None
    session: SessionInfo
    acta_number: str
    risk_level: RiskLevel
    matrix_pct: float | None
    concept: str
    measures: tuple[MeasureRow, ...]
    family: tuple[FamilyMember, ...] = ()
    director: Signatory = field(
        default_factory=lambda: Signatory("", "Director General", "Unidad Nacional de Protección")
    )
    projected_by: str = ""
    reviewed_by: str = ""
    approved_by: str = ""
    # what makes every sentence agree with the record (rules.decision)
    matrix_level: RiskLevel | None = None  # the level of the matrix band of ``matrix_pct``
    matrix_departure_reason: str = ""
    level_change_reason: str = ""
    emergency_measures: tuple[str, ...] = ()  # what the Director adopted, as recorded
    emergency_disposition: EmergencyDisposition | None = None
    emergency_note: str = ""
    concertation_on: date | None = None
    concertation_with: str = ""
    is_woman: bool = False
    women_committee_choice: bool | None = None
    analyst_gender: AnalystGender | None = None
    committee_legal_basis: str = ""  # the composition's (catalogue), cited as the committee's basis
    reserve_note: str = DEFAULT_RESERVE_NOTE
    template_name: str = ""  # the composition's resolution template ("": by the committee's code)


@dataclass(frozen=True, slots=True)
class ConvokedRow:
    entity: str
    holder: str
    role: SeatRole
    rights: Rights
    condition: SeatCondition | None
    email: str | None = None
    cases: tuple[str, ...] = ()  # radicados that make a conditional seat attend
    reason: str | None = None  # ad hoc invitees


DEFAULT_ORGANIZER_EMAIL = "secretaria.tecnica@unp.gov.co"
"""Until an administrator sets the secretariat's own (services.settings)."""


@dataclass(frozen=True, slots=True)
class ConvocationData:
    header: DocumentHeader
    session: SessionInfo
    convoked: tuple[ConvokedRow, ...]
    agenda: tuple[str, ...]
    secretary: Signatory | None
    organizer_email: str = DEFAULT_ORGANIZER_EMAIL
    uid: str = ""  # stable calendar UID for the session


@dataclass(frozen=True, slots=True)
class NotificationCase:
    radicado: str
    population: str
    level: RiskLevel | None
    matrix_pct: float | None
    concept: str
    measures: tuple[MeasureRow, ...]
    outcome: DecisionOutcome | None


@dataclass(frozen=True, slots=True)
class GvpNotificationData:
    header: DocumentHeader
    gvp_session: SessionInfo
    target_committee_code: str
    target_committee_name: str
    addressee: Signatory | None
    cases: tuple[NotificationCase, ...]
    sender: Signatory | None
