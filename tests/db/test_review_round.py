"""«Enviar a revisión» and what comes back (issue #19), on both engines.

The package of a recorded CERREM session: the numbered draft, one .eml per
delegate with an address (parsed back with the email package), the list of
those without one, the term in Colombian business days. A delegate's PDF,
annotated with pypdf as a PDF reader does, is imported: exactly its comments,
with page, section and paragraph; a second import adds none. Observations
typed in by the secretariat, answers, the rule for silence, and the annex of
the final acta read back with pypdf.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from comite.documents import acta_numbering
from comite.domain import LapseRule, ReviewAnswer, ReviewChannel, Role
from comite.errors import RuleViolation, ValidationError
from comite.model import AuditEntry
from comite.rules.calendar import add_business_days
from comite.services import acta, review, review_rounds
from comite.services.context import ServiceContext
from tests.conftest import make_user
from tests.db.helpers import assert_spanish, login_ctx, snapshot
from tests.db.review_helpers import PROTECTED, RADICADOS, Comment, annotate, closed_cerrem_session

TODAY = date(2026, 11, 23)  # the admin fixture's clock


@pytest.fixture
def sent(admin, tmp_path):
    rev = closed_cerrem_session(admin)
    package = review.send_for_review(admin, rev.session_id, tmp_path / "paquete")
    return rev, package


def _stored_draft(ctx, session_id) -> bytes:
    draft = acta.latest_draft_version(ctx, session_id)
    return acta.acta_version_pdf(ctx, draft.id)


def test_the_package_has_one_unsent_message_per_delegate_with_the_numbered_draft(admin, sent):
    rev, package = sent
    stored = _stored_draft(admin, rev.session_id)
    assert package.version == 1 and package.pdf.read_bytes() == stored  # the version stored is the one sent
    assert package.deadline == add_business_days(TODAY, 5) == date(2026, 11, 30)
    assert len(package.messages) == len(rev.with_email) and rev.without_email
    assert [a.entity for a in package.without_address] == list(rev.without_email)
    listing = (package.folder / review.NO_ADDRESS_FILE).read_text(encoding="utf-8")
    assert all(entity in listing for entity in rev.without_email)
    assert "Sin correo registrado" in package.message and "30/11/2026" in package.message

    to = set()
    for path in package.messages:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert msg["X-Unsent"] == "1"
        assert msg["From"].addresses[0].addr_spec == "secretaria.tecnica@unp.gov.co"
        to.add(msg["To"].addresses[0].addr_spec)
        assert "ACTA No. 001 de 2026" in msg["Subject"] and "30/11/2026" in msg["Subject"]
        body = msg.get_body(("plain",)).get_content()
        assert "30 de noviembre de 2026" in body and "5 días hábiles" in body and "aceptación tácita" in body
        for secret in (*RADICADOS, *PROTECTED):  # the acta travels attached, not in the body
            assert secret not in body and secret not in msg["Subject"]
        (attachment,) = list(msg.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == package.pdf.name
        assert attachment.get_content() == stored
    assert len(to) == len(package.messages)

    # The draft's sections and paragraphs are numbered in the margin and in its named destinations.
    marks = acta_numbering.anchors(stored)
    assert {"1", "2", "3", "4", "5", "5.1", "5.2"} <= {m.section for m in marks}
    page_of = {(m.section, m.paragraph): m.page for m in marks}
    text = PdfReader(io.BytesIO(stored)).pages[page_of[("5.2", 3)] - 1].extract_text()
    assert "5.2 ¶3" in text

    status = review_rounds.review_status(admin, rev.session_id)
    assert status.version == 1 and status.deadline == package.deadline
    assert len(status.delegates) == len(rev.with_email) + len(rev.without_email)
    assert status.pending_delegates == len(rev.with_email)
    assert {d.state for d in status.delegates} == {"Pendiente", "Sin correo: enviar por otro medio"}
    with admin.reading() as s:
        details = json.loads(s.scalars(select(AuditEntry.details).where(
            AuditEntry.action == "acta_revision_enviada")).one())
    assert details["version"] == 1 and details["correos"] == len(rev.with_email)
    assert details["sin_correo"] == list(rev.without_email)


def test_a_returned_pdf_adds_exactly_its_comments_once(admin, sent, tmp_path):
    rev, package = sent
    stored = _stored_draft(admin, rev.session_id)
    marks = {(m.section, m.paragraph): m for m in acta_numbering.anchors(stored)}
    deliberation, quorum, heading = marks[("5.1", 3)], marks[("2", 1)], marks[("5.2", 0)]
    comments = [
        Comment("text", deliberation.page, deliberation.top - 4, "Precisar quién presentó el estudio."),
        Comment("highlight", quorum.page, quorum.top - 6, "El quórum se verificó a las 9:05."),
        Comment("free", heading.page, heading.top - 3, "Falta el nombre completo del radicado."),
    ]
    returned = tmp_path / "devuelto.pdf"
    returned.write_bytes(annotate(package.pdf.read_bytes(), comments))
    entity = rev.with_email[0]

    result = review.import_pdf_comments(admin, rev.session_id, returned, entity=entity, reviewer="Delegado X",
                                        received=date(2026, 11, 23))
    assert (result.found, result.added, result.repeated) == (3, 3, 0)
    rows = review_rounds.review_status(admin, rev.session_id).observations
    got = {(o.text, o.page, o.section, o.paragraph, o.channel, o.received_on, o.entity) for o in rows}
    assert got == {
        (comments[0].text, deliberation.page, "5.1", 3, ReviewChannel.PDF, date(2026, 11, 23), entity),
        (comments[1].text, quorum.page, "2", 1, ReviewChannel.PDF, date(2026, 11, 23), entity),
        (comments[2].text, heading.page, "5.2", None, ReviewChannel.PDF, date(2026, 11, 23), entity),
    }
    assert {o.place for o in rows} >= {f"5.1, párrafo 3 (pág. {deliberation.page})", f"5.2 (pág. {heading.page})"}

    before = snapshot(admin.db, ["review_observation", "review_recipient"])
    again = review.import_pdf_comments(admin, rev.session_id, returned, entity=entity, reviewer="Delegado X")
    assert (again.added, again.repeated) == (0, 3) and "ya estaban registradas" in again.message
    assert snapshot(admin.db, ["review_observation", "review_recipient"]) == before

    status = review_rounds.review_status(admin, rev.session_id)
    answered = [d for d in status.delegates if d.entity == entity]
    assert answered[0].answered_on == date(2026, 11, 23) and answered[0].state.startswith("Respondió con 3")
    with admin.reading() as s:  # the texts are stored encrypted
        raw = s.execute(text("SELECT text FROM review_observation")).scalars().all()
    assert all(comments[0].text.encode() not in bytes(r) for r in raw)
    with admin.reading() as s:
        imports = [json.loads(e.details) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "acta_revision_importada").order_by(AuditEntry.id))]
    assert [(d["nuevas"], d["repetidas"]) for d in imports] == [(3, 0), (0, 3)]


def test_a_pdf_of_another_acta_or_without_its_footer_is_refused(admin, sent, tmp_path):
    rev, package = sent
    other = closed_cerrem_session(admin, date(2026, 11, 21), prefix="OTRA-")
    with pytest.raises(ValidationError) as err:
        review.import_pdf_comments(admin, other.session_id, package.pdf, entity="Procuraduría", reviewer="Ana")
    assert_spanish(err.value, "no es un borrador del ACTA No. 002 de 2026")
    bad = tmp_path / "roto.pdf"
    bad.write_bytes(b"%PDF-1.4 esto no es un pdf")
    with pytest.raises(ValidationError) as err:
        review.import_pdf_comments(admin, rev.session_id, bad, entity="Procuraduría", reviewer="Ana")
    assert_spanish(err.value, "no se pudo leer como PDF")
    with pytest.raises(ValidationError):
        review.import_pdf_comments(admin, rev.session_id, package.pdf, entity=" ", reviewer="Ana")


def test_observations_by_mail_answers_silence_and_the_annex(admin, sent, tmp_path):
    rev, package = sent
    sid = rev.session_id
    status = review_rounds.review_status(admin, sid)
    first, second = [d for d in status.delegates if d.email][:2]
    obs_mail = review.record_observation(
        admin, sid, "En 5.1 debe decir que la Procuraduría pidió el informe.", entity=first.entity,
        reviewer=first.reviewer, channel=ReviewChannel.CORREO, received=date(2026, 11, 23), section="5.1",
        paragraph=2).created_id
    obs_phone = review.record_observation(
        admin, sid, "Corregir la hora de cierre.", entity=first.entity, reviewer=first.reviewer,
        channel=ReviewChannel.TELEFONO).created_id
    review.record_no_observations(admin, second.id, date(2026, 11, 23))
    with pytest.raises(ValidationError) as err:
        review.record_observation(admin, sid, "x", entity="E", reviewer="R", channel=ReviewChannel.CORREO,
                                  section="cinco")
    assert_spanish(err.value, "no es una sección")

    with pytest.raises(RuleViolation) as err:
        acta.approve_acta(admin, sid)
    assert_spanish(err.value, "2 observación", "sin atender")
    with pytest.raises(ValidationError) as err:
        review.answer_observation(admin, obs_phone, ReviewAnswer.NO_ACEPTADA)
    assert_spanish(err.value, "motivo")
    review.answer_observation(admin, obs_mail, ReviewAnswer.ACEPTADA)
    review.answer_observation(admin, obs_phone, ReviewAnswer.NO_ACEPTADA,
                              "La hora de cierre consta en el registro de asistencia.")
    rows = {o.id: o for o in review_rounds.review_status(admin, sid).observations}
    assert rows[obs_mail].answer is ReviewAnswer.ACEPTADA and rows[obs_mail].place == "5.1, párrafo 2"
    assert rows[obs_phone].reason.startswith("La hora de cierre")

    # The term passes: the committee's rule (tacit acceptance by default) applies to the silent ones, once.
    later = ServiceContext(admin.db, admin.actor, today=lambda: date(2026, 12, 1))
    changes = review_rounds.apply_lapsed_terms(later, sid)
    assert "aceptación tácita" in changes.message
    after = review_rounds.review_status(later, sid).delegates
    silent = [d for d in after if d.email and d.id not in (first.id, second.id)]
    assert silent and all(d.lapse_result is LapseRule.ACEPTACION_TACITA for d in silent)
    assert {d.state for d in silent} == {"Término vencido: aceptación tácita"}
    assert review_rounds.apply_lapsed_terms(later, sid) == review.Changes()  # recorded once
    with admin.reading() as s:
        lapses = s.scalars(select(AuditEntry.id).where(AuditEntry.action == "acta_revision_vencida")).all()
    assert len(lapses) == len(silent)

    acta.approve_acta(later, sid, tmp_path / "final.pdf")
    pages = [p.extract_text() for p in PdfReader(str(tmp_path / "final.pdf")).pages]
    annex = " ".join(" ".join(p.split()) for p in pages[[i for i, p in enumerate(pages)
                                                          if "Observaciones al borrador" in p][0]:])
    assert "ANEXO — Observaciones al borrador y su trámite" in annex
    assert "En 5.1 debe decir que la Procuraduría pidió el informe." in annex
    assert "5.1, párrafo 2" in annex and "Correo electrónico" in annex and "Teléfono" in annex
    assert "Aceptada (se corrige en el siguiente borrador)" in annex
    assert "No aceptada" in annex and "La hora de cierre consta en el registro de asistencia." in annex
    assert "aceptación tácita" in annex and "sin observaciones" in annex and "Sin correo" in annex
    assert not any(re.search(r"\d+ ¶\d+", p) for p in pages)  # the final acta is not numbered
    with pytest.raises(RuleViolation):
        review.answer_observation(later, obs_mail, None)


def test_the_rule_and_term_are_the_committees(admin, tmp_path):
    review_rounds.save_review_settings(admin, "CERREM_POBLACIONAL",
                                       review_rounds.ReviewSettings(3, LapseRule.NINGUNA))
    with pytest.raises(ValidationError):
        review_rounds.save_review_settings(admin, "CERREM_POBLACIONAL", review_rounds.ReviewSettings(0))
    settings = review_rounds.review_settings(admin)
    assert settings["CERREM_POBLACIONAL"] == review_rounds.ReviewSettings(3, LapseRule.NINGUNA)
    assert settings["GVP"] == review_rounds.ReviewSettings(5, LapseRule.ACEPTACION_TACITA)
    rev = closed_cerrem_session(admin)
    package = review.send_for_review(admin, rev.session_id, tmp_path)
    assert package.deadline == add_business_days(TODAY, 3)
    body = email.message_from_bytes(package.messages[0].read_bytes(), policy=email.policy.default)
    assert "se dejará constancia" in body.get_body(("plain",)).get_content()
    later = ServiceContext(admin.db, admin.actor, today=lambda: date(2026, 12, 10))
    review_rounds.apply_lapsed_terms(later, rev.session_id)
    states = {d.state for d in review_rounds.review_status(later, rev.session_id).delegates if d.email}
    assert states == {"Término vencido sin respuesta"}


def test_only_the_secretariat_sends_imports_and_answers(admin, sent):
    rev, package = sent
    make_user(admin, "delegada", Role.REVISOR, committees=["CERREM_POBLACIONAL"])
    reviewer = login_ctx(admin.db, "delegada", "Otra-clave-segura-1")
    from comite.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        review.import_pdf_comments(reviewer, rev.session_id, package.pdf, entity="E", reviewer="R")
    with pytest.raises(PermissionDenied):
        review.record_observation(reviewer, rev.session_id, "x", entity="E", reviewer="R",
                                  channel=ReviewChannel.CORREO)
    draft = acta.latest_draft_version(reviewer, rev.session_id)
    obs = acta.add_review_observation(reviewer, draft.id, "Con mi cuenta.").created_id
    with pytest.raises(PermissionDenied):
        review.answer_observation(reviewer, obs, ReviewAnswer.ACEPTADA)
    row = [o for o in review_rounds.review_status(admin, rev.session_id).observations if o.id == obs][0]
    assert row.channel is ReviewChannel.APLICACION and row.reviewer == "Delegada"


def test_a_broken_message_template_records_nothing(admin, tmp_path, monkeypatch):
    import shutil

    from comite.documents import review_mail
    from comite.paths import templates_dir

    rev = closed_cerrem_session(admin)
    mine = tmp_path / "plantillas"
    shutil.copytree(templates_dir(), mine)
    (mine / review_mail.TEMPLATE_NAME).write_text("Asunto: Borrador $acta\nHasta el $plazo_final\n", encoding="utf-8")
    monkeypatch.setattr(review_mail, "templates_dir", lambda: mine)
    with pytest.raises(ValidationError) as err:
        review.send_for_review(admin, rev.session_id, tmp_path / "paquete")
    assert_spanish(err.value, "plantilla del correo", "plazo_final", "No se envió nada")
    assert acta.acta_versions(admin, rev.session_id) == []
