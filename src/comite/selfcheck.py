"""``comite selfcheck``: is this installation whole? A plain Spanish report.

Support asks a user to run it when something fails; CI runs it against every
built artefact (the wheel in a fresh environment, the frozen application). Each
check exercises what the application really uses, the way it uses it: the
fonts are loaded by reportlab, the templates compiled, the migrations applied
to an empty database, a tiny acta and a tiny resolution written in a temporary
folder (and read back), a helper process started the way the window starts
one. The Qt checks (session workspace, PDF preview, platform plugin, Spanish
translation) live in :mod:`comite.gui.selfcheck`, the only place that may
import Qt.

A check passes (``BIEN``), warns (``AVISO``: comite works, something optional
is missing, e.g. no credential store on a Linux desktop without one) or fails
(``FALLA``). Any failure makes the command exit with status 1. The checks read
the user's database, if one is given, without writing to it; every other file
is written in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import comite
from comite import paths
from comite.logs import describe, format_exception, log_file

log = logging.getLogger(__name__)

OK, WARN, FAIL = "BIEN", "AVISO", "FALLA"


class CheckWarning(Exception):  # noqa: N818 - it is not an error: the check passes with a remark
    """Raised by a check whose subject is optional and missing: reported as ``AVISO``."""


@dataclass(frozen=True)
class Result:
    title: str
    status: str
    detail: str


@dataclass
class Workspace:
    """What the checks share: the temporary folder, the database to look at, the acta made."""

    folder: Path
    db_target: str | None = None
    acta_pdf: bytes | None = None
    notes: list[str] = field(default_factory=list)


Check = Callable[[Workspace], str]
"""A check returns the detail of a pass; raises :class:`CheckWarning` or any exception otherwise."""


# --- data the application ships ------------------------------------------------------------------

def check_fonts(ws: Workspace) -> str:
    from reportlab.pdfbase.ttfonts import TTFont

    folder = paths.fonts_dir()
    names = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    for name in names:
        TTFont(f"selfcheck-{name}", str(folder / name))  # parses the whole font, as the acta does
    return f"{' y '.join(names)} en {folder}"


def check_templates(ws: Workspace) -> str:
    from comite.documents.resolution import CERREM_TEMPLATE, SPECIAL_TEMPLATE, compile_template

    folder = paths.templates_dir()
    for name in (CERREM_TEMPLATE, SPECIAL_TEMPLATE):
        path = folder / name
        if not path.is_file():
            raise FileNotFoundError(f"No se encontró la plantilla {path}")
        compile_template(path)
    return f"{CERREM_TEMPLATE} y {SPECIAL_TEMPLATE} compiladas, en {folder}"


def check_catalogue(ws: Workspace) -> str:
    from comite.catalog import load_catalog

    catalog = load_catalog()
    return (f"{len(catalog.committees)} comités, {len(catalog.populations)} poblaciones, "
            f"{len(catalog.measure_types)} tipos de medida, {len(catalog.risk_bands)} niveles de riesgo")


def check_calendar(ws: Workspace) -> str:
    from comite.rules.calendar import add_business_days, is_holiday

    if not is_holiday(date(2026, 12, 8)) or is_holiday(date(2026, 12, 9)):
        raise ValueError("El calendario de festivos de Colombia no da el 8 de diciembre como festivo.")
    # Thursday 2 and Friday 3 April 2026 are Holy Week holidays: five business days from 27 March end on 7 April
    if add_business_days(date(2026, 3, 27), 5) != date(2026, 4, 7):
        raise ValueError("Los días hábiles no saltan la Semana Santa de 2026.")
    return "festivos de Colombia y días hábiles (Semana Santa de 2026) correctos"


def check_migrations(ws: Workspace) -> str:
    from alembic.script import ScriptDirectory

    from comite.storage import schema
    from comite.storage.database import Database

    script = ScriptDirectory.from_config(schema.alembic_config())
    heads = script.get_heads()
    if heads != [schema.HEAD_REVISION]:
        raise ValueError(f"Las migraciones terminan en {heads}, no en {schema.HEAD_REVISION}.")
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    db = Database(ws.folder / "migraciones.sqlite3")
    try:
        schema.upgrade(db, "head")  # every migration, on an empty database
        reached = schema.current_revision(db)
    finally:
        db.dispose()
    if reached != schema.HEAD_REVISION:
        raise ValueError(f"Una base vacía quedó en la revisión {reached}, no en {schema.HEAD_REVISION}.")
    return f"{len(revisions)} migraciones ({revisions[0]} a {revisions[-1]}) aplicadas a una base vacía"


# --- documents -----------------------------------------------------------------------------------

def _sample_session():
    from comite.documents.data import SessionInfo
    from comite.domain import SessionType

    return SessionInfo(committee_code="CERREM_POBLACIONAL", committee_name="CERREM poblacional (prueba)",
                       number=1, year=2026, session_type=SessionType.ORDINARIA, day=date(2026, 3, 3),
                       start=time(9, 0), end=time(10, 0), place="Prueba de instalación", virtual_link=None)


def _sample_measure():
    from comite.documents.data import MeasureRow
    from comite.domain import MeasureAction

    return MeasureRow(code="CHALECO", name="Chaleco blindado", quantity=1, unit_singular="chaleco blindado",
                      unit_plural="chalecos blindados", action=MeasureAction.IMPLEMENTAR, temporality_months=6,
                      revaluation_date=date(2026, 9, 3))


def check_acta(ws: Workspace) -> str:
    import pypdfium2 as pdfium

    from comite.documents.acta_pdf import build_acta_pdf
    from comite.documents.data import ActaData, AttendeeRow, CaseBlock, DocumentHeader, VoteRow
    from comite.domain import (
        AttendanceStatus,
        Capacity,
        CaseKind,
        DecisionOutcome,
        Rights,
        RiskLevel,
        Route,
        SeatRole,
        VoteChoice,
    )

    case = CaseBlock(order=1, radicado="PRUEBA-0001", kind=CaseKind.INDIVIDUAL, population="Prueba",
                     route=Route.ORDINARIA, displaced=False, gvp_level=RiskLevel.EXTRAORDINARIO, matrix_pct=55.0,
                     gvp_concept="Concepto de prueba.", deliberation="Deliberación de prueba: áéíóú ñ ¿? ¡!",
                     observations=(), outcome=DecisionOutcome.DECIDED, risk_level=RiskLevel.EXTRAORDINARIO,
                     concept="Decisión de prueba.", measures=(_sample_measure(),),
                     votes=(VoteRow("Entidad de prueba", "Delegado de prueba", VoteChoice.A_FAVOR),), a_favor=1,
                     adopted=True)
    attendee = AttendeeRow(entity="Entidad de prueba", name="Delegado de prueba", position="Delegado",
                           role=SeatRole.MIEMBRO, rights=Rights.VOZ_Y_VOTO, capacity=Capacity.DELEGADO,
                           status=AttendanceStatus.PRESENTE, arrival=time(9, 0))
    data = ActaData(header=DocumentHeader(), session=_sample_session(), attendees=(attendee,),
                    quorum_text="Quórum de prueba.", agenda=("Verificación del quórum",),
                    development="Sesión de prueba de la instalación.", cases=(case,), commitments=(),
                    emergencies=(), closing=time(10, 0), presiding=None, secretary=None)
    target = ws.folder / "acta_prueba.pdf"
    build_acta_pdf(data, target)
    pdf = target.read_bytes()
    document = pdfium.PdfDocument(pdf)
    try:
        pages = len(document)
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    if "ACTA No. 001 de 2026" not in text or "PRUEBA-0001" not in text + _all_text(pdf):
        raise ValueError("El acta de prueba no contiene su número ni su caso al leerla.")
    ws.acta_pdf = pdf
    return f"{'1 página' if pages == 1 else f'{pages} páginas'}, {len(pdf) // 1024} KB, con las fuentes incrustadas"


def _all_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def check_resolution(ws: Workspace) -> str:
    import docx

    from comite.documents.data import ResolutionData
    from comite.documents.resolution import write_resolutions
    from comite.domain import CaseKind, RiskLevel

    data = ResolutionData(number="001", issued=date(2026, 3, 10), committee_name="CERREM poblacional (prueba)",
                          committee_code="CERREM_POBLACIONAL", radicado="PRUEBA-0001", kind=CaseKind.INDIVIDUAL,
                          beneficiary="Persona de prueba", document_number="0", population="Prueba",
                          request_date=date(2026, 1, 15), study_date=date(2026, 2, 2),
                          gvp_session="sesión No. 001 del 10 de febrero de 2026", gvp_level=RiskLevel.EXTRAORDINARIO,
                          session=_sample_session(), acta_number="001", risk_level=RiskLevel.EXTRAORDINARIO,
                          matrix_pct=55.0, concept="Decisión de prueba.", measures=(_sample_measure(),))
    written = write_resolutions([data], ws.folder / "resoluciones", durable=False)
    if len(written) != 1:
        raise ValueError(f"Se esperaba una resolución y se escribieron {len(written)}.")
    text = "\n".join(p.text for p in docx.Document(str(written[0])).paragraphs)
    if "PRUEBA-0001" not in text or "Persona de prueba" not in text:
        raise ValueError("La resolución de prueba no contiene su radicado ni su destinatario al leerla.")
    return f"{written[0].name}, {written[0].stat().st_size // 1024} KB"


def _helper_pid() -> int:
    return os.getpid()


def check_helper_process(ws: Workspace) -> str:
    """A helper started the way the window and Windows start them (``spawn``), with its parent watch."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from comite.documents.offload import exit_with_parent

    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=exit_with_parent) as pool:
        pid = pool.submit(_helper_pid).result(timeout=120)
    if pid == os.getpid():
        raise ValueError("El proceso auxiliar resultó ser este mismo proceso.")
    return "un proceso auxiliar arrancó, respondió y terminó"


