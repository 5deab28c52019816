"""The demo's year: the sessions of each committee on business days, and the cases
with their profile, route, study and the GVP session that first hears them.
"""

from __future__ import annotations

import bisect
from collections import deque
from datetime import date, time, timedelta

from comite.demo.data import ALL_COMMITTEES, COLLECTIVE_NAMES, SHARE, THREATS, VEREDAS
from comite.demo.state import CASE_BATCH, RECENT_DAYS, CasePlan, Demo, SessionPlan, clock_time, spread, start_time, utc
from comite.domain import (
    CaseKind,
    CaseStatus,
    RiskLevel,
    Route,
    SessionStatus,
    SessionType,
)
from comite.model import (
    Case,
)
from comite.rules.calendar import is_business_day
from comite.rules.risk import level_for_percentage
from comite.rules.routing import target_committee


def plan_sessions(g: Demo) -> list[SessionPlan]:
    rng = g.rng
    counts = {code: max(1, int(g.n_sessions * SHARE[code])) for code in ALL_COMMITTEES}
    counts["GVP"] += g.n_sessions - sum(counts.values())
    days = [g.start + timedelta(days=i) for i in range((g.end - g.start).days)]
    past_days = [d for d in days if is_business_day(d)]
    future = [g.end + timedelta(days=i) for i in range(1, 40)]
    future_days = [d for d in future if is_business_day(d)]
    plans: list[SessionPlan] = []
    for order, code in enumerate(ALL_COMMITTEES):
        committee = g.committees[code]
        n = counts[code]
        upcoming = min(4, max(1, round(n * 0.04))) if n >= 3 else 0
        live = 1 if code == "CERREM_POBLACIONAL" and n >= 2 else 0
        past = n - upcoming - live
        # the session in progress finds the GVP results of its last days waiting for it
        usable = [d for d in past_days if d < g.end - timedelta(days=10)] if live else past_days
        picked = spread(usable, past)
        per_day: dict[date, int] = {}
        for day in picked:
            k = per_day.get(day, 0)
            per_day[day] = k + 1
            plans.append(SessionPlan(0, committee, day, start_time(code, k)))
        for i in range(upcoming):
            day = future_days[min(len(future_days) - 1, 2 + i * 5 + order % 3)]
            status = SessionStatus.CONVOCADA if i == 0 else SessionStatus.PROGRAMADA
            plans.append(SessionPlan(0, committee, day, start_time(code, i), status=status))
        if live:
            plans.append(SessionPlan(0, committee, g.end, time(9, 0), status=SessionStatus.EN_CURSO))
    plans.sort(key=lambda p: (p.day, p.start, ALL_COMMITTEES.index(p.committee.code)))
    numbers: dict[tuple[str, int], int] = {}
    recent = g.end - timedelta(days=RECENT_DAYS)
    for plan in plans:
        plan.id = g.next_id("committee_session")
        key = (plan.committee.code, plan.day.year)
        numbers[key] = numbers.get(key, 0) + 1
        plan.number = numbers[key]
        if rng.random() < 0.08:
            plan.session_type = SessionType.EXTRAORDINARIA
    g.by_committee = {code: [] for code in ALL_COMMITTEES}
    for plan in plans:
        g.by_committee[plan.committee.code].append(plan)
    # Sessions whose acta goes through the real acta service once the data is written: the
    # latest held one of each committee before the recent weeks (final PDF, the session is
    # then "Acta aprobada") and an earlier GVP one (draft in review). Every other held session
    # stays closed: a session is shown approved only with its stored final acta.
    g.acta_final = []
    g.acta_draft = None
    if g.actas:
        for code in ALL_COMMITTEES:
            approved = [p for p in g.by_committee[code] if p.status == SessionStatus.CERRADA and p.day < recent]
            if approved and len(g.acta_final) < g.actas:
                g.acta_final.append(approved[-1])
            if code == "GVP" and len(approved) >= 2:
                g.acta_draft = approved[-2]
        for chosen in [*g.acta_final, g.acta_draft]:
            if chosen is not None:
                chosen.status = SessionStatus.CERRADA
    return plans


