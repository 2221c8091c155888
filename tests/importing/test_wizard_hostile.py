"""GUI: what the file reader repaired shows in the wizard's preview, in English and in Hindi."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QWizard

from clientdesk.paths import resource
from tests.importing import hostile
from ui.importing.wizard import ImportWizard


@pytest.fixture
def hindi():
    translator = QTranslator()
    assert translator.load(str(resource("i18n", "clientdesk_hi.qm")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _preview(qtbot, desk, path):
    wizard = ImportWizard(desk.imports)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    for _ in range(2):
        qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    model = wizard.preview_page.model
    problems = {model.index(r, 0).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    return wizard, problems


def test_preview_shows_the_line_read_in_another_encoding(desk, qtbot, tmp_path):
    wizard, problems = _preview(qtbot, desk, hostile.csv_mixed_encoding(tmp_path / "mixed.csv"))
    assert problems[4].startswith("File: Line 4: This line is not UTF-8")
    assert not any(problems[r] for r in (2, 3, 5, 6))
    wizard.grab().save(str(tmp_path / "preview-en.png"))


def test_preview_speaks_hindi_about_a_formula_without_result(desk, qtbot, tmp_path, hindi):
    wizard, problems = _preview(qtbot, desk, hostile.xlsx_formulas_and_merges(tmp_path / "book.xlsx"))
    assert "फ़ाइल: जुड़े हुए खाने" in problems[2] and "(Cells C2:C4 are merged" in problems[2]
    assert "फ़ॉर्मूले वाले एक खाने" in problems[3]
    wizard.grab().save(str(tmp_path / "preview-hi.png"))
