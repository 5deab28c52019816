"""Property-based fuzzing of the resolution renderer (Hypothesis).

Every text a resolution takes from the database (the person's name and document, the
concept, the family, the measures' names and notes, the committee, who projected and
reviewed it) is drawn from arbitrary Unicode: control characters, invisible ones, lone
surrogates, huge values. Every resolution renders, with both shipped templates, into a
Word file whose parts are well-formed XML that python-docx opens, and that still says
the person's name as far as it is printable.

The example count is bounded (:data:`EXAMPLES`); the README gives it.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import replace

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from res_samples import FamilyMember, sample_resolution, vest

from comite.documents import resolution as res
from comite.domain import CaseKind
from comite.text import printable

EXAMPLES = int(os.environ.get("COMITE_FUZZ_EXAMPLES", "150"))
"""Per run in CI; ``COMITE_FUZZ_EXAMPLES=2000`` for a longer hunt."""

TEXT = st.one_of(
    st.text(st.characters(codec=None, categories=None), max_size=40),
    st.text(st.characters(codec=None, categories=None), max_size=5).map(lambda t: t * 500),
    st.sampled_from(["\x1b[31mAna", "Nul\x00o", "\ud800", "{{ numero }}", "{% if %}", "<w:p>", "&amp;", "]]>",
                     "\u200b", "\ufeff", "\ufffe"]),
)


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(beneficiary=TEXT, document=TEXT, concept=TEXT, relative=TEXT, note=TEXT, committee=TEXT,
       staff=TEXT, collective=st.booleans(), special=st.booleans())
def test_every_resolution_renders_whatever_was_stored(beneficiary, document, concept, relative, note, committee,
                                                      staff, collective, special):
    data = sample_resolution(
        kind=CaseKind.COLECTIVO if collective else CaseKind.INDIVIDUAL,
        committee_code="COMITE_ESPECIAL" if special else "CERREM_MUJERES",
        beneficiary=beneficiary, document_number=document, concept=concept, committee_name=committee,
        family=(FamilyMember(relative, relative),), measures=(replace(vest(), name=note, notes=note),),
        projected_by=staff, reviewed_by=staff,
    )
    rendered = res.render_resolution(data)
    with zipfile.ZipFile(io.BytesIO(rendered)) as archive:
        parts = {name: etree.fromstring(archive.read(name))  # well-formed, or this raises
                 for name in archive.namelist() if name.endswith(".xml")}
    text = " ".join("".join(parts["word/document.xml"].itertext()).split())
    visible = " ".join(printable(beneficiary).split())
    if visible and len(visible) < 200:
        assert visible.split()[0] in text


def test_the_fuzzed_output_opens_in_python_docx():
    """One hostile resolution read back the way the other document tests read them."""
    data = sample_resolution(beneficiary="Ana\x1b[31m\x00 Pérez\ud800", concept="\x0c" * 10_000)
    document = docx.Document(io.BytesIO(res.render_resolution(data)))
    assert any("Ana[31m Pérez" in p.text for p in document.paragraphs)
