"""What a UNP lawyer checks before the Director signs (DOMAIN.md, "Documents a lawyer
signs"), as functions over the text read back from a generated resolution (python-docx)
or acta (pypdf). Each returns the problems it finds (empty: none), so a test can run them
over any batch of documents (a recorded session's, or the demo's)."""

from __future__ import annotations

import re

LEVELS = ("ORDINARIO", "EXTRAORDINARIO", "EXTREMO")
BANDS = {"ORDINARIO": (0.0, 49.99), "EXTRAORDINARIO": (50.0, 79.99), "EXTREMO": (80.0, 100.0)}  # risk_levels.toml


def _band(pct: float) -> str:
    return next(level for level, (low, high) in BANDS.items() if low <= round(pct, 2) <= high)


def resolution_problems(text: str) -> list[str]:
    """A resolution's text (body, tables, header and footer), read back."""
    out = []
    if "()" in text:
        out.append("paréntesis vacíos «()»")
    if "{{" in text or "{%" in text:
        out.append("campos de la plantilla sin llenar")
    if re.search(r"\ben ____", text):
        out.append("sesión en blanco («en ____»)")
    if "NOTIFÍQUESE, COMUNÍQUESE Y CÚMPLASE" not in text or "COMUNICACIÓN. Comunicar" not in text:
        out.append("sin artículo de comunicación (COMUNÍQUESE)")
    if not re.search(r"artículos? [\d.]+(A)?( y [\d.]+)? del Decreto 1066 de 2015", text):
        out.append("la competencia no cita artículos del Decreto 1066 de 2015")
    if "artículos 67, 68 y 69 de la Ley 1437 de 2011" not in text or "artículos 74 y 76" not in text:
        out.append("notificación o recursos sin sus artículos")
    level = re.search(r"determinar que el nivel de riesgo .*? es (ORDINARIO|EXTRAORDINARIO|EXTREMO)", text, re.S)
    if level is None:
        out.append("sin artículo de nivel de riesgo")
        return out
    level = level.group(1)
    pct = re.search(r"con una ponderación de la matriz de (\d+),(\d+) %", text)
    if pct is not None:
        band = _band(float(f"{pct.group(1)}.{pct.group(2)}"))
        departs = "se aparta de la ponderación de la matriz" in text
        if band != level and not departs:
            out.append(f"nivel {level} fuera de la franja {band} de la ponderación, sin apartamiento motivado")
        if band == level and departs:
            out.append("dice que se aparta de la matriz sin apartarse")
    gvp = re.search(r"determinó un nivel de riesgo (ORDINARIO|EXTRAORDINARIO|EXTREMO)\.", text)
    if "validó el nivel de riesgo" in text and (gvp is None or gvp.group(1) != level):
        out.append("«validó» un nivel que no es el del GVP")
    if gvp is not None and gvp.group(1) != level and "motivo" not in text:
        out.append("cambia el nivel del GVP sin motivo")
    if "concertaron" in text and "Adoptar, respecto" not in text:
        out.append("concertación sin medidas adoptadas")
    if "Adoptar, respecto" in text and "Guardar la reserva" not in text:
        out.append("sin el deber de guardar la reserva")
    return out


def acta_problems(text: str, *, final: bool, gvp: bool) -> list[str]:
    """An acta's text (all pages, whitespace folded), read back."""
    out = []
    if "()" in text:
        out.append("paréntesis vacíos «()»")
    if final and "BORRADOR" in text:
        out.append("acta final marcada BORRADOR")
    if final and "El acta fue aprobada el" not in text:
        out.append("el acta final no dice cuándo ni cómo se aprobó")
    # the reviewers' paragraph marks in the margin ("3 ¶1") fall anywhere in the extracted text
    agenda = re.search(r"Orden del día (.*?)\d+\. Desarrollo de la sesión", re.sub(r" \d+ ¶\d+", "", text))
    if agenda is None or not re.match(r"\s*1\. Verificación del quórum 2\. Aprobación del orden del día",
                                      agenda.group(1)):
        out.append("el orden del día no abre con el quórum y la aprobación del orden del día")
    if "Secretaría técnica" not in text:
        out.append("la secretaría técnica no está en la asistencia")
    if gvp and ("Coordina" not in text or re.search(r"\bPreside\b", text)):
        out.append("en el GVP la UNP coordina, no preside")
    if "Reserva legal" not in text and "reserva legal" not in text:
        out.append("el pie no cita el fundamento de la reserva")
    if "Ley 1712 de 2014" not in text:
        out.append("el pie no cita la Ley 1712 de 2014")
    return out
