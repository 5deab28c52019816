"""Repeated texts of an acta share their parse and line breaks (pdf_common.shared_paragraphs)
without changing a byte of the document."""

from __future__ import annotations

import contextlib
import io
from dataclasses import replace
from datetime import date

import pytest
from reportlab.platypus import SimpleDocTemplate
from samples import sample_acta

from comite.documents import pdf_common as pc
from comite.documents.acta_pdf import build_acta_pdf
from comite.documents.data import ReviewAnnex, ReviewDelegateRow, ReviewNote


def _render(data) -> bytes:
    buf = io.BytesIO()
    build_acta_pdf(data, buf)
    return buf.getvalue()


def _annex() -> ReviewAnnex:
    delegates = tuple(
        ReviewDelegateRow(f"Entidad {i % 3}", "Delegada de la entidad", 1, date(2026, 3, 2), date(2026, 3, 9),
                          "Respondió con observaciones" if i % 2 else "Aceptación tácita")
        for i in range(8)
    )
    notes = tuple(
        ReviewNote("Delegada de la entidad", f"Entidad {i % 3}", "Precisar la redacción del párrafo.", 1,
                   date(2026, 3, 4), "Correo", f"5.{i + 1}, párrafo 2", "Aceptada" if i % 2 else "No aceptada",
                   "" if i % 2 else "El texto ya lo dice.")
        for i in range(30)
    )
    return ReviewAnnex(delegates, notes)


@pytest.mark.parametrize("final", [False, True], ids=["draft", "final"])
def test_sharing_changes_no_byte_of_the_acta(monkeypatch, final):
    data = sample_acta(12, draft=not final)
    if final:
        data = replace(data, review_annex=_annex(), approval="Aprobada por los miembros con voz y voto.")
    shared = _render(data)
    monkeypatch.setattr(pc, "shared_paragraphs", contextlib.nullcontext)
    assert _render(data) == shared


def test_a_repeated_text_is_a_twin_of_its_own():
    st = pc.styles()
    with pc.shared_paragraphs():
        first = pc.text_para(st.cell, "Extraordinario")
        again = pc.text_para(st.cell, "Extraordinario")
        bold = pc.text_para(st.body, ("Nivel:", "b"), " extraordinario")
        bold_again = pc.text_para(st.body, ("Nivel:", "b"), " extraordinario")
        other_style = pc.text_para(st.cell_head, "Extraordinario")
    assert again is not first and again._wraps is first._wraps and again.frags is first.frags
    assert bold_again._wraps is bold._wraps
    assert other_style._wraps is not first._wraps
    assert again.wrap(100, 100) == first.wrap(100, 100)
    assert 100 in first._wraps
    # outside the scope nothing is shared (nothing outlives a document)
    assert pc.text_para(st.cell, "Extraordinario")._wraps is not first._wraps


def test_a_repeated_line_postponed_on_many_pages_lays_out():
    """Each occurrence is its own flowable: reportlab marks one it moves to the next
    page, and the same object moved twice would be taken for one too large for any page."""
    st = pc.styles()
    with pc.shared_paragraphs():
        story = [pc.text_para(st.body, "Una línea que se repite en toda la página.") for _ in range(400)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build(story)
    assert buf.getvalue().count(b"/Type /Page\n") > 3


def test_reportlab_runs_its_c_speedups():
    """reportlab[accel] is a dependency: without rl_accel every PDF still builds, on the slower
    Python versions of the same functions (so only this test would notice)."""
    from reportlab.lib import rl_accel

    assert {"fp_str", "instanceStringWidthTTF", "escapePDF"} <= set(rl_accel._c_funcs)
