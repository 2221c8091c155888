"""Delivering a composition on its channel and recording what went out (for the UI and the CLI).

Flagged drafts (an unknown or empty field) are refused unless `allow_flagged` is given: the
person at the counter has seen the flag and decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from clientdesk.errors import ValidationError
from clientdesk.greetings import cards, mailer, whatsapp
from clientdesk.greetings.service import Composition, Draft, GreetingService, LeftOut, Recorded
from clientdesk.progress import NO_PROGRESS, Progress


@dataclass(frozen=True)
class Delivery:
    greeted: tuple[int, ...]
    left_out: tuple[LeftOut, ...]
    failed: tuple[mailer.SendResult, ...] = ()
    path: Path | None = None


def split_flagged(drafts: Sequence[Draft], allow_flagged: bool) -> tuple[list[Draft], list[LeftOut]]:
    """Drafts that may go, and the flagged ones left out (reason "empty_field:<name>" / "unknown_field:<name>")."""
    ok, out = [], []
    for d in drafts:
        if d.flagged and not allow_flagged:
            reason = f"unknown_field:{d.unknown[0]}" if d.unknown else f"empty_field:{d.empty[0]}"
            out.append(LeftOut(d.client_id, d.name, reason))
        else:
            ok.append(d)
    return ok, out


def card_of(comp: Composition, draft: Draft) -> cards.Card:
    """What the card of one draft shows."""
    return cards.Card(title=draft.values.get("occasion") or comp.occasion.name(draft.language),
                      to_name=f"{draft.values.get('honorific', '')} {draft.values.get('name') or draft.name}".strip(),
                      to_line=draft.values.get("father_line", ""), message=draft.text, kind=comp.occasion.kind)


def shop_of(service: GreetingService) -> cards.Shop:
    """The shop's name, phone and logo from Settings."""
    s = service.settings
    return cards.Shop(s.get("shop_name") or "", s.get("shop_phone") or "", s.get("shop_logo", "") or "")


def _finish(service: GreetingService, comp: Composition, drafts: list[Draft], out: list[LeftOut],
            **extra) -> Delivery:
    recorded: Recorded = service.record(comp, drafts) if drafts else Recorded((), ())
    return Delivery(recorded.logged, tuple(comp.left_out) + tuple(out) + recorded.left_out, **extra)


def print_cards(service: GreetingService, comp: Composition, path: Path | str, layout: str = "a6",
                drafts: Sequence[Draft] | None = None, allow_flagged: bool = False,
                progress: Progress = NO_PROGRESS) -> Delivery:
    """Write the cards PDF and log each card as a greeting."""
    ok, out = split_flagged(comp.drafts if drafts is None else drafts, allow_flagged)
    if ok:
        cards.write_cards(path, [card_of(comp, d) for d in ok], shop_of(service), layout, progress)
    return _finish(service, comp, ok, out, path=Path(path) if ok else None)


def links(comp: Composition, drafts: Sequence[Draft] | None = None) -> list[tuple[Draft, str]]:
    """Each draft with its wa.me link."""
    return [(d, whatsapp.link(d.address, d.text)) for d in (comp.drafts if drafts is None else drafts)]


def whatsapp_csv(service: GreetingService, comp: Composition, path: Path | str, allow_flagged: bool = False) -> Delivery:
    """Write name, phone and link per recipient (for the command line) and log them as greeted."""
    if comp.channel != "whatsapp":
        raise ValidationError("channel", "invalid", "This composition is not for WhatsApp")
    ok, out = split_flagged(comp.drafts, allow_flagged)
    whatsapp.write_csv(path, [(d.client_id, d.name, d.address, link) for d, link in links(comp, ok)])
    return _finish(service, comp, ok, out, path=Path(path))


def send_email(service: GreetingService, comp: Composition, smtp: mailer.SmtpSettings, password: str | None,
               drafts: Sequence[Draft] | None = None, allow_flagged: bool = False,
               progress: Progress = NO_PROGRESS) -> Delivery:
    """Send by email; the sent are logged, each failure comes back in `failed` to retry."""
    if comp.channel != "email":
        raise ValidationError("channel", "invalid", "This composition is not for email")
    ok, out = split_flagged(comp.drafts if drafts is None else drafts, allow_flagged)
    items = [mailer.Outgoing(d.client_id, d.address, d.subject, d.text) for d in ok]
    results = mailer.send(smtp, password, items, progress) if items else []
    sent = {r.client_id for r in results if r.ok}
    return _finish(service, comp, [d for d in ok if d.client_id in sent], out,
                   failed=tuple(r for r in results if not r.ok))
