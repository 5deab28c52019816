"""Documents render any stored text (issue #13, point 7).

One control character in a stored name (ESC from a terminal, NUL from another program)
broke every resolution of the session, and the message blamed the template. Every
document now leaves such characters out when it renders, and a render that still fails
because of one value names the case and that field.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
import pytest
from markupsafe import Markup
from res_samples import FamilyMember, numbered_resolution, sample_notification, sample_resolution
from samples import flat, page_texts, pdf_bytes, sample_acta, sample_convocation

from comite import paths
from comite.documents import resolution as res
from comite.documents.acta_pdf import build_acta_pdf
from comite.documents.convocation import build_convocation_pdf
from comite.documents.notification import build_notification_docx, build_notification_pdf
from comite.documents.templating import CompiledDocxTemplate
from comite.errors import ValidationError

HOSTILE = "Ana\x1b[31m Pérez\x00 \x07Ríos\x0b\x0c\x7f\x9b\ud800"
SHOWN = "Ana[31m Pérez Ríos"
CONTROLS = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), *range(127, 160))]


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _no_controls(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in text if c in CONTROLS or "\ud800" <= c <= "\udfff"})
    assert not found, found


def test_a_control_character_in_a_name_renders_every_resolution_of_the_batch(tmp_path):
    hostile = replace(numbered_resolution(2), beneficiary=HOSTILE, concept=f"Concepto sobre {HOSTILE}.",
                      family=(FamilyMember("hija", HOSTILE),))
    batch = [numbered_resolution(1), hostile, numbered_resolution(3)]
    written = res.write_resolutions(batch, tmp_path, workers=1)
    assert len(written) == 3
    text = _docx_text(written[1].read_bytes())
    assert SHOWN in flat(text)
    _no_controls(text)
    for path in written:  # every part is well-formed XML Word opens
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None


def test_the_acta_convocation_and_notification_render_any_stored_text():
    acta = sample_acta(2)
    first = replace(acta.cases[0], deliberation=f"Se analiza {HOSTILE}.", concept=HOSTILE,
                    gvp_concept=HOSTILE)
    acta = replace(acta, cases=(first, *acta.cases[1:]), development=f"Desarrollo {HOSTILE}")
    text = "\n".join(page_texts(pdf_bytes(build_acta_pdf, acta)))
    assert SHOWN in flat(text)
    _no_controls(text)

    conv = sample_convocation(2)
    conv = replace(conv, agenda=(*conv.agenda, f"Proposiciones {HOSTILE}"))
    text = "\n".join(page_texts(pdf_bytes(build_convocation_pdf, conv)))
    assert SHOWN in flat(text)
    _no_controls(text)

    notice = sample_notification()
    notice = replace(notice, cases=(replace(notice.cases[0], concept=HOSTILE), *notice.cases[1:]))
    text = _docx_text(build_notification_docx(notice))
    assert SHOWN in flat(text)
    _no_controls(text)
    text = "\n".join(page_texts(pdf_bytes(build_notification_pdf, notice)))
    _no_controls(text)


def test_a_render_that_fails_on_a_value_names_the_case_and_the_field_not_the_template():
    template = CompiledDocxTemplate.from_path(paths.templates_dir() / res.CERREM_TEMPLATE, res.RESOLUTION_FIELDS)
    context = res.resolution_context(sample_resolution())
    # a value already marked as safe markup is not cleaned on its way in: the one way left
    # for a stored text to break the XML
    context["beneficiario"] = Markup("Ana\x00Pérez")
    with pytest.raises(ValidationError) as err:
        template.render(context, subject="la resolución del caso EXT26-0001234")
    message = str(err.value)
    assert "caso EXT26-0001234" in message and "«beneficiario»" in message
    assert "La plantilla «resolucion_cerrem.docx» está bien" in message
    assert "{% ... %}" not in message


def test_a_broken_template_is_still_blamed_on_the_template(tmp_path):
    source = (paths.templates_dir() / res.CERREM_TEMPLATE).read_bytes()
    template = CompiledDocxTemplate(source, "plantilla.docx", None)
    context = res.resolution_context(sample_resolution())
    del context["beneficiario"]
    with pytest.raises(ValidationError, match="«beneficiario», que no existe") as err:
        template.render(context, subject="la resolución del caso X-1")
    assert "caso X-1" in str(err.value)
