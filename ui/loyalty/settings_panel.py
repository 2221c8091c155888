"""The loyalty rules in Settings: every rule with a plain-language summary, and the promise that
changing the rules never changes points already earned. Embedded by the Settings page."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from clientdesk.errors import ClientDeskError, ValidationError
from clientdesk.loyalty.rules import LoyaltyRules, Tier
from clientdesk.money import format_inr
from ui import dialogs

TIER_COLOURS = ("#00796b", "#78909c", "#c9a227", "#6a1b9a", "#37474f")


def _rupees(maximum: float = 10_000_000, decimals: int = 0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setPrefix("₹ ")
    box.setGroupSeparatorShown(True)
    return box


def _count(minimum: int, maximum: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setSuffix(suffix)
    return box


def _paise(box: QDoubleSpinBox) -> int:
    return int((Decimal(str(box.value())) * 100).to_integral_value())


class LoyaltySettingsPanel(QWidget):
    """Edit the shop's loyalty rules; `saved` fires after a successful save."""

    saved = Signal()

    def __init__(self, loyalty, parent=None):
        super().__init__(parent)
        self.loyalty = loyalty
        self.per_point = _rupees()
        self.min_bill = _rupees()
        self.point_value = _rupees(10_000, 2)
        self.min_redeem = _count(1, 1_000_000)
        self.max_pct = _count(0, 100, " %")
        self.expiry = _count(0, 3650)
        self.expiry.setSpecialValueText(self.tr("never"))
        self.stamps_needed = _count(0, 100)
        self.stamps_needed.setSpecialValueText(self.tr("no stamp card"))
        self.stamp_min = _rupees()
        self.reward = QLineEdit()
        self.signup = _count(0, 100_000)
        self.birthday = _count(0, 100_000)
        self.review_day = _count(1, 31)
        self.review_month = _count(1, 12)
        self.guard = _count(1, 100)
        self.card_at_first_bill = QCheckBox(self.tr("Issue a card number at the first bill"))
        self.terms = QLineEdit()
        self.tiers = QTableWidget(0, 3)
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier name"), self.tr("From 12-month spend (₹)"),
                                              self.tr("Points ×")])
        self.tiers.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.tiers.verticalHeader().hide()
        self.add_tier = QPushButton(self.tr("Add tier"))
        self.remove_tier = QPushButton(self.tr("Remove top tier"))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("background: #f1f8e9; padding: 8px;")
        note = QLabel(self.tr("Changing these rules never changes points already earned: each entry keeps the "
                              "expiry date and the value per point it was earned with."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5d4037;")
        self.save_button = QPushButton(self.tr("Save loyalty rules"))
        self._codes: list[str] = []
        self._colours: dict[str, str] = {}

        earn = QGroupBox(self.tr("Earning"))
        form = QFormLayout(earn)
        form.addRow(self.tr("1 point for every"), self.per_point)
        form.addRow(self.tr("Smallest bill that earns points"), self.min_bill)
        form.addRow(self.tr("Points expire after (days)"), self.expiry)
        form.addRow(self.tr("Sign-up bonus (points)"), self.signup)
        form.addRow(self.tr("Birthday bonus (points, once a year in the birthday week)"), self.birthday)
        redeem = QGroupBox(self.tr("Redeeming"))
        form = QFormLayout(redeem)
        form.addRow(self.tr("Value of 1 point"), self.point_value)
        form.addRow(self.tr("Fewest points to redeem"), self.min_redeem)
        form.addRow(self.tr("Most of a bill paid with points"), self.max_pct)
        stamps = QGroupBox(self.tr("Stamp card"))
        form = QFormLayout(stamps)
        form.addRow(self.tr("Stamps for a reward"), self.stamps_needed)
        form.addRow(self.tr("Smallest bill for a stamp (one a day)"), self.stamp_min)
        form.addRow(self.tr("Reward"), self.reward)
        tiers = QGroupBox(self.tr("Tiers by spend in the last 12 months"))
        tiers_layout = QVBoxLayout(tiers)
        tiers_layout.addWidget(self.tiers)
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(self.add_tier)
        tier_buttons.addWidget(self.remove_tier)
        tier_buttons.addStretch(1)
        tiers_layout.addLayout(tier_buttons)
        review = QHBoxLayout()
        review.addWidget(QLabel(self.tr("Tiers may go down only on the yearly review date: day")))
        review.addWidget(self.review_day)
        review.addWidget(QLabel(self.tr("month")))
        review.addWidget(self.review_month)
        review.addStretch(1)
        tiers_layout.addLayout(review)
        other = QGroupBox(self.tr("Cards and counter"))
        form = QFormLayout(other)
        form.addRow(self.tr("Ask before more than this many loyalty transactions on a card in a day"), self.guard)
        form.addRow("", self.card_at_first_bill)
        form.addRow(self.tr("Terms printed on the card"), self.terms)

        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (earn, redeem, stamps):
            left.addWidget(box)
        for box in (tiers, other):
            right.addWidget(box)
        columns.addLayout(left)
        columns.addLayout(right)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(note)
        layout.addLayout(columns)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        self.load()
        for box in (self.per_point, self.min_bill, self.point_value, self.stamp_min):
            box.valueChanged.connect(self.update_summary)
        for box in (self.min_redeem, self.max_pct, self.expiry, self.stamps_needed, self.signup, self.birthday,
                    self.review_day, self.review_month, self.guard):
            box.valueChanged.connect(self.update_summary)
        self.reward.textChanged.connect(self.update_summary)
        self.tiers.itemChanged.connect(self.update_summary)
        self.add_tier.clicked.connect(self._add_tier_row)
        self.remove_tier.clicked.connect(self._remove_tier_row)
        self.save_button.clicked.connect(self.save)

    # ----- load and read -------------------------------------------------------------------
    def load(self) -> None:
        """Show the rules in force."""
        try:
            rules = self.loyalty.rules()
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            rules = LoyaltyRules()
        self.rules_loaded = rules
        self.per_point.setValue(rules.paise_per_point / 100)
        self.min_bill.setValue(rules.min_bill_paise / 100)
        self.point_value.setValue(rules.point_value_paise / 100)
        self.min_redeem.setValue(rules.min_redeem_points)
        self.max_pct.setValue(rules.max_redeem_pct)
        self.expiry.setValue(rules.expiry_days)
        self.stamps_needed.setValue(rules.stamps_needed)
        self.stamp_min.setValue(rules.stamp_min_bill_paise / 100)
        self.reward.setText(rules.stamp_reward)
        self.signup.setValue(rules.signup_bonus)
        self.birthday.setValue(rules.birthday_bonus)
        self.review_day.setValue(rules.review_day)
        self.review_month.setValue(rules.review_month)
        self.guard.setValue(rules.daily_guard)
        self.card_at_first_bill.setChecked(rules.issue_card_at_first_bill)
        self.terms.setText(rules.card_terms)
        self.tiers.blockSignals(True)
        self.tiers.setRowCount(0)
        self._codes = []
        for tier in rules.tiers:
            self._append_tier(tier)
        self.tiers.blockSignals(False)
        self.update_summary()

    def _append_tier(self, tier: Tier) -> None:
        row = self.tiers.rowCount()
        self.tiers.insertRow(row)
        self._codes.append(tier.code)
        self._colours[tier.code] = tier.colour
        self.tiers.setItem(row, 0, QTableWidgetItem(tier.name))
        self.tiers.setItem(row, 1, QTableWidgetItem(str(tier.min_spend_paise // 100)))
        self.tiers.setItem(row, 2, QTableWidgetItem(f"{tier.multiplier_pct / 100:g}"))

    def _add_tier_row(self) -> None:
        n = len(self._codes)
        code = f"tier{n + 1}"
        while code in self._codes:
            n += 1
            code = f"tier{n + 1}"
        top = self._read_tiers(strict=False)[-1]
        self.tiers.blockSignals(True)
        self._append_tier(Tier(code, self.tr("New tier"), top.min_spend_paise * 2 or 5_000_00,
                               top.multiplier_pct + 25, TIER_COLOURS[len(self._codes) % len(TIER_COLOURS)]))
        self.tiers.blockSignals(False)
        self.update_summary()

    def _remove_tier_row(self) -> None:
        if self.tiers.rowCount() > 1:
            self.tiers.removeRow(self.tiers.rowCount() - 1)
            self._codes.pop()
            self.update_summary()

    def _read_tiers(self, strict: bool = True) -> tuple[Tier, ...]:
        tiers = []
        for row, code in enumerate(self._codes):
            name = (self.tiers.item(row, 0).text() if self.tiers.item(row, 0) else "").strip() or code
            try:
                spend = int((Decimal(self.tiers.item(row, 1).text().replace(",", "").replace("₹", "").strip()) * 100))
                multiplier = int((Decimal(self.tiers.item(row, 2).text().replace("×", "").strip()) * 100))
            except (ArithmeticError, ValueError, AttributeError) as exc:
                if strict:
                    raise ValidationError("tiers", "invalid", f"Tier {name}: type numbers") from exc
                spend, multiplier = 0, 100
            tiers.append(Tier(code, name, spend, multiplier, self._colours.get(code, TIER_COLOURS[row % 5])))
        return tuple(tiers)

    def rules(self) -> LoyaltyRules:
        """The rules as typed (validated); raises ValidationError on a bad value."""
        return dataclasses.replace(
            self.rules_loaded,
            paise_per_point=_paise(self.per_point), min_bill_paise=_paise(self.min_bill),
            point_value_paise=_paise(self.point_value), min_redeem_points=self.min_redeem.value(),
            max_redeem_pct=self.max_pct.value(), expiry_days=self.expiry.value(),
            stamps_needed=self.stamps_needed.value(), stamp_min_bill_paise=_paise(self.stamp_min),
            stamp_reward=self.reward.text().strip(), signup_bonus=self.signup.value(),
            birthday_bonus=self.birthday.value(), review_day=self.review_day.value(),
            review_month=self.review_month.value(), daily_guard=self.guard.value(),
            issue_card_at_first_bill=self.card_at_first_bill.isChecked(), card_terms=self.terms.text().strip(),
            tiers=self._read_tiers()).validated()

    # ----- summary and save ----------------------------------------------------------------
    def update_summary(self) -> None:
        """The rules in plain words."""
        try:
            rules = self.rules()
        except ValidationError as exc:
            self.summary_label.setText(dialogs.message_for(exc))
            return
        self.summary_label.setText(self.summary_text(rules))

    def summary_text(self, rules: LoyaltyRules) -> str:
        parts = [self.tr("1 point for every %1").replace("%1", format_inr(rules.paise_per_point, False))]
        if rules.min_bill_paise:
            parts[-1] += self.tr(" on bills of %1 or more").replace("%1", format_inr(rules.min_bill_paise, False))
        parts.append(self.tr("1 point = %1 when redeemed").replace("%1", format_inr(rules.point_value_paise)))
        parts.append(self.tr("redeem from %1 points, up to %2% of a bill").replace(
            "%1", str(rules.min_redeem_points)).replace("%2", str(rules.max_redeem_pct)))
        parts.append(self.tr("points expire %1 days after they are earned, oldest used first").replace(
            "%1", str(rules.expiry_days)) if rules.expiry_days else self.tr("points never expire"))
        if rules.stamps_needed:
            parts.append(self.tr("a stamp for each visit with a bill of %1 or more; %2 stamps earn: %3").replace(
                "%1", format_inr(rules.stamp_min_bill_paise, False)).replace(
                "%2", str(rules.stamps_needed)).replace("%3", rules.stamp_reward))
        for tier in rules.tiers[1:]:
            parts.append(self.tr("%1 from %2 spent in 12 months: %3× points").replace("%1", tier.name).replace(
                "%2", format_inr(tier.min_spend_paise, False)).replace("%3", f"{tier.multiplier_pct / 100:g}"))
        if rules.signup_bonus:
            parts.append(self.tr("%1 points for joining").replace("%1", str(rules.signup_bonus)))
        if rules.birthday_bonus:
            parts.append(self.tr("%1 points in the birthday week").replace("%1", str(rules.birthday_bonus)))
        return "; ".join(parts) + "."

    def save(self) -> bool:
        """Save the rules; True when saved."""
        try:
            self.loyalty.set_rules(self.rules())
        except ClientDeskError as exc:
            dialogs.show_error(self, exc)
            return False
        self.rules_loaded = self.loyalty.rules()
        self.saved.emit()
        return True
