"""``comite review-send`` and ``comite review-import`` as a script runs them (issue #19)."""

from __future__ import annotations

import email
import email.policy

import pytest

from comite.documents import acta_numbering
from comite.services import accounts
from comite.services.bootstrap import open_database
from comite.services.context import ServiceContext
from tests.db import test_cli as cli_tests
from tests.db.review_helpers import Comment, annotate, closed_cerrem_session
from tests.db.test_cli import ADMIN_PW, run

pytestmark = pytest.mark.sqlite_only
home, initialized = cli_tests.home, cli_tests.initialized  # the command-line tests' fixtures


def test_review_send_then_import_twice(initialized, capsys, tmp_path):
    db, _ = initialized
    handle = open_database(db)
    try:
        rev = closed_cerrem_session(ServiceContext(handle, accounts.login(handle, "ana", ADMIN_PW).actor))
    finally:
        handle.dispose()
    sid = str(rev.session_id)
    out_dir = tmp_path / "paquete"

    code, out, err = run(capsys, "--db", db, "--user", "ana", "review-send", sid, "--out", str(out_dir))
    assert code == 0, err
    assert "Borrador versión 1 enviado a revisión" in out and "Sin correo registrado" in out
    emls = sorted(out_dir.glob("*.eml"))
    assert len(emls) == len(rev.with_email)
    msg = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1"
    (pdf,) = out_dir.glob("Borrador_acta_CERREM_POBLACIONAL_001-2026_v1.pdf")
    marks = {(m.section, m.paragraph): m for m in acta_numbering.anchors(pdf.read_bytes())}
    target = marks[("5.1", 2)]
    returned = tmp_path / "devuelto.pdf"
    returned.write_bytes(annotate(pdf.read_bytes(), [
        Comment("text", target.page, target.top - 3, "Ajustar la redacción."),
        Comment("free", target.page, target.top - 3, "Precisar la fecha del estudio.", x=300),
    ]))

    argv = ("--db", db, "--user", "ana", "review-import", sid, str(returned), "--entity", rev.with_email[0],
            "--reviewer", "Delegado Uno", "--received", "2026-11-23")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert out.startswith("2 observación(es) nueva(s)")
    code, out, err = run(capsys, *argv)
    assert code == 0 and out.startswith("0 observación(es) nueva(s)") and "2 ya estaban registradas" in out

    code, _, err = run(capsys, "--db", db, "--user", "ana", "review-import", sid, str(tmp_path / "no.pdf"),
                       "--entity", "E", "--reviewer", "R")
    assert code == 2 and "No se pudo leer el archivo" in err
