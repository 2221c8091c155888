"""Printed loyalty cards: credit-card size (85.6 × 54 mm), 10 per A4 sheet with crop marks.

Front: shop name and logo, the client's name shaped in their own script, tier, card number and
a QR code of the number. Back (optional, on the following page, mirrored for long-edge duplex):
stamp grid, shop phone and address, short terms. What is the same on every card (the shop band
per tier colour, the whole back) is drawn once as a PDF form and reused, and each QR code is a
single filled path, so a thousand cards take about a second.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import segno
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from clientdesk import pdftext
from clientdesk.errors import StorageError
from clientdesk.progress import NO_PROGRESS, Progress

CARD_W = 85.6 * mm
CARD_H = 54 * mm
COLUMNS, ROWS = 2, 5
PER_SHEET = COLUMNS * ROWS
MARGIN_X = (A4[0] - COLUMNS * CARD_W) / 2
MARGIN_Y = (A4[1] - ROWS * CARD_H) / 2
MARK_GAP, MARK_LEN = 2 * mm, 5 * mm
BAND_H = 13 * mm
QR_SIZE = 24 * mm
PAD = 3.5 * mm
QR_MASK = 2


@dataclass(frozen=True)
class CardFace:
    """What one card shows."""

    number: str
    name: str
    tier_name: str
    tier_colour: str
    stamps_needed: int = 10


@dataclass(frozen=True)
class ShopInfo:
    name: str
    phone: str = ""
    address: str = ""
    logo: str = ""   # path to an image file, or ""
    terms: str = ""


def group_number(number: str) -> str:
    """A card number in groups of four for reading aloud: 7000 0000 0013."""
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def qr_path(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of `text` in a square as ONE filled PDF path.

    Coordinates are whole modules (the canvas is scaled to one module per unit), and each row's
    runs of dark modules become `re` operators, so a code is a few hundred bytes and fast to
    write. A fixed mask pattern skips segno's eight-way mask scoring (every mask is valid QR)."""
    numeric = text.isdigit()
    code = segno.make(text, error="m", micro=False, mask=QR_MASK, mode="numeric" if numeric else None,
                      version=1 if numeric and len(text) <= 17 else None)  # 17 digits fit version 1 even at level H
    matrix = code.matrix
    quiet = 2
    modules = len(matrix) + 2 * quiet
    ops = []
    for r, row in enumerate(matrix):
        top = modules - quiet - 1 - r
        c, n = 0, len(row)
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start + quiet} {top} {c - start} 1 re")
            else:
                c += 1
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.translate(x, y)
    canvas.scale(size / modules, size / modules)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(" ".join(ops) + " f")
    canvas.restoreState()


