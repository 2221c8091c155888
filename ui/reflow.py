"""Fitting pages on small screens (1366×768 and 1280×720 laptops): long labels wrap instead of
widening the page, and form rows whose label and field do not fit side by side put the field
under its label. Applied to a page (or a scroll area's contents) after it is built, so panels that
other areas add to a page get the same treatment."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

LONG_LABEL = 28  # characters: a label longer than this may wrap onto a second line


def wrap_long_labels(root: QWidget, long_label: int = LONG_LABEL) -> None:
    """Let every long QLabel under `root` wrap (rich-text and pixmap labels are left alone), and let
    every form put a field under its label when the two do not fit side by side."""
    for form in root.findChildren(QFormLayout):
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
    for label in root.findChildren(QLabel):
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if len(label.text()) > long_label and not label.wordWrap():
            label.setWordWrap(True)
