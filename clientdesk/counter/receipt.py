"""The receipt slip after a counter bill: the same summary as a PDF slip (58 or 80 mm thermal
paper through the system printer, or an A6 page) and as a WhatsApp message.

The words are the client's language (Hindi or English), like a greeting: a receipt goes to the
client, not to the cashier. Text is drawn through clientdesk.pdftext, so Devanagari is shaped.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from clientdesk import pdftext
from clientdesk.errors import StorageError, ValidationError
from clientdesk.money import format_inr

# paper code -> page width in points; the thermal slips are as long as their content
PAPERS = {"58mm": 58 * mm, "80mm": 80 * mm, "a6": A6[0]}

_WORDS = {
    "en": {
        "receipt": "Receipt", "date": "Date", "bill": "Bill no.", "client": "Client", "amount": "Bill amount",
        "redeemed": "Points redeemed", "pay": "Amount paid", "earned": "Points earned", "balance": "Points balance",
        "expiring": "Points expiring by {date}", "stamps": "Stamps", "reward_due": "Reward due",
        "thanks": "Thank you for shopping with us!", "branch": "Branch", "counter": "Counter",
    },
    "hi": {
        "receipt": "रसीद", "date": "तारीख़", "bill": "बिल नं.", "client": "ग्राहक", "amount": "बिल की रक़म",
        "redeemed": "भुनाए गए पॉइंट", "pay": "चुकाई गई रक़म", "earned": "मिले पॉइंट", "balance": "बचे पॉइंट",
        "expiring": "{date} तक ख़त्म होने वाले पॉइंट", "stamps": "स्टैम्प", "reward_due": "मिलने वाला इनाम",
        "thanks": "हमसे ख़रीदारी के लिए धन्यवाद!", "branch": "शाखा", "counter": "काउंटर",
    },
}


@dataclass(frozen=True)
class Receipt:
    """Everything one slip shows; amounts in paise."""

    shop_name: str
    shop_phone: str
    when: dt.datetime
    bill_no: str
    client_name: str
    amount_paise: int
    redeemed_points: int
    redeemed_paise: int
    net_paise: int
    points_earned: int
    balance: int
    expiring_soon: int = 0
    expiring_by: dt.date | None = None
    stamps: int = 0
    stamps_needed: int = 0
    rewards_due: int = 0
    reward_text: str = ""
    language: str = "en"
    branch: str = ""    # where the bill was rung up (printed when named)
    counter: str = ""


def _date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def receipt_lines(receipt: Receipt) -> list[tuple[str, str]]:
    """(label, value) pairs in the receipt's language, in the order they are printed."""
    words = _WORDS["hi" if receipt.language == "hi" else "en"]
    lines = [(words["date"], receipt.when.strftime("%d/%m/%Y %H:%M"))]
    if receipt.branch:
        lines.append((words["branch"], receipt.branch))
    if receipt.counter:
        lines.append((words["counter"], receipt.counter))
    if receipt.bill_no:
        lines.append((words["bill"], receipt.bill_no))
    if receipt.client_name:
        lines.append((words["client"], receipt.client_name))
    lines.append((words["amount"], format_inr(receipt.amount_paise)))
    if receipt.redeemed_points:
        lines.append((words["redeemed"], f"{receipt.redeemed_points} (−{format_inr(receipt.redeemed_paise)})"))
        lines.append((words["pay"], format_inr(receipt.net_paise)))
    lines.append((words["earned"], str(receipt.points_earned)))
    lines.append((words["balance"], str(receipt.balance)))
    if receipt.expiring_soon and receipt.expiring_by is not None:
        lines.append((words["expiring"].format(date=_date(receipt.expiring_by)), str(receipt.expiring_soon)))
    if receipt.stamps_needed:
        lines.append((words["stamps"], f"{receipt.stamps}/{receipt.stamps_needed}"))
    if receipt.rewards_due:
        reward = f"{receipt.rewards_due} × {receipt.reward_text}" if receipt.reward_text else str(receipt.rewards_due)
        lines.append((words["reward_due"], reward))
    return lines


def receipt_message(receipt: Receipt) -> str:
    """The receipt as a plain-text message (WhatsApp), in the receipt's language."""
    words = _WORDS["hi" if receipt.language == "hi" else "en"]
    head = f"*{receipt.shop_name}*" if receipt.shop_name else ""
    body = "\n".join(f"{label}: {value}" for label, value in receipt_lines(receipt))
    return "\n".join(part for part in (head, f"{words['receipt']}\n{body}", words["thanks"]) if part)