# --- this computer -------------------------------------------------------------------------------

def check_keyring(ws: Workspace) -> str:
    import keyring

    from comite.storage.secrets import KeyringSecretStore

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__qualname__}"
    if KeyringSecretStore(backend=backend).available:
        return name
    message = (f"no hay almacén de credenciales del sistema ({name}): comite funciona, pero no podrá recordar "
               "la llave para las copias programadas ni la contraseña de un servidor PostgreSQL")
    if sys.platform in ("win32", "darwin"):  # the OS always has one: its absence is a broken install
        raise RuntimeError(message)
    raise CheckWarning(message)


def check_database(ws: Workspace) -> str:
    from sqlalchemy import create_engine, inspect, text

    from comite.storage import schema
    from comite.storage.database import ENV_URL, resolve_url, url_with_keyring_password
    from comite.storage.secrets import KeyringSecretStore

    target = ws.db_target or os.environ.get(ENV_URL)
    url = resolve_url(target)
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        shown = str(path)
        if not path.is_file():
            if target:
                raise FileNotFoundError(f"No existe la base de datos {path}")
            return f"todavía no hay base en {path}: se creará al abrir comite"
        # mode=rw: never creates the file; only reads, and leaves no -wal/-shm behind as a read-only open would
        engine = create_engine(url.set(database=f"{path.resolve().as_uri()}?mode=rw", query={"uri": "true"}))
    else:
        engine = create_engine(url_with_keyring_password(url, KeyringSecretStore()), pool_pre_ping=True)
    facts = None
    try:
        with engine.connect() as conn:  # read only: nothing is created, upgraded or written
            tables = set(inspect(conn).get_table_names())
            stamped = ([row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))]
                       if "alembic_version" in tables else [])
            if stamped == [schema.HEAD_REVISION]:
                from comite.services.reports import facts_status_of

                facts = facts_status_of(conn)
    finally:
        engine.dispose()
    if not tables:
        return f"{shown}: vacía; comite creará sus tablas al abrirla"
    if not stamped:
        raise ValueError(f"{shown} no es una base de comite (no tiene versión de esquema).")
    revision = stamped[0]
    if revision == schema.HEAD_REVISION:
        if facts is not None and not facts.current:
            raise ValueError(f"{shown}: {facts.describe()} Los informes contarían mal hasta que un administrador "
                             "ejecute «comite report-repair».")
        return f"{shown}: esquema {revision}, el de esta versión; la tabla de los informes al día"
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(schema.alembic_config()).walk_revisions()}
    if revision not in known:
        raise ValueError(f"{shown} tiene el esquema {revision}, de una versión más reciente de comite: "
                         "actualice la aplicación antes de abrirla.")
    return f"{shown}: esquema {revision}; se actualizará a {schema.HEAD_REVISION} (con copia previa) al abrirla"


