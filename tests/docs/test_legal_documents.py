"""Resolutions and actas a UNP lawyer would sign, generated from sessions recorded
through the services and read back (python-docx, pypdf), on both engines.

The record: a GVP session values three cases; the CERREM poblacional validates one
level, changes another (and departs from the matrix, and replaces the emergency measures
the Director adopted) and ratifies a measure a previous session implemented; the CERREM
de mujeres hears the case of a woman who chose it and her analyst's gender. Every
document must say what that record holds, and nothing else (tests/docs/legal_checks.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

import docx
import pytest
from legal_checks import acta_problems, resolution_problems
from pypdf import PdfReader

from comite.domain import (
    AnalystGender,
    AttendanceStatus,
    DecisionOutcome,
    EmergencyDisposition,
    MeasureAction,
    RiskLevel,
    Route,
    SessionStatus,
    VoteChoice,
)
from comite.services import (
    acta,
    attendance,
    cases,
    decisions,
    deliberation,
    followup,
    resolutions,
    sessions,
    views,
)
from comite.services.decisions import DecisionInput, MeasureInput

NAMES = {"A": "Hernando Ríos Caicedo", "B": "Luz Dary Mosquera", "C": "Yolanda Perea Asprilla",
         "D": "Wilson Arboleda Cuesta"}
CHANGE = "El comité conoció en la sesión un atentado posterior al estudio."
DEPARTURE = "La matriz no pondera el atentado del 20 de noviembre."


def _pdf(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def _docx(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    section = d.sections[0]
    parts += [p.text for p in (*section.header.paragraphs, *section.footer.paragraphs)]
    return " ".join(" ".join(parts).split())


def _case(ctx, key: str, **kw) -> int:
    kw.setdefault("population_code", "victimas")
    kw.setdefault("request_date", date(2026, 8, 31))
    kw.setdefault("study_received", date(2026, 10, 26))
    return cases.create_case(ctx, cases.CaseInput(
        radicado=f"LEX26-{key}", kind=cases.CaseKind.INDIVIDUAL, beneficiary_name=NAMES[key],
        document_number=f"80{ord(key)}55{ord(key)}", **kw)).created_id


def _hold(ctx, sid: int, *, unnamed: str | None = None, early_leaver: str | None = None) -> list[str]:
    """Every unconditional seat present from 9:00 (one without a recorded name, one that
    leaves at 11:00), the session started."""
    rows = {r.seat_key: r for r in views.attendance_rows(ctx, sid)}
    for key, row in rows.items():
        if row.condition is None:
            attendance.set_attendance(ctx, row.id, status=AttendanceStatus.PRESENTE, arrival=time(9, 0),
                                       person_name=None if key == unnamed else f"Delegado {key}",
                                       departure=time(11, 0) if key == early_leaver else None)
    sessions.set_status(ctx, sid, SessionStatus.EN_CURSO)
    return [k for k, r in rows.items() if r.rights.value == "voz_y_voto" and r.condition is None]


def _vote_and_decide(ctx, hid: int, at: time, inp: DecisionInput, dissent_by: str | None = None) -> None:
    deliberation.update_hearing(ctx, hid, discussed_at=at, deliberation="Se analizan el estudio y el concepto.")
    for v in views.hearing_detail(ctx, hid).voters:
        if v.can_vote:
            against = v.seat_key == dissent_by
            deliberation.cast_vote(ctx, hid, v.seat_key, VoteChoice.EN_CONTRA if against else VoteChoice.A_FAVOR,
                                  "No comparto el nivel." if against else None)
    assert decisions.record_decision(ctx, hid, inp).tally.adopted


def _close(ctx, sid: int, end: time = time(12, 30)) -> None:
    sessions.update_session(ctx, sid, end=end, secretary_name="Marta Lucía Ospina",
                            secretary_position="Coordinadora de la Secretaría Técnica")
    sessions.set_status(ctx, sid, SessionStatus.CERRADA)


@dataclass
class Record:
    gvp: int
    first: int
    cerrem: int
    mujeres: int
    hearings: dict[str, int]


@pytest.fixture
def record(admin) -> Record:
    ctx = admin
    a = _case(ctx, "A", matrix_pct=70.25)
    b = _case(ctx, "B", matrix_pct=70.25, route=Route.EMERGENCIA, population_code="periodistas")
    c = _case(ctx, "C", matrix_pct=55.0, is_woman=True, women_committee_choice=True,
              analyst_gender=AnalystGender.MUJER, population_code="ddhh_sociales")
    d = _case(ctx, "D", proposed_level=None)

    # a previous CERREM session implemented D's vest (its acta awaits approval)
    first = sessions.create_session(ctx, "CERREM_POBLACIONAL", date(2026, 10, 6), start=time(9, 0),
                                    place="Sede UNP, Bogotá").session_id
    hd = sessions.add_case(ctx, first, d).created_id
    _hold(ctx, first)
    _vote_and_decide(ctx, hd, time(10, 0), DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Riesgo extraordinario.",
        [MeasureInput("chaleco_blindado", 1, MeasureAction.IMPLEMENTAR, 6)]))
    _close(ctx, first)

    # the GVP values A, B and C; the UNP coordinates it
    gvp = sessions.create_session(ctx, "GVP", date(2026, 11, 3), start=time(9, 0), place="Sede UNP").session_id
    gvp_keys = None
    for key, case, pct in (("A", a, 70.25), ("B", b, 70.25), ("C", c, 55.0)):
        hid = sessions.add_case(ctx, gvp, case).created_id
        if gvp_keys is None:
            gvp_keys = _hold(ctx, gvp, unnamed="policia")
        _vote_and_decide(ctx, hid, time(9, ord(key) - 60), DecisionInput(
            DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, f"Concepto del GVP sobre {key}.", matrix_pct=pct),
            dissent_by="policia" if key == "A" else None)
    _close(ctx, gvp, end=time(11, 30))

    # the CERREM poblacional, virtual: validates A, changes B, ratifies D's vest
    cerrem = sessions.create_session(ctx, "CERREM_POBLACIONAL", date(2026, 11, 24), start=time(9, 0),
                                     virtual_link="https://reunion.example/cerrem").session_id
    handed = {r.case_id: r.id for r in followup.pending_handoffs(ctx, "CERREM_POBLACIONAL")}
    ha = followup.receive_handoff(ctx, cerrem, handed[a]).created_id
    hb = followup.receive_handoff(ctx, cerrem, handed[b]).created_id
    emergency = followup.record_emergency(ctx, b, "CERREM_POBLACIONAL", date(2026, 11, 5),
                                          "Dos hombres de protección por tres meses").created_id
    followup.report_emergency(ctx, cerrem, emergency)
    hd2 = sessions.add_case(ctx, cerrem, d).created_id
    keys = _hold(ctx, cerrem, unnamed="uariv", early_leaver="mindefensa")
    assert "mininterior" in keys  # the Decreto 1139 de 2021 composition
    _vote_and_decide(ctx, ha, time(9, 30), DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Las medidas son idóneas.",
        [MeasureInput("hombre_proteccion", 1, MeasureAction.IMPLEMENTAR, 6)]), dissent_by="uariv")
    _vote_and_decide(ctx, hb, time(10, 0), DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTREMO, "Riesgo grave e inminente.",
        [MeasureInput("hombre_proteccion", 2, MeasureAction.IMPLEMENTAR, 6),
         MeasureInput("vehiculo_blindado", 1, MeasureAction.IMPLEMENTAR, 6)],
        level_change_reason=CHANGE, matrix_departure_reason=DEPARTURE,
        emergency_disposition=EmergencyDisposition.REEMPLAZAR))
    _vote_and_decide(ctx, hd2, time(10, 30), DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Se mantiene el riesgo.",
        [MeasureInput("chaleco_blindado", 1, MeasureAction.RATIFICAR, 12)]))
    _close(ctx, cerrem)

    # the CERREM de mujeres hears C, who chose it
    mujeres = sessions.create_session(ctx, "CERREM_MUJERES", date(2026, 11, 25), start=time(9, 0),
                                      place="Sede UNP").session_id
    [row] = followup.pending_handoffs(ctx, "CERREM_MUJERES")
    hc = followup.receive_handoff(ctx, mujeres, row.id).created_id
    _hold(ctx, mujeres)
    _vote_and_decide(ctx, hc, time(9, 30), DecisionInput(
        DecisionOutcome.DECIDED, RiskLevel.EXTRAORDINARIO, "Medidas con enfoque de género.",
        [MeasureInput("boton_apoyo", 1, MeasureAction.IMPLEMENTAR, 12)]))
    _close(ctx, mujeres)
    return Record(gvp, first, cerrem, mujeres, {"A": ha, "B": hb, "C": hc, "D": hd2})


def _resolutions(ctx, sid: int, out: Path) -> dict[str, str]:
    return {path.stem.rsplit("-", 1)[-1]: _docx(path) for path in resolutions.generate_resolutions(ctx, sid, out)}


def test_resolutions_say_what_the_record_holds(admin, record, tmp_path):
    texts = _resolutions(admin, record.cerrem, tmp_path / "cerrem")
    texts.update(_resolutions(admin, record.mujeres, tmp_path / "mujeres"))
    assert sorted(texts) == ["A", "B", "C", "D"]
    for key, text in texts.items():
        assert resolution_problems(text) == [], key
        assert text.startswith("RESOLUCIÓN No. ____ DE ____")  # the Director's office numbers and dates it
        assert NAMES[key] in text

    a, b, c, d = (texts[k] for k in "ABCD")
    # A: the GVP's level, validated; the GVP session named, never left blank
    assert "validó el nivel de riesgo EXTRAORDINARIO que determinó el GVP" in a
    assert "en la sesión ordinaria No. 001 del tres (3) de noviembre de dos mil veintiséis (2026)" in a
    # B: changed, with its reason; outside the matrix band, with its reason; emergency measures replaced
    assert "validó" not in b
    assert ("no acogió el nivel de riesgo EXTRAORDINARIO que determinó el GVP y determinó un nivel de riesgo "
            "EXTREMO") in b
    assert CHANGE in b and DEPARTURE in b
    assert "no corresponde a la franja del nivel EXTRAORDINARIO" in b
    assert "se aparta de la ponderación de la matriz" in b
    assert "adoptó medidas de emergencia a favor de Luz Dary Mosquera: Dos hombres de protección por tres meses." in b
    assert "MEDIDAS DE EMERGENCIA. Dar por terminadas las medidas de emergencia" in b
    # D: no GVP result recorded: the committee determines the level; the vest in force is ratified
    assert "Grupo de Valoración Preliminar – GVP," not in d and "validó" not in d
    assert "determinó un nivel de riesgo EXTRAORDINARIO, y recomendó" in d
    assert "Ratificar" in d and "un (1) chaleco blindado" in d
    # C: her free and informed choices
    assert "manifestó de manera libre e informada su decisión de que su caso lo estudiara el CERREM para " \
           "el análisis de casos de mujeres" in c
    assert "eligió que su estudio de nivel de riesgo lo realizara una analista mujer" in c
    assert "Resolución 805 de 2012" in c
    assert "conformado según la Resolución 805 de 2012, art. 3, lit. b) y el Decreto 1066 de 2015" in c
    # competence and grounds cite articles; the committee's basis is the composition of the session's day
    for text in (a, b, d):
        assert "los artículos 2.4.1.2.38 y 2.4.1.2.40 del Decreto 1066 de 2015" in text
        assert "conformado según el Decreto 1066 de 2015, arts. 2.4.1.2.36 (modificado por el Decreto 1139 de " \
               "2021, art. 9) y 2.4.1.2.37" in text
        assert "____" not in text.split("NOTIFÍQUESE")[0].split("DE ____", 1)[1]  # only number and dates blank
        assert "Subdirección de Protección de la Unidad Nacional de Protección" in text
        assert "Dirección de Protección y Servicios Especiales de la Policía Nacional" in text
    assert "Ley 1712 de 2014" in a  # the reserve note of the footer


def test_actas_say_what_the_record_holds(admin, record, tmp_path):
    # the CERREM's acta: drafted, reviewed, approved
    acta.issue_draft(admin, record.cerrem, tmp_path / "borrador.pdf")
    acta.approve_acta(admin, record.cerrem, tmp_path / "final.pdf")
    final = _pdf(tmp_path / "final.pdf")
    assert acta_problems(final, final=True, gvp=False) == []
    assert "El acta fue aprobada el veintitrés de noviembre de 2026" in final \
        or "El acta fue aprobada el 23 de noviembre de 2026" in final
    assert "revisaran el borrador (la versión 1) sin observaciones" in final
    # the agenda opens with quorum, agenda and the previous acta, which awaits approval
    assert "1. Verificación del quórum 2. Aprobación del orden del día 3. Aprobación del acta No. 001 de 2026" in final
    assert "Modalidad Virtual" in final
    # the technical secretary attends; who left early took part in part of the session only
    assert "Marta Lucía Ospina" in final and "Sin voto" in final
    assert "Parte de la sesión (se retiró 11:00 a. m.)" in final
    # the level validated or changed, with the reasons; emergency measures; a dissent without a name
    assert "El comité valida el nivel extraordinario que determinó el GVP." in final
    assert f"lo cambia a extremo. Motivo: {CHANGE}" in final
    assert "el comité se aparta de ella. Motivo:" in final and DEPARTURE in final
    assert "Las medidas de emergencia adoptadas por el Director: se reemplazan" in final
    assert "(no se registró el nombre de quien votó), voto en contra:" in final
    assert "Preside" in final and "Ministerio del Interior" in final

    # the GVP's acta: the UNP coordinates
    gvp = tmp_path / "gvp.pdf"
    acta.generate_acta(admin, record.gvp, gvp)
    text = _pdf(gvp)
    assert acta_problems(text, final=False, gvp=True) == []
    assert "BORRADOR" in text

    # the women's CERREM: her choices, in the case's data
    mujeres = tmp_path / "mujeres.pdf"
    acta.generate_acta(admin, record.mujeres, mujeres)
    text = _pdf(mujeres)
    assert acta_problems(text, final=False, gvp=False) == []
    assert "CERREM de mujeres (decisión libre e informada de la solicitante)" in text
    assert "Analista mujer (a elección de la solicitante)" in text


def test_an_acta_approved_in_a_later_session_says_so(admin, record, tmp_path):
    acta.approve_acta(admin, record.first, tmp_path / "primera.pdf", in_session_id=record.cerrem)
    text = _pdf(tmp_path / "primera.pdf")
    assert acta_problems(text, final=True, gvp=False) == []
    assert ("en la sesión ordinaria No. 002 de 2026 del 24 de noviembre de 2026, en el punto «Aprobación del "
            "acta de la sesión anterior»") in text
    assert "sin que se enviara antes un borrador a revisión de los delegados" in text
