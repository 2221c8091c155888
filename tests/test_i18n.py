"""Hindi is complete: every string the UI shows is in clientdesk_hi.ts, translated, and compiled."""

import importlib.util
import shutil
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "resources/i18n/update_translations.py")
i18n = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n)


def test_every_entry_is_translated():
    assert i18n.unfinished() == []


def test_every_ui_string_is_in_the_committed_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(i18n.TS, fresh)
    i18n.lupdate(fresh)
    missing = i18n.unfinished(fresh)
    assert missing == [], f"run: python resources/i18n/update_translations.py ({len(missing)} new strings)"


def test_compiled_file_matches_the_translations(tmp_path):
    qm = tmp_path / "check.qm"
    i18n.lrelease(i18n.TS, qm)
    assert qm.read_bytes() == i18n.QM.read_bytes(), "run: python resources/i18n/update_translations.py"


def test_window_speaks_hindi(qtbot, desk, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translator
    from ui.mainwindow import MainWindow

    app = QApplication.instance()
    translator = install_translator(app, "hi")
    assert translator is not None
    try:
        window = MainWindow(desk, QSettings(str(tmp_path / "ui.ini"), QSettings.IniFormat))
        qtbot.addWidget(window)
        labels = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert labels[0] == app.translate("MainWindow", "Clients") != "Clients"
        assert any("\u0900" <= ch <= "\u097f" for ch in window.pages["clients"].search.placeholderText())
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        assert [b.text() for b in buttons.buttons()] == ["सहेजें", "रद्द करें"]  # Qt's own words too
    finally:
        app.removeTranslator(translator)


def test_qt_file_window_speaks_hindi(qtbot):
    """Qt's own Open/Save window (Linux desktops without a native one) in Hindi: labels, buttons and
    the column headers of the file list."""
    from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QLabel, QPushButton

    from ui.app import install_translator

    app = QApplication.instance()
    translator = install_translator(app, "hi")
    try:
        dialog = QFileDialog(None, "", str(ROOT))
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setViewMode(QFileDialog.Detail)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"इसमें देखें (&L):", "फ़ाइल का नाम (&N):", "फ़ाइल का प्रकार (&T):"} <= labels
        assert "सहेजें (&S)" in {button.text() for button in dialog.findChildren(QPushButton)}
        header = dialog.findChildren(QHeaderView)[0]
        model = header.model()
        assert [model.headerData(i, header.orientation()) for i in range(4)] == ["नाम", "आकार", "प्रकार", "आख़िरी बदलाव"]
        assert app.translate("QFileDialog", "%1 already exists.\nDo you want to replace it?").startswith("%1 पहले से")
    finally:
        app.removeTranslator(translator)


def test_no_literal_hidden_from_lupdate():
    """lupdate only sees tr()/translate()/QT_TRANSLATE_NOOP; a literal passed to a home-made wrapper
    (t("Save")) would never reach the translation file."""
    import ast

    hidden = []
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrappers = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)
                    and "translate" in ast.unparse(node)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in wrappers
                    and node.args and isinstance(node.args[0], ast.Constant)):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.args[0].value!r}")
    assert hidden == []
