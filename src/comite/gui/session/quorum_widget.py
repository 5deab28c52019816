"""The live quorum indicator of the session header: green with quorum, red
without, with the count of voting members present for the current case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from comite.rules.quorum import QuorumResult
from comite.text import plural

_STYLES = {
    True: "QFrame#quorumFrame { background: #e3f3e6; border: 1px solid #1b7f3b; border-radius: 6px; }"
          " QLabel { color: #14532d; }",
    False: "QFrame#quorumFrame { background: #fbe4e2; border: 1px solid #b3261e; border-radius: 6px; }"
           " QLabel { color: #7f1d1d; }",
    None: "QFrame#quorumFrame { background: #eef0f3; border: 1px solid #9aa0a6; border-radius: 6px; }"
          " QLabel { color: #3c4043; }",
}


class QuorumWidget(QFrame):
    """Shows ``views.hearing_detail(...).quorum`` for the case being treated."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("quorumFrame")
        self.setAccessibleName("Indicador de quórum")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(10)
        self.count_label = QLabel(self)
        font = self.count_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.count_label.setFont(font)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.case_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumWidth(240)
        self.message_label.setMaximumWidth(380)
        texts.addWidget(self.case_label)
        texts.addWidget(self.message_label)
        layout.addWidget(self.count_label)
        layout.addLayout(texts)
        self.has_quorum: bool | None = None
        self.show_none()

    def show_none(self, text: str = "Sin caso en tratamiento") -> None:
        self.has_quorum = None
        self.count_label.setText("–")
        self.case_label.setText("Quórum")
        self.message_label.setText(text)
        self.setToolTip("El quórum se verifica por caso, a la hora en que se trata")
        self.setStyleSheet(_STYLES[None])

    def show_quorum(self, radicado: str, quorum: QuorumResult) -> None:
        self.has_quorum = quorum.has_quorum
        self.count_label.setText(f"{len(quorum.present_voting)}/{quorum.voting_seats}")
        self.case_label.setText(f"Quórum — caso {radicado}")
        self.message_label.setText(quorum.message)
        self.setToolTip(f"{quorum.message}\nSe necesitan {plural(quorum.required, 'miembro')} con voto presentes.")
        self.setStyleSheet(_STYLES[quorum.has_quorum])

    def text(self) -> str:
        return self.message_label.text()
