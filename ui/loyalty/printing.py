"""Open a cards PDF in the system viewer, or send it to a printer through the print dialog."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PySide6.QtCore import QCoreApplication, QRectF, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication

from ui import dialogs


def open_pdf(path: Path, parent=None) -> bool:
    """Show the PDF in the user's PDF viewer; when no program opens it, say so with the file's path
    (the PDF is saved all the same)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    dialogs.inform(parent or QApplication.activeWindow(), QCoreApplication.translate("Printing", "Cards"),
                   QCoreApplication.translate("Printing", "The PDF was saved, but no program opened it. "
                                              "Open it yourself from:\n%1").replace("%1", str(path)))
    return False


def render_pages(path: Path, printer: QPrinter) -> int:
    """Draw every page of the PDF on the printer at its resolution, at true size; returns pages printed."""
    doc = pypdfium2.PdfDocument(str(path))
    painter = QPainter()
    try:
        if not painter.begin(printer):
            return 0
        dpi = printer.resolution()
        for index in range(len(doc)):
            if index:
                printer.newPage()
            page = doc[index]
            width_pt, height_pt = page.get_size()
            image = page.render(scale=dpi / 72).to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format_RGB888)
            target = QRectF(0, 0, width_pt / 72 * dpi, height_pt / 72 * dpi)
            painter.drawImage(target, qimage)
        return len(doc)
    finally:
        if painter.isActive():
            painter.end()
        doc.close()


def print_pdf(parent, path: Path, page_size: QPageSize | None = None) -> int:
    """Ask for a printer (A4 unless `page_size` says otherwise, e.g. an 80 mm receipt roll; full
    page, no scaling) and print the PDF; returns pages printed (0 if cancelled)."""
    printer = QPrinter(QPrinter.HighResolution)
    printer.setPageSize(page_size or QPageSize(QPageSize.A4))
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.Accepted:
        return 0
    return render_pages(path, printer)
