"""One Word resolution per case, from a docxtpl template staff edit in Word.

The builders only turn :class:`~comite.documents.data.ResolutionData` into
.docx bytes or files; they never touch a database. The placeholders a
template may use are the keys of :func:`resolution_context` (listed in
:data:`RESOLUTION_FIELDS` and explained for staff in
``templates_actas/README.md``).

Which template: ``template`` when given; else the one the session's composition
names (``resolution_template`` in the catalogue: the CERREM de servidores of
Decreto 1139 de 2021 uses the CERREM's); else ``resolucion_cerrem.docx`` for the
CERREM committees (codes ``CERREM_*``) and ``resolucion_comite_especial.docx``
for any other committee (the comité especial of public servants), all from
:func:`comite.paths.templates_dir`.

Every sentence of a resolution must agree with the record (DOMAIN.md, "Documents a
lawyer signs"): the context says whether the committee validated or changed the GVP's
level, whether it departed from the matrix, what became of the emergency measures,
whether a concertation is recorded, which measures are only recommended to another
entity; the template words each case. Nothing is left blank that the record holds,
and no empty parentheses are written.

Speed: a template is compiled once (:mod:`comite.documents.templating`) and
reused for every case while the file is unchanged; ``write_resolutions`` can
also spread the work over a process pool (``workers``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

from comite import paths
from comite.documents.data import MeasureRow, ResolutionData, SessionInfo
from comite.documents.offload import exit_with_parent, start_method
from comite.documents.spanish import (
    Gender,
    cardinal,
    date_in_words,
    date_long,
    month_name,
    months_phrase,
    percent,
    quantity_phrase,
)
from comite.documents.templating import (
    AtomicFileWriter,
    CompiledDocxTemplate,
    load_template,
    make_environment,
    safe_filename_part,
)
from comite.domain import CaseKind, MeasureAction, RiskLevel
from comite.errors import ValidationError

CERREM_TEMPLATE = "resolucion_cerrem.docx"
SPECIAL_TEMPLATE = "resolucion_comite_especial.docx"
BLANK = "____"
NOT_APPLICABLE = "No aplica"

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: Every top-level placeholder a resolution template may use.
RESOLUTION_FIELDS: tuple[str, ...] = (
    "numero",
    "fecha",
    "fecha_letras",
    "fecha_dada",
    "comite_nombre",
    "comite_codigo",
    "radicado",
    "colectivo",
    "tipo_caso",
    "beneficiario",
    "documento",
    "poblacion",
    "fecha_solicitud",
    "fecha_estudio",
    "sesion_gvp",
    "nivel_gvp",
    "sesion",
    "acta",
    "nivel",
    "nivel_texto",
    "ordinario",
    "ponderacion",
    "concepto",
    "medidas",
    "familia",
    "director_nombre",
    "director_cargo",
    "director_entidad",
    "director_titulo",
    "proyecto",
    "reviso",
    "aprobo",
    "medidas_adoptadas",
    "medidas_finalizadas",
    "medidas_suspendidas",
    "medidas_restablecimiento",
    "entidades_restablecimiento",
    "articulos",
    "validado",
    "cambio_nivel",
    "motivo_cambio_nivel",
    "nivel_matriz",
    "aparta_matriz",
    "motivo_apartamiento",
    "emergencia",
    "decision_emergencia",
    "nota_emergencia",
    "medidas_emergencia",
    "concertacion",
    "concertacion_fecha",
    "concertacion_con",
    "fundamento_comite",
    "mujer",
    "eleccion_comite",
    "genero_analista",
    "nota_reserva",
)

#: Actions that leave a measure in force (what the resolution *adopts*); the
#: other two (suspender, finalizar) withdraw a measure and get their own article.
IN_FORCE = (MeasureAction.IMPLEMENTAR, MeasureAction.RATIFICAR, MeasureAction.AJUSTAR)
_ORDINALS = ("PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO", "SEXTO", "SÉPTIMO", "OCTAVO",
             "NOVENO", "DÉCIMO", "DÉCIMO PRIMERO", "DÉCIMO SEGUNDO")


# -- context ---------------------------------------------------------------------


def resolution_context(data: ResolutionData) -> dict[str, object]:
    """What the template sees: ready-made Spanish text, no formatting left to Word."""
    colectivo = data.kind == CaseKind.COLECTIVO
    context: dict[str, object] = {
        "numero": (data.number or "").strip() or BLANK,
        "fecha": date_long(data.issued) if data.issued else BLANK,
        "fecha_letras": date_in_words(data.issued) if data.issued else BLANK,
        "fecha_dada": given_on_phrase(data.issued),
        "comite_nombre": data.committee_name,
        "comite_codigo": data.committee_code,
        "radicado": data.radicado,
        "colectivo": colectivo,
        "tipo_caso": data.kind.label.lower(),
        "beneficiario": data.beneficiary,
        "documento": data.document_number or BLANK,
        "poblacion": data.population,
        "fecha_solicitud": date_in_words(data.request_date) if data.request_date else BLANK,
        "fecha_estudio": date_in_words(data.study_date) if data.study_date else BLANK,
        "sesion_gvp": _with_article(data.gvp_session),
        "nivel_gvp": data.gvp_level.label.upper() if data.gvp_level else "",
        "sesion": session_phrase(data.session),
        "acta": acta_number(data.acta_number, data.session),
        "nivel": data.risk_level.label.upper(),
        "nivel_texto": data.risk_level.label.lower(),
        "ordinario": data.risk_level == RiskLevel.ORDINARIO,
        "ponderacion": percent(data.matrix_pct) if data.matrix_pct is not None else "",
        "concepto": data.concept.strip(),
        "medidas": [measure_context(i, m) for i, m in enumerate(data.measures, start=1)],
        "familia": [{"nombre": f.name, "parentesco": f.relationship} for f in data.family],
        "director_nombre": data.director.name or BLANK,
        "director_cargo": data.director.position,
        "director_entidad": data.director.entity,
        "director_titulo": director_title(data.director.position),
        "proyecto": data.projected_by or BLANK,
        "reviso": data.reviewed_by or BLANK,
        "aprobo": data.approved_by or BLANK,
    }
    protection = [m for m in data.measures if not m.restoration]
    adopted = [m for m in protection if m.action in IN_FORCE]
    finalised = [m for m in protection if m.action is MeasureAction.FINALIZAR]
    suspended = [m for m in protection if m.action is MeasureAction.SUSPENDER]
    restoration = [m for m in data.measures if m.restoration]
    context["medidas_adoptadas"] = [measure_context(i, m) for i, m in enumerate(adopted, start=1)]
    context["medidas_finalizadas"] = [measure_context(i, m) for i, m in enumerate(finalised, start=1)]
    context["medidas_suspendidas"] = [measure_context(i, m) for i, m in enumerate(suspended, start=1)]
    context["medidas_restablecimiento"] = [measure_context(i, m) for i, m in enumerate(restoration, start=1)]
    context["entidades_restablecimiento"] = join_es(
        dict.fromkeys(m.competent_entity.strip() for m in restoration if m.competent_entity.strip()))
    context["articulos"] = article_ordinals(bool(adopted), bool(finalised), bool(suspended),
                                            restoration=bool(restoration),
                                            emergency=data.emergency_disposition is not None)
    context.update(record_context(data))
    return context


def record_context(data: ResolutionData) -> dict[str, object]:
    """What the record says beyond level and measures, for the template to word it."""
    validated = data.gvp_level is not None and data.gvp_level is data.risk_level
    departs = data.matrix_level is not None and data.matrix_level is not data.risk_level
    concerted = data.concertation_on is not None and bool(data.concertation_with.strip())
    return {
        "validado": validated,
        "cambio_nivel": data.gvp_level is not None and not validated,
        "motivo_cambio_nivel": _sentence(data.level_change_reason),
        "nivel_matriz": data.matrix_level.label.upper() if data.matrix_level else "",
        "aparta_matriz": departs,
        "motivo_apartamiento": _sentence(data.matrix_departure_reason),
        "emergencia": data.emergency_disposition is not None,
        "decision_emergencia": data.emergency_disposition.value if data.emergency_disposition else "",
        "nota_emergencia": _sentence(data.emergency_note),
        "medidas_emergencia": [_sentence(text) for text in data.emergency_measures if text.strip()],
        "concertacion": concerted,
        "concertacion_fecha": date_in_words(data.concertation_on) if concerted and data.concertation_on else "",
        "concertacion_con": data.concertation_with.strip() if concerted else "",
        "fundamento_comite": with_norm_article(data.committee_legal_basis),
        "mujer": data.is_woman and data.kind is CaseKind.INDIVIDUAL,
        "eleccion_comite": _women_committee(data),
        "genero_analista": data.analyst_gender.value if data.analyst_gender else "",
        "nota_reserva": data.reserve_note.strip(),
    }


def with_norm_article(basis: str) -> str:
    """``'Decreto 1066 de 2015, arts. …'`` -> ``'el Decreto 1066 de 2015, arts. …'`` (and «la
    Resolución …»; ``'A; B'`` -> ``'la A y el B'``), so the template can write «conformado según
    {{ fundamento_comite }}»."""
    parts = [" ".join(part.split()) for part in basis.split(";") if part.strip()]
    out = []
    for part in parts:  # an inherited composition cites its own norm; then the base's
        head = part.split(" ", 1)[0].lower()
        article = {"decreto": "el", "resolución": "la", "ley": "la", "resolucion": "la"}.get(head)
        out.append(f"{article} {part}" if article else part)
    return " y ".join(out)


def join_es(items) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b y c'``."""
    names = list(items)
    return names[0] if len(names) == 1 else (f"{', '.join(names[:-1])} y {names[-1]}" if names else "")


