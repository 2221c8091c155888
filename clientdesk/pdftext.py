"""Text on PDF pages in Hindi and English: the bundled Mukta font and shaped paragraphs.

reportlab shapes Devanagari (conjuncts, reordered matras) only through Paragraphs whose style
has shaping=1 (DOMAIN.md); plain canvas.drawString breaks it. Draw all text through here.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from clientdesk.paths import resource

FONT = "Mukta"
FONT_BOLD = "Mukta-Bold"
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


@functools.cache
def register_fonts() -> None:
    """Register Mukta Regular and Bold (Latin, Devanagari and ₹) with reportlab, once."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "Mukta-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "Mukta-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@functools.lru_cache(maxsize=64)
def style(size: float = 10, bold: bool = False, align: str = "left", color: str = "#000000",
          leading: float | None = None) -> ParagraphStyle:
    """A shaped paragraph style in Mukta."""
    register_fonts()
    return ParagraphStyle(
        f"cd-{size}-{bold}-{align}-{color}-{leading}",
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=leading or size * 1.3,
        alignment=_ALIGN[align],
        textColor=color,
        shaping=1,
    )


def paragraph(text: str, para_style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (escaped; newlines kept as line breaks)."""
    return Paragraph(escape(text or "").replace("\n", "<br/>"), para_style)


def draw_text(canvas, text: str, x: float, y: float, width: float, para_style: ParagraphStyle,
              anchor: str = "top") -> float:
    """Draw shaped text in a box `width` wide whose top (or bottom, anchor="bottom") edge is at y.

    Returns the height used.
    """
    para = paragraph(text, para_style)
    _, height = para.wrap(width, 10_000)
    para.drawOn(canvas, x, y - height if anchor == "top" else y)
    return height


def fit_text(canvas, text: str, x: float, y: float, width: float, height: float, size: float,
             bold: bool = False, align: str = "left", color: str = "#000000", min_size: float = 5) -> None:
    """Draw text in a box, shrinking the font until it fits the height (for names on cards)."""
    current = size
    while True:
        para = paragraph(text, style(current, bold, align, color))
        _, used = para.wrap(width, 10_000)
        if used <= height or current <= min_size:
            para.drawOn(canvas, x, y - used)
            return
        current -= 0.5
