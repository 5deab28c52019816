"""Fixtures for the document tests: sample data and the built documents, read back.

Documents are built once per test session (building is the slow part); tests
only read them. The sample data lives in ``samples.py`` (``from samples import
sample_acta`` in this folder) so other tests can reuse it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from samples import flat, page_texts, pdf_bytes, sample_acta, sample_convocation

from comite.documents.acta_pdf import build_acta_pdf
from comite.documents.convocation import build_convocation_pdf
from comite.documents.data import ActaData, ConvocationData


@pytest.fixture(scope="session")
def acta_data() -> ActaData:
    return sample_acta(5, draft=True, version=2)


@pytest.fixture(scope="session")
def final_acta_data(acta_data: ActaData) -> ActaData:
    return replace(acta_data, draft=False, version=3)


@pytest.fixture(scope="session")
def draft_pdf(acta_data: ActaData) -> bytes:
    return pdf_bytes(build_acta_pdf, acta_data)


@pytest.fixture(scope="session")
def final_pdf(final_acta_data: ActaData) -> bytes:
    return pdf_bytes(build_acta_pdf, final_acta_data)


@pytest.fixture(scope="session")
def draft_pages(draft_pdf: bytes) -> list[str]:
    return page_texts(draft_pdf)


@pytest.fixture(scope="session")
def final_pages(final_pdf: bytes) -> list[str]:
    return page_texts(final_pdf)


@pytest.fixture(scope="session")
def draft_text(draft_pages: list[str]) -> str:
    """The whole draft acta as one whitespace-normalised string."""
    return flat(" ".join(draft_pages))


@pytest.fixture(scope="session")
def convocation_data() -> ConvocationData:
    return sample_convocation(5)


LETTER_DATE = date(2026, 2, 24)


@pytest.fixture(scope="session")
def convocation_pdf(convocation_data: ConvocationData) -> bytes:
    return pdf_bytes(
        lambda d, out: build_convocation_pdf(d, out, issued=LETTER_DATE), convocation_data
    )


@pytest.fixture(scope="session")
def convocation_pages(convocation_pdf: bytes) -> list[str]:
    return page_texts(convocation_pdf)