class _Painter:
    """Draws card faces on a canvas, keeping the repeated parts as forms."""

    def __init__(self, canvas: Canvas, shop: ShopInfo):
        self.canvas = canvas
        self.shop = shop
        self.forms: set[str] = set()
        pdftext.register_fonts()

    def _band_form(self, colour: str, tier_name: str) -> str:
        name = f"band-{colour.lstrip('#')}-{abs(hash(tier_name))}"
        if name in self.forms:
            return name
        c = self.canvas
        c.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
        c.setFillColor(HexColor(colour))
        c.roundRect(0, CARD_H - BAND_H, CARD_W, BAND_H, 0, stroke=0, fill=1)
        c.rect(0, 0, CARD_W, 2 * mm, stroke=0, fill=1)
        logo_w = 0
        if self.shop.logo and Path(self.shop.logo).is_file():
            logo_w = BAND_H - 3 * mm
            try:
                c.drawImage(self.shop.logo, CARD_W - PAD - logo_w, CARD_H - BAND_H + 1.5 * mm, logo_w, logo_w,
                            preserveAspectRatio=True, mask="auto")
            except OSError:
                logo_w = 0
        pdftext.fit_text(c, self.shop.name, PAD, CARD_H - 2.2 * mm, CARD_W - 2 * PAD - logo_w - 1 * mm,
                         BAND_H - 3 * mm, 13, bold=True, color="#ffffff", min_size=7)
        pdftext.draw_text(c, tier_name, PAD, 2 * mm + 9.5 * mm, CARD_W - QR_SIZE - 2 * PAD,
                          pdftext.style(9, bold=True, color=colour), anchor="bottom")
        c.setStrokeColorRGB(0.8, 0.8, 0.8)
        c.setLineWidth(0.3)
        c.roundRect(0, 0, CARD_W, CARD_H, 3 * mm, stroke=1, fill=0)
        c.endForm()
        self.forms.add(name)
        return name

    def _back_form(self, stamps_needed: int) -> str:
        name = f"back-{stamps_needed}"
        if name in self.forms:
            return name
        c = self.canvas
        c.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
        c.setStrokeColorRGB(0.8, 0.8, 0.8)
        c.setLineWidth(0.3)
        c.roundRect(0, 0, CARD_W, CARD_H, 3 * mm, stroke=1, fill=0)
        top = CARD_H - PAD
        top -= pdftext.draw_text(c, self.shop.name, PAD, top, CARD_W - 2 * PAD, pdftext.style(9, bold=True))
        if stamps_needed:
            per_row = min(stamps_needed, 5 if stamps_needed <= 10 else 10)
            rows = -(-stamps_needed // per_row)
            radius = min(3.2 * mm, (CARD_W - 2 * PAD) / per_row / 2 - 0.8 * mm)
            step = (CARD_W - 2 * PAD) / per_row
            c.setStrokeColorRGB(0.45, 0.45, 0.45)
            c.setLineWidth(0.6)
            for i in range(stamps_needed):
                r, col = divmod(i, per_row)
                cx = PAD + step * (col + 0.5)
                cy = top - 1 * mm - radius - r * (2 * radius + 1.5 * mm)
                c.circle(cx, cy, radius, stroke=1, fill=0)
            top -= rows * (2 * radius + 1.5 * mm) + 1 * mm
        contact = "  ·  ".join(x for x in (self.shop.phone, self.shop.address) if x)
        if contact:
            top -= pdftext.draw_text(c, contact, PAD, top, CARD_W - 2 * PAD, pdftext.style(7))
        if self.shop.terms:
            pdftext.draw_text(c, self.shop.terms, PAD, top, CARD_W - 2 * PAD, pdftext.style(6, color="#555555"))
        c.endForm()
        self.forms.add(name)
        return name

    def front(self, face: CardFace, x: float, y: float) -> None:
        c = self.canvas
        form = self._band_form(face.tier_colour, face.tier_name)
        c.saveState()
        c.translate(x, y)
        c.doForm(form)
        text_w = CARD_W - QR_SIZE - 2 * PAD - 2 * mm
        pdftext.fit_text(c, face.name, PAD, CARD_H - BAND_H - 2 * mm, text_w, 13 * mm, 14, bold=True, min_size=7)
        if face.number:  # the on-screen preview of a client without a card yet has none
            _draw_digits(c, group_number(face.number), PAD, 5 * mm, 11)
            qr_path(c, face.number, CARD_W - QR_SIZE - PAD + 1 * mm, 4 * mm, QR_SIZE)
        c.restoreState()

    def back(self, face: CardFace, x: float, y: float) -> None:
        c = self.canvas
        form = self._back_form(face.stamps_needed)
        c.saveState()
        c.translate(x, y)
        c.doForm(form)
        c.restoreState()


def _draw_digits(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """Draw a card number (ASCII digits and spaces: nothing to shape) straight on the canvas in Mukta Bold;
    anything else goes through the shaped paragraphs of clientdesk.pdftext. Ten times faster than a
    Paragraph, which matters for a thousand cards."""
    if not all(ch.isascii() and (ch.isdigit() or ch == " ") for ch in text):
        pdftext.draw_text(canvas, text, x, y, CARD_W, pdftext.style(size, bold=True), anchor="bottom")
        return
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(pdftext.FONT_BOLD, size)
    canvas.drawString(x, y, text)


def _slot(index: int, mirrored: bool) -> tuple[float, float]:
    row, col = divmod(index, COLUMNS)
    if mirrored:
        col = COLUMNS - 1 - col
    return MARGIN_X + col * CARD_W, A4[1] - MARGIN_Y - (row + 1) * CARD_H


def _crop_marks(canvas: Canvas) -> None:
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.25)
    left, right = MARGIN_X, MARGIN_X + COLUMNS * CARD_W
    bottom, top = MARGIN_Y, MARGIN_Y + ROWS * CARD_H
    for i in range(COLUMNS + 1):
        x = left + i * CARD_W
        canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LEN)
        canvas.line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LEN)
    for j in range(ROWS + 1):
        y = bottom + j * CARD_H
        canvas.line(left - MARK_GAP, y, left - MARK_GAP - MARK_LEN, y)
        canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LEN, y)


def write_cards(target, faces: list[CardFace], shop: ShopInfo, back: bool = True,
                progress: Progress = NO_PROGRESS) -> int:
    """Write the cards to `target` (a path or a binary file) as A4 sheets; returns the number of pages."""
    with _binary_streams():
        return _write_cards(target, faces, shop, back, progress)


@contextlib.contextmanager
def _binary_streams():
    """Write page streams as plain Flate (no ASCII85 text wrapping): smaller files, a third faster."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _write_cards(target, faces: list[CardFace], shop: ShopInfo, back: bool, progress: Progress) -> int:
    canvas = Canvas(str(target) if isinstance(target, (str, Path)) else target, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{shop.name} loyalty cards".strip())
    canvas.setCreator("ClientDesk")
    painter = _Painter(canvas, shop)
    pages = 0
    for start in range(0, len(faces), PER_SHEET):
        sheet = faces[start:start + PER_SHEET]
        progress.update(start, len(faces))
        _crop_marks(canvas)
        for i, face in enumerate(sheet):
            painter.front(face, *_slot(i, mirrored=False))
        canvas.showPage()
        pages += 1
        if back:
            _crop_marks(canvas)
            for i, face in enumerate(sheet):
                painter.back(face, *_slot(i, mirrored=True))
            canvas.showPage()
            pages += 1
    progress.update(len(faces), len(faces))
    try:
        canvas.save()
    except OSError as exc:
        raise StorageError(f"Could not write {target}: {exc.strerror or exc}") from exc
    return pages


def card_pdf(face: CardFace, shop: ShopInfo) -> bytes:
    """One card alone (front page, back page), page size = the card: for the on-screen preview."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(CARD_W, CARD_H))
    painter = _Painter(canvas, shop)
    painter.front(face, 0, 0)
    canvas.showPage()
    painter.back(face, 0, 0)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def card_images_png(face: CardFace, shop: ShopInfo, dpi: int = 200) -> tuple[bytes, bytes]:
    """The front and back of one card rendered as PNG, exactly as the PDF prints them."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(card_pdf(face, shop))
    images = []
    try:
        for index in range(2):
            bitmap = doc[index].render(scale=dpi / 72)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG")
            images.append(buffer.getvalue())
    finally:
        doc.close()
    return images[0], images[1]
