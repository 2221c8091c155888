"""Commands: occasions (what is coming up and for whom), greet (cards PDF, WhatsApp links CSV, email)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from clientdesk.cli import atomic_output, emit_json, fail, id_list, record_id, whole_number
from clientdesk.commands.settings import missing_shop_fields_message
from clientdesk.errors import ValidationError
from clientdesk.greetings import deliver, mailer
from clientdesk.greetings.cards import LAYOUTS
from clientdesk.greetings.occasions import personal_between
from clientdesk.greetings.service import ShopFieldsMissing
from clientdesk.outfiles import check_target

CHANNELS = {"pdf": "print", "whatsapp": "whatsapp", "email": "email"}


# Dates greet takes: the festival dates of the `holidays` package run from 2001 to 2035, and a
# festival is looked up to two years after --date.
FIRST_YEAR, LAST_YEAR = 2001, 2033


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a date (YYYY-MM-DD)") from exc
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"{text} is out of range (years {FIRST_YEAR} to {LAST_YEAR})")
    return day


def register(sub) -> None:
    p = sub.add_parser("occasions", help="upcoming occasions with their dates and the clients concerned")
    p.add_argument("--days", type=whole_number(1, 366, "a number of days (1 to 366)"), default=7,
                   help="how many days from today (default 7)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_occasions)

    p = sub.add_parser("greet", help="greet the clients of one occasion (consent and frequency cap apply)")
    p.add_argument("--occasion", required=True,
                   help="birthday, anniversary, founded, first-purchase, custom, or a festival (diwali, होली ...)")
    p.add_argument("--date", type=_date, help="the day of the occasion (default today; festivals: the next one)")
    p.add_argument("--channel", required=True, choices=sorted(CHANNELS))
    p.add_argument("--out", type=Path, help="the PDF (pdf) or CSV (whatsapp) to write")
    p.add_argument("--layout", choices=LAYOUTS, default="a6", help="card layout: a6 postcard or a5 folded")
    p.add_argument("--template", type=record_id, help="template id (default: the one for the occasion)")
    p.add_argument("--clients", help="only these client ids, comma-separated")
    p.add_argument("--allow-flagged", action="store_true", help="send messages with an empty merge field too")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_greet)


def _names(desk, ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        names.update(desk.clients.names(ids[start:start + 900]))
    return names


def run_occasions(desk, args) -> int:
    if args.days < 1 or args.days > 366:
        raise ValidationError("days", "range", "--days must be from 1 to 366")
    service = desk.greetings
    upcoming = service.coming_up(days=args.days)
    result = []
    for item in upcoming.items:
        if item.occasion.kind == "festival":
            ids = service.celebrations.client_ids(item.occasion.key)
            years = {}
        else:
            ids = list(item.client_ids)
            years = {h.client_id: h.years for h in personal_between(item.date, item.date, [item.occasion.kind], ids)}
        names = _names(desk, ids)
        result.append({"date": item.date.isoformat(), "kind": item.occasion.kind, "key": item.occasion.key,
                       "name_en": item.occasion.name_en, "name_hi": item.occasion.name_hi, "count": len(ids),
                       "clients": [{"id": i, "name": names.get(i, ""), **({"years": years[i]} if years.get(i) else {})}
                                   for i in ids]})
    if args.json:
        emit_json({"from": upcoming.today.isoformat(),
                   "to": (upcoming.today + dt.timedelta(days=args.days - 1)).isoformat(), "occasions": result})
        return 0
    for entry in result:
        who = ", ".join(c["name"] for c in entry["clients"][:5]) + (" …" if entry["count"] > 5 else "")
        print(f"{entry['date']}  {entry['name_en']} / {entry['name_hi']}  ({entry['count']})  {who}")
    if not result:
        print("Nothing in the coming days.")
    return 0


def run_greet(desk, args) -> int:
    service = desk.greetings
    channel = CHANNELS[args.channel]
    occasion, on = service.resolve(args.occasion, args.date)
    if args.clients is not None:
        ids = id_list(args.clients)
    else:
        ids = service.recipients(occasion, on)
    if occasion.kind == "any" and not ids:
        raise ValidationError("clients", "empty", "A message for no occasion needs --clients")
    if channel in ("print", "whatsapp"):
        if args.out is None:
            raise ValidationError("out", "empty", f"--out FILE is needed for --channel {args.channel}")
        check_target(args.out)  # a file that cannot be written fails before anything is recorded
    try:  # the shop's name / phone unset: say so once, not every client "left out"
        if not args.allow_flagged:
            service.check_shop_fields(occasion, args.template)
    except ShopFieldsMissing as exc:
        return fail(missing_shop_fields_message(exc.fields, args))
    comp = service.compose(occasion, on, ids, channel, args.template)
    if channel == "print" and not comp.drafts:
        delivery = deliver.Delivery((), tuple(comp.left_out))
    elif channel in ("print", "whatsapp"):
        with atomic_output(args.out) as temporary:  # the file appears whole, or not at all
            if channel == "print":
                delivery = deliver.print_cards(service, comp, temporary, args.layout, allow_flagged=args.allow_flagged)
            else:
                delivery = deliver.whatsapp_csv(service, comp, temporary, allow_flagged=args.allow_flagged)
            if delivery.path is None:
                temporary.unlink(missing_ok=True)  # nobody to print for: no empty file
    else:
        smtp = mailer.SmtpSettings.from_settings(desk.settings)
        smtp.check()
        password = mailer.stored_password(smtp)
        if smtp.user and not password:
            raise ValidationError("smtp_password", "empty",
                                  f"No SMTP password: save it in Settings (keyring) or set {mailer.PASSWORD_ENV}")
        delivery = deliver.send_email(service, comp, smtp, password, allow_flagged=args.allow_flagged)
    left_out = [{"id": o.client_id, "reason": o.reason} for o in delivery.left_out]
    left_out += [{"id": f.client_id, "reason": f"send_failed: {f.error}"} for f in delivery.failed]
    if args.json:
        emit_json({"greeted": list(delivery.greeted), "left_out": left_out})
    else:
        print(f"{occasion.name_en} ({on.isoformat()}): {len(delivery.greeted)} greeted, {len(left_out)} left out"
              + (f"; written to {args.out}" if delivery.path else ""))
        for entry in left_out:
            sys.stdout.write(f"  #{entry['id']}: {entry['reason']}\n")
    return 0
