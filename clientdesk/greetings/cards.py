"""Greeting cards as one PDF, one card per recipient: an A6 postcard (one page each) or an A5 card
folded in half (two pages each: outside and inside, for short-edge duplex printing).

A border and a motif drawn per kind of occasion, the shop's name and logo, and the message
shaped in Devanagari through clientdesk.pdftext (never canvas.drawString).
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A5, A6, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from clientdesk import pdftext
from clientdesk.errors import StorageError, ValidationError
from clientdesk.progress import NO_PROGRESS, Progress

LAYOUTS = ("a6", "a5")


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    title: str  # the occasion, in the recipient's language
    to_name: str
    to_line: str  # father's / husband's name line
    message: str
    kind: str  # the occasion kind: picks the border colour and motif


@dataclass(frozen=True)
class Shop:
    name: str = ""
    phone: str = ""
    logo: str = ""  # path to an image file, optional


# kind -> (main colour, soft colour)
PALETTE = {
    "birthday": ("#c2255c", "#fff0f6"),
    "anniversary": ("#a61e4d", "#fff5f5"),
    "founded": ("#1864ab", "#e7f5ff"),
    "first_purchase": ("#2b8a3e", "#ebfbee"),
    "custom": ("#5f3dc4", "#f3f0ff"),
    "festival": ("#d9480f", "#fff4e6"),
    "any": ("#495057", "#f8f9fa"),
}


# ----- motifs ------------------------------------------------------------------------------------------

def _balloons(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    for dx, dy, tint in ((0, 0, color), (0.9, 0.35, "#f59f00"), (-0.9, 0.3, "#1c7ed6")):
        cx, cy = x + dx * s, y + dy * s
        c.setStrokeColor(HexColor("#868e96"))
        c.setLineWidth(0.5)
        c.line(cx, cy - 0.7 * s, x, y - 2.2 * s)
        c.setFillColor(HexColor(tint))
        c.ellipse(cx - 0.55 * s, cy - 0.7 * s, cx + 0.55 * s, cy + 0.7 * s, stroke=0, fill=1)


def _rings(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    c.setLineWidth(0.22 * s)
    c.setStrokeColor(HexColor("#f08c00"))
    c.circle(x - 0.45 * s, y, 0.8 * s, stroke=1, fill=0)
    c.setStrokeColor(HexColor(color))
    c.circle(x + 0.45 * s, y, 0.8 * s, stroke=1, fill=0)
    _heart(c, x, y + 1.5 * s, 0.5 * s, color)


def _heart(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    c.setFillColor(HexColor(color))
    path = c.beginPath()
    path.moveTo(x, y - s)
    path.curveTo(x - 1.6 * s, y + 0.2 * s, x - 0.6 * s, y + 1.3 * s, x, y + 0.45 * s)
    path.curveTo(x + 0.6 * s, y + 1.3 * s, x + 1.6 * s, y + 0.2 * s, x, y - s)
    c.drawPath(path, stroke=0, fill=1)


def _star(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    c.setFillColor(HexColor(color))
    path = c.beginPath()
    for i in range(10):
        r = s if i % 2 == 0 else s * 0.45
        a = math.pi / 2 + i * math.pi / 5
        (path.moveTo if i == 0 else path.lineTo)(x + r * math.cos(a), y + r * math.sin(a))
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def _laurel(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    c.setFillColor(HexColor(color))
    for side in (-1, 1):
        for i in range(5):
            a = math.radians(200 - i * 28) if side < 0 else math.radians(-20 + i * 28)
            lx, ly = x + math.cos(a) * s, y + math.sin(a) * s
            c.saveState()
            c.translate(lx, ly)
            c.rotate(math.degrees(a) + 90 * side)
            c.ellipse(-0.12 * s, -0.3 * s, 0.12 * s, 0.3 * s, stroke=0, fill=1)
            c.restoreState()
    _star(c, x, y, 0.5 * s, "#f08c00")


def _flower(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    c.setFillColor(HexColor(color))
    for i in range(6):
        a = i * math.pi / 3
        c.circle(x + math.cos(a) * 0.55 * s, y + math.sin(a) * 0.55 * s, 0.4 * s, stroke=0, fill=1)
    c.setFillColor(HexColor("#fab005"))
    c.circle(x, y, 0.35 * s, stroke=0, fill=1)


def _diya(c: Canvas, x: float, y: float, s: float, color: str) -> None:
    c.setFillColor(HexColor("#fd7e14"))  # flame
    path = c.beginPath()
    path.moveTo(x, y + 1.5 * s)
    path.curveTo(x - 0.45 * s, y + 0.8 * s, x - 0.3 * s, y + 0.25 * s, x, y + 0.2 * s)
    path.curveTo(x + 0.3 * s, y + 0.25 * s, x + 0.45 * s, y + 0.8 * s, x, y + 1.5 * s)
    c.drawPath(path, stroke=0, fill=1)
    c.setFillColor(HexColor("#ffd43b"))
    c.ellipse(x - 0.13 * s, y + 0.3 * s, x + 0.13 * s, y + 0.85 * s, stroke=0, fill=1)
    c.setFillColor(HexColor(color))  # the lamp
    path = c.beginPath()
    path.moveTo(x - 1.1 * s, y + 0.15 * s)
    path.curveTo(x - 0.9 * s, y - 0.75 * s, x + 0.9 * s, y - 0.75 * s, x + 1.1 * s, y + 0.15 * s)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


MOTIFS = {"birthday": _balloons, "anniversary": _rings, "founded": _star, "first_purchase": _laurel,
          "custom": _flower, "festival": _diya, "any": _flower}


def _border(c: Canvas, x: float, y: float, w: float, h: float, kind: str) -> None:
    main, soft = PALETTE.get(kind, PALETTE["any"])
    c.setFillColor(HexColor(soft))
    c.rect(x, y, w, h, stroke=0, fill=1)
    c.setStrokeColor(HexColor(main))
    inset = 4 * mm
    c.setLineWidth(1.6)
    c.rect(x + inset, y + inset, w - 2 * inset, h - 2 * inset)
    c.setLineWidth(0.5)
    c.rect(x + inset + 1.6 * mm, y + inset + 1.6 * mm, w - 2 * inset - 3.2 * mm, h - 2 * inset - 3.2 * mm)
    c.setFillColor(HexColor(main))
    for cx, cy in ((x + inset, y + inset), (x + w - inset, y + inset), (x + inset, y + h - inset),
                   (x + w - inset, y + h - inset)):
        c.saveState()
        c.translate(cx, cy)
        c.rotate(45)
        c.rect(-1.8 * mm, -1.8 * mm, 3.6 * mm, 3.6 * mm, stroke=0, fill=1)
        c.restoreState()
        c.setFillColor(white)
        c.circle(cx, cy, 0.8 * mm, stroke=0, fill=1)
        c.setFillColor(HexColor(main))
    if kind == "festival":  # a row of rangoli dots along top and bottom
        step = 6 * mm
        n = int((w - 2 * inset - 12 * mm) // step)
        for i in range(n + 1):
            px = x + inset + 6 * mm + i * step
            for py in (y + inset + 3.6 * mm, y + h - inset - 3.6 * mm):
                c.circle(px, py, 0.6 * mm, stroke=0, fill=1)


# ----- layouts -------------------------------------------------------------------------------------

class _Logo:
    def __init__(self, path: str):
        self.image = None
        if path and Path(path).is_file():
            try:
                self.image = ImageReader(path)
            except (OSError, ValueError):
                self.image = None

    def draw(self, c: Canvas, x: float, y: float, size: float) -> float:
        """Draw the logo in a size×size box with its bottom-left at (x, y); returns the width used."""
        if self.image is None:
            return 0
        iw, ih = self.image.getSize()
        scale = size / max(iw, ih)
        c.drawImage(self.image, x, y, iw * scale, ih * scale, mask="auto")
        return iw * scale


def _signature(c: Canvas, shop: Shop, logo: _Logo, x: float, y: float, w: float, color: str) -> None:
    used = logo.draw(c, x, y, 9 * mm)
    text = shop.name + (f"  ·  {shop.phone}" if shop.phone else "")
    pdftext.fit_text(c, text, x + used + (2 * mm if used else 0), y + 8 * mm, w - used, 8 * mm, 9, bold=True,
                     color=color)


class _Paragraphs:
    """Shaped, wrapped paragraphs kept for reuse: the body of a template is the same for many
    recipients (only the salutation differs), so it is shaped once, not once per card."""

    def __init__(self, size: int = 512):
        self.cache: OrderedDict[tuple, tuple] = OrderedDict()
        self.size = size

    def get(self, text: str, size: float, color: str, width: float):
        key = (text, size, color, width)
        found = self.cache.get(key)
        if found is not None:
            self.cache.move_to_end(key)
            return found
        para = pdftext.paragraph(text, pdftext.style(size, color=color))
        _, height = para.wrap(width, 10_000)
        found = self.cache[key] = (para, height)
        if len(self.cache) > self.size:
            self.cache.popitem(last=False)
        return found


def _blocks(c: Canvas, paragraphs: _Paragraphs, text: str, x: float, top: float, width: float, bottom: float,
            size: float, color: str) -> None:
    """Draw text split at blank lines into paragraphs, shrinking the font until all fit above `bottom`."""
    blocks = [b.strip("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    while True:
        laid = [paragraphs.get(b, size, color, width) for b in blocks]
        gap = size * 0.6
        if sum(h for _, h in laid) + gap * (len(laid) - 1) <= top - bottom or size <= 6:
            break
        size -= 0.5
    for para, height in laid:
        para.drawOn(c, x, top - height)
        top -= height + gap


def _message_box(c: Canvas, paragraphs: _Paragraphs, card: Card, x: float, top: float, w: float, bottom: float,
                 size: float, color: str) -> None:
    to = card.to_name + (f"\n{card.to_line}" if card.to_line else "")
    used = pdftext.draw_text(c, to, x, top, w, pdftext.style(size * 0.85, color="#495057"))
    _blocks(c, paragraphs, card.message, x, top - used - 2 * mm, w, bottom, size, color)


class _Backgrounds:
    """Everything that is the same on many cards (border, motif, title, shop) drawn once as a PDF
    form and reused: 1,000 cards stay fast and the file stays small."""

    def __init__(self, canvas: Canvas, shop: Shop, logo: _Logo):
        self.canvas, self.shop, self.logo = canvas, shop, logo
        self.names: dict[tuple, str] = {}
        self.paragraphs = _Paragraphs()

    def use(self, key: tuple, draw) -> None:
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = f"bg{len(self.names)}"
            self.canvas.beginForm(name)
            draw(self.canvas)
            self.canvas.endForm()
        self.canvas.doForm(name)


def _a6_background(card: Card, shop: Shop, logo: _Logo):
    def draw(c: Canvas) -> None:
        w, h = landscape(A6)
        main, _ = PALETTE.get(card.kind, PALETTE["any"])
        pad = 11 * mm
        _border(c, 0, 0, w, h, card.kind)
        MOTIFS.get(card.kind, _flower)(c, w - 20 * mm, h - 24 * mm, 4.2 * mm, main)
        pdftext.fit_text(c, card.title, pad, h - pad, w - 2 * pad - 22 * mm, 13 * mm, 20, bold=True, color=main)
        _signature(c, shop, logo, pad, pad - 1 * mm, w - 2 * pad, main)
    return draw


def _a6(c: Canvas, card: Card, shop: Shop, logo: _Logo, forms: _Backgrounds) -> None:
    w, h = landscape(A6)
    pad = 11 * mm
    forms.use(("a6", card.kind, card.title), _a6_background(card, shop, logo))
    _message_box(c, forms.paragraphs, card, pad, h - pad - 15 * mm, w - 2 * pad - 8 * mm, pad + 11 * mm, 12, "#212529")
    c.showPage()


def _a5_halves(c: Canvas, kind: str) -> tuple[float, float, str, float]:
    """Both halves of an A5 sheet framed; returns (half width, height, main colour, padding)."""
    w, h = landscape(A5)
    _border(c, 0, 0, w / 2, h, kind)
    _border(c, w / 2, 0, w / 2, h, kind)
    return w / 2, h, PALETTE.get(kind, PALETTE["any"])[0], 11 * mm


def _a5_outside(card: Card, shop: Shop, logo: _Logo):
    def draw(c: Canvas) -> None:
        half, h, main, pad = _a5_halves(c, card.kind)
        logo.draw(c, half / 2 - 7 * mm, h / 2, 14 * mm)
        pdftext.fit_text(c, shop.name, pad, h / 2 - 3 * mm, half - 2 * pad, 10 * mm, 12, bold=True, align="center",
                         color=main)
        if shop.phone:
            pdftext.fit_text(c, shop.phone, pad, h / 2 - 13 * mm, half - 2 * pad, 7 * mm, 9, align="center",
                             color="#495057")
        MOTIFS.get(card.kind, _flower)(c, half + half / 2, h / 2 + 14 * mm, 9 * mm, main)
        pdftext.fit_text(c, card.title, half + pad, h / 2 - 8 * mm, half - 2 * pad, 24 * mm, 24, bold=True,
                         align="center", color=main)
    return draw


def _a5_inside(card: Card, shop: Shop, logo: _Logo):
    def draw(c: Canvas) -> None:
        half, h, main, pad = _a5_halves(c, card.kind)
        MOTIFS.get(card.kind, _flower)(c, half / 2, h / 2, 6 * mm, main)
        _signature(c, shop, logo, half + pad, pad, half - 2 * pad, main)
    return draw


def _a5(c: Canvas, card: Card, shop: Shop, logo: _Logo, forms: _Backgrounds) -> None:
    """Outside (back with the shop, front with motif and occasion), then inside (the message)."""
    w, h = landscape(A5)
    half = w / 2
    pad = 11 * mm
    forms.use(("a5-out", card.kind, card.title), _a5_outside(card, shop, logo))
    c.showPage()
    forms.use(("a5-in", card.kind), _a5_inside(card, shop, logo))
    _message_box(c, forms.paragraphs, card, half + pad, h - pad - 2 * mm, half - 2 * pad, pad + 12 * mm, 13, "#212529")
    c.showPage()


def write_cards(path: Path | str, cards: Sequence[Card], shop: Shop, layout: str = "a6",
                progress: Progress = NO_PROGRESS) -> int:
    """Write one PDF with a card per recipient; returns the number of pages."""
    if layout not in LAYOUTS:
        raise ValidationError("layout", "invalid", f"Unknown card layout {layout}")
    if not cards:
        raise ValidationError("recipients", "empty", "There is nobody to make a card for")
    pdftext.register_fonts()
    size = landscape(A6) if layout == "a6" else landscape(A5)
    logo = _Logo(shop.logo)
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        c = Canvas(str(tmp), pagesize=size, pageCompression=1)
        c.setTitle(cards[0].title)
        c.setAuthor(shop.name)
        forms = _Backgrounds(c, shop, logo)
        for done, card in enumerate(cards):
            if done % 20 == 0:
                progress.update(done, len(cards))
            (_a6 if layout == "a6" else _a5)(c, card, shop, logo, forms)
        c.save()
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    progress.update(len(cards), len(cards))
    return len(cards) * (1 if layout == "a6" else 2)
