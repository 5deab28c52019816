"""Small text helpers shared by every layer (no dependencies)."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any


def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``'Población '`` -> ``'poblacion'``."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DOC_JUNK = re.compile(r"[\s.\-_/]")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """A count with its noun agreeing: ``plural(1, 'caso')`` -> ``'1 caso'``, ``plural(3, 'caso')`` ->
    ``'3 casos'``; nouns that do not just take an «s» give their plural (``'sesión', 'sesiones'``)."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def normalize_document(number: str) -> str:
    """Canonical form of an identity document number for exact look-up (NFC, invisible
    characters, spaces and separators dropped, upper case)."""
    return _DOC_JUNK.sub("", clean_text(number)).upper()


def normalize_radicado(radicado: str) -> str:
    """Canonical form of a radicado for exact look-up (NFC, invisible characters and spaces
    dropped, upper case): «R\u200b-1» is «R-1», not a second case."""
    return re.sub(r"\s", "", clean_text(radicado)).upper()


# Unicode "format" characters (category Cf): invisible, yet they make two identical-looking
# texts different (zero-width space and joiners, BOM, soft hyphen, direction marks, tags).
_INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
# Control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_UNSHOWABLE = re.compile(f"{_INVISIBLE.pattern}|{_CONTROL.pattern}|[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` as one canonical, visible text: Unicode NFC, invisible format characters
    (zero-width space, BOM, soft hyphen, direction marks) removed, runs of white space
    (tabs and line breaks included) made one space, trimmed. Other control characters
    stay, for :func:`has_control_characters` to refuse."""
    if not value.isascii():
        value = _INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    return " ".join(value.split())


def has_control_characters(value: str) -> bool:
    """Whether ``value`` holds a control character (ESC, NUL, ...; tab and line breaks too)."""
    return _CONTROL.search(value) is not None


def shown(value: object, limit: int = 40) -> str:
    """A value as a message may quote it: control and invisible characters as «�», at most
    ``limit`` characters (then «…»). A message never carries a terminal escape sequence
    or a 100 KB value back to the person."""
    text = _UNSHOWABLE.sub("\ufffd", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable(value: str) -> str:
    """``value`` without the characters no document can hold: controls other than tab and
    line breaks, and lone surrogates (a PDF or a Word file refuses them)."""
    if value.isascii() and value.isprintable():
        return value
    return _UNPRINTABLE.sub("", value)


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable_fields(value: Any) -> Any:
    """``value`` (frozen dataclasses, tuples, lists, dicts of them) with every text made
    :func:`printable`: what a document builder receives, whatever was stored."""
    if isinstance(value, str):
        return printable(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable_fields(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **{k: v for k, v in changes.items() if v is not getattr(value, k)})
    if isinstance(value, tuple | list):
        items = [printable_fields(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else type(value)(items)
    if isinstance(value, dict):
        return {k: printable_fields(v) for k, v in value.items()}
    return value
