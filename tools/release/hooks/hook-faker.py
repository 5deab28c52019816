"""Faker for the frozen demo, limited to the locales the demo uses.

Overrides the community hook, which ships every locale of every provider as
source files (about 25 MB) because Faker finds locales by listing folders. The
demo asks for ``es_CO``; Faker falls back to ``es`` and then to each provider's
default locale, so those are kept too and nothing else.
"""

from importlib import import_module

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

KEEP = {"es_CO", "es", "es_ES", "en_US"}
for _name in collect_submodules("faker.providers", filter=lambda n: n.count(".") == 2):
    _default = getattr(import_module(_name), "default_locale", None)
    if _default:
        KEEP.add(_default)


def _wanted(dotted: str) -> bool:
    """``faker.providers.<provider>[.<locale>[...]]``: kept unless it is another locale."""
    parts = dotted.split(".")
    return len(parts) < 4 or parts[3] in KEEP


hiddenimports = [name for name in collect_submodules("faker.providers") if _wanted(name)]
datas = collect_data_files("text_unidecode") + [
    (source, dest) for source, dest in collect_data_files("faker.providers", include_py_files=True)
    if _wanted(dest.replace("/", ".").replace("\\", "."))
]