def _women_committee(data: ResolutionData) -> str:
    """``mujeres`` / ``poblacion`` (her recorded choice) / ``sin_manifestar``."""
    if data.women_committee_choice is True:
        return "mujeres"
    if data.women_committee_choice is False:
        return "poblacion"
    return "sin_manifestar"


def _sentence(text: str) -> str:
    """Trimmed, one line, ending with a full stop ("" stays "")."""
    text = " ".join(text.split())
    return text if not text or text.endswith((".", "!", "?", "»", ")")) else text + "."


def article_ordinals(adopted: bool, finalised: bool, suspended: bool, *, restoration: bool = False,
                     emergency: bool = False) -> dict[str, str]:
    """The ordinal of each article of the RESUELVE, given which ones the case has.

    ``nivel`` (always); ``medidas`` (measures adopted, or the statement that none
    is, when the committee touched no measure); ``restablecimiento`` (UP-PCC
    measures recommended to the competent entity); ``finalizacion`` and
    ``suspension`` (measures withdrawn); ``emergencia`` (what becomes of the
    emergency measures); ``obligaciones`` (only while some measure stays in
    force); ``hechos`` (new facts, when none does); ``comunicacion``,
    ``notificacion`` and ``recursos`` (always)."""
    present = [
        ("nivel", True),
        ("medidas", adopted or not (finalised or suspended)),
        ("restablecimiento", restoration),
        ("finalizacion", finalised),
        ("suspension", suspended),
        ("emergencia", emergency),
        ("obligaciones", adopted),
        ("hechos", not adopted),
        ("comunicacion", True),
        ("notificacion", True),
        ("recursos", True),
    ]
    keys = [key for key, shown in present if shown]
    out = {key: "" for key, _ in present}
    out.update({key: _ORDINALS[i] for i, key in enumerate(keys)})
    return out


