"""PDF pages shown in the application (the acta preview).

Pages are rasterised with pypdfium2 (PDFium, the engine of Chrome's viewer)
only when they come into view, and only a few are kept: an acta of 150 cases
has ~170 pages, and rasterising them all at once held ~600 MB of images and
froze the window more than a second while they were handed to widgets. The
document is opened once (page sizes are cheap to read); painting draws the
visible pages, scaled for the screen's pixel ratio so text stays crisp on
high-DPI displays.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

PAGE_WIDTH = 820  # logical pixels
MARGIN = 16
SPACING = 14
CACHED_PAGES = 8  # rasterised pages kept (a screen shows one or two)


class _Pages(QWidget):
    """The column of pages; paints only those that intersect the exposed area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = None
        self._pdf = b""
        self._sizes: list[QSize] = []  # logical size of each page at PAGE_WIDTH
        self._tops: list[int] = []
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.renders = 0  # pages rasterised so far (tests look at it)

    def set_pdf(self, pdf: bytes) -> None:
        import pypdfium2 as pdfium

        self.clear()
        self._pdf = pdf  # PDFium reads from this buffer for as long as the document is open
        self._doc = pdfium.PdfDocument(pdf)
        y = MARGIN
        for i in range(len(self._doc)):
            w, h = self._doc.get_page_size(i)
            size = QSize(PAGE_WIDTH, round(h * PAGE_WIDTH / w))
            self._sizes.append(size)
            self._tops.append(y)
            y += size.height() + SPACING
        self.setFixedSize(PAGE_WIDTH + 2 * MARGIN, y - SPACING + MARGIN if self._sizes else 0)
        self.update()

    def clear(self) -> None:
        if self._doc is not None:
            self._doc.close()
        self._doc, self._pdf = None, b""
        self._sizes, self._tops = [], []
        self._cache.clear()
        self.setFixedSize(0, 0)

    def page_count(self) -> int:
        return len(self._sizes)

    def page_rect(self, index: int) -> QRect:
        return QRect(MARGIN, self._tops[index], self._sizes[index].width(), self._sizes[index].height())

    def _image(self, index: int) -> QImage:
        if index in self._cache:
            self._cache.move_to_end(index)
            return self._cache[index]
        ratio = self.devicePixelRatioF() or 1.0
        page = self._doc[index]
        try:
            bitmap = page.render(scale=PAGE_WIDTH * ratio / page.get_width(), rev_byteorder=True)
            try:
                fmt = (QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                       else QImage.Format.Format_RGBA8888)
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
            finally:
                bitmap.close()
        finally:
            page.close()
        image.setDevicePixelRatio(ratio)
        self.renders += 1
        self._cache[index] = image
        while len(self._cache) > CACHED_PAGES:
            self._cache.popitem(last=False)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._doc is None:
            return
        painter = QPainter(self)
        exposed = event.rect()
        painter.setPen(QPen(QColor("#5f6368")))
        for index in range(len(self._sizes)):
            rect = self.page_rect(index)
            if rect.bottom() < exposed.top():
                continue
            if rect.top() > exposed.bottom():
                break
            painter.drawImage(rect, self._image(index))
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        painter.end()


class PdfPagesView(QScrollArea):
    """A scrollable column of PDF pages, rasterised as they come into view."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Vista previa del acta")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet("QScrollArea { background: #8a8f98; }")
        self.verticalScrollBar().setSingleStep(40)
        self.pages = _Pages()
        self.pages.setStyleSheet("background: #8a8f98;")
        self.placeholder = QWidget()
        self.placeholder.setStyleSheet("background: #8a8f98;")
        layout = QVBoxLayout(self.placeholder)
        self._message = QLabel("La vista previa del acta aparecerá aquí.")
        self._message.setStyleSheet("color: white;")
        self._message.setWordWrap(True)
        layout.addWidget(self._message, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidgetResizable(True)
        self.setWidget(self.placeholder)

    def page_count(self) -> int:
        return self.pages.page_count()

    def set_pdf(self, pdf: bytes) -> int:
        """Show ``pdf`` from its first page; returns its number of pages."""
        self.pages.set_pdf(pdf)
        if self.widget() is not self.pages:
            self.takeWidget()
            self.setWidgetResizable(False)
            self.setWidget(self.pages)
        self.verticalScrollBar().setValue(0)
        return self.pages.page_count()

    def set_message(self, text: str) -> None:
        self._message.setText(text)
        if self.widget() is not self.placeholder:
            self.takeWidget()
            self.pages.clear()
            self.setWidgetResizable(True)
            self.setWidget(self.placeholder)