def write_receipt_pdf(receipt: Receipt, target: Path | str, paper: str = "80mm") -> Path:
    """Write the slip as a one-page PDF at `target` (written whole or not at all)."""
    if paper not in PAPERS:
        raise ValidationError("paper", "unknown", f"Unknown receipt paper {paper!r}; use one of {', '.join(PAPERS)}")
    target = Path(target)
    if not target.parent.is_dir():
        raise StorageError(f"The folder {target.parent} does not exist; choose another place for the receipt.")
    words = _WORDS["hi" if receipt.language == "hi" else "en"]
    width = PAPERS[paper]
    margin = 4 * mm if paper != "a6" else 8 * mm
    inner = width - 2 * margin
    size = 8 if paper == "58mm" else 9.5
    blocks = []  # (paragraph, gap after) measured first: a thermal slip is as long as its text
    if receipt.shop_name:
        blocks.append((pdftext.paragraph(receipt.shop_name, pdftext.style(size + 3, bold=True, align="center")), 1))
    if receipt.shop_phone:
        blocks.append((pdftext.paragraph(receipt.shop_phone, pdftext.style(size, align="center")), 1))
    blocks.append((pdftext.paragraph(words["receipt"], pdftext.style(size + 1, bold=True, align="center")), 3 * mm))
    rows = []
    for label, value in receipt_lines(receipt):
        rows.append((pdftext.paragraph(label, pdftext.style(size)),
                     pdftext.paragraph(value, pdftext.style(size, bold=True, align="right"))))
    thanks = pdftext.paragraph(words["thanks"], pdftext.style(size, align="center"))
    label_width, value_width = inner * 0.58, inner * 0.42
    heights = [p.wrap(inner, 10_000)[1] for p, _ in blocks]
    row_heights = [max(a.wrap(label_width, 10_000)[1], b.wrap(value_width, 10_000)[1]) for a, b in rows]
    thanks_height = thanks.wrap(inner, 10_000)[1]
    content = sum(heights) + sum(g for _, g in blocks) + sum(row_heights) + len(rows) * 1.5 + 4 * mm + thanks_height
    height = A6[1] if paper == "a6" else content + 2 * margin
    fd, temp = tempfile.mkstemp(prefix=".receipt-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        canvas = Canvas(temp, pagesize=(width, height))
        canvas.setTitle(words["receipt"])
        y = height - margin
        for (para, gap), h in zip(blocks, heights):
            para.drawOn(canvas, margin, y - h)
            y -= h + gap
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.line(margin, y + 1.5 * mm, width - margin, y + 1.5 * mm)
        for (label, value), h in zip(rows, row_heights):
            label.drawOn(canvas, margin, y - h)
            value.drawOn(canvas, margin + label_width, y - h)
            y -= h + 1.5
        canvas.line(margin, y - 1.5 * mm, width - margin, y - 1.5 * mm)
        y -= 4 * mm
        thanks.drawOn(canvas, margin, y - thanks_height)
        canvas.showPage()
        canvas.save()
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise StorageError(f"Could not write the receipt to {target}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def receipt_for_sale(sale, bill_no: str, clients, loyalty, settings, clock) -> Receipt:
    """The receipt of a sale just recorded (`sale` is the counter service's SaleResult), in the
    client's language, with the balance, expiring points and stamps as they stand now."""
    client = clients.get(sale.client_id)
    summary = loyalty.summary(sale.client_id)
    return Receipt(
        shop_name=settings.get("shop_name") or "", shop_phone=settings.get("shop_phone") or "",
        when=clock.now(), bill_no=bill_no, client_name=client.name,
        amount_paise=sale.amount_paise, redeemed_points=sale.redeemed_points, redeemed_paise=sale.redeemed_paise,
        net_paise=sale.net_paise, points_earned=sale.points_earned + sale.bonus_points, balance=sale.balance,
        expiring_soon=summary.expiring_soon, expiring_by=summary.next_expiry_on if summary.expiring_soon else None,
        stamps=sale.stamps, stamps_needed=sale.stamps_needed, rewards_due=sale.rewards_due,
        reward_text=summary.reward_text, language=client.language if client.language in ("hi", "en") else "en",
        branch=sale.branch, counter=sale.counter)
