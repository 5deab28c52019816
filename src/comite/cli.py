"""Command line over the same services the GUI uses.

``comite`` alone opens the desktop application; ``comite --demo`` opens it on a
throwaway demo database. Subcommands (``comite SUBCOMANDO --help``) cover
maintenance and batch work. Commands that touch reserved data ask for an
account: ``--user`` and the password from ``COMITE_PASSWORD`` or a prompt.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from comite.errors import ComiteError, ValidationError

if TYPE_CHECKING:  # datetime and getpass are imported where used: not on the way to the login dialog (#18)
    from datetime import date

log = logging.getLogger("comite.cli")
PASSWORD_ENV = "COMITE_PASSWORD"
DEMO_FOLDER_PREFIX = "comite-demo-"


def _iso_date(text: str) -> date:
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» no es una fecha AAAA-MM-DD válida") from None


def _getpass(prompt: str) -> str:
    import getpass

    return getpass.getpass(prompt)


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» no es un número entero") from None
    if value < 0:
        raise argparse.ArgumentTypeError("debe ser un número mayor o igual a cero")
    return value


def _positive(text: str) -> int:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError("debe ser mayor que cero")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse with its fixed English phrases in Spanish."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False})
        if add_help:
            self.add_argument("-h", "--help", action="help", help="mostrar esta ayuda y salir")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "uso:", 1)

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "uso:", 1)
                .replace("\npositional arguments:\n", "\nargumentos:\n")
                .replace("\noptions:\n", "\nopciones:\n"))

    def error(self, message: str) -> NoReturn:  # pragma: no cover - exercised through main()
        message = (message.replace("the following arguments are required", "faltan los argumentos")
                   .replace("unrecognized arguments", "argumentos no reconocidos")
                   .replace("invalid choice", "opción no válida")
                   .replace("(choose from", "(elija entre")
                   .replace("argument ", "argumento "))
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _top_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--db", help="ruta del archivo SQLite o URL de la base de datos (por defecto: la del usuario)")
    p.add_argument("--user", help="usuario para los comandos que leen o escriben datos reservados")
    p.add_argument("--demo", action="store_true", help="abrir la aplicación con una base de demostración desechable")
    return p


class _NotOnlyTopOptions(Exception):
    pass


class _TopOptionsParser(_Parser):
    def error(self, message: str) -> NoReturn:
        raise _NotOnlyTopOptions(message)


def parse_gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """``argv`` read as the desktop application's start (``--db``, ``--user``, ``--demo`` and nothing
    else), without building the parsers of every subcommand: the login dialog waits for it (#18).
    ``None`` for anything else (a subcommand, ``--help``, a mistake), which the full parser reads."""
    parser = _top_options(_TopOptionsParser(prog="comite", add_help=False))
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _NotOnlyTopOptions:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    p = _top_options(_Parser(prog="comite",
                             description="Secretaría técnica de los comités de protección (GVP y CERREM)."))
    sub = p.add_subparsers(dest="command", metavar="SUBCOMANDO", parser_class=_Parser)
    # --db and --user are also taken after the subcommand (comite demo --db X), as people type them;
    # SUPPRESS keeps a value given before the subcommand when none is given after it
    common = _Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="ruta del archivo SQLite o URL de la base de datos")
    common.add_argument("--user", default=argparse.SUPPRESS, help="usuario")
    add_parser = sub.add_parser
    sub.add_parser = lambda name, **kw: add_parser(name, parents=[common], **kw)  # type: ignore[method-assign]  # every subcommand inherits --db/--user; argparse has no hook for it

    c = sub.add_parser("catalog", help="catálogo de comités vigente")
    c.add_argument("--json", action="store_true", help="imprimir como JSON")
    c.add_argument("--date", type=_iso_date, help="fecha de vigencia (por defecto hoy)")

    ci = sub.add_parser("catalog-import", help="cargar conformaciones nuevas (p. ej. tras un decreto) desde una "
                                               "carpeta de archivos TOML (administrador)")
    ci.add_argument("folder", type=Path, metavar="CARPETA")

    d = sub.add_parser("deadline", help="fecha límite en días hábiles colombianos")
    d.add_argument("--from", dest="start", type=_iso_date, required=True, help="fecha de inicio AAAA-MM-DD")
    d.add_argument("--business-days", type=_non_negative, required=True, help="número de días hábiles")

    dm = sub.add_parser("demo", help="llenar una base con datos ficticios")
    dm.add_argument("--sessions", type=_positive, default=120)
    dm.add_argument("--cases", type=_positive, default=1500)
    dm.add_argument("--seed", type=int, default=7)

    im = sub.add_parser("import-cases", help="importar casos desde CSV o XLSX")
    im.add_argument("file", type=Path)

    sub.add_parser("init", help="crear la primera cuenta de administrador de una base nueva")

    us = sub.add_parser("user-add", help="crear una cuenta (administrador)")
    us.add_argument("username")
    us.add_argument("--name", required=True, help="nombre completo")
    us.add_argument("--role", required=True, choices=["administrador", "secretaria", "revisor"])
    us.add_argument("--committee", action="append", default=[], help="código de comité (repetible)")

    rc = sub.add_parser("recover", help="dar una contraseña nueva a un administrador con la llave de recuperación")
    rc.add_argument("username")

    se = sub.add_parser("sessions", help="listar sesiones")
    se.add_argument("--committee")
    se.add_argument("--year", type=int)

    au = sub.add_parser("audit", help="auditoría")
    au.add_argument("action", choices=["verify"])

    bk = sub.add_parser("backup", help="copia de seguridad cifrada")
    bk.add_argument("file", type=Path, metavar="ARCHIVO_O_CARPETA",
                    help="archivo de la copia, o una carpeta existente: la copia se nombra con la fecha y hora")
    bk.add_argument("--remembered-key", action="store_true",
                    help="sin contraseña, con la llave que este usuario de Windows recordó al ingresar "
                         "(para copias programadas); actúa a nombre de la cuenta que la recordó")
    bk.add_argument("--keep", type=int, metavar="N",
                    help="con una carpeta: conservar solo las N copias fechadas más recientes")
    rs = sub.add_parser("restore", help="restaurar una copia de seguridad (verificándola primero)")
    rs.add_argument("file", type=Path)
    rs.add_argument("--recovery", action="store_true", help="usar la llave de recuperación en vez de una cuenta")
    rs.add_argument("--yes", action="store_true", help="reemplazar la base actual sin preguntar")

    _add_document_commands(sub)
    sub.add_parser("selfcheck", help="revisar que esta instalación esté completa (fuentes, plantillas, Qt, "
                                     "documentos de prueba, la base con --db) y decirlo en un informe")
    return p


def _add_document_commands(sub: argparse._SubParsersAction) -> None:
    a = sub.add_parser("acta", help="generar el acta PDF de una sesión")
    a.add_argument("session_id", type=int)
    a.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("resolutions", help="generar las resoluciones Word de una sesión")
    r.add_argument("session_id", type=int)
    r.add_argument("--out", type=Path, required=True)
    v = sub.add_parser("verify-acta", help="verificar que un PDF es un acta final emitida por esta base e inalterada")
    v.add_argument("file", type=Path)
    _add_report_command(sub)
    _add_review_commands(sub)


def _add_report_command(sub: argparse._SubParsersAction) -> None:
    rp = sub.add_parser("report", help="informe de los comités en un periodo (XLSX, PDF o JSON)")
    rp.add_argument("--from", dest="start", type=_iso_date, help="desde AAAA-MM-DD (sin fechas: todo el periodo)")
    rp.add_argument("--to", dest="end", type=_iso_date, help="hasta AAAA-MM-DD, inclusive")
    rp.add_argument("--committee", help="código del comité (por defecto: todos los del usuario)")
    rp.add_argument("--format", required=True, choices=["xlsx", "pdf", "json"], help="formato del archivo")
    rp.add_argument("--out", type=Path, required=True, help="archivo de salida")
    rp.add_argument("--internal", action="store_true",
                    help="uso interno de la secretaría: sin suprimir las celdas pequeñas y con los radicados "
                         "fuera de término (por defecto se aplica la reserva, como a todo informe que sale)")
    sub.add_parser("report-repair", help="revisar la tabla de la que leen los informes y, si no coincide con las "
                                         "audiencias, decisiones, votos y casos, reconstruirla (administrador)")


def _add_review_commands(sub: argparse._SubParsersAction) -> None:
    rv = sub.add_parser("review-send", help="enviar el acta a revisión: guarda el borrador y escribe el paquete "
                                            "(PDF numerado y un correo .eml por delegado)")
    rv.add_argument("session_id", type=int)
    rv.add_argument("--out", type=Path, required=True, metavar="CARPETA")
    ri = sub.add_parser("review-import", help="registrar los comentarios del PDF que devolvió un delegado")
    ri.add_argument("session_id", type=int)
    ri.add_argument("file", type=Path, metavar="ARCHIVO.pdf")
    ri.add_argument("--entity", required=True, metavar="ENTIDAD")
    ri.add_argument("--reviewer", required=True, metavar="NOMBRE")
    ri.add_argument("--received", type=_iso_date, metavar="AAAA-MM-DD", help="fecha de recibido (por defecto hoy)")


# --- helpers ----------------------------------------------------------------------------------

def _ask_server_password(reason: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    print(reason, file=sys.stderr)
    return _getpass("Contraseña del servidor: ") or None


def _sqlite_target(args: argparse.Namespace) -> Path | None:
    """The SQLite file the command works on (``None`` for a server database)."""
    from comite.storage.database import resolve_url

    url = resolve_url(args.db)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _open(args: argparse.Namespace):
    from comite.services.bootstrap import open_with_server_password
    from comite.storage.database import ENV_URL
    from comite.storage.leftovers import clean_leftovers
    from comite.storage.secrets import KeyringSecretStore

    target = _sqlite_target(args)
    named = args.db or os.environ.get(ENV_URL)
    if (target is not None and named and not target.exists() and args.command not in ("init", "demo")
            and not args.demo):
        # a typo must not create a new folder and database, then blame the password
        raise ValidationError(f"No existe la base de datos «{target}»: revise la ruta de --db (no se creó nada). "
                              "Para crear una base nueva: comite init --db RUTA.")
    for message in clean_leftovers(target):
        print(message, file=sys.stderr)
    db, note = open_with_server_password(args.db, KeyringSecretStore(), _ask_server_password)
    if note:
        print(note, file=sys.stderr)
    _opened.append(db)
    return db


_opened: list = []
"""Databases a command opened, closed when it ends (files released, WAL checkpointed)."""


def _password(prompt: str = "Contraseña: ") -> str:
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise ValidationError(f"Indique la contraseña en la variable {PASSWORD_ENV} (no hay terminal para pedirla).")
    return _getpass(prompt)


def _login(args: argparse.Namespace, db):
    from comite.services import accounts
    from comite.services.context import ServiceContext

    if not args.user:
        raise ValidationError("Este comando necesita una cuenta: indique --user USUARIO.")
    login = accounts.login(db, args.user, _password())
    return ServiceContext(db, login.actor)


def _system_ctx(db):
    from comite.services.context import Actor, ServiceContext

    return ServiceContext(db, Actor.system())


# --- commands ---------------------------------------------------------------------------------

def cmd_catalog(args: argparse.Namespace) -> int:
    from comite.services.catalog import catalog_json

    db = _open(args)
    data = catalog_json(_system_ctx(db), args.date)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for committee in data:
            print(f"{committee['code']}: {committee['name']}")
            for seat in committee["seats"]:
                cond = f" [{seat['condition']}]" if seat["condition"] else ""
                print(f"  - {seat['entity']} ({seat['role']}, {seat['rights']}){cond}")
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from comite.services.catalog_admin import import_compositions

    db = _open(args)
    print(import_compositions(_login(args, db), args.folder).message)
    return 0


def cmd_deadline(args: argparse.Namespace) -> int:
    from comite.rules.calendar import add_business_days

    print(add_business_days(args.start, args.business_days).isoformat())
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    _require_demo_data()
    from comite import faults
    from comite.demo import fill_demo
    from comite.storage import leftovers

    target = _sqlite_target(args)
    staging = None
    if target is not None:
        # Built beside the target and moved into place whole: a demo killed half way leaves no
        # database whose accounts' passwords were never printed (the next start removes it).
        for message in leftovers.clean_leftovers(target):
            print(message, file=sys.stderr)
        if target.exists() and target.stat().st_size:
            from comite.services.accounts import is_initialized

            existing = _open(args)
            try:
                if is_initialized(existing):
                    raise ValidationError(f"La base {target.name} ya tiene cuentas: el demo se genera en una base "
                                          "nueva (indique otra ruta con --db). No se modificó nada.")
            finally:
                existing.dispose()
        staging = leftovers.staging_path(target, leftovers.DEMO)
        args.db = str(staging)
    printer = _progress_printer("Generando")

    def progress(done: int, total: int) -> None:
        printer(done, total)
        faults.point("demo:progress")

    try:
        db = _open(args)
        try:
            report = fill_demo(db, sessions=args.sessions, cases=args.cases, seed=args.seed, progress=progress)
        finally:
            db.dispose()
        if staging is not None and target is not None:
            faults.point("demo:filled")
            leftovers.move_into_place(staging, target)
    finally:
        if staging is not None:
            leftovers.remove_sqlite_file(staging)
    print(report.summary())
    for username, role, password in report.accounts:
        print(f"  DEMO  usuario: {username:<11} rol: {role:<13} contraseña: {password}")
    return 0


def _progress_printer(label: str) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{label}: {done}/{total}", end="", file=sys.stderr, flush=True)
            if done >= total:
                print(file=sys.stderr)
    return show


def cmd_import(args: argparse.Namespace) -> int:
    from comite.services.importer import import_cases

    db = _open(args)
    ctx = _login(args, db)
    report = import_cases(ctx, args.file, progress=_progress_printer("Importando"))
    print(report.summary())
    for problem in report.rejected:
        print(f"  rechazada: {problem}")
    for warning in report.warnings:
        print(f"  para revisar: {warning}")
    return 0 if not report.rejected else 1


def cmd_init(args: argparse.Namespace) -> int:
    from comite.services import accounts

    db = _open(args)
    if accounts.is_initialized(db):
        raise ValidationError("Esta base de datos ya tiene cuentas.")
    username = args.user or input("Usuario administrador: ").strip()
    full_name = input("Nombre completo: ").strip() if sys.stdin.isatty() else username
    password = _password("Contraseña nueva: ")
    recovery = accounts.initialize(db, username=username, full_name=full_name, password=password)
    print("Cuenta de administrador creada.")
    print("LLAVE DE RECUPERACIÓN (guárdela fuera del equipo; no se volverá a mostrar):")
    print(f"  {recovery}")
    return 0


def _new_password(prompt: str) -> str:
    env = os.environ.get("COMITE_NEW_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise ValidationError("Indique la contraseña nueva en la variable COMITE_NEW_PASSWORD "
                              "(no hay terminal para pedirla).")
    first = _getpass(prompt)
    if _getpass("Repítala: ") != first:
        raise ValidationError("Las dos contraseñas no coinciden; no se cambió nada.")
    return first


def cmd_recover(args: argparse.Namespace) -> int:
    from comite.services import accounts

    db = _open(args)
    key = os.environ.get("COMITE_RECOVERY_KEY") or _getpass("Llave de recuperación: ")
    password = _new_password(f"Contraseña nueva de «{args.username}»: ")
    accounts.reset_with_recovery(db, key, args.username, password)
    print(f"La cuenta «{args.username}» tiene contraseña nueva y está desbloqueada. Quedó en la auditoría.")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    from comite.domain import Role
    from comite.services import accounts

    db = _open(args)
    ctx = _login(args, db)
    new_password = _new_password("Contraseña de la cuenta nueva: ")
    accounts.create_user(ctx, username=args.username, full_name=args.name, role=Role(args.role),
                         password=new_password, committees=args.committee)
    print(f"Cuenta «{args.username}» creada.")
    return 0


def cmd_sessions(args: argparse.Namespace) -> int:
    from comite.services.sessions import list_sessions
    from comite.text import plural  # here, not at import: the desktop start does not need it (#18)

    db = _open(args)
    ctx = _login(args, db)
    for row in list_sessions(ctx, args.committee, args.year):
        print(f"{row.id:>6}  {row.committee_code:<20} {row.number:03d}/{row.year}  {row.day.isoformat()}  "
              f"{row.session_type.label:<15} {row.status.label:<18} {plural(row.cases, 'caso')}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from comite.services import audit

    db = _open(args)
    ctx = _login(args, db) if args.user else None
    with db.Session() as s:
        report = audit.verify(s, ctx.db.vault if ctx else None)
    print(report.message)
    if ctx is None:
        print("Para comprobar también los sellos (verificación completa): comite audit verify --user USUARIO")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from comite.services.backup import backup_into_folder, check_keep, create_backup

    if args.keep is not None and not args.file.is_dir():
        raise ValidationError("«--keep» solo se usa cuando el destino es una carpeta existente.")
    check_keep(args.keep)  # before anything is unlocked or written
    db = _open(args)
    if args.remembered_key:
        from comite.services import accounts
        from comite.services.context import ServiceContext
        from comite.storage.secrets import KeyringSecretStore

        ctx = ServiceContext(db, accounts.login_with_remembered_key(db, KeyringSecretStore()).actor)
    else:
        ctx = _login(args, db)
    removed: list[Path] = []
    if args.file.is_dir():
        info, removed = backup_into_folder(ctx, args.file, keep=args.keep)
    else:
        info = create_backup(ctx, args.file)
    print(f"Copia de seguridad cifrada escrita en {info.path} ({info.size} bytes de datos), "
          f"a nombre de «{ctx.actor.username}».")
    for old in removed:
        print(f"Copia antigua borrada: {old.name}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from comite.services.restore import plan_restore, restore_backup
    from comite.storage.leftovers import clean_leftovers

    target = _sqlite_target(args)
    if target is None:
        raise ValidationError("La restauración desde comite es para bases SQLite; en PostgreSQL use pg_restore.")
    for message in clean_leftovers(target):
        print(message, file=sys.stderr)
    plan = plan_restore(args.file, target)
    if plan.warning():
        print(plan.warning(), file=sys.stderr)
    if (plan.current_exists or plan.other_database) and not args.yes:
        if not sys.stdin.isatty():
            raise ValidationError("La base de destino existe: confirme con --yes para reemplazarla"
                                  + (" por la de otra base de datos" if plan.other_database else "")
                                  + "; no se modificó nada.")
        if input(plan.question()).strip().lower() not in ("s", "si", "sí"):
            print("Restauración cancelada; no se modificó nada.")
            return 1
    if args.recovery:
        key = os.environ.get("COMITE_RECOVERY_KEY") or _getpass("Llave de recuperación: ")
        password = os.environ.get(PASSWORD_ENV) if args.user else None
        result = restore_backup(plan, recovery_key=key, username=args.user, password=password,
                                accept_other_database=True)
    else:
        if not args.user:
            raise ValidationError("Indique --user USUARIO (un administrador) o --recovery para restaurar la copia.")
        result = restore_backup(plan, username=args.user, password=_password(), accept_other_database=True)
    print(f"Copia del {result.created_at[:19]} verificada y restaurada en {result.path}.")
    if result.kept is not None:
        print(f"La base anterior se conservó como {result.kept.name}.")
    if result.note:
        print(result.note, file=sys.stderr)
    return 0


def cmd_acta(args: argparse.Namespace) -> int:
    from comite.services.acta import generate_acta

    db = _open(args)
    ctx = _login(args, db)
    result = generate_acta(ctx, args.session_id, args.out)
    print(result.message)
    return 0


def cmd_resolutions(args: argparse.Namespace) -> int:
    from comite.services.resolutions import generate_resolutions
    from comite.text import plural

    db = _open(args)
    ctx = _login(args, db)
    paths = generate_resolutions(ctx, args.session_id, args.out, progress=_progress_printer("Resoluciones"))
    print(f"{plural(len(paths), 'resolución escrita', 'resoluciones escritas')} en {args.out}.")
    return 0


def cmd_verify_acta(args: argparse.Namespace) -> int:
    from comite.services.acta import verify_acta_file

    db = _open(args)
    result = verify_acta_file(db, args.file)
    print(result.message)
    return 0 if result.ok else 1


def cmd_report(args: argparse.Namespace) -> int:
    from comite.services.reports import ReportQuery, build_report, export_report

    db = _open(args)
    ctx = _login(args, db)
    report = build_report(ctx, ReportQuery(args.start, args.end, args.committee))
    print(export_report(ctx, report, args.format, args.out, external=not args.internal).message)
    return 0


def cmd_report_repair(args: argparse.Namespace) -> int:
    from comite.services.reports import repair_facts

    db = _open(args)
    ctx = _login(args, db)
    before, rows = repair_facts(ctx)
    print(before.describe())
    print(f"Reconstruida: {rows} filas, una por caso tratado en sesión, con sus disparadores.")
    return 0


def cmd_review_send(args: argparse.Namespace) -> int:
    from comite.services.review import send_for_review

    db = _open(args)
    package = send_for_review(_login(args, db), args.session_id, args.out)
    print(package.message)
    return 0


def cmd_review_import(args: argparse.Namespace) -> int:
    from comite.services.review import import_pdf_comments

    db = _open(args)
    result = import_pdf_comments(_login(args, db), args.session_id, args.file, entity=args.entity,
                                 reviewer=args.reviewer, received=args.received)
    print(result.message)
    return 0


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from comite.selfcheck import exit_status, render, run_checks

    results = run_checks(args.db)
    print(render(results))
    return exit_status(results)


def _require_demo_data() -> None:
    """The demo's fictitious names come from Faker, an optional extra: say how to add it, before any file."""
    import importlib.util

    if importlib.util.find_spec("faker") is None:
        raise ValidationError(
            "La demostración necesita el paquete Faker (datos ficticios), que no está instalado. "
            'Instálelo con: pip install "comite[demo]" (desde el código fuente: pip install -e ".[demo]").')


def cmd_gui(args: argparse.Namespace) -> int:
    if os.environ.get("COMITE_GUI_PROBE"):  # a scripted check of a built artefact (see comite.gui.probe)
        from comite.gui.probe import run_probe

        return run_probe(args.db, args.user, os.environ.get(PASSWORD_ENV), os.environ["COMITE_GUI_PROBE"])
    folder = None
    if args.demo:
        from comite.throwaway import ThrowawayFolder

        _require_demo_data()
        # removed on every way out this process can catch; an earlier run's leftovers go now
        folder = ThrowawayFolder(DEMO_FOLDER_PREFIX)
    try:
        if folder is not None:
            args.db = str(folder.path / "demo.sqlite3")
            from comite.demo import fill_demo

            db = _open(args)
            report = fill_demo(db)
            db.dispose()
            print("BASE DE DEMOSTRACIÓN (datos ficticios) en", args.db)
            for username, role, password in report.accounts:
                print(f"  DEMO  usuario: {username:<11} rol: {role:<13} contraseña: {password}")
        try:
            from comite.gui.app import run_gui
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise ValidationError(f"La interfaz gráfica no está disponible en esta instalación ({exc}).") from exc
        return run_gui(args.db, demo=args.demo)
    finally:
        if folder is not None:  # a throwaway database: nothing of it stays behind
            folder.remove()


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "catalog": cmd_catalog,
    "deadline": cmd_deadline,
    "demo": cmd_demo,
    "import-cases": cmd_import,
    "init": cmd_init,
    "user-add": cmd_user_add,
    "recover": cmd_recover,
    "sessions": cmd_sessions,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "catalog-import": cmd_catalog_import,
    "restore": cmd_restore,
    "acta": cmd_acta,
    "resolutions": cmd_resolutions,
    "verify-acta": cmd_verify_acta,
    "report": cmd_report,
    "report-repair": cmd_report_repair,
    "review-send": cmd_review_send,
    "review-import": cmd_review_import,
    "selfcheck": cmd_selfcheck,
}


