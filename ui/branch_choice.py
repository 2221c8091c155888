"""Choosing a branch (issue 14): the insights page's box and the question before an export. The
choices are the branches the bills name (the service's `branches()`): "All branches" first (the
default), then each name, then "(no branch)" for the bills that name none.

A choice is what the services take as `branch`: None for every branch, a name, or "" for the
bills without one. `ask_branch` is the seam tests replace (as ui.dialogs.ask)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

CANCELLED = object()  # ask_branch's answer when the user backed out


class BranchCombo(QComboBox):
    """All branches / each branch the bills name / (no branch)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.setMaximumWidth(360)  # a 60-character name is elided, not a window-wide box
        self.set_branches([])

    def set_branches(self, names: list[str]) -> None:
        """Offer these branches ("" for the bills without one), keeping the current choice when it
        is still among them (else back to All branches). Emits no signal: the caller reads branch()."""
        current = self.branch()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All branches"), None)
        for name in sorted(n for n in names if n):
            self.addItem(name, name)
            self.setItemData(self.count() - 1, name, Qt.ToolTipRole)  # the whole name when elided
        if "" in names:
            self.addItem(self.tr("(no branch)"), "")
        index = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def branch(self) -> str | None:
        """The choice: None (every branch), a name, or "" (the bills without one)."""
        return self.currentData() if self.count() else None

    def choose(self, branch: str | None) -> None:
        index = 0 if branch is None else self.findData(branch)
        if index >= 0:
            self.setCurrentIndex(index)


class BranchDialog(QDialog):
    """Which branch to export: asked only when the bills name two or more (see ask_branch)."""

    def __init__(self, names: list[str], title: str, parent: QWidget | None = None, of_clients: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = BranchCombo()
        self.combo.set_branches(names)
        hint = QLabel(self.tr("Clients and interactions: those of the clients who bought at the branch."))
        hint.setWordWrap(True)
        hint.setVisible(of_clients)  # clients and interactions are limited through the clients' bills
        form = QFormLayout()
        form.addRow(self.tr("Branch"), self.combo)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def branch(self) -> str | None:
        return self.combo.branch()


def ask_branch(parent: QWidget | None, names: list[str], title: str, of_clients: bool = False):
    """The branch to limit an export to: None (every branch) without asking when the bills name
    fewer than two, else the user's choice, or CANCELLED. `of_clients`: the export is of clients
    or their interactions (the dialog says how a branch limits them)."""
    if len(names) < 2:
        return None
    dialog = BranchDialog(names, title, parent, of_clients)
    return dialog.branch() if dialog.exec() == QDialog.Accepted else CANCELLED
