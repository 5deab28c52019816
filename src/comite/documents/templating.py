"""Word (docxtpl/Jinja) templates compiled once and rendered many times.

``docxtpl.DocxTemplate`` re-opens the .docx, re-parses every part with
python-docx, re-runs its regex clean-up of the XML and re-compiles the Jinja
source on every document. For a session of 200 resolutions that work is
identical each time, so :class:`CompiledDocxTemplate` does it once:

* at load time it reads the template bytes, runs docxtpl's own XML clean-up
  (``patch_xml``, so staff keep docxtpl's syntax: ``{{ x }}``, ``{%p if %}``,
  ``{%tr for %}``...) on every part that holds placeholders (body, headers,
  footers, footnotes, core properties), compiles each part to a Jinja template
  and checks that every placeholder name is one the caller provides;
* per document it only renders those compiled parts, applies the same
  post-processing docxtpl applies (listing characters, table grid fix, docPr
  ids) and zips the result next to the untouched parts (copied as they are).

Rendering is strict: unknown placeholders (``StrictUndefined``), Jinja syntax
errors and a missing or corrupt file all raise
:class:`comite.errors.ValidationError` with a Spanish message that names the
template file and the place (part, line, nearby text, placeholder name).
Values are XML-escaped (autoescape), so ``&`` or ``<`` in data cannot break
the document. Not supported (not needed by our templates): ``InlineImage``,
``Subdoc`` and the media-replacement helpers of docxtpl; ``RichText`` and
``Listing`` work.
"""

from __future__ import annotations

import contextlib
import io
import os
import posixpath
import re
import tempfile
import threading
import zipfile
from collections import deque
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, Template, TemplateError, TemplateSyntaxError, meta
from jinja2.exceptions import UndefinedError
from lxml import etree

from comite.documents.culprit import culprit
from comite.errors import ComiteError, ValidationError
from comite.text import printable

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT = _RT + "officeDocument"
_RENDERED_RELS = {
    _RT + "header": "el encabezado",
    _RT + "footer": "el pie de página",
    _RT + "footnotes": "las notas al pie",
}
_CORE_PROPS = "docProps/core.xml"
_XML_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
_JINJA_MARK = re.compile(r"\{[{%#]")
_LISTING_CHARS = re.compile("[\t\a\n\f]")
# docxtpl tags that change the number of cells in a row (then the grid needs fixing)
_CELL_TAGS = re.compile(r"\{%-?\s*(?:tc\s|hm\s*-?%\}|colspan\s)")
_TAGS = re.compile(r"<[^>]+>")
_TEMPLATE_FILENAME = "<template>"  # what jinja2 reports for from_string() templates

# docxtpl's clean-up and post-processing functions do not use the instance
# state (no document is opened by the constructor), so one instance serves all.
_DOCXTPL = DocxTemplate(io.BytesIO())
# Template parts are read the way python-docx reads them (what docxtpl sees);
# rendered parts are checked strictly, with no recovery.
_LOAD_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
_STRICT_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


def make_environment() -> Environment:
    """The Jinja environment every document template renders with. Every value is made
    printable on its way in (:func:`comite.text.printable`): one control character in a
    stored name must not break a document."""
    return Environment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True,
                       finalize=_printable)


def _printable(value: object) -> object:
    return printable(value) if isinstance(value, str) and not hasattr(value, "__html__") else value


@dataclass(frozen=True, slots=True)
class _Part:
    name: str  # zip member name
    where: str  # Spanish, for messages: "el cuerpo del documento"
    template: Template
    lines: tuple[str, ...]  # the Jinja source split in lines, for error context
    is_body: bool


