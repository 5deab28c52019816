"""PDF pages shown in the application (the acta preview).

Pages are rasterised with pypdfium2 (PDFium, the engine of Chrome's viewer)
only when they come into view, and only a few are kept: an acta of 150 cases
has ~170 pages, and rasterising them all at once held ~600 MB of images and
froze the window more than a second while they were handed to widgets. The
document is opened once (page sizes are cheap to read); painting draws the
visible pages, scaled for the screen's pixel ratio so text stays crisp on
high-DPI displays.

:class:`PdfPreview` puts a tool bar over the pages: previous/next page with
«Página n de N», zoom in/out and «Ajustar al ancho» (the default: the page
follows the width of the pane, so nothing is cut at 1280×800 or at 200 %).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

PAGE_WIDTH = 820  # logical pixels at 100 %
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MARGIN = 16
SPACING = 14
CACHED_PAGES = 8  # rasterised pages kept (a screen shows one or two)


class _Pages(QWidget):
    """The column of pages; paints only those that intersect the exposed area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = None
        self._pdf = b""
        self._points: list[tuple[float, float]] = []  # each page's size in PDF points
        self._sizes: list[QSize] = []  # logical size of each page at the current zoom
        self._tops: list[int] = []
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self.renders = 0  # pages rasterised so far (tests look at it)
        self.zoom = 1.0

    def page_width(self) -> int:
        return max(1, round(PAGE_WIDTH * self.zoom))

    def set_zoom(self, zoom: float) -> None:
        """Lay the pages out again at ``zoom`` (1.0 = PAGE_WIDTH); rasterised pages are dropped."""
        self.zoom = zoom
        self._cache.clear()
        self._layout()

    def set_pdf(self, pdf: bytes) -> None:
        import pypdfium2 as pdfium

        self.clear()
        self._pdf = pdf  # PDFium reads from this buffer for as long as the document is open
        self._doc = pdfium.PdfDocument(pdf)
        self._points = [self._doc.get_page_size(i) for i in range(len(self._doc))]
        self._layout()

    def _layout(self) -> None:
        width = self.page_width()
        self._sizes, self._tops = [], []
        y = MARGIN
        for w, h in self._points:
            size = QSize(width, round(h * width / w))
            self._sizes.append(size)
            self._tops.append(y)
            y += size.height() + SPACING
        if self._sizes:
            self.setFixedSize(width + 2 * MARGIN, y - SPACING + MARGIN)
        else:
            self.setFixedSize(0, 0)
        self.update()

    def clear(self) -> None:
        if self._doc is not None:
            self._doc.close()
        self._doc, self._pdf = None, b""
        self._points, self._sizes, self._tops = [], [], []
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
            bitmap = page.render(scale=self.page_width() * ratio / page.get_width(), rev_byteorder=True)
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
    """A scrollable column of PDF pages, rasterised as they come into view.

    ``zoom`` scales the pages; in «ajustar al ancho» mode the zoom follows the
    width of the viewport. ``stateChanged`` is emitted when the page in view,
    the number of pages or the zoom changes.
    """

    stateChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fit_to_width = False
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
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.stateChanged.emit())

    def page_count(self) -> int:
        return self.pages.page_count()

    # --- zoom ----------------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.pages.zoom

    def set_zoom(self, zoom: float, *, fit: bool = False) -> None:
        """Zoom to ``zoom`` (clamped to the steps' range), keeping the same place of the document in view."""
        self.fit_to_width = fit
        zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        if abs(zoom - self.pages.zoom) < 1e-3:
            self.stateChanged.emit()
            return
        bar = self.verticalScrollBar()
        where = bar.value() / max(1, self.pages.height())
        self.pages.set_zoom(zoom)
        bar.setValue(round(where * self.pages.height()))
        self.stateChanged.emit()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 1e-3), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 1e-3), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        """Pages as wide as the viewport (and so they stay when the window is resized)."""
        room = self.viewport().width() - 2 * MARGIN
        if self.verticalScrollBar().isHidden() and self.page_count():
            room -= self.verticalScrollBar().sizeHint().width()  # the bar the taller pages will need
        self.set_zoom(max(room, 1) / PAGE_WIDTH, fit=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_to_width and event.size().width() != event.oldSize().width():
            self.fit_width()

    # --- pages ---------------------------------------------------------------------------------------
    def current_page(self) -> int:
        """The page (0-based) at the upper third of the viewport; 0 without a document."""
        if not self.page_count():
            return 0
        y = self.verticalScrollBar().value() + self.viewport().height() // 3
        tops = self.pages._tops
        return max(0, next((i - 1 for i, top in enumerate(tops) if top > y), len(tops) - 1))

    def go_to_page(self, index: int) -> None:
        if not self.page_count():
            return
        index = min(max(index, 0), self.page_count() - 1)
        self.verticalScrollBar().setValue(self.pages._tops[index] - MARGIN // 2)
        self.stateChanged.emit()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def set_pdf(self, pdf: bytes) -> int:
        """Show ``pdf`` from its first page; returns its number of pages."""
        self.pages.set_pdf(pdf)
        if self.widget() is not self.pages:
            self.takeWidget()
            self.setWidgetResizable(False)
            self.setWidget(self.pages)
        if self.fit_to_width:
            self.fit_width()
        self.verticalScrollBar().setValue(0)
        self.stateChanged.emit()
        return self.pages.page_count()

    def set_message(self, text: str) -> None:
        self._message.setText(text)
        if self.widget() is not self.placeholder:
            self.takeWidget()
            self.pages.clear()
            self.setWidgetResizable(True)
            self.setWidget(self.placeholder)
        self.stateChanged.emit()


class PdfPreview(QWidget):
    """:class:`PdfPagesView` under a tool bar: page navigation and zoom, each with its shortcut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = PdfPagesView(self)
        self.pages = self.view.pages
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.previous_action = self._action("Página anterior", "Ir a la página anterior del acta",
                                            "Ctrl+PgUp", self.view.previous_page)
        self.next_action = self._action("Página siguiente", "Ir a la página siguiente del acta",
                                        "Ctrl+PgDown", self.view.next_page)
        self.zoom_out_action = self._action("Alejar", "Reducir el tamaño de la página",
                                            QKeySequence.StandardKey.ZoomOut, self.view.zoom_out)
        self.zoom_in_action = self._action("Acercar", "Ampliar la página",
                                           QKeySequence.StandardKey.ZoomIn, self.view.zoom_in)
        self.fit_action = self._action("Ajustar al ancho", "La página ocupa el ancho de la vista previa",
                                       "Ctrl+0", self.view.fit_width)
        self.fit_action.setCheckable(True)
        self.page_label = QLabel()
        self.page_label.setAccessibleName("Página de la vista previa")
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName("Tamaño de la vista previa")
        for widget in (self._button(self.previous_action, "◀"), self.page_label,
                       self._button(self.next_action, "▶")):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self._button(self.zoom_out_action, "−"), self.zoom_label,
                       self._button(self.zoom_in_action, "+"), self._button(self.fit_action)):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.fit_to_width = True
        self.view.stateChanged.connect(self._update)
        self._update()

    def _action(self, text: str, tip: str, keys, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _button(self, action: QAction, text: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAccessibleName(action.text())
        if text:
            action.setIconText(text)  # the button shows the short sign; the action keeps its name
        return button

    def _update(self) -> None:
        count = self.view.page_count()
        current = self.view.current_page()
        self.page_label.setText(f"Página {current + 1} de {count}" if count else "Sin páginas")
        self.zoom_label.setText(f"{round(self.view.zoom * 100)} %")
        self.previous_action.setEnabled(count > 0 and current > 0)
        self.next_action.setEnabled(count > 0 and current < count - 1)
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action):
            action.setEnabled(count > 0)
        self.fit_action.setChecked(self.view.fit_to_width)

    # the same surface as PdfPagesView, for the acta tab
    def page_count(self) -> int:
        return self.view.page_count()

    def set_pdf(self, pdf: bytes) -> int:
        return self.view.set_pdf(pdf)

    def set_message(self, text: str) -> None:
        self.view.set_message(text)
