"""The nominal vote of the case: one row per seat, keys 1/2/3 (a favor, en contra,
abstención), Supr to withdraw, F2 for a dissent, and the tally as votes come in.

A vote recorded here is shown from what the service returned: the seat's row
changes and the tally is the service's own (:class:`~comite.services.deliberation.VoteResult`),
so nothing is read again; other views hear of it on the change bus."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QWidget

from comite.domain import VoteChoice
from comite.errors import ConcurrencyConflict
from comite.gui.forms.ui_session_case_votes import Ui_SessionCaseVotes
from comite.gui.session import commands
from comite.gui.session.case.base import CaseHost, CasePanel
from comite.gui.session.common import ERROR
from comite.gui.session.delegates import ChoiceDelegate
from comite.gui.session.models import VOTE_CHOICES, VOTER_CHOICE, VOTER_DISSENT, VotersModel
from comite.gui.table_models import ROW_ROLE, ViewportFit, attach, select_row
from comite.services.views import HearingDetail, VoterRow

VOTE_KEYS = {
    Qt.Key.Key_1: VoteChoice.A_FAVOR,
    Qt.Key.Key_2: VoteChoice.EN_CONTRA,
    Qt.Key.Key_3: VoteChoice.ABSTENCION,
}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0)


class VotesPanel(CasePanel):
    def __init__(self, case: CaseHost, parent: QWidget | None = None) -> None:
        super().__init__(case, parent)
        self.ui = Ui_SessionCaseVotes()
        self.ui.setupUi(self)
        self.model = VotersModel(self)
        self.model.on_edit = self._edited
        table = self.ui.votersTable
        attach(table, self.model, stretch_column=VOTER_DISSENT)
        table.setSortingEnabled(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setItemDelegateForColumn(VOTER_CHOICE, ChoiceDelegate(VOTE_CHOICES, table))
        table.installEventFilter(self)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fit = ViewportFit(table, (1, 0), max_width=190,
                                after=lambda: table.setColumnWidth(1, min(150, table.columnWidth(1))))
        self.ui.allFavorButton.clicked.connect(self.missing_in_favor)
        self._read_only = False

    # --- showing ----------------------------------------------------------------------------------
    def show_case(self, d: HearingDetail, another_case: bool) -> None:
        table = self.ui.votersTable
        current = table.currentIndex().data(ROW_ROLE)
        self.model.read_only = self._read_only or bool(d.adopted)
        self.model.update_rows([v for v in d.voters if v.sits])
        if current is not None:
            select_row(table, self.model, self.model.find_key(current.seat_key))
        elif self.model.rowCount():
            first = self.model.find(lambda v: v.can_vote) or 0
            table.setCurrentIndex(table.model().index(first, 0))
        self._fit.refit()  # every column in view (the salvamento too); long names elide with a tooltip
        table.horizontalScrollBar().setValue(0)
        self._show_tally(d)

    def clear(self) -> None:
        self.model.update_rows([])

    def _show_tally(self, d: HearingDetail) -> None:
        color = "#14532d" if d.tally.adopted else ("#7f1d1d" if not d.quorum.has_quorum else "#3c4043")
        text = f"<span style='color:{color}'><b>{html.escape(d.tally.message)}</b></span>"
        if self.needs_time_to_vote(d):
            text += ("<br><span style='color:#7f1d1d'>La sesión registra horas de llegada o salida: indique "
                     "la hora en que se trató el caso (Ctrl+H) antes de votar.</span>")
        self.ui.tallyLabel.setText(text)

    def needs_time_to_vote(self, d: HearingDetail) -> bool:
        """Votes will be refused until the case has its time (the session records arrivals or departures)."""
        return (d.discussed_at is None and not d.adopted
                and any(r.arrival or r.departure for r in self.host.attendance))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.model.read_only = read_only
        self.ui.allFavorButton.setEnabled(not read_only)

    # --- voting -----------------------------------------------------------------------------------
    def current_voter(self) -> VoterRow | None:
        index = self.ui.votersTable.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_voter(self, seat_key: str) -> None:
        select_row(self.ui.votersTable, self.model, self.model.find_key(seat_key))

    def vote_current(self, choice: VoteChoice | None) -> bool:
        voter = self.current_voter()
        if voter is None or self.model.read_only:
            return False
        ok = self.vote(voter, choice, voter.dissent)  # the rules decide who may vote, and say why not
        if ok and choice is not None:
            self._advance_from(voter.seat_key)
        return ok

    def vote(self, voter: VoterRow, choice: VoteChoice | None, dissent: str | None) -> bool:
        d = self.case.detail
        if d is None:
            return False
        before = (voter.choice, voter.dissent) if voter.choice else None
        after = (choice, dissent or None) if choice else None
        if before == after:
            return True
        return self.host.push(commands.VoteCommand(
            self.host.ctx, d.hearing_id, voter.seat_key, voter.entity, before, after, self._voted, self._failed))

    def _voted(self, result: Any, seat_key: str, vote: commands.Vote) -> None:
        """A vote stored (or undone): the seat's row and the service's tally, with no reading."""
        d = self.case.detail
        if d is not None and result.changes.case_id == d.case_id and result.changes.session_id == d.session_id:
            choice, dissent = vote if vote is not None else (None, None)
            voters = tuple(replace(v, choice=choice, dissent=dissent) if v.seat_key == seat_key else v
                           for v in d.voters)
            self.case.detail = d = replace(d, voters=voters, tally=result.tally)
            self.model.update_rows([v for v in voters if v.sits])
            self._show_tally(d)
        self.case.say("")
        self.case.published(result, self)

    def _failed(self, exc: BaseException) -> None:
        """A vote recorded or withdrawn meanwhile from another desktop: say who and what here,
        and show the stored votes (the deliberation and the decision form typed stay as they are)."""
        if not isinstance(exc, ConcurrencyConflict):
            self.case.error(exc)
            return
        self.case.say(str(exc), ERROR)
        if not self.isVisible():
            self.host.show_message(str(exc), ERROR)
        self.case.reload_detail()

    def _advance_from(self, seat_key: str) -> None:
        rows = self.model.rows()
        keys = [v.seat_key for v in rows]
        start = keys.index(seat_key) + 1 if seat_key in keys else 0
        for v in rows[start:] + rows[:start]:
            if v.can_vote and v.choice is None:
                self.select_voter(v.seat_key)
                return
        self.select_voter(seat_key)

    def _edited(self, voter: VoterRow, field: str, value: Any) -> bool:
        if field == "choice":
            return self.vote(voter, value, voter.dissent)
        if voter.choice is None:
            return False
        return self.vote(voter, voter.choice, (value or "").strip() or None)

    def missing_in_favor(self) -> None:
        if self.case.detail is None:
            return
        missing = [v for v in self.model.rows() if v.can_vote and v.choice is None]
        if not missing:
            return
        self.host.undo_stack.beginMacro("Votos faltantes a favor")
        try:
            for v in missing:
                if not self.vote(v, VoteChoice.A_FAVOR, None):
                    break
        finally:
            self.host.undo_stack.endMacro()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.votersTable and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            mods = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if not mods and key_event.key() in VOTE_KEYS:
                self.vote_current(VOTE_KEYS[Qt.Key(key_event.key())])
                return True
            if not mods and key_event.key() in CLEAR_KEYS:
                self.vote_current(None)
                return True
        return super().eventFilter(watched, event)