def main_gui(argv: Sequence[str] | None = None) -> int:
    """``comite-gui``: the desktop application started without a console (Start menu, frozen app).

    Such a process may have no standard streams at all (``None`` on Windows):
    what would be printed is kept, and an error that stops the start is shown
    in a message box instead of vanishing.
    """
    import io

    kept = io.StringIO()
    if sys.stdout is None:
        sys.stdout = kept
    if sys.stderr is None:
        sys.stderr = kept
    try:
        code = main(argv)
    except SystemExit as exc:  # a mistyped option: argparse's message is in ``kept``
        code = exc.code if isinstance(exc.code, int) else 2
    if code not in (0, 130) and kept.getvalue().strip():
        from comite.gui.app import show_start_failure

        show_start_failure(kept.getvalue().strip())
    return code


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # all freeze_support() looks at; importing it costs the login dialog
        import multiprocessing

        multiprocessing.freeze_support()  # a frozen Windows build starting a rendering helper process
    from comite.logs import setup_logging

    argv = sys.argv[1:] if argv is None else argv
    args = parse_gui_arguments(argv) or build_parser().parse_args(argv)
    log_path = setup_logging(rotating=args.command is not None)  # the desktop's turns rotating later
    handler = COMMANDS.get(args.command or "", cmd_gui)
    try:
        return handler(args)
    except ComiteError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrumpido; lo ya guardado está a salvo.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: log, say where, never a traceback
        # The traceback's frames, and the exception's text only for kinds that cannot quote reserved data.
        from comite.logs import format_exception

        log.error("Error inesperado en el comando %s\n%s", args.command, format_exception(exc))
        print(f"Error inesperado ({exc.__class__.__name__}). El detalle quedó en {log_path}.", file=sys.stderr)
        return 3
    finally:
        while _opened:
            _opened.pop().dispose()
