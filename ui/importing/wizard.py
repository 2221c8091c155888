"""The import wizard: choose a file, check the column mapping, preview each row's status,
import in the background (progress + Cancel), then save the error report or undo.

File → Import… (Ctrl+I) opens `ImportWizard(imports, parent)`. File dialogs go through
`choose_open_path` / `ui.importing.export.choose_save_path`, which tests replace."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QPushButton, QRadioButton, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget, QWizard, QWizardPage,
)

from clientdesk.errors import ClientDeskError
from clientdesk.importing.mapping import FIELDS
from clientdesk.importing.readers import cell_text
from clientdesk.validate import format_phone
from ui import dialogs
from ui.importing import export as export_ui
from ui.jobs import run_job

FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ImportFields", "Name"),
    "first_name": QT_TRANSLATE_NOOP("ImportFields", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("ImportFields", "Middle name"),
    "last_name": QT_TRANSLATE_NOOP("ImportFields", "Last name"),
    "honorific": QT_TRANSLATE_NOOP("ImportFields", "Title (Shri, Smt.)"),
    "father_name": QT_TRANSLATE_NOOP("ImportFields", "Father's / husband's name"),
    "phone": QT_TRANSLATE_NOOP("ImportFields", "Phone"),
    "email": QT_TRANSLATE_NOOP("ImportFields", "Email"),
    "business_name": QT_TRANSLATE_NOOP("ImportFields", "Business"),
    "gstin": QT_TRANSLATE_NOOP("ImportFields", "GSTIN"),
    "address": QT_TRANSLATE_NOOP("ImportFields", "Address"),
    "city": QT_TRANSLATE_NOOP("ImportFields", "City"),
    "state": QT_TRANSLATE_NOOP("ImportFields", "State"),
    "pin": QT_TRANSLATE_NOOP("ImportFields", "PIN code"),
    "birthday": QT_TRANSLATE_NOOP("ImportFields", "Birthday"),
    "anniversary": QT_TRANSLATE_NOOP("ImportFields", "Anniversary"),
    "tags": QT_TRANSLATE_NOOP("ImportFields", "Tags"),
    "notes": QT_TRANSLATE_NOOP("ImportFields", "Notes"),
    "opening_points": QT_TRANSLATE_NOOP("ImportFields", "Opening loyalty points"),
    "bill_no": QT_TRANSLATE_NOOP("ImportFields", "Bill no."),
    "date": QT_TRANSLATE_NOOP("ImportFields", "Bill date"),
    "item": QT_TRANSLATE_NOOP("ImportFields", "Item"),
    "category": QT_TRANSLATE_NOOP("ImportFields", "Category"),
    "qty": QT_TRANSLATE_NOOP("ImportFields", "Quantity"),
    "rate": QT_TRANSLATE_NOOP("ImportFields", "Rate"),
    "amount": QT_TRANSLATE_NOOP("ImportFields", "Amount"),
    "birth": QT_TRANSLATE_NOOP("ImportFields", "Birthday"),
    "file": QT_TRANSLATE_NOOP("ImportFields", "File"),  # a problem of the file itself (readers.PROBLEM_FIELD)
}
# What the file reader repaired or could not read, and import-only reasons: the English detail
# (line, cell, sizes) follows in brackets when the UI is not in English.
IMPORT_REASONS = {
    "quote": QT_TRANSLATE_NOOP("ImportProblems", "A quotation mark (\") is left open here; the lines after it were "
                                                 "read as rows of their own. Check this row."),
    "encoding": QT_TRANSLATE_NOOP("ImportProblems", "This line was saved differently from the rest of the file; "
                                                    "check its letters."),
    "nul": QT_TRANSLATE_NOOP("ImportProblems", "Damaged characters were taken out of this row."),
    "too_long": QT_TRANSLATE_NOOP("ImportProblems", "A cell was too long; only its first 32,767 letters were kept."),
    "longer": QT_TRANSLATE_NOOP("ImportProblems", "Longer than a client's card keeps; left out."),
    "formula": QT_TRANSLATE_NOOP("ImportProblems", "A formula cell has no saved result, so it was read as empty. "
                                                   "Open the file in Excel, save it and import it again."),
    "merged": QT_TRANSLATE_NOOP("ImportProblems", "Merged cells: their value was used for every row they cover."),
    "quoted_printable": QT_TRANSLATE_NOOP("ImportProblems", "Part of this contact is damaged in the file; check it."),
    "vcard_end": QT_TRANSLATE_NOOP("ImportProblems", "This contact has no end mark in the file; check it."),
    "too_large": QT_TRANSLATE_NOOP("ImportProblems", "This number is far too large."),
    "footer": QT_TRANSLATE_NOOP("ImportProblems", "A totals row at the end of the sheet: skipped, not imported."),
    "shared": QT_TRANSLATE_NOOP("ImportProblems", "Several people of one family share this number; give the "
                                                  "name to tell which."),
    "meanwhile": QT_TRANSLATE_NOOP("ImportProblems", "Another counter gave this number to the same person while "
                                                     "the import ran; left out. Import the error report again to "
                                                     "add this row's details to that client."),
}
STATUS_LABELS = {
    "new": QT_TRANSLATE_NOOP("ImportStatus", "New"),
    "family": QT_TRANSLATE_NOOP("ImportStatus", "New family member"),
    "update": QT_TRANSLATE_NOOP("ImportStatus", "Updates a client"),
    "same": QT_TRANSLATE_NOOP("ImportStatus", "Already there"),
    "skip": QT_TRANSLATE_NOOP("ImportStatus", "Skipped (match)"),
    "error": QT_TRANSLATE_NOOP("ImportStatus", "Not imported"),
    "blank": QT_TRANSLATE_NOOP("ImportStatus", "Blank row"),
    "total": QT_TRANSLATE_NOOP("ImportStatus", "Totals row"),
}
STATUS_COLOURS = {"new": "#E3F4E1", "family": "#FFF3D6", "update": "#E1ECF7", "error": "#F9E0E0"}


def field_label(code: str) -> str:
    return QCoreApplication.translate("ImportFields", FIELD_LABELS[code]) if code in FIELD_LABELS else code


def status_label(code: str) -> str:
    return QCoreApplication.translate("ImportStatus", STATUS_LABELS.get(code, code))


def family_text(name: str, owner: str, phone: str) -> str:
    """A new client who shares a known number, with the file's own name: "Meena Devi: new family
    member on Suresh Reddy's number 98765 43210"."""
    return (QCoreApplication.translate("ImportWizard", "%1: new family member on %2's number %3")
            .replace("%1", name).replace("%2", owner).replace("%3", format_phone(phone) if phone else ""))