def measure_context(number: int, measure: MeasureRow) -> dict[str, object]:
    """One row of ``medidas``: ``m.numero``, ``m.accion``, ``m.cantidad``..."""
    gender: Gender = "f" if is_feminine(measure.unit_singular) else "m"
    return {
        "numero": number,
        "codigo": measure.code,
        "nombre": measure.name,
        "accion": measure.action.label,
        "accion_verbo": measure.action.label.lower(),
        "cantidad": quantity_phrase(
            measure.quantity, measure.unit_singular, measure.unit_plural, gender=gender
        ),
        "cantidad_numero": measure.quantity,
        "temporalidad": months_phrase(measure.temporality_months)
        if measure.temporality_months
        else NOT_APPLICABLE,
        "revaluacion": date_in_words(measure.revaluation_date)
        if measure.revaluation_date
        else NOT_APPLICABLE,
        "notas": measure.notes.strip(),
        "entidad": measure.competent_entity.strip(),
    }


_MASCULINE_EXCEPTIONS = {
    "día",
    "dia",
    "sistema",
    "esquema",
    "programa",
    "mapa",
    "tema",
    "problema",
    "radiograma",
    "camión",
    "camion",
    "avión",
    "avion",
}
_FEMININE_ENDINGS = ("a", "ión", "ion", "dad", "tud", "umbre")


