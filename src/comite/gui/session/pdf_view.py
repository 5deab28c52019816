"""PDF pages shown in the application (the acta preview).

Pages are rasterised with pypdfium2 (PDFium, the engine of Chrome's viewer),
off the UI thread: :func:`render_pages` returns ``QImage`` values, which are
safe to build on a worker thread, and :class:`PdfPagesView` shows them one
under the other, scaled for the screen's pixel ratio so text stays crisp on
high-DPI displays.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

PAGE_WIDTH = 820  # logical pixels


def render_pages(pdf: bytes, width: int = PAGE_WIDTH, ratio: float = 1.0,
                 cancelled: Callable[[], bool] | None = None) -> list[QImage]:
    """Every page of ``pdf`` as an image ``width`` logical pixels wide."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for i in range(len(doc)):
            if cancelled is not None and cancelled():
                break
            page = doc[i]
            try:
                scale = width * ratio / page.get_width()
                bitmap = page.render(scale=scale, rev_byteorder=True)
                try:
                    data = bytes(bitmap.buffer)
                    img = QImage(data, bitmap.width, bitmap.height, bitmap.stride,
                                 QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                                 else QImage.Format.Format_RGBA8888).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()
            img.setDevicePixelRatio(ratio)
            images.append(img)
    finally:
        doc.close()
    return images


class PdfPagesView(QScrollArea):
    """A scrollable column of page images."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Vista previa del acta")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet("QScrollArea { background: #8a8f98; }")
        self._inner = QWidget()
        self._inner.setStyleSheet("background: #8a8f98;")
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(16, 16, 16, 16)
        self._layout.setSpacing(14)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._inner)
        self._pages: list[QLabel] = []
        self.placeholder = QLabel("La vista previa del acta aparecerá aquí.", self._inner)
        self.placeholder.setStyleSheet("color: white;")
        self._layout.addWidget(self.placeholder)

    def page_count(self) -> int:
        return len(self._pages)

    def set_pages(self, images: list[QImage]) -> None:
        for label in self._pages:
            self._layout.removeWidget(label)
            label.deleteLater()
        self._pages = []
        self.placeholder.setVisible(not images)
        for n, img in enumerate(images, start=1):
            label = QLabel(self._inner)
            label.setPixmap(QPixmap.fromImage(img))
            label.setFrameShape(QFrame.Shape.Box)
            label.setStyleSheet("background: white; border: 1px solid #5f6368;")
            ratio = img.devicePixelRatio() or 1.0
            label.setFixedSize(round(img.width() / ratio) + 2, round(img.height() / ratio) + 2)
            label.setAccessibleName(f"Página {n} de {len(images)}")
            self._layout.addWidget(label)
            self._pages.append(label)

    def set_message(self, text: str) -> None:
        self.placeholder.setText(text)
        self.placeholder.setVisible(True)
