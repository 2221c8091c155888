"""PDF pages as PNG files for the tests, rendered with pypdfium2 (a runtime dependency), so the
test suite needs no system program such as poppler's pdftoppm."""

from __future__ import annotations

from pathlib import Path

import pypdfium2


def render_page(pdf: Path, page: int, dpi: int, out: Path) -> Path:
    """Render page `page` (1-based, as pdftoppm counts) of `pdf` at `dpi`; returns `out` with .png."""
    png = Path(out).with_suffix(".png")
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        if not 1 <= page <= len(document):
            raise ValueError(f"{pdf} has {len(document)} pages, no page {page}")
        bitmap = document[page - 1].render(scale=dpi / 72)
        try:
            bitmap.to_pil().save(png)
        finally:
            bitmap.close()
    finally:
        document.close()
    return png


def render_pages(pdf: Path, first: int, last: int, dpi: int, stem: Path) -> list[Path]:
    """Pages `first`..`last` (1-based, inclusive) as `<stem>-<n>.png`."""
    return [render_page(pdf, n, dpi, Path(f"{stem}-{n}")) for n in range(first, last + 1)]