def is_feminine(unit: str) -> bool:
    """Grammatical gender of a unit's head noun (its first word), by ending.

    ``"camioneta"``, ``"persona"``, ``"reubicación"`` are feminine;
    ``"hombre de protección"``, ``"chaleco blindado"``, ``"esquema"`` are not.
    (The measure catalogue does not record the gender; this rule covers it.)
    """
    words = unit.strip().lower().split()
    if not words:
        return False
    head = words[0]
    return head not in _MASCULINE_EXCEPTIONS and head.endswith(_FEMININE_ENDINGS)


def given_on_phrase(day: date | None) -> str:
    """``"a los veinte (20) días del mes de marzo de dos mil veintiséis (2026)"``."""
    if day is None:
        return f"a los {BLANK} días del mes de {BLANK} de {BLANK}"
    year = f"{cardinal(day.year)} ({day.year})"
    if day.day == 1:
        return f"el primer (1) día del mes de {month_name(day.month)} de {year}"
    days = f"{cardinal(day.day, before_noun=True)} ({day.day})"
    return f"a los {days} días del mes de {month_name(day.month)} de {year}"


def session_phrase(session: SessionInfo) -> str:
    """``"la sesión ordinaria No. 007 del diez (10) de marzo de dos mil veintiséis (2026)"``."""
    return f"la sesión {session.session_type.label.lower()} No. {session.number:03d} del {date_in_words(session.day)}"


