"""Export and undo entry points for the main window (thin wrappers over one domain call each).

    export_clients(parent, exports, client_filter, selected_ids)   File → Export clients… (Ctrl+E)
    export_purchases(parent, exports) / export_interactions(parent, exports)
    undo_last_import(parent, imports)                            File → Undo last import…

The file name comes from `choose_save_path` and the confirmation from `ui.dialogs.ask`, both of
which tests replace; when the bills name two or more branches, `ui.branch_choice.ask_branch` asks
which one first ("All branches" by default). Each returns the running ui.jobs.Job (None when the
user backed out)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui import branch_choice, dialogs
from ui.jobs import run_job

_FILTERS = {
    "xlsx": "Excel (*.xlsx)",
    "vcf": "vCard (*.vcf)",
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def header_language() -> str:
    """Export headers follow the UI language: Hindi when the app runs in Hindi."""
    return "hi" if QLocale().language() == QLocale.Hindi else "en"


def choose_save_path(parent: QWidget | None, title: str, suggested: str, *kinds: str) -> str:
    """Ask where to save; "" when cancelled. `kinds` are file types ("xlsx", "vcf"); the first is the default."""
    filters = ";;".join(_FILTERS[k] for k in kinds)
    path, chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if path and not Path(path).suffix:
        kind = next((k for k in kinds if _FILTERS[k] == chosen), kinds[0])
        path = f"{path}.{kind}"
    return path


def _done(parent, path: str, what: str):
    def show(count) -> None:
        dialogs.inform(parent, QCoreApplication.translate("Export", "Export"), QCoreApplication.translate("Export", "%1 %2 written to %3").replace("%1", str(count))
                       .replace("%2", what).replace("%3", path))
    return show


def export_clients(parent: QWidget | None, exports, client_filter=None, selected_ids=None):
    """Export the selected clients (when some are selected) or the current list to .xlsx or .vcf."""
    ids = list(selected_ids or [])
    title = QCoreApplication.translate("Export", "Export %1 selected clients").replace("%1", str(len(ids))) if ids else QCoreApplication.translate("Export", "Export clients")
    branch = None if ids else branch_choice.ask_branch(parent, exports.branches(), title, of_clients=True)  # a selection is chosen already
    if branch is branch_choice.CANCELLED:
        return None
    path = choose_save_path(parent, title, "clients.xlsx", "xlsx", "vcf")
    if not path:
        return None
    language = header_language()
    if path.lower().endswith(".vcf"):
        def work(progress):
            return exports.export_vcard(path, client_filter, ids or None, progress, branch=branch)
    else:
        def work(progress):
            return exports.export_clients(path, language, client_filter, ids or None, progress, branch=branch)
    return run_job(parent, work, on_success=_done(parent, path, QCoreApplication.translate("Export", "clients")), title=QCoreApplication.translate("Export", "Exporting clients…"))


# What each record export asks and says: dialog title, file name, what was written, progress text.
_RECORD_TEXTS = {
    "purchases": (QT_TRANSLATE_NOOP("Export", "Export purchases"), "purchases.xlsx",
                  QT_TRANSLATE_NOOP("Export", "purchase lines"), QT_TRANSLATE_NOOP("Export", "Exporting purchases…")),
    "interactions": (QT_TRANSLATE_NOOP("Export", "Export interactions"), "interactions.xlsx",
                     QT_TRANSLATE_NOOP("Export", "interactions"),
                     QT_TRANSLATE_NOOP("Export", "Exporting interactions…")),
}


def _export_records(parent, exports, what: str, client_filter):
    title, suggested, noun, busy = _RECORD_TEXTS[what]
    branch = branch_choice.ask_branch(parent, exports.branches(), _t(title), of_clients=what == "interactions")
    if branch is branch_choice.CANCELLED:
        return None
    path = choose_save_path(parent, _t(title), suggested, "xlsx")
    if not path:
        return None
    language = header_language()
    method = getattr(exports, f"export_{what}")
    return run_job(parent, lambda progress: method(path, language, client_filter, progress, branch=branch),
                   on_success=_done(parent, path, _t(noun)), title=_t(busy))


def export_purchases(parent: QWidget | None, exports, client_filter=None):
    """Export every bill line (of the filtered clients, if a filter is given) to .xlsx."""
    return _export_records(parent, exports, "purchases", client_filter)


def export_interactions(parent: QWidget | None, exports, client_filter=None):
    """Export visits, calls and messages to .xlsx."""
    return _export_records(parent, exports, "interactions", client_filter)


def undo_last_import(parent: QWidget | None, imports):
    """Ask, then remove what the last import created and restore what it changed."""
    batch = imports.last_batch()
    if batch is None:
        dialogs.inform(parent, QCoreApplication.translate("Export", "Undo last import"), QCoreApplication.translate("Export", "There is no import to undo."))
        return None
    text = (QCoreApplication.translate("Export", "Undo the import of %1 from %2?\nIt created %3 and changed %4 records; they will be removed or "
               "put back as they were.")
            .replace("%1", batch.file_name).replace("%2", batch.created_at.strftime("%d/%m/%Y %H:%M"))
            .replace("%3", str(batch.created)).replace("%4", str(batch.updated)))
    if dialogs.ask(parent, QCoreApplication.translate("Export", "Undo last import"), text) != QMessageBox.Yes:
        return None

    def undone(result) -> None:
        message = (QCoreApplication.translate("Export", "Removed %1 clients and %2 bills; restored %3 clients.")
                   .replace("%1", str(result.removed_clients)).replace("%2", str(result.removed_purchases))
                   .replace("%3", str(result.restored_clients)))
        if result.kept_clients:
            message += "\n" + QCoreApplication.translate("Export", "%1 clients were kept because they have bills entered since the import.").replace(
                "%1", str(result.kept_clients))
        dialogs.inform(parent, QCoreApplication.translate("Export", "Undo last import"), message)

    return run_job(parent, imports.undo_last, on_success=undone, title=QCoreApplication.translate("Export", "Undoing the import…"))
