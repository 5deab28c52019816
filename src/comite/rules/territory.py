"""Colombia's departments (the 32 and Bogotá, D.C.), to recognise what people type.

A case's department must be one of them: an import or a form that says "Narnia"
is refused with the row and the reason. Spellings without accents, in capitals
or in common short forms ("Bogota", "VALLE", "San Andres") are recognised and
stored as the official name. Municipalities are kept as typed: the DIVIPOLA
list of 1,100-odd names is not shipped.
"""

from __future__ import annotations

from comite.text import fold

DEPARTMENTS: tuple[str, ...] = (
    "Amazonas", "Antioquia", "Arauca", "Atlántico", "Bogotá, D.C.", "Bolívar", "Boyacá", "Caldas", "Caquetá",
    "Casanare", "Cauca", "Cesar", "Chocó", "Córdoba", "Cundinamarca", "Guainía", "Guaviare", "Huila",
    "La Guajira", "Magdalena", "Meta", "Nariño", "Norte de Santander", "Putumayo", "Quindío", "Risaralda",
    "San Andrés, Providencia y Santa Catalina", "Santander", "Sucre", "Tolima", "Valle del Cauca", "Vaupés",
    "Vichada",
)

_ALIASES = {
    "bogota": "Bogotá, D.C.", "bogota d.c.": "Bogotá, D.C.", "bogota dc": "Bogotá, D.C.",
    "bogota, dc": "Bogotá, D.C.", "bogota d. c.": "Bogotá, D.C.", "bogota, d. c.": "Bogotá, D.C.",
    "santafe de bogota": "Bogotá, D.C.", "distrito capital": "Bogotá, D.C.",
    "valle": "Valle del Cauca", "guajira": "La Guajira", "norte santander": "Norte de Santander",
    "san andres": "San Andrés, Providencia y Santa Catalina",
    "archipielago de san andres, providencia y santa catalina": "San Andrés, Providencia y Santa Catalina",
    "san andres y providencia": "San Andrés, Providencia y Santa Catalina",
}
_BY_KEY = {fold(name): name for name in DEPARTMENTS} | _ALIASES


def canonical_department(text: str) -> str | None:
    """The official name of the department ``text`` names, or ``None`` if it names none."""
    key = " ".join(fold(text).replace(".", ". ").split()).replace(". ", ".").rstrip()
    return _BY_KEY.get(key) or _BY_KEY.get(key.replace(".", ""))
