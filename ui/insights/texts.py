"""Words for insight codes: RFM group names and explanations, suggestion reasons, up-sell signals.
The domain gives codes and numbers; these functions choose the (translated) words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from clientdesk.money import format_inr

_CONTEXT = "Insights"

GROUP_NAMES = {
    "champions": QT_TRANSLATE_NOOP("Insights", "Champions"),
    "loyal": QT_TRANSLATE_NOOP("Insights", "Loyal"),
    "potential": QT_TRANSLATE_NOOP("Insights", "Potential"),
    "new": QT_TRANSLATE_NOOP("Insights", "New"),
    "at_risk": QT_TRANSLATE_NOOP("Insights", "At risk"),
    "hibernating": QT_TRANSLATE_NOOP("Insights", "Hibernating"),
    "lost": QT_TRANSLATE_NOOP("Insights", "Lost"),
}

GROUP_EXPLANATIONS = {
    "champions": QT_TRANSLATE_NOOP("Insights", "Came recently, come often and spend the most. Thank them; they "
                                               "are the first to hear of new stock."),
    "loyal": QT_TRANSLATE_NOOP("Insights", "Regular clients who spend well. Keep them happy with loyalty rewards."),
    "potential": QT_TRANSLATE_NOOP("Insights", "Came recently but buy little or seldom. A suggestion at the "
                                               "counter can grow them."),
    "new": QT_TRANSLATE_NOOP("Insights", "Their first visit was recent. Welcome them so they come back."),
    "at_risk": QT_TRANSLATE_NOOP("Insights", "Used to come often and spend well, but not lately. Call or send "
                                             "a greeting before they go elsewhere."),
    "hibernating": QT_TRANSLATE_NOOP("Insights", "Small, infrequent buyers who have not come for a while."),
    "lost": QT_TRANSLATE_NOOP("Insights", "Have not come for the longest time and bought little. An offer may "
                                          "bring a few back."),
}

GROUP_COLOURS = {"champions": "#2e7d32", "loyal": "#1565c0", "potential": "#00838f", "new": "#6a1b9a",
                 "at_risk": "#ef6c00", "hibernating": "#8d6e63", "lost": "#9e9e9e"}


def t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def group_name(code: str | None) -> str:
    """The translated name of an RFM group code ("" for none)."""
    return t(GROUP_NAMES[code]) if code in GROUP_NAMES else ""


def group_explanation(code: str | None) -> str:
    return t(GROUP_EXPLANATIONS[code]) if code in GROUP_EXPLANATIONS else ""


def suggestion_reason(suggestion) -> str:
    """"82% of those who buy Pizza also buy Cold Drink" in the current language."""
    return (QCoreApplication.translate("Insights", "%1% of those who buy %2 also buy %3").replace("%1", str(suggestion.percent))
            .replace("%2", suggestion.because_product).replace("%3", suggestion.product))


def signal_text(signal, tier_names: dict[str, str] | None = None) -> str:
    """One up-sell signal in words."""
    if signal.kind == "near_tier":
        tier = (tier_names or {}).get(signal.text_a, signal.text_b or signal.text_a)
        return QCoreApplication.translate("Insights", "%1 more to %2").replace("%1", format_inr(signal.value_a, decimals=False)).replace("%2", tier)
    if signal.kind == "rising_spend":
        return (QCoreApplication.translate("Insights", "Spending more: %1 in the last 90 days, %2 in the 90 days before")
                .replace("%1", format_inr(signal.value_a, decimals=False))
                .replace("%2", format_inr(signal.value_b, decimals=False)))
    if signal.kind == "rising_visits":
        return (QCoreApplication.translate("Insights", "Coming more often: %1 visits in the last 90 days, %2 before")
                .replace("%1", str(signal.value_a)).replace("%2", str(signal.value_b)))
    if signal.kind == "larger_pack":
        return (QCoreApplication.translate("Insights", "Bought %1 %2 times lately; the shop sells %3")
                .replace("%1", signal.text_a).replace("%2", str(signal.value_a)).replace("%3", signal.text_b))
    return signal.kind


def likelihood_text(value: int | None, source: str) -> str:
    """"64% (from purchases)" / "40% (set by hand)" / "—"."""
    if value is None:
        return "—"
    if source == "model":
        return QCoreApplication.translate("Insights", "%1% (from purchases)").replace("%1", str(value))
    return QCoreApplication.translate("Insights", "%1% (set by hand)").replace("%1", str(value))