CORE_CHECKS: tuple[tuple[str, Check], ...] = (
    ("Fuentes del acta", check_fonts),
    ("Plantillas de resoluciones", check_templates),
    ("Catálogo de comités", check_catalogue),
    ("Calendario de días hábiles", check_calendar),
    ("Migraciones del esquema", check_migrations),
    ("Acta de prueba (PDF)", check_acta),
    ("Resolución de prueba (Word)", check_resolution),
    ("Proceso auxiliar", check_helper_process),
)
MACHINE_CHECKS: tuple[tuple[str, Check], ...] = (
    ("Almacén de credenciales", check_keyring),
    ("Base de datos", check_database),
)


def _gui_checks() -> tuple[tuple[str, Check], ...]:
    try:
        from comite.gui.selfcheck import CHECKS
    except Exception as exc:  # noqa: BLE001 - a missing or broken Qt is exactly what is reported

        def unavailable(ws: Workspace, exc: BaseException = exc) -> str:
            raise exc

        return (("Interfaz gráfica (Qt)", unavailable),)
    return CHECKS


def run_one(title: str, check: Check, ws: Workspace) -> Result:
    try:
        detail = check(ws)
    except CheckWarning as warning:
        log.info("%s: aviso: %s", title, warning)
        return Result(title, WARN, str(warning))
    except Exception as exc:  # noqa: BLE001 - every failure is reported, none stops the others
        log.error("%s: falla\n%s", title, format_exception(exc))
        text = str(exc).strip()
        return Result(title, FAIL, text.splitlines()[0] if text else describe(exc))
    return Result(title, OK, detail)