class CompiledDocxTemplate:
    """A .docx template parsed and compiled once; :meth:`render` is cheap.

    Args:
        source: the template's bytes.
        name: how messages call the template (its file name).
        known_names: the names the caller's context always provides; any other
            top-level placeholder is refused at load time. ``None`` skips that
            check (undefined names then fail at render time).
    """

    def __init__(self, source: bytes, name: str, known_names: Iterable[str] | None = None) -> None:
        self.name = name
        self.source = source
        self._env = make_environment()
        try:
            archive = zipfile.ZipFile(io.BytesIO(source))
            members = [(info, archive.read(info.filename)) for info in archive.infolist()]
        except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
            raise ValidationError(
                f"La plantilla «{name}» no es un documento de Word (.docx) válido o está dañada."
            ) from exc
        blobs = {info.filename: data for info, data in members}
        try:
            parts = self._load_parts(blobs)
        except etree.XMLSyntaxError as exc:
            raise ValidationError(
                f"La plantilla «{name}» está dañada: una de sus partes no es XML válido ({exc})."
            ) from exc
        self._parts = tuple(parts)
        rendered = {part.name for part in parts}
        self._static = _static_archive(members, rendered)
        if known_names is not None:
            self._check_names(frozenset(known_names))

    def _load_parts(self, blobs: Mapping[str, bytes]) -> list[_Part]:
        main = _main_document_name(blobs, self.name)
        root = etree.fromstring(blobs[main], _LOAD_PARSER)
        body = root.find(f"{{{W_NS}}}body")
        if body is None:
            raise ValidationError(
                f"La plantilla «{self.name}» está dañada: el documento no tiene cuerpo."
            )
        self._body_index = root.index(body)
        body_xml = etree.tostring(body, encoding="unicode")
        self._fix_tables = bool(_CELL_TAGS.search(_TAGS.sub("", body_xml)))
        root.remove(body)
        self._shell = etree.tostring(root, encoding="UTF-8")

        parts = [self._compile(main, "el cuerpo del documento", body_xml, is_body=True)]
        for member, where in _related_parts(blobs, main):
            xml = etree.tostring(etree.fromstring(blobs[member], _LOAD_PARSER), encoding="unicode")
            if _JINJA_MARK.search(xml):
                parts.append(self._compile(member, where, xml, is_body=False))
        core = blobs.get(_CORE_PROPS)
        if core is not None and _JINJA_MARK.search(core.decode("utf-8", "replace")):
            xml = etree.tostring(etree.fromstring(core, _LOAD_PARSER), encoding="unicode")
            parts.append(
                self._compile(_CORE_PROPS, "las propiedades del documento", xml, False, patch=False)
            )
        return parts

    # -- loading ----------------------------------------------------------------

    @classmethod
    def from_path(
        cls, path: Path, known_names: Iterable[str] | None = None
    ) -> CompiledDocxTemplate:
        try:
            source = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise ValidationError(
                f"No se encontró la plantilla «{Path(path).name}» ({path})."
            ) from exc
        except OSError as exc:
            raise ValidationError(
                f"No se pudo leer la plantilla «{Path(path).name}» ({exc.strerror or exc})."
            ) from exc
        return cls(source, Path(path).name, known_names)

    def _compile(
        self, member: str, where: str, xml: str, is_body: bool, patch: bool = True
    ) -> _Part:
        if patch:
            xml = _DOCXTPL.patch_xml(xml)
        # One line per paragraph, as docxtpl does, so line numbers point somewhere useful.
        xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        lines = tuple(xml.split("\n"))
        try:
            template = self._env.from_string(xml)
        except TemplateSyntaxError as exc:
            raise ValidationError(
                f"La plantilla «{self.name}» tiene un error de sintaxis en {where}"
                f"{_place(lines, exc.lineno)}: {_explain(exc)}"
            ) from exc
        return _Part(member, where, template, lines, is_body)

    def _check_names(self, known: frozenset[str]) -> None:
        for part in self._parts:
            source = "\n".join(part.lines)
            used = meta.find_undeclared_variables(self._env.parse(source))
            unknown = sorted(used - known)
            if unknown:
                bad = unknown[0]
                lineno = _line_of_name(part.lines, bad)
                raise ValidationError(
                    f"La plantilla «{self.name}» usa el campo «{{{{ {bad} }}}}», que no existe, "
                    f"en {part.where}{_place(part.lines, lineno)}. "
                    f"Campos disponibles: {', '.join(sorted(known))}."
                )

    # -- rendering --------------------------------------------------------------

    def render(self, context: Mapping[str, object], subject: str = "") -> bytes:
        """The finished .docx for ``context``, as bytes.

        When it fails because of one value (not the template), the error names that
        field and ``subject`` ("la resolución del caso …"), not the template.
        """
        try:
            return self._render(context)
        except (ComiteError, UnicodeError) as exc:
            # A value that breaks the XML (not a Jinja error, which is the template's) is looked for.
            broken_xml = isinstance(exc, UnicodeError) or isinstance(exc.__cause__, etree.XMLSyntaxError)
            field = culprit(self._render, context) if broken_xml else None
            if field is not None:
                raise ValidationError(
                    f"No se pudo generar {subject or 'el documento'}: el dato «{field}» no se puede escribir en un "
                    f"documento de Word. La plantilla «{self.name}» está bien: corrija ese dato y vuelva a generar."
                ) from exc
            if subject or isinstance(exc, UnicodeError):
                raise ValidationError(f"No se pudo generar {subject or 'el documento'}: {exc}") from exc
            raise

    def _render(self, context: Mapping[str, object]) -> bytes:
        rendered: dict[str, bytes] = {}
        for part in self._parts:
            xml = self._render_part(part, context)
            if part.is_body:
                rendered[part.name] = self._assemble_document(part, xml)
            else:
                try:
                    etree.fromstring(xml, _STRICT_PARSER)
                except etree.XMLSyntaxError as exc:
                    raise self._malformed(part) from exc
                rendered[part.name] = _XML_DECL + xml.encode("utf-8")
        return self._zip(rendered)

    def _render_part(self, part: _Part, context: Mapping[str, object]) -> str:
        try:
            xml = part.template.render(context)
        except UndefinedError as exc:
            lineno = _template_lineno(exc.__traceback__)
            bad = _undefined_name(str(exc))
            raise ValidationError(
                f"La plantilla «{self.name}» usa el campo «{bad}», que no existe, "
                f"en {part.where}{_place(part.lines, lineno)}."
            ) from exc
        except TemplateError as exc:
            lineno = _template_lineno(exc.__traceback__)
            raise ValidationError(
                f"La plantilla «{self.name}» no se pudo llenar: error en {part.where}"
                f"{_place(part.lines, lineno)}: {_explain(exc)}"
            ) from exc
        except (TypeError, ValueError, AttributeError, ArithmeticError) as exc:
            # e.g. a filter applied to the wrong kind of value: {{ medidas|upper }}
            lineno = _template_lineno(exc.__traceback__)
            raise ValidationError(
                f"La plantilla «{self.name}» no se pudo llenar: error en {part.where}"
                f"{_place(part.lines, lineno)} ({exc})."
            ) from exc
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if _LISTING_CHARS.search(xml):  # only values with \n, \t, \a or \f need it (slow)
            xml = _DOCXTPL.resolve_listing(xml)
        return xml

    def _assemble_document(self, part: _Part, body_xml: str) -> bytes:
        try:
            body = etree.fromstring(body_xml, _STRICT_PARSER)
        except etree.XMLSyntaxError as exc:
            raise self._malformed(part) from exc
        if self._fix_tables:
            body = _DOCXTPL.fix_tables(body_xml)  # grid columns for looped cells, as docxtpl does
        for number, element in enumerate(body.iter(f"{{{WP_NS}}}docPr"), start=1001):
            element.set("id", str(number))
        document = etree.fromstring(self._shell)
        document.insert(self._body_index, body)
        return etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _malformed(self, part: _Part) -> ValidationError:
        return ValidationError(
            f"La plantilla «{self.name}» produce un documento mal formado en {part.where}: "
            "una etiqueta {% ... %} abre en un párrafo, celda o fila y cierra en otro. "
            "Use {%p ... %} para párrafos completos, {%tr ... %} para filas y {%tc ... %} para celdas."
        )

    def _zip(self, rendered: Mapping[str, bytes]) -> bytes:
        buffer = io.BytesIO(self._static)
        buffer.seek(0, io.SEEK_END)
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
            for member, data in rendered.items():
                info = zipfile.ZipInfo(member, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return buffer.getvalue()


# -- template cache -------------------------------------------------------------

_cache: dict[tuple[str, int, int, frozenset[str] | None], CompiledDocxTemplate] = {}
_cache_lock = threading.Lock()


def load_template(path: Path, known_names: Iterable[str] | None = None) -> CompiledDocxTemplate:
    """The compiled template at ``path``, reused while the file is unchanged.

    The cache key includes the file's size and modification time, so a
    template edited in Word between two batches is picked up.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError as exc:
        raise ValidationError(f"No se encontró la plantilla «{path.name}» ({path}).") from exc
    except OSError as exc:
        raise ValidationError(f"No se pudo leer la plantilla «{path.name}» ({exc}).") from exc
    names = frozenset(known_names) if known_names is not None else None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, names)
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    compiled = CompiledDocxTemplate.from_path(path, names)
    with _cache_lock:
        for old in [k for k in _cache if k[0] == key[0]]:
            del _cache[old]  # keep only the current version of each file
        _cache[key] = compiled
    return compiled


# -- files ----------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9-]+")


def safe_filename_part(text: str) -> str:
    """ASCII letters, digits and dashes only: ``"EXT/26 0001"`` -> ``"EXT-26-0001"``."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text).strip("-") or "SIN-DATO"


def atomic_write(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that no reader ever sees half a file.

    The bytes go to a temporary file in the same directory, which then
    replaces ``path`` in one step (``os.replace``). With ``durable`` the data
    is flushed to disk first, so a power cut cannot leave an empty file.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, PermissionError):
            raise ComiteError(
                f"No se pudo guardar «{path.name}»: el archivo está abierto en otro programa "
                "o no hay permiso de escritura en la carpeta."
            ) from exc
        if isinstance(exc, OSError):
            raise ComiteError(f"No se pudo guardar «{path.name}» ({exc.strerror or exc}).") from exc
        raise


class AtomicFileWriter:
    """Writes files with :func:`atomic_write` on background threads.

    Writing and flushing a file to disk releases the GIL, so the caller can
    render the next document meanwhile. Files complete in submission order as
    far as the caller can tell: :meth:`submit` and :meth:`finish` return the
    paths that became complete (for progress reports on the caller's thread).
    At most ``max_pending`` documents wait in memory. Use as a context
    manager; leaving it waits for every write in flight, so no temporary file
    survives.
    """

    def __init__(self, *, durable: bool = True, threads: int = 2, max_pending: int = 8) -> None:
        self._durable = durable
        self._max_pending = max_pending
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="comite-write")
        self._pending: deque[tuple[Path, Future[None]]] = deque()
        self.written: list[Path] = []  # complete files, in submission order

    def submit(self, path: Path, data: bytes) -> list[Path]:
        self._pending.append(
            (path, self._pool.submit(atomic_write, path, data, durable=self._durable))
        )
        return self._collect(len(self._pending) - self._max_pending)

    def finish(self) -> list[Path]:
        """Wait for every pending write; raise the first write error."""
        return self._collect(len(self._pending))

    def _collect(self, must_wait: int) -> list[Path]:
        done: list[Path] = []
        while self._pending and (must_wait > 0 or self._pending[0][1].done()):
            path, future = self._pending.popleft()
            must_wait -= 1
            future.result()
            self.written.append(path)
            done.append(path)
        return done

    def close(self) -> None:
        """Wait for writes in flight; files that completed join :attr:`written`."""
        while self._pending:
            path, future = self._pending.popleft()
            with contextlib.suppress(Exception):
                future.result()
                self.written.append(path)
        self._pool.shutdown(wait=True)

    def __enter__(self) -> AtomicFileWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# -- python-docx helpers (templates script, notification) --------------------------


