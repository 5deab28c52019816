"""Which value of a document's context makes it fail to render.

A document that fails because of one stored value (not because of its template) should
say which: :func:`culprit` empties each text field in turn and renders again; the first
one whose absence lets the document render is named. Used only after a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import cast

from comite.errors import ComiteError


def culprit(render: Callable[[Mapping[str, object]], bytes], context: Mapping[str, object]) -> str | None:
    """The field whose value alone makes ``render`` fail (blanked, it renders), if any."""
    for path, blanked in each_blanked(context, ""):
        try:
            render(cast(Mapping[str, object], blanked))  # a mapping's copies are mappings
        except (ComiteError, ValueError, UnicodeError):
            continue
        return path
    return None


def each_blanked(value: object, path: str) -> Iterator[tuple[str, object]]:
    """(field path, a copy of ``value`` with that one text field emptied), depth first."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            for sub, blanked in each_blanked(item, where):
                yield sub, {**value, key: blanked}
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            for sub, blanked in each_blanked(item, f"{path}[{i + 1}]"):
                yield sub, type(value)([*value[:i], blanked, *value[i + 1:]])
    elif isinstance(value, str):
        yield path, ""