def run_checks(db_target: str | None = None) -> list[Result]:
    """Run every check in a temporary folder (removed afterwards); the results in order."""
    with tempfile.TemporaryDirectory(prefix="comite-selfcheck-", ignore_cleanup_errors=True) as folder:
        ws = Workspace(Path(folder), db_target)
        checks = CORE_CHECKS + _gui_checks() + MACHINE_CHECKS
        return [run_one(title, check, ws) for title, check in checks]


def describe_installation() -> str:
    frozen = getattr(sys, "frozen", False)
    where = Path(sys.executable).parent if frozen else paths.package_root()
    kind = "aplicación empaquetada" if frozen else "paquete de Python"
    return (f"comite {comite.__version__} · Python {platform.python_version()} · {platform.system()} "
            f"{platform.release()} · {kind} en {where}")


def render(results: list[Result]) -> str:
    """The report as printed: one line per check, then the verdict."""
    width = max(len(r.title) for r in results)
    lines = ["Revisión de la instalación de comite", describe_installation(), ""]
    for r in results:
        lines.append(f"  {r.status:<5}  {r.title:<{width}}  {r.detail}")
    failed = sum(r.status == FAIL for r in results)
    warned = sum(r.status == WARN for r in results)
    counts = (f"{len(results) - failed - warned} bien, {warned} "
              f"{'aviso' if warned == 1 else 'avisos'}, {failed} {'falla' if failed == 1 else 'fallas'}")
    lines.append("")
    if failed:
        lines.append(f"Resultado: {counts}. La instalación está incompleta: envíe este informe a soporte "
                     f"junto con el registro {log_file()}.")
    else:
        lines.append(f"Resultado: {counts}. La instalación está completa.")
    return "\n".join(lines)


def exit_status(results: list[Result]) -> int:
    return 1 if any(r.status == FAIL for r in results) else 0