def issue_text(issue) -> str:
    """One row problem as shown to the user, in the UI language where its reason is known."""
    source = IMPORT_REASONS.get(issue.reason)
    if source is not None:
        translated = QCoreApplication.translate("ImportProblems", source)
        if translated != source:
            return f"{field_label(issue.field)}: {translated} ({issue.message})"
        return f"{field_label(issue.field)}: {issue.message}"
    return dialogs.reason_text(field_label(issue.field), issue.reason, issue.message)


def choose_open_path(parent: QWidget | None) -> str:
    """Ask for the file to import; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportWizard", "Choose a file to import"), "",
        QCoreApplication.translate("ImportWizard", "Sheets and contacts") +
        " (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.vcf);;" +
        QCoreApplication.translate("ImportWizard", "All files") + " (*)")
    return path


class PreviewModel(QAbstractTableModel):
    """The first rows of the file with the status each would get."""

    COLUMNS = (QT_TRANSLATE_NOOP("PreviewModel", "Row"), QT_TRANSLATE_NOOP("PreviewModel", "Status"),
               QT_TRANSLATE_NOOP("PreviewModel", "Name"), QT_TRANSLATE_NOOP("PreviewModel", "Phone"),
               QT_TRANSLATE_NOOP("PreviewModel", "Problems"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcomes: list = []

    def set_outcomes(self, outcomes: list) -> None:
        self.beginResetModel()
        self.outcomes = list(outcomes)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("PreviewModel", self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.outcomes):
            return None
        outcome = self.outcomes[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            if column == 0:
                return outcome.row
            if column == 1:
                return status_label(outcome.status)
            if column == 2:
                return outcome.name
            if column == 3:
                return format_phone(outcome.phone) if outcome.phone else ""
            if column == 4:
                return "; ".join(self._notes(outcome))
        if role == Qt.ToolTipRole and column == 4 and (outcome.issues or outcome.status == "family"):
            return "\n".join(self._notes(outcome))
        if role == Qt.BackgroundRole and outcome.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[outcome.status]))
        if role == Qt.UserRole:
            return outcome.status
        return None


    @staticmethod
    def _notes(outcome) -> list[str]:
        notes = [family_text(outcome.name, outcome.family_of, outcome.phone)] if outcome.status == "family" else []
        return notes + [issue_text(i) for i in outcome.issues]


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An Excel sheet (.xlsx, .xls, .ods), a CSV or text file, the phone's contacts (.vcf) "
                                 "or a Google Contacts CSV."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("File to import"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.clients_radio = QRadioButton(self.tr("&Clients (a client list or phone contacts)"))
        self.purchases_radio = QRadioButton(self.tr("&Sales register (bills with items)"))
        self.clients_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.clients_radio)
        group.addButton(self.purchases_radio)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("What does the file hold?")))
        layout.addWidget(self.clients_radio)
        layout.addWidget(self.purchases_radio)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)

    def browse(self) -> None:
        path = choose_open_path(self)
        if path:
            self.path_edit.setText(path)

    def kind(self) -> str:
        return "purchases" if self.purchases_radio.isChecked() else "clients"

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        try:
            self.wiz.source = self.wiz.imports.open(self.path_edit.text().strip(), self.kind())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return False
        self.wiz.kind = self.kind()
        return True


class MappingPage(QWizardPage):
    """One line per column of the file: its header, sample values and the field it fills."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(self.tr("ClientDesk guessed which column is which. Change any that are wrong; "
                                 "the choice is remembered for files with the same headings."))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Example"), self.tr("Import as")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.on_match = QComboBox()
        self.on_match.addItem(self.tr("Fill empty fields only"), "fill")
        self.on_match.addItem(self.tr("Overwrite with the file's values"), "overwrite")
        self.on_match.addItem(self.tr("Skip the row"), "skip")
        self.on_match_label = QLabel(self.tr("When a row's phone or email is already a client:"))
        form = QFormLayout()
        form.addRow(self.on_match_label, self.on_match)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        source, kind = self.wiz.source, self.wiz.kind
        mapping = self.wiz.imports.suggest_mapping(source, kind)
        samples = source.data_rows[:30]
        self.table.setRowCount(len(source.headers))
        self.combos = []
        for row, header in enumerate(source.headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            example = next((cell_text(r[row]) for r in samples if row < len(r) and cell_text(r[row])), "")
            self.table.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox()
            combo.addItem(self.tr("(do not import)"), None)
            for code in FIELDS[kind]:
                combo.addItem(field_label(code), code)
            combo.setCurrentIndex(max(0, combo.findData(mapping[row])) if mapping[row] else 0)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 240)
        clients = kind == "clients"
        self.on_match.setVisible(clients)
        self.on_match_label.setVisible(clients)

    def mapping(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]

    def set_field(self, column: int, code: str | None) -> None:
        """Choose the field of one column (as the user does with the combo box)."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(code) if code else 0)

    def validatePage(self) -> bool:
        try:
            self.wiz.imports.client_importer.check_mapping(self.mapping(), self.wiz.kind)
            if self.wiz.kind == "purchases":
                self.wiz.imports.register_importer.check_mapping(self.mapping())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return False
        self.wiz.mapping = self.mapping()
        self.wiz.on_match = self.on_match.currentData()
        return True


class PreviewPage(QWizardPage):
    """What would happen to the first rows; Import runs the whole file in the background."""

    LIMIT = 200

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been written yet. Check the first rows, then press Import."))
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.counts = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        self.setCommitPage(True)
        self.setButtonText(QWizard.CommitButton, self.tr("&Import"))
        self.job = None
        self._done = False

    def initializePage(self) -> None:
        self._done = False
        try:
            outcomes = self.wiz.imports.preview(self.wiz.source, self.wiz.mapping, self.wiz.kind,
                                                     self.wiz.on_match, self.LIMIT)
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            outcomes = []
        self.model.set_outcomes(outcomes)
        self.view.resizeColumnsToContents()
        counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("new", "update")}
        counts["error"] = sum(1 for o in outcomes if o.issues)
        total = len(self.wiz.source.data_rows)
        text = self.tr("%1 rows in the file. In the first %2: %3 new, %4 updates, %5 with problems.")
        for key, value in (("%1", total), ("%2", len(outcomes)), ("%3", counts["new"]), ("%4", counts["update"]),
                           ("%5", counts["error"])):
            text = text.replace(key, str(value))
        family = [o for o in outcomes if o.status == "family"]
        if family:  # a clearly different name on a known number: a new client who shares it, never dropped
            text += "\n" + self.tr("New family members on a number a client has: %1").replace("%1", str(len(family)))
            text += "".join("\n  " + family_text(o.name, o.family_of, o.phone) for o in family[:5])
            if len(family) > 5:
                text += "\n  …"
        self.counts.setText(text)

    def validatePage(self) -> bool:
        if self._done:
            return True
        if self.job is not None:
            return False
        wiz = self.wiz
        wiz.imports.remember_mapping(wiz.source, wiz.kind, wiz.mapping)
        source, mapping, kind, on_match, imports = wiz.source, wiz.mapping, wiz.kind, wiz.on_match, wiz.imports
        self.job = run_job(self, lambda progress: imports.run(source, mapping, kind, on_match, progress),
                           on_success=self._finished, on_failure=self._failed, title=self.tr("Importing…"))
        return False

    def _finished(self, result) -> None:
        self.job = None
        self.wiz.result = result
        self._done = True
        self.wiz.next()

    def _failed(self, exc: ClientDeskError) -> None:
        self.job = None
        from clientdesk.progress import Cancelled

        if isinstance(exc, Cancelled):
            dialogs.inform(self, self.tr("Import cancelled"), self.tr("The import was cancelled; nothing was changed."))
        else:
            dialogs.show_error(self, exc)


class ResultPage(QWizardPage):
    """Counts, the problems found, the error report and undo."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Done"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QListWidget()
        self.report_button = QPushButton(self.tr("Save &error report…"))
        self.report_button.clicked.connect(self.save_report)
        self.undo_button = QPushButton(self.tr("&Undo this import"))
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Problems (fix them in the error report and import it again):")))
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        r = self.wiz.result
        if r.kind == "purchases":
            text = self.tr("%1 bills imported, %2 new clients for new phone numbers, %3 rows skipped, "
                           "%4 rows not imported.")
            values = (r.created, r.new_clients, r.unchanged + r.blank + r.totals, r.failed_rows)
        else:
            text = self.tr("%1 clients created, %2 updated, %3 already up to date, %4 skipped, "
                           "%5 blank or totals rows, %6 rows not imported.")
            values = (r.created, r.updated, r.unchanged, r.skipped, r.blank + r.totals, r.failed_rows)
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", str(value))
        if r.family:
            text += "\n" + self.tr("Of them, new family members on another client's number: %1").replace(
                "%1", str(len(r.family)))
            text += "".join("\n  " + family_text(name, owner, number) for _, name, owner, number in r.family[:20])
            if len(r.family) > 20:
                text += "\n  …"
        self.summary.setText(text)
        self.problems.clear()
        for issue in r.issues[:1000]:
            self.problems.addItem(self.tr("Row %1").replace("%1", str(issue.row)) + " — " + issue_text(issue))
        self.report_button.setEnabled(bool(r.problem_rows))
        self.undo_button.setEnabled(r.batch_id is not None)

    def save_report(self) -> None:
        path = export_ui.choose_save_path(self, self.tr("Save error report"), "import-problems.xlsx", "xlsx")
        if not path:
            return
        try:
            self.wiz.imports.write_error_report(self.wiz.result, path, export_ui.header_language())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return
        dialogs.inform(self, self.tr("Error report"), self.tr("Saved to %1").replace("%1", path))

    def undo(self) -> None:
        job = export_ui.undo_last_import(self, self.wiz.imports)
        if job is not None:
            job.finished.connect(lambda ok: ok and self.undo_button.setEnabled(False))


class ImportWizard(QWizard):
    """File → Import…: file, columns, preview, result."""

    def __init__(self, imports, parent=None):
        super().__init__(parent)
        self.imports = imports
        self.source = None
        self.kind = "clients"
        self.mapping: list[str | None] = []
        self.on_match = "fill"
        self.result = None
        self.setWindowTitle(self.tr("Import clients or a sales register"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(900, 600)