def add_field(paragraph, instruction: str, size: float | None = None) -> None:
    """Append a Word field (``PAGE``, ``NUMPAGES``) to a python-docx paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def run_with(child=None, text: str | None = None):
        run = paragraph.add_run(text)
        if size:
            run.font.size = Pt(size)
        if child is not None:
            run._r.append(child)

    def char(kind: str):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(char("begin"))
    run_with(instr)
    run_with(char("separate"))
    run_with(text="1")  # shown until the viewer updates the field
    run_with(char("end"))


def shade_cell(cell, fill: str) -> None:
    """Background colour (hex ``"D9D9D9"``) of a python-docx table cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


# -- helpers --------------------------------------------------------------------


def _main_document_name(blobs: Mapping[str, bytes], name: str) -> str:
    rels = blobs.get("_rels/.rels")
    if rels is not None:
        try:
            tree = etree.fromstring(rels, _LOAD_PARSER)
        except etree.XMLSyntaxError:
            tree = None
        if tree is not None:
            for rel in tree.iter(f"{{{_PKG_REL_NS}}}Relationship"):
                if rel.get("Type") == _OFFICE_DOCUMENT:
                    target = rel.get("Target", "").lstrip("/")
                    if target in blobs:
                        return target
    if "word/document.xml" in blobs:
        return "word/document.xml"
    raise ValidationError(
        f"La plantilla «{name}» no es un documento de Word (.docx) válido o está dañada."
    )


