"""The receipt after a bill: print the slip (a thermal roll through the system printer), save it
as a PDF, or open it as a WhatsApp message to the client. The slip is clientdesk.counter.receipt's."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSizeF, QUrl
from PySide6.QtGui import QActionGroup, QDesktopServices, QPageSize
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton

from clientdesk.counter.receipt import PAPERS, Receipt, receipt_message, write_receipt_pdf
from clientdesk.errors import ClientDeskError
from clientdesk.greetings import whatsapp
from ui import dialogs
from ui.loyalty.printing import print_pdf

PAPER_KEY = "counter/receipt_paper"


def slip_page_size(path: Path) -> QPageSize:
    """The page size of a written slip, for the printer (a thermal slip is as long as its text)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        width, height = doc[0].get_size()
    finally:
        doc.close()
    return QPageSize(QSizeF(width / 72 * 25.4, height / 72 * 25.4), QPageSize.Millimeter, "receipt")


class ReceiptButton(QToolButton):
    """"Receipt (F6)": a menu of print / save as PDF / WhatsApp for the last bill recorded."""

    def __init__(self, ui_settings=None, parent=None):
        super().__init__(parent)
        self.ui_settings = ui_settings
        self.receipt: Receipt | None = None
        self.phone = ""  # the client's mobile in E.164, for WhatsApp
        self.setText(self.tr("Receipt (F6)"))
        self.setPopupMode(QToolButton.InstantPopup)
        menu = QMenu(self)
        self.print_action = menu.addAction(self.tr("Print the slip…"), self.print_slip)
        self.save_action = menu.addAction(self.tr("Save as PDF…"), self.save_pdf)
        self.whatsapp_action = menu.addAction(self.tr("Send on WhatsApp"), self.send_whatsapp)
        papers = menu.addMenu(self.tr("Paper"))
        group = QActionGroup(self)
        self.paper_actions = {}
        for code, label in (("58mm", self.tr("58 mm roll")), ("80mm", self.tr("80 mm roll")), ("a6", self.tr("A6 page"))):
            action = papers.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == self.paper())
            action.triggered.connect(lambda _=False, c=code: self.set_paper(c))
            group.addAction(action)
            self.paper_actions[code] = action
        self.setMenu(menu)
        self.set_receipt(None)

    def set_receipt(self, receipt: Receipt | None, phone: str = "") -> None:
        """The receipt of the bill just recorded (None: nothing to give, the button is disabled)."""
        self.receipt, self.phone = receipt, phone or ""
        self.setEnabled(receipt is not None)
        self.whatsapp_action.setEnabled(bool(self.phone) and whatsapp.is_mobile(self.phone))

    def set_paper(self, code: str) -> None:
        """The receipt paper of this counter's printer, remembered."""
        if self.ui_settings is not None:
            self.ui_settings.setValue(PAPER_KEY, code)

    def paper(self) -> str:
        value = str(self.ui_settings.value(PAPER_KEY, "80mm")) if self.ui_settings is not None else "80mm"
        return value if value in PAPERS else "80mm"

    def print_slip(self) -> None:
        if self.receipt is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="clientdesk-receipt-"))
        try:
            path = write_receipt_pdf(self.receipt, folder / "receipt.pdf", self.paper())
            print_pdf(self.window(), path, slip_page_size(path))
        except ClientDeskError as exc:
            dialogs.show_error(self.window(), exc)
        finally:
            for file in folder.iterdir():
                file.unlink(missing_ok=True)
            folder.rmdir()

    def save_pdf(self) -> None:
        if self.receipt is None:
            return
        name, _ = QFileDialog.getSaveFileName(self.window(), self.tr("Save the receipt"),
                                              f"receipt-{self.receipt.when:%Y%m%d-%H%M}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if not name:
            return
        try:
            write_receipt_pdf(self.receipt, Path(name), self.paper())
        except ClientDeskError as exc:
            dialogs.show_error(self.window(), exc)

    def send_whatsapp(self) -> None:
        """Open the chat with the receipt typed in; the cashier presses Send in WhatsApp."""
        if self.receipt is None or not self.phone:
            return
        if not QDesktopServices.openUrl(QUrl(whatsapp.link(self.phone, receipt_message(self.receipt)))):
            dialogs.inform(self.window(), self.tr("WhatsApp"),
                           self.tr("WhatsApp could not be opened on this computer."))
