"""Small text helpers shared by every layer (no dependencies)."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``'Población '`` -> ``'poblacion'``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DOC_JUNK = re.compile(r"[\s.\-_/]")


def normalize_document(number: str) -> str:
    """Canonical form of an identity document number for exact look-up."""
    return _DOC_JUNK.sub("", number).upper()


def normalize_radicado(radicado: str) -> str:
    """Canonical form of a radicado for exact look-up (spaces dropped, upper case)."""
    return re.sub(r"\s", "", radicado).upper()