def _related_parts(blobs: Mapping[str, bytes], main: str) -> list[tuple[str, str]]:
    """Header, footer and footnote parts of the main document, with a Spanish name."""
    folder, base = posixpath.split(main)
    rels = blobs.get(posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None:
        return []
    found = []
    for rel in etree.fromstring(rels, _LOAD_PARSER).iter(f"{{{_PKG_REL_NS}}}Relationship"):
        where = _RENDERED_RELS.get(rel.get("Type", ""))
        if where is None or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        member = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        if member in blobs:
            found.append((member, where))
    return found


def _static_archive(members: list[tuple[zipfile.ZipInfo, bytes]], skip: set[str]) -> bytes:
    """A zip with every member that never changes, compressed once."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename in skip or info.is_dir():
                continue
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            archive.writestr(copy, data)
    return buffer.getvalue()


def _text_of(line: str) -> str:
    return re.sub(r"\s+", " ", _TAGS.sub("", line)).strip()


def _place(lines: tuple[str, ...], lineno: int | None) -> str:
    """``", línea 12 (cerca de «ARTÍCULO PRIMERO...»)"`` or ``""``."""
    if not lineno:
        return ""
    text = ""
    for index in (lineno - 1, lineno - 2, lineno):  # the line, else its neighbours
        if 0 <= index < len(lines):
            text = _text_of(lines[index])
            if text:
                break
    if len(text) > 90:
        text = text[:87] + "..."
    return f", línea {lineno}" + (f" (cerca de «{text}»)" if text else "")


def _line_of_name(lines: tuple[str, ...], name: str) -> int | None:
    pattern = re.compile(r"(\{\{|\{%)[^}%]*\b" + re.escape(name) + r"\b")
    for number, line in enumerate(lines, start=1):
        if pattern.search(line):
            return number
    return None


def _template_lineno(tb: TracebackType | None) -> int | None:
    """The template line of a runtime error (jinja2 rewrites tracebacks to show it)."""
    lineno = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == _TEMPLATE_FILENAME:
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def _undefined_name(message: str) -> str:
    match = re.search(r"has no attribute '([^']+)'", message) or re.search(
        r"'([^']+)' is undefined", message
    )
    return match.group(1) if match else message


_JINJA_HINTS = (
    (
        "unexpected end of template",
        "falta cerrar un bloque (por ejemplo {% endif %} o {% endfor %})",
    ),
    ("unexpected '}'", "sobra o falta una llave: los campos se escriben {{ nombre }}"),
    ("unknown tag", "etiqueta desconocida o mal cerrada"),
    ("expected token", "expresión incompleta"),
    ("unexpected char", "carácter no permitido dentro de una etiqueta"),
)


def _explain(exc: TemplateError) -> str:
    detail = exc.message or str(exc)
    for needle, spanish in _JINJA_HINTS:
        if needle in detail.lower():
            return f"{spanish} (detalle: {detail})."
    return f"detalle: {detail}."