def plan_cases(g: Demo, plans: list[SessionPlan]) -> list[CasePlan]:
    rng = g.rng
    gvp_past = [p for p in plans if p.committee.code == "GVP" and p.day < g.end]
    gvp_future = [p for p in plans if p.committee.code == "GVP" and p.day > g.end]
    business = [g.start - timedelta(days=150) + timedelta(days=i) for i in range(150 + 365 + 60)]
    business = [d for d in business if is_business_day(d)]
    out: list[CasePlan] = []
    for i in range(g.n_cases):
        c = CasePlan()
        c.order = i
        c.kind = CaseKind.COLECTIVO if rng.random() < 0.07 else CaseKind.INDIVIDUAL
        individual = c.kind == CaseKind.INDIVIDUAL
        c.is_woman = individual and rng.random() < 0.46
        c.choice = None
        if c.is_woman:
            r = rng.random()
            c.choice = True if r < 0.35 else (False if r < 0.75 else None)
        c.up_pcc = individual and rng.random() < 0.04
        c.servant = individual and not c.up_pcc and rng.random() < 0.03
        if not individual:
            c.population = rng.choices(g.coll_populations, cum_weights=g.coll_weights)[0]
        elif c.servant:  # populations 14 and 15, heard by the servidores committee
            c.population = "servidor_ddhh_paz" if rng.random() < 0.7 else "exservidor_ddhh_paz"
        elif c.up_pcc:
            c.population = "politicos" if rng.random() < 0.7 else "victimas"
        else:
            c.population = rng.choices(g.populations, cum_weights=g.pop_weights)[0]
        c.displaced = rng.random() < (0.6 if c.population == "victimas" else 0.12)
        c.legal = (rng.random() < 0.4) if not individual else None
        r = rng.random()
        c.route = (Route.ORDINARIA if r < 0.72 else Route.REVALUACION if r < 0.87
                   else Route.EMERGENCIA if r < 0.94 else Route.HECHOS_SOBREVINIENTES).value
        c.department, c.municipality = g.place()
        c.target = target_committee(c.profile())
        c.analyst = rng.choice(g.analysts)
        c.status = CaseStatus.EN_ESTUDIO
        # when its study reaches the GVP
        r = rng.random()
        c.gvp = None
        if r < 0.86 and gvp_past:
            c.gvp = rng.choice(gvp_past)
        elif r < 0.90 and gvp_future:
            c.gvp = rng.choice(gvp_future)
        if c.gvp is not None:
            k = bisect.bisect_left(business, min(c.gvp.day, g.end)) - rng.randint(1, 5)
            c.study = business[max(0, k)]
        else:
            r = rng.random()
            k = bisect.bisect_left(business, g.end)
            if r < 0.7:
                c.study = None
            elif r < 0.95:
                c.study = business[k - rng.randint(0, 4)]
            else:
                c.study = business[k - rng.randint(6, 15)]
        base = c.study or (g.end - timedelta(days=rng.randint(0, 40)))
        c.request = base - timedelta(days=rng.randint(35, 75) if c.study else rng.randint(0, 20))
        if c.study is None:
            c.pct, c.level = None, None
        else:
            r = rng.random()
            level = (RiskLevel.ORDINARIO if r < 0.28 else RiskLevel.EXTRAORDINARIO if r < 0.84
                     else RiskLevel.EXTREMO)
            lo, hi = g.band_of[level]
            c.pct = round(rng.uniform(lo, hi), 2)
            c.level = level_for_percentage(c.pct, g.bands).value
        if c.gvp is not None:
            c.gvp.cases.append(c)
        out.append(c)
    # Ids and radicados follow the order of the requests, as the registry numbers them.
    out.sort(key=lambda c: (c.request, c.order))
    seq: dict[int, int] = {}
    for c in out:
        c.id = g.next_id("case_file")
        year = c.request.year
        seq[year] = seq.get(year, rng.randint(1000, 9000) * 10) + rng.randint(1, 25)
        c.radicado = f"EXT{year % 100:02d}-{seq[year]:08d}"
    for plan in gvp_past + gvp_future:
        plan.cases.sort(key=lambda c: (c.study, c.id))
    return out


def write_cases(g: Demo, plans: list[CasePlan]) -> None:
    rng = g.rng
    recent: dict[bool, deque[tuple[str, str]]] = {True: deque(maxlen=400), False: deque(maxlen=400)}
    used_docs: set[int] = set()
    for c in plans:
        individual = c.kind == CaseKind.INDIVIDUAL
        document: str | None
        reuse = recent[c.is_woman] if individual else None
        if reuse and c.route == Route.REVALUACION and rng.random() < 0.6:
            name, document = reuse[rng.randrange(len(reuse))]
        elif individual:
            name = g.person_name(c.is_woman)
            while True:
                number = rng.randint(1_000_000, 1_150_000_000) if rng.random() < 0.97 else rng.randint(
                    1_000_000_000, 1_199_999_999)
                if number not in used_docs:
                    used_docs.add(number)
                    break
            document = str(number)
            recent[c.is_woman].append((name, document))
        else:
            name = rng.choice(COLLECTIVE_NAMES).format(lugar=c.municipality, vereda=rng.choice(VEREDAS))
            document = f"{rng.randint(800_000_000, 901_999_999)}-{rng.randint(0, 9)}" if c.legal else None
        threat = rng.choice(THREATS).format(municipio=c.municipality)
        subject = ("La persona" if individual else "El colectivo")
        differential = []
        if c.is_woman:
            differential.append("genero")
        if c.population == "etnicos":
            differential.append("etnico")
        row = {
            "id": c.id, "radicado": c.radicado, "kind": c.kind, "beneficiary_name": name,
            "document_number": document,
            "document_bidx": g.vault.blind_index(document, "document") if document else None,
            "contact": f"3{rng.randint(0, 2)}{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "address": f"{rng.choice(g.streets)}, {c.municipality}",
            "narrative": f"{subject} {threat}.",
            "population_code": c.population, "department": c.department, "municipality": c.municipality,
            "route": c.route, "displaced": c.displaced, "analyst": c.analyst if c.study else None,
            "matrix_pct": c.pct, "proposed_level": c.level, "is_woman": c.is_woman,
            "women_committee_choice": c.choice, "up_pcc_member": c.up_pcc,
            "legally_recognised": c.legal, "differential": ",".join(differential),
            "request_date": c.request, "study_received": c.study, "status": CaseStatus.EN_ESTUDIO,
            "created_at": utc(c.request, clock_time(8 * 60 + rng.randint(0, 540))), "row_version": 1,
        }
        g.writer.add(Case, row)
        if g.writer.pending >= CASE_BATCH:
            g.writer.flush("casos")
            g.tick()
    g.writer.flush("casos")
    g.tick()
