"""The shop's state, chosen by name (festival dates differ by state): a combo box of India's states
and union territories in the window's language, holding the code the festival calendar uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox

# the codes of holidays.India.subdivisions (clientdesk.services.settings.STATES) with their names
STATE_NAMES = {
    "AN": QT_TRANSLATE_NOOP("States", "Andaman and Nicobar Islands"),
    "AP": QT_TRANSLATE_NOOP("States", "Andhra Pradesh"),
    "AR": QT_TRANSLATE_NOOP("States", "Arunachal Pradesh"),
    "AS": QT_TRANSLATE_NOOP("States", "Assam"),
    "BR": QT_TRANSLATE_NOOP("States", "Bihar"),
    "CG": QT_TRANSLATE_NOOP("States", "Chhattisgarh"),
    "CH": QT_TRANSLATE_NOOP("States", "Chandigarh"),
    "DH": QT_TRANSLATE_NOOP("States", "Dadra and Nagar Haveli and Daman and Diu"),
    "DL": QT_TRANSLATE_NOOP("States", "Delhi"),
    "GA": QT_TRANSLATE_NOOP("States", "Goa"),
    "GJ": QT_TRANSLATE_NOOP("States", "Gujarat"),
    "HP": QT_TRANSLATE_NOOP("States", "Himachal Pradesh"),
    "HR": QT_TRANSLATE_NOOP("States", "Haryana"),
    "JH": QT_TRANSLATE_NOOP("States", "Jharkhand"),
    "JK": QT_TRANSLATE_NOOP("States", "Jammu and Kashmir"),
    "KA": QT_TRANSLATE_NOOP("States", "Karnataka"),
    "KL": QT_TRANSLATE_NOOP("States", "Kerala"),
    "LA": QT_TRANSLATE_NOOP("States", "Ladakh"),
    "LD": QT_TRANSLATE_NOOP("States", "Lakshadweep"),
    "MH": QT_TRANSLATE_NOOP("States", "Maharashtra"),
    "ML": QT_TRANSLATE_NOOP("States", "Meghalaya"),
    "MN": QT_TRANSLATE_NOOP("States", "Manipur"),
    "MP": QT_TRANSLATE_NOOP("States", "Madhya Pradesh"),
    "MZ": QT_TRANSLATE_NOOP("States", "Mizoram"),
    "NL": QT_TRANSLATE_NOOP("States", "Nagaland"),
    "OD": QT_TRANSLATE_NOOP("States", "Odisha"),
    "PB": QT_TRANSLATE_NOOP("States", "Punjab"),
    "PY": QT_TRANSLATE_NOOP("States", "Puducherry"),
    "RJ": QT_TRANSLATE_NOOP("States", "Rajasthan"),
    "SK": QT_TRANSLATE_NOOP("States", "Sikkim"),
    "TN": QT_TRANSLATE_NOOP("States", "Tamil Nadu"),
    "TR": QT_TRANSLATE_NOOP("States", "Tripura"),
    "TS": QT_TRANSLATE_NOOP("States", "Telangana"),
    "UK": QT_TRANSLATE_NOOP("States", "Uttarakhand"),
    "UP": QT_TRANSLATE_NOOP("States", "Uttar Pradesh"),
    "WB": QT_TRANSLATE_NOOP("States", "West Bengal"),
}


def state_name(code: str) -> str:
    """A state's name in the window's language (the code itself when unknown)."""
    return QCoreApplication.translate("States", STATE_NAMES[code]) if code in STATE_NAMES else code


class StateBox(QComboBox):
    """"All India" first, then every state by name in alphabetical order; currentData() is the code."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.addItem(self.tr("All India (national festival dates)"), "")
        for name, code in sorted((state_name(code), code) for code in STATE_NAMES):
            self.addItem(name, code)
        self.setMaxVisibleItems(15)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(max(self.findData((code or "").upper()), 0))
