"""The order in which a case's decisions were taken, as one query and one sort key.

Shared by the case's status (:func:`comite.services.decisions.case_status_from_decisions`)
and the start page's measures to revalue (:mod:`comite.services.dashboard`), which must
agree on which decision is a case's latest. Kept apart so the start page does not
import the decision service.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from sqlalchemy import Select, Time, case, func, literal, select, tuple_

from comite.domain import CommitteeKind
from comite.model import Committee, CommitteeSession, Decision, Hearing
from comite.rules.routing import decision_chronology


def decisions_in_order() -> Select:
    """A query of decisions (``case_id``, ``decision_id``, ``outcome``, ``kind`` of the
    committee and what :func:`decision_chronology` orders by); add ``where`` clauses and
    take the largest :func:`chronology` per case for its latest decision."""
    return (
        select(Hearing.case_id, Decision.id.label("decision_id"), Decision.outcome, Committee.kind,
               CommitteeSession.day, Hearing.discussed_at, CommitteeSession.start_time,
               CommitteeSession.id.label("session_id"))
        .join(Hearing, Hearing.id == Decision.hearing_id)
        .join(CommitteeSession, CommitteeSession.id == Hearing.session_id)
        .join(Committee, Committee.id == CommitteeSession.committee_id)
    )


def chronology(row) -> tuple:
    """Sort key of a :func:`decisions_in_order` row."""
    return decision_chronology(row.day, row.kind, row.discussed_at, row.start_time, row.session_id,
                               row.decision_id)


def chronology_sql(hearing, decision, session, committee) -> Any:
    """:func:`chronology` as one SQL row value over these (possibly aliased) tables, to compare two
    decisions (``chronology_sql(...) > chronology_sql(...)``: the first was taken later)."""
    moment = func.coalesce(hearing.discussed_at, session.start_time, literal(time.min, Time()))
    return tuple_(session.day, case((committee.kind == CommitteeKind.GVP, 0), else_=1), moment, session.id,
                  decision.id)
