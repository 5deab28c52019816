"""The order in which a case's decisions were taken, as one query and one sort key.

Shared by the case's status (:func:`comite.services.decisions.case_status_from_decisions`)
and the start page's measures to revalue (:mod:`comite.services.dashboard`), which must
agree on which decision is a case's latest. Kept apart so the start page does not
import the decision service.
"""

from __future__ import annotations

from sqlalchemy import Select, case, func, select

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


def latest_first() -> list:
    """:func:`chronology` as SQL ``ORDER BY`` terms, the latest decision first, for a window over
    :func:`decisions_in_order` (``row_number() over (partition by case … order by latest_first())``
    is 1 on each case's latest decision). Kept beside :func:`chronology`: both must order alike."""
    moment = func.coalesce(Hearing.discussed_at, CommitteeSession.start_time)  # neither: the earliest
    return [
        CommitteeSession.day.desc(),
        case((Committee.kind == CommitteeKind.GVP, 0), else_=1).desc(),
        moment.desc().nulls_last(),
        CommitteeSession.id.desc(),
        Decision.id.desc(),
    ]