def acta_number(raw: str, session: SessionInfo) -> str:
    """``"007 de 2026"`` from ``"ACTA No. 007 de 2026"``, ``"007 de 2026"`` or ``""``."""
    text = raw.strip()
    for prefix in ("acta no.", "acta n.°", "acta nº", "acta no", "acta"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    return text or f"{session.number:03d} de {session.year}"


def director_title(position: str) -> str:
    """``"EL DIRECTOR GENERAL"`` / ``"LA DIRECTORA GENERAL"`` for the heading of the act."""
    position = position.strip() or "Director General"
    first = position.split()[0].lower()
    article = "LA" if first.endswith("a") else "EL"
    return f"{article} {position.upper()}"


def _with_article(text: str) -> str:
    text = text.strip()
    if text.lower().startswith(("sesión", "sesion")):
        return "la " + text
    return text


# -- templates -------------------------------------------------------------------


def default_template_path(data: ResolutionData, folder: Path | None = None) -> Path:
    """The template the session's composition names; else ``resolucion_cerrem.docx`` for
    ``CERREM_*`` committees and ``resolucion_comite_especial.docx`` for the others."""
    name = data.template_name or (
        CERREM_TEMPLATE if data.committee_code.upper().startswith("CERREM") else SPECIAL_TEMPLATE)
    return (folder or paths.templates_dir()) / name


def _template_path(data: ResolutionData, template: Path | None, folder: Path | None = None) -> Path:
    return Path(template) if template is not None else default_template_path(data, folder)


def compile_template(path: Path) -> CompiledDocxTemplate:
    """The compiled template (cached while the file is unchanged); checks placeholder names."""
    return load_template(path, RESOLUTION_FIELDS)


def render_resolution(data: ResolutionData, template: Path | None = None) -> bytes:
    """The resolution of one case as .docx bytes.

    Raises:
        ValidationError: the template is missing, corrupt, has a Jinja syntax
            error or uses a placeholder that does not exist.
    """
    return _render(compile_template(_template_path(data, template)), data)


def _render(template: CompiledDocxTemplate, data: ResolutionData) -> bytes:
    """One case's resolution; an error names the case (and the field, when a value is the cause)."""
    return template.render(resolution_context(data), subject=f"la resolución del caso {data.radicado}")


def resolution_filename(data: ResolutionData) -> str:
    """``Resolucion_<número o SIN-NUMERO>_<radicado>.docx``: never the person's name."""
    number = (
        safe_filename_part(data.number) if data.number and data.number.strip() else "SIN-NUMERO"
    )
    return f"Resolucion_{number}_{safe_filename_part(data.radicado)}.docx"


def write_resolutions(
    items: Iterable[ResolutionData],
    out_dir: Path,
    template: Path | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    workers: int = 1,
    durable: bool = True,
    caller_renders: bool = True,
) -> list[Path]:
    """Write one .docx per case into ``out_dir``; return the files written.

    Every file is written atomically (temporary file + ``os.replace``), so a
    file either is complete or does not exist. ``progress(done, total)`` is
    called after each file; ``cancel()`` is polled before each case: when it
    returns ``True`` the batch stops and the files already finished remain.

    All templates the batch needs are compiled and checked before the first
    file is written. If a template still fails on some case (e.g. a wrong
    ``m.campo`` inside a loop), the files this call wrote are removed and
    :class:`ValidationError` is raised: a batch is never left half done by a
    broken template.

    Args:
        workers: processes that render, this one included (``2`` = one
            helper process plus this one). Helpers are started only when the
            batch is large enough to repay their start-up
            (:data:`POOL_MIN_BATCH`): on Windows (``spawn``) a helper needs
            about half a second to start, as long as this process takes to
            render ~100 resolutions, so batches under 400 render here. On
            Linux, with no other thread running, helpers are forked and start
            at once.
        durable: flush each file to disk before it appears (safe against power
            loss); the flushes run on background threads, overlapped with
            rendering.
        caller_renders: ``False`` keeps all rendering in helper processes, even
            for a small batch, so the calling process holds the GIL only to
            collect and write: what the GUI wants, whose window must keep
            painting (rendering in its job thread froze it 100-170 ms).
    """
    batch = list(items)
    total = len(batch)
    folder = paths.templates_dir() if template is None else None
    template_paths = [_template_path(data, template, folder) for data in batch]
    compiled = {path: compile_template(path) for path in dict.fromkeys(template_paths)}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = _unique_targets(out_dir, batch)
    method = _start_method()

    if progress:
        progress(0, total)
    with AtomicFileWriter(durable=durable) as writer:
        try:
            pooled = workers > 1 and (not caller_renders or total >= POOL_MIN_BATCH[method])
            rendered = (
                _render_in_pool(batch, template_paths, compiled, workers, cancel, method,
                                parent_renders=caller_renders)
                if pooled
                else _render_here(batch, template_paths, compiled, cancel)
            )
            with contextlib.closing(rendered):
                for index, data in rendered:
                    _report(writer.submit(targets[index], data), writer, total, progress)
            _report(writer.finish(), writer, total, progress)
        except ValidationError:
            writer.close()
            for path in writer.written:
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
    return list(writer.written)


def _report(
    done: list[Path], writer: AtomicFileWriter, total: int, progress: Progress | None
) -> None:
    if progress:
        finished = len(writer.written) - len(done)
        for _ in done:
            finished += 1
            progress(finished, total)


def _unique_targets(out_dir: Path, batch: list[ResolutionData]) -> list[Path]:
    seen: dict[str, int] = {}
    targets = []
    for data in batch:
        name = resolution_filename(data)
        count = seen.get(name, 0) + 1
        seen[name] = count
        if count > 1:
            name = name.removesuffix(".docx") + f"_{count}.docx"
        targets.append(out_dir / name)
    return targets


def _render_here(
    batch: list[ResolutionData],
    template_paths: list[Path],
    compiled: dict[Path, CompiledDocxTemplate],
    cancel: Cancel | None,
) -> Generator[tuple[int, bytes], None, None]:
    for index, data in enumerate(batch):
        if cancel and cancel():
            return
        yield index, _render(compiled[template_paths[index]], data)


# -- process pool ----------------------------------------------------------------

_worker_templates: dict[str, CompiledDocxTemplate] = {}


def _init_worker(sources: dict[str, tuple[bytes, str]]) -> None:
    exit_with_parent()
    for key, (source, name) in sources.items():
        _worker_templates[key] = CompiledDocxTemplate(source, name, RESOLUTION_FIELDS)


def _render_chunk(chunk: list[tuple[int, str, ResolutionData]]) -> list[tuple[int, bytes]]:
    return [
        (index, _render(_worker_templates[key], data))
        for index, key, data in chunk
    ]


def _render_in_pool(
    batch: list[ResolutionData],
    template_paths: list[Path],
    compiled: dict[Path, CompiledDocxTemplate],
    workers: int,
    cancel: Cancel | None,
    method: str,
    *,
    parent_renders: bool = True,
) -> Generator[tuple[int, bytes], None, None]:
    """Render with ``workers - 1`` helper processes plus this one.

    Helpers take chunks from the front of the batch; this process does not
    wait for them to start but renders chunks from the back, taking only
    chunks no helper has started (``Future.cancel()`` succeeds only for
    those). Each helper compiles the templates once, from their bytes. If the
    helpers cannot run at all (a broken pool, e.g. a frozen app without
    ``multiprocessing.freeze_support()``), their chunks are rendered here. On
    cancel, pending chunks are dropped.
    """
    sources = {str(path): (tpl.source, tpl.name) for path, tpl in compiled.items()}
    jobs = [(i, str(template_paths[i]), data) for i, data in enumerate(batch)]
    chunks = [jobs[i : i + _CHUNK] for i in range(0, len(jobs), _CHUNK)]

    def here(chunk: list[tuple[int, str, ResolutionData]]) -> Generator[tuple[int, bytes], None, None]:
        for index, key, data in chunk:
            if cancel and cancel():
                return
            yield index, _render(compiled[Path(key)], data)

    executor = ProcessPoolExecutor(
        max_workers=max(1, min(workers - 1, len(chunks) - 1)),
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(sources,),
    )
    try:
        pending = deque((executor.submit(_render_chunk, chunk), chunk) for chunk in chunks)
        while pending:
            if cancel and cancel():
                return
            if (_PARENT_RENDERS and parent_renders and not pending[0][0].done()
                    and pending[-1][0].cancel()):
                yield from here(pending.pop()[1])  # nobody started it: render it here
                continue
            future, chunk = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                results = list(here(chunk))
            for item in results:
                if cancel and cancel():
                    return
                yield item
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


_CHUNK = 4  # cases per task: small, so this process can take work late in the batch
_PARENT_RENDERS = True  # tests turn it off to make the helpers do all the work

#: Smallest batch worth helper processes, by start method. A spawned helper
#: starts a new interpreter and imports docxtpl/python-docx/lxml (about half a
#: second of CPU, as much as rendering ~100 resolutions), so below a few
#: hundred cases it only slows the batch down; a forked one starts at once.
POOL_MIN_BATCH = {"fork": 2 * _CHUNK, "spawn": 400}


def _start_method() -> str:
    """How helper processes start (see :func:`comite.documents.offload.start_method`)."""
    return start_method()


# -- naive baseline (benchmark only) ---------------------------------------------


def render_resolution_naive(data: ResolutionData, template_path: Path, out_path: Path) -> None:
    """The straightforward way, kept as the benchmark's baseline: open the
    template with docxtpl, render, save, for every single case."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template_path))
    document.render(resolution_context(data), jinja_env=make_environment())
    document.save(str(out_path))
