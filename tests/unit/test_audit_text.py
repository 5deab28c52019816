"""The audit trail as a person reads it: labels for actions and subjects, details in words."""

from __future__ import annotations

import json

import pytest

from comite.domain import AuditAction
from comite.services.audit_text import action_label, details_text, subject_label
from comite.storage.audit_chain import canonical


def _details(action: str, details: dict, seats: dict | None = None) -> str:
    return details_text(action, json.dumps(details), seats)


def test_a_decision_reads_as_words_not_python_values():
    text = _details("decision", {
        "resultado": "decidido", "nivel": "extremo", "adoptada": True, "antes": None,
        "estado_caso": ["en_estudio", "valorado_gvp"], "votos": [5, 1, 0],
        "medidas": [["chaleco_blindado", 1, "implementar", 6]], "reservado": "c2VjcmV0bw==",
    })
    assert text == (
        "resultado: Decidido; nivel: Extremo; adoptada: sí; antes: —; "
        "estado caso: En estudio → Valorado por el GVP; votos: a favor 5, en contra 1, abstención 0; "
        "medidas: chaleco_blindado ×1, implementar, 6 meses; (incluye datos reservados cifrados)"
    )
    assert "True" not in text and "None" not in text


def test_a_seat_is_named_by_who_holds_it():
    seats = {"policia_dipro": "Policía Nacional – Dirección de Protección"}
    assert _details("voto", {"puesto": "policia_dipro", "voto": "a_favor", "antes": "en_contra"}, seats) == (
        "puesto: Policía Nacional – Dirección de Protección; voto: A favor; antes: En contra")
    assert _details("voto_retirado", {"puesto": "otro", "antes": None}, seats) == "puesto: otro; antes: —"


@pytest.mark.parametrize(("action", "details", "expected"), [
    ("sesion_estado", {"de": "programada", "a": "en_curso"}, "de: Programada; a: En curso"),
    ("compromiso_estado", {"de": "pendiente", "a": "cumplido"}, "de: Pendiente; a: Cumplido"),
    ("sesion_creada", {"comite": "GVP", "fecha": "2026-03-10", "tipo": "ordinaria"},
     "comite: GVP; fecha: 10/03/2026; tipo: Ordinaria"),
    ("asistencia", {"puesto": "unp", "antes": {"estado": "ausente", "llegada": None},
                    "despues": {"estado": "presente", "llegada": "09:40:00"}},
     "puesto: unp; antes: (estado: Ausente; llegada: —); despues: (estado: Presente; llegada: 09:40)"),
    ("caso_deliberacion", {"hora": "10:15:00", "restablecimiento": False}, "hora: 10:15; restablecimiento: no"),
    ("usuario_creado", {"usuario": "ana", "rol": "secretaria", "comites": ["GVP"]},
     "usuario: ana; rol: Secretaría técnica; comites: [GVP]"),
    ("sesion_estado", {"de": "un_estado_futuro"}, "de: un_estado_futuro"),  # a newer version's code
])
def test_details_by_action(action, details, expected):
    assert _details(action, details) == expected


def test_labels_and_unknown_codes():
    assert action_label("caso_modificado") == "Caso modificado"
    assert action_label("catalogo_importado") == "Catálogo importado"
    assert action_label("accion_de_una_version_nueva") == "accion_de_una_version_nueva"
    assert subject_label("sesion", 12) == "Sesión 12"
    assert subject_label("catalogo", None) == "Catálogo"
    assert details_text("login", "") == "" and details_text("login", "no es json") == "no es json"


def test_an_action_hashes_as_its_code():
    """The trail hashes the code the entry stores: an enum member and its code give the
    same bytes, so trails written before the vocabulary was an enum still verify."""
    for member in AuditAction:
        assert canonical({"action": member}) == canonical({"action": member.value})
