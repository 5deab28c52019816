"""File dialogs speak Colombian Spanish and reopen the last folder used for each kind of file (#15)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QPushButton

from comite.gui import dialogs, files
from comite.gui.app import spanish_translator


def test_the_file_dialog_says_archivo_and_carpeta(qtbot):
    app = QApplication.instance()
    base = spanish_translator(app)
    assert base is not None, "qtbase_es.qm must ship with PySide6"
    colombian = files.ColombianQtTranslator(base, app)
    app.installTranslator(base)
    app.installTranslator(colombian)
    try:
        dialog = QFileDialog(None, "Exportar acta", "", "PDF (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
        texts += [w.itemText(i) for w in dialog.findChildren(QComboBox) for i in range(w.count())]
        shown = " | ".join(texts)
        for english in ("Look in", "Files of type", "File name", "Cancel |", "Save"):
            assert english not in shown.replace("&", ""), shown
        assert "fichero" not in shown.lower(), shown
        shown = shown.replace("&", "")
        assert "Buscar en:" in shown and "Archivos de tipo:" in shown, shown
        assert "Nombre de archivo" in shown or "Nombre del archivo" in shown, shown
    finally:
        app.removeTranslator(colombian)
        app.removeTranslator(base)


def test_the_last_folder_is_remembered_per_kind(tmp_path, monkeypatch):
    asked: list[str] = []
    answers = iter([str(tmp_path / "actas" / "Acta_1.pdf"), str(tmp_path / "informes" / "x.xlsx"), "", ""])

    def fake_save(_parent, _title, start, _filter, _selected, options):
        asked.append(start)
        assert options & QFileDialog.Option.DontUseNativeDialog  # Qt's dialog, in Spanish, off Windows
        return next(answers), ""

    (tmp_path / "actas").mkdir()
    (tmp_path / "informes").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    assert files.ask_save_file(None, "acta_pdf", "Exportar acta", "Acta_1.pdf", "PDF (*.pdf)") \
        == tmp_path / "actas" / "Acta_1.pdf"
    assert dialogs.ask_save_path(None, "Exportar Excel", tmp_path / "sugerido.xlsx", "Excel (*.xlsx)") \
        == tmp_path / "informes" / "x.xlsx"
    assert asked[1] == str(tmp_path / "sugerido.xlsx")  # nothing remembered yet: the suggestion
    # next time each kind reopens its own folder; a cancelled dialog changes nothing
    assert files.ask_save_file(None, "acta_pdf", "Exportar acta", "Acta_2.pdf", "PDF (*.pdf)") is None
    assert asked[2] == str(tmp_path / "actas" / "Acta_2.pdf")
    assert dialogs.ask_save_path(None, "Exportar Excel", tmp_path / "sugerido.xlsx", "Excel (*.xlsx)") is None
    assert asked[3] == str(tmp_path / "informes" / "sugerido.xlsx")
    assert files.last_folder("acta_pdf") == tmp_path / "actas"
    assert files.last_folder("otro") == files.Path.home()
