"""Table models of the session workspace: frozen rows from the read models
(:mod:`comite.services.views` and friends) over the shared
:class:`~comite.gui.table_models.RowTableModel`.

Editable tables never change their rows themselves: an edit is handed to a
callback (the page turns it into an undoable service call) and the rows are
replaced with what the database then holds, so a refused edit shows the
stored value again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont

from comite.domain import (
    AgendaItemKind,
    AttendanceStatus,
    Capacity,
    MeasureAction,
    Rights,
    SeatCondition,
    VoteChoice,
)
from comite.gui import formatting as fmt
from comite.gui.session.common import BADGE_TEXT, GREEN, GREY, RED, rights_badge
from comite.gui.table_models import CENTER, RIGHT, Column, Index, RowTableModel
from comite.services.acta import ActaVersionRow, ReviewRow
from comite.services.cases import CaseSummary
from comite.services.followup import EmergencyRow, HandoffRow, PendingCommitmentCase
from comite.services.views import AgendaRow, AttendanceRow, ObservationItem, VoterRow

EditCallback = Callable[[Any, str, Any], bool]


@dataclass(frozen=True)
class EditColumn(Column):
    """A column whose cells can be edited: ``field`` names what changes and
    ``edit_value`` gives the raw value an editor starts from. ``kind`` is the type of
    the value (an enum): a value that crossed a Qt proxy or editor arrives as its plain
    ``str`` (Qt knows no Python enums) and is given its type back before ``on_edit``,
    so the mouse's editors and the keyboard's shortcuts hand over the same values."""

    field: str | None = None
    edit_value: Callable[[Any], Any] | None = None
    kind: Callable[[Any], Any] | None = None
    background: Callable[[Any], Any] | None = None
    bold: bool = False


class SessionTableModel(RowTableModel):
    """A :class:`RowTableModel` with badges, bold columns, in-place row updates
    and (optionally) editable columns that report edits to ``on_edit``."""

    def __init__(self, columns: Sequence[Column], parent=None, *, key: Callable[[Any], Any] | None = None,
                 editable: Callable[[Any, str], bool] | None = None) -> None:
        super().__init__(columns, parent)
        self.on_edit: EditCallback | None = None
        self._key = key or (lambda r: getattr(r, "id", None))
        self._editable = editable or (lambda _row, _field: True)
        self.read_only = False
        self._bold = QFont()
        self._bold.setBold(True)

    def key_of(self, row: Any) -> Any:
        return self._key(row)

    def find_key(self, key: Any) -> int | None:
        return self.find(lambda r: self._key(r) == key)

    def update_rows(self, rows: Iterable[Any]) -> None:
        """Replace the rows; when the same keys come back in the same order,
        only changed rows are repainted (the view keeps its current cell and editor)."""
        rows = list(rows)
        old = self._rows
        if len(old) != len(rows) or any(self._key(a) != self._key(b) for a, b in zip(old, rows, strict=True)):
            self.set_rows(rows)
            return
        self._rows = rows
        last = len(self.columns) - 1
        for i, (a, b) in enumerate(zip(old, rows, strict=True)):
            if a != b:
                self._haystack.pop(i, None)
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))

    def _column(self, index: Index) -> Column | None:
        if not index.isValid() or not 0 <= index.column() < len(self.columns):
            return None
        return self.columns[index.column()]

    def role_handlers(self, col: Column) -> dict[int, Callable[[Any], Any]]:
        roles = super().role_handlers(col)
        if isinstance(col, EditColumn):
            roles[int(Qt.ItemDataRole.EditRole)] = col.edit_value or col.getter
            if col.background is not None:
                roles[int(Qt.ItemDataRole.BackgroundRole)] = col.background
                if col.foreground is None:  # dark text on the light badge, even under a dark palette
                    badge = col.background
                    roles[int(Qt.ItemDataRole.ForegroundRole)] = lambda r: BADGE_TEXT if badge(r) is not None else None
            if col.bold:
                roles[int(Qt.ItemDataRole.FontRole)] = lambda _row: self._bold
        return roles

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        col = self._column(index)
        if (not self.read_only and isinstance(col, EditColumn) and col.field
                and 0 <= index.row() < len(self._rows)
                and self._editable(self._rows[index.row()], col.field)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        col = self._column(index)
        if role != Qt.ItemDataRole.EditRole or not isinstance(col, EditColumn) or not col.field:
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable or self.on_edit is None:
            return False
        if col.kind is not None and value is not None and value != "":
            value = col.kind(value)
        row = self._rows[index.row()]
        current = col.edit_value(row) if col.edit_value else col.getter(row)
        if value == current:
            return False
        return bool(self.on_edit(row, col.field, value))


# --- agenda --------------------------------------------------------------------------------------

AGENDA_MIME = "application/x-comite-punto-agenda"


def _agenda_title(r: AgendaRow) -> str:
    """A case by its radicado (never by the person), any other point by its title."""
    return f"Caso {r.radicado}" if r.kind is AgendaItemKind.CASE else r.title


def _outcome(r: AgendaRow) -> str:
    if r.outcome is None:
        return ""
    text = r.outcome.label
    if r.risk_level is not None:
        text += f" — {r.risk_level.label}"
    if r.adopted is False and r.outcome.value == "decidido":
        text += " (no adoptada)"
    return text


AGENDA_COLUMNS = (
    Column("N.º", lambda r: r.position + 1, align=RIGHT),
    EditColumn("Punto", _agenda_title, bold=True, tooltip=_agenda_title),
    Column("Población", lambda r: r.population or "", tooltip=lambda r: r.population),
    Column("Ruta", lambda r: r.route),
    Column("Desplazado", lambda r: r.displaced if r.hearing_id else None, align=CENTER),
    Column("Propuesta GVP", lambda r: r.proposal_level),
    Column("% matriz", lambda r: fmt.percent(r.proposal_pct), align=RIGHT, sort_key=lambda r: r.proposal_pct),
    Column("Origen", lambda r: r.source.label if r.source else ""),
    Column("Hora", lambda r: r.discussed_at),
    Column("Resultado", _outcome,
           foreground=lambda r: GREEN if r.adopted else (RED if r.adopted is False and r.outcome else None)),
)


class AgendaModel(SessionTableModel):
    """The agenda in order; rows can be dragged to a new place (``on_move``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(AGENDA_COLUMNS, parent, key=lambda r: r.item_id)
        self.on_move: Callable[[int, int], None] | None = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.read_only:
            return flags
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [AGENDA_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(AGENDA_MIME, QByteArray(str(self._rows[rows[0]].item_id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return not self.read_only and data.hasFormat(AGENDA_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent) or self.on_move is None:
            return False
        item_id = int(bytes(data.data(AGENDA_MIME).data()).decode() or 0)
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._rows))
        new_position = self.drop_position(item_id, target)
        if new_position is None:
            return False
        callback = self.on_move
        # Move after the drop finishes: the view must not be reset in the middle of its drag.
        QTimer.singleShot(0, lambda: callback(item_id, new_position))
        return False

    def drop_position(self, item_id: int, target_row: int) -> int | None:
        """The new 0-based position of ``item_id`` dropped before row ``target_row``."""
        current = self.find_key(item_id)
        if current is None:
            return None
        target = max(0, min(target_row, len(self._rows)))
        position = self._rows[target].position if target < len(self._rows) else len(self._rows)
        old = self._rows[current].position
        new = position - 1 if old < position else position
        return None if new == old else new


# --- attendance ----------------------------------------------------------------------------------

_CONDITIONS_SHORT = {
    SeatCondition.DISPLACED_CASES: "Casos de población desplazada",
    SeatCondition.OWN_POPULATION: "Casos de su población",
    SeatCondition.RESTORATION_MEASURES: "Medidas de restablecimiento",
    SeatCondition.WHEN_COMPETENT: "Por competencia",
    SeatCondition.WHEN_PERTINENT: "Por pertinencia",
}
PICKED_CONDITIONS = (SeatCondition.WHEN_COMPETENT, SeatCondition.WHEN_PERTINENT)


def condition_text(condition: SeatCondition | None) -> str:
    return "Siempre" if condition is None else _CONDITIONS_SHORT.get(condition, condition.label)


def _status_color(r: AttendanceRow) -> Any:
    return {AttendanceStatus.PRESENTE: GREEN, AttendanceStatus.AUSENTE: RED}.get(r.status, GREY)


def _attendance_editable(row: AttendanceRow, field: str) -> bool:
    if field in ("arrival", "departure"):
        return row.status is AttendanceStatus.PRESENTE
    return True


def _cases_text(r: AttendanceRow) -> str:
    if r.condition not in PICKED_CONDITIONS:
        return ""
    return fmt.plural(len(r.hearing_ids), "caso")


ATTENDANCE_COLUMNS = (
    EditColumn("Entidad", lambda r: r.entity,
               tooltip=lambda r: r.entity + (f"\nMotivo: {r.ad_hoc_reason}" if r.ad_hoc_reason else "")),
    EditColumn("Capacidad", lambda r: r.rights, background=lambda r: rights_badge(r.rights), align=CENTER),
    Column("Rol", lambda r: r.role),
    Column("Condición", lambda r: condition_text(r.condition), tooltip=lambda r: r.condition and r.condition.label),
    EditColumn("Persona", lambda r: r.person_name or "", field="person_name"),
    EditColumn("Cargo", lambda r: r.person_position or "", field="person_position"),
    EditColumn("Calidad", lambda r: r.capacity, field="capacity", kind=Capacity,
               header_tooltip="Principal (el titular) o delegado"),
    EditColumn("Estado", lambda r: r.status, field="status", kind=AttendanceStatus,
               foreground=_status_color, bold=True),
    EditColumn("Llegada", lambda r: r.arrival, field="arrival"),
    EditColumn("Salida", lambda r: r.departure, field="departure"),
    Column("Casos", _cases_text, tooltip=lambda r: "Use «Casos del puesto…» para marcarlos"
           if r.condition in PICKED_CONDITIONS else None),
)
ATT_CAPACITY, ATT_STATUS, ATT_ARRIVAL, ATT_DEPARTURE = 6, 7, 8, 9


class AttendanceModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(ATTENDANCE_COLUMNS, parent, editable=_attendance_editable)


# --- convened ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ConvenedRow:
    id: int
    row: AttendanceRow
    cases: tuple[str, ...]


def _convened_tip(c: ConvenedRow) -> str:
    who = c.row.person_name or c.row.person_position or ""
    return f"{c.row.entity}\n{c.row.role.label}" + (f" — {who}" if who else "")


CONVENED_COLUMNS = (
    EditColumn("Entidad", lambda c: c.row.entity, tooltip=_convened_tip),
    EditColumn("Capacidad", lambda c: c.row.rights, background=lambda c: rights_badge(c.row.rights),
               align=CENTER),
    Column("Condición", lambda c: condition_text(c.row.condition),
           tooltip=lambda c: c.row.ad_hoc_reason and f"Motivo: {c.row.ad_hoc_reason}"),
    Column("Radicados", lambda c: ", ".join(c.cases), tooltip=lambda c: ", ".join(c.cases) or None),
)


class ConvenedModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(CONVENED_COLUMNS, parent)


# --- votes ---------------------------------------------------------------------------------------

def _vote_color(v: VoterRow) -> Any:
    return {VoteChoice.A_FAVOR: GREEN, VoteChoice.EN_CONTRA: RED}.get(v.choice) if v.choice else None


def _voter_state(v: VoterRow) -> str:
    if not v.sits:
        return "No se sienta en este caso"
    if v.rights is not Rights.VOZ_Y_VOTO:
        return "Solo voz"
    if not v.present:
        return "No presente"
    return "Vota"


VOTER_COLUMNS = (
    EditColumn("Entidad", lambda v: v.entity, bold=True, tooltip=lambda v: v.entity),
    Column("Persona", lambda v: v.person_name or ""),
    EditColumn("Capacidad", lambda v: v.rights, background=lambda v: rights_badge(v.rights), align=CENTER),
    Column("Situación", _voter_state,
           foreground=lambda v: GREEN if v.can_vote else (RED if not v.present else GREY)),
    EditColumn("Voto", lambda v: v.choice, field="choice", kind=VoteChoice, foreground=_vote_color, bold=True),
    EditColumn("Salvamento / aclaración", lambda v: v.dissent or "", field="dissent"),
)
VOTER_CHOICE, VOTER_DISSENT = 4, 5


class VotersModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(VOTER_COLUMNS, parent, key=lambda v: v.seat_key,
                         editable=lambda v, field: v.can_vote and (field == "choice" or v.choice is not None))


# --- observations, commitments, acta -------------------------------------------------------------

OBSERVATION_COLUMNS = (
    Column("Entidad", lambda o: o.entity),
    Column("Observación", lambda o: o.text, tooltip=lambda o: o.text),
)


class ObservationsModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(OBSERVATION_COLUMNS, parent)

    def set_observations(self, items: Iterable[ObservationItem]) -> None:
        self.update_rows(items)


COMMITMENT_COLUMNS = (
    Column("Origen", lambda c: c.origin),
    Column("Caso", lambda c: c.radicado or "", tooltip=lambda c: None if c.radicado else "Compromiso general"),
    Column("Compromiso", lambda c: c.description, tooltip=lambda c: c.description),
    Column("Responsable", lambda c: c.responsible),
    Column("Vence", lambda c: c.due, foreground=lambda c: RED if c.overdue else None),
    Column("Estado", lambda c: c.status, foreground=lambda c: RED if c.overdue else None,
           tooltip=lambda c: "Vencido" if c.overdue else None),
)


class CommitmentsModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(COMMITMENT_COLUMNS, parent)


_ACTA_KINDS = {"borrador": "Borrador", "final": "Final", "fe_de_erratas": "Fe de erratas"}

VERSION_COLUMNS = (
    # short headers: the table shares the side pane with the documents' buttons (about 380 px at 1280×800)
    Column("N.º", lambda v: v.version, align=RIGHT, header_tooltip="Versión del acta"),
    Column("Tipo", lambda v: _ACTA_KINDS.get(v.kind, v.kind)),
    Column("Fecha", lambda v: v.created_at),
    Column("Por", lambda v: v.created_by),
    Column("Obs.", lambda v: v.observations, align=RIGHT,
           header_tooltip="Observaciones de los delegados a esa versión"),
    Column("SHA", lambda v: (v.sha256 or "")[:12], tooltip=lambda v: v.sha256,
           header_tooltip="Huella SHA-256 del PDF guardado (la completa en la ayuda emergente de cada fila)"),
)


class ActaVersionsModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(VERSION_COLUMNS, parent)

    def set_versions(self, rows: Iterable[ActaVersionRow]) -> None:
        self.update_rows(rows)


REVIEW_COLUMNS = (
    Column("Versión", lambda o: o.version, align=RIGHT),
    Column("Revisor", lambda o: o.reviewer),
    Column("Observación", lambda o: o.text, tooltip=lambda o: o.text),
    Column("Fecha", lambda o: o.created_at),
    Column("Estado", lambda o: "Respondida" if o.resolved else "Pendiente"),
)


class ReviewModel(SessionTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(REVIEW_COLUMNS, parent)

    def set_reviews(self, rows: Iterable[ReviewRow]) -> None:
        self.update_rows(rows)


# --- pickers (cases to add) ---------------------------------------------------------------------

CASE_COLUMNS = (
    Column("Radicado", lambda c: c.radicado),
    Column("Tipo", lambda c: c.kind),
    Column("Población", lambda c: c.population_code or ""),
    Column("Ruta", lambda c: c.route),
    Column("Desplazado", lambda c: c.displaced, align=CENTER),
    Column("Nivel propuesto", lambda c: c.proposed_level),
    Column("% matriz", lambda c: fmt.percent(c.matrix_pct), align=RIGHT, sort_key=lambda c: c.matrix_pct),
    Column("Estado", lambda c: c.status.replace("_", " ")),
)
HANDOFF_COLUMNS = (
    Column("Radicado", lambda h: h.radicado),
    Column("Sesión del GVP", lambda h: h.gvp_session),
    Column("Nivel", lambda h: h.level),
    Column("% matriz", lambda h: fmt.percent(h.matrix_pct), align=RIGHT, sort_key=lambda h: h.matrix_pct),
    Column("Concepto", lambda h: h.concept or "", tooltip=lambda h: h.concept),
)
EMERGENCY_COLUMNS = (
    Column("Radicado", lambda e: e.radicado),
    Column("Adoptada", lambda e: e.adopted_on),
    Column("Medida", lambda e: e.description, tooltip=lambda e: e.description),
)
PENDING_COMMITMENT_COLUMNS = (
    Column("Radicado", lambda p: p.radicado),
    Column("Compromisos", lambda p: p.commitments, align=RIGHT),
    Column("Responsable", lambda p: p.responsible, tooltip=lambda p: p.responsible),
    Column("Desde", lambda p: p.origin),
    Column("Vence", lambda p: p.due, foreground=lambda p: RED if p.overdue else None,
           tooltip=lambda p: "Vencido" if p.overdue else None),
)


def case_picker_model(rows: Iterable[CaseSummary], parent=None) -> SessionTableModel:
    model = SessionTableModel(CASE_COLUMNS, parent)
    model.set_rows(rows)
    return model


def handoff_picker_model(rows: Iterable[HandoffRow], parent=None) -> SessionTableModel:
    model = SessionTableModel(HANDOFF_COLUMNS, parent)
    model.set_rows(rows)
    return model


def emergency_picker_model(rows: Iterable[EmergencyRow], parent=None) -> SessionTableModel:
    model = SessionTableModel(EMERGENCY_COLUMNS, parent)
    model.set_rows(rows)
    return model


def pending_commitment_picker_model(rows: Iterable[PendingCommitmentCase], parent=None) -> SessionTableModel:
    model = SessionTableModel(PENDING_COMMITMENT_COLUMNS, parent, key=lambda p: p.case_id)
    model.set_rows(rows)
    return model


# --- measures of the decision being prepared -------------------------------------------------

@dataclass(frozen=True)
class MeasureDraft:
    """One measure of the decision form (stored with «Registrar decisión»)."""

    id: int
    code: str
    name: str
    quantity: int = 1
    action: MeasureAction = MeasureAction.IMPLEMENTAR
    months: int | None = 12
    revaluation: date | None = None
    restoration: bool = False  # UP-PCC restoration: recommended to the competent entity
    entity: str = ""


MEASURE_COLUMNS = (
    Column("Medida", lambda m: m.name),
    EditColumn("Cantidad", lambda m: m.quantity, field="quantity", align=RIGHT),
    EditColumn("Acción", lambda m: m.action, field="action", kind=MeasureAction),
    EditColumn("Meses", lambda m: m.months, field="months", align=RIGHT),
    Column("Revaluación", lambda m: m.revaluation,
           tooltip=lambda m: "Se calcula al registrar la decisión" if m.revaluation is None else None),
    EditColumn("Entidad competente", lambda m: m.entity if m.restoration else "—", field="entity",
               edit_value=lambda m: m.entity,
               tooltip=lambda m: ("Entidad a la que el comité recomienda la medida de restablecimiento "
                                  "(F2 para escribirla)") if m.restoration else "Medida de protección de la UNP"),
)
MEASURE_QUANTITY, MEASURE_ACTION, MEASURE_MONTHS, MEASURE_ENTITY = 1, 2, 3, 5


class MeasuresModel(SessionTableModel):
    """The measures of the decision form; edits change the draft in place."""

    def __init__(self, parent=None) -> None:
        # the competent entity is asked only of restoration measures (rules.decision.check_restoration)
        super().__init__(MEASURE_COLUMNS, parent,
                         editable=lambda row, field: field != "entity" or row.restoration)
        self._next = 1
        self.on_edit = self._edit
        self.edited: Callable[[], None] | None = None

    def add(self, code: str, name: str, restoration: bool = False) -> int:
        draft = MeasureDraft(self._next, code, name, restoration=restoration)
        self._next += 1
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(draft)
        self._haystack = {}
        self.endInsertRows()
        return len(self._rows) - 1

    def remove(self, number: int) -> None:
        if 0 <= number < len(self._rows):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self._rows[number]
            self._haystack = {}
            self.endRemoveRows()

    def load(self, items: Iterable[tuple[str, str, int, MeasureAction, int | None, date | None, bool, str]]) -> None:
        rows = []
        for code, name, qty, action, months, reval, restoration, entity in items:
            rows.append(MeasureDraft(self._next, code, name, qty, action, months, reval, restoration, entity))
            self._next += 1
        self.set_rows(rows)

    def _edit(self, row: MeasureDraft, field: str, value: Any) -> bool:
        number = self.find_key(row.id)
        if number is None:
            return False
        if field == "quantity":
            value = max(1, int(value or 1))
        elif field == "months":
            value = int(value) if value else None
        elif field == "entity":
            value = str(value or "").strip()
        self._rows[number] = replace(row, **{field: value}, revaluation=None)
        self._haystack.pop(number, None)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.columns) - 1))
        if self.edited is not None:
            self.edited()
        return True


# --- choices for the editors ---------------------------------------------------------------------

STATUS_CHOICES = [(s, s.label) for s in AttendanceStatus]
CAPACITY_CHOICES = [(c, c.label) for c in Capacity]
VOTE_CHOICES = [(None, "—"), *((v, v.label) for v in VoteChoice)]
ACTION_CHOICES = [(a, a.label) for a in MeasureAction]
