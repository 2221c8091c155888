"""Commands: cards (print loyalty cards to PDF), sale (a counter sale with points)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clientdesk.cli import emit_json, fail, id_list, name_of, record_id, whole_number
from clientdesk.commands.phones import client_for, shared_number
from clientdesk.errors import ClientDeskError, ConfirmationNeeded
from clientdesk.clients.service import SharedPhoneError
from clientdesk.counter.receipt import PAPERS, receipt_for_sale, receipt_message, write_receipt_pdf
from clientdesk.money import format_inr, rupees_to_paise
from clientdesk.outfiles import check_target


def register(sub) -> None:
    p = sub.add_parser("cards", help="print loyalty cards (10 per A4 sheet) into a PDF")
    p.add_argument("out", metavar="OUT.pdf")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--clients", help="comma-separated client ids (default: every card not printed yet)")
    who.add_argument("--all", action="store_true", help="every client who is not archived")
    p.add_argument("--no-back", action="store_true", help="fronts only, no back pages")
    p.set_defaults(run=run_cards)

    p = sub.add_parser("sale", help="record a counter sale with loyalty points")
    client = p.add_mutually_exclusive_group()
    client.add_argument("--phone")
    client.add_argument("--card")
    p.add_argument("--client", type=record_id, metavar="ID",
                   help="the client's id: alone, or to pick one of the people who share --phone")
    p.add_argument("--amount", required=True, help="bill amount in rupees")
    p.add_argument("--redeem", type=whole_number(0, 10**12, "a number of points"), default=0, metavar="POINTS",
                   help="points to redeem on this bill")
    p.add_argument("--bill-no", default="", type=_bill_no)
    p.add_argument("--confirm", action="store_true",
                   help="go ahead even if the card has had many loyalty transactions today")
    p.add_argument("--receipt", type=Path, metavar="OUT.pdf",
                   help="also write the receipt slip (in the client's language) to this PDF")
    p.add_argument("--paper", choices=sorted(PAPERS), default="80mm", help="receipt paper (default 80mm thermal)")
    p.add_argument("--branch", dest="origin_branch", type=name_of("branch"), metavar="NAME",
                   help="the branch this bill is rung up at (default: this PC's, from Settings)")
    p.add_argument("--counter", dest="origin_counter", type=name_of("counter"), metavar="NAME",
                   help="the counter this bill is rung up at (default: this PC's, from Settings)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_sale)


def _bill_no(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > 50:
        raise argparse.ArgumentTypeError("a bill number has at most 50 characters")
    return text


def run_cards(desk, args) -> int:
    if args.clients is not None:
        ids = id_list(args.clients)
    elif args.all:
        ids = desk.cards.everyone_for_cards()
    else:
        ids = None
    result = desk.cards.write_cards(args.out, ids, back=not args.no_back)
    print(f"{result['cards']} cards on {result['pages']} pages: {args.out}")
    return 0


def run_sale(desk, args) -> int:
    amount = rupees_to_paise(args.amount)
    if args.card and args.client is not None:
        return fail("give --card or --client, not both")
    if args.card:
        client_id = desk.cards.client_for_card(args.card)
    elif args.phone is None and args.client is None:
        return fail("one of the arguments --phone --card --client is required")
    else:
        try:
            client_id = client_for(desk, args.phone, args.client)
        except SharedPhoneError as exc:  # a household's number: which of them? nothing is recorded
            return shared_number(exc)
    if args.receipt is not None:
        check_target(args.receipt)  # a receipt that cannot be written fails before the sale is recorded
    try:
        result = desk.counter.record_sale(client_id, amount, redeem_points=args.redeem, bill_no=args.bill_no,
                                          confirm=args.confirm, card=args.card or "")
    except ConfirmationNeeded as exc:
        return fail(f"{exc}; nothing was recorded. Add --confirm to record it anyway.")
    receipt = receipt_for_sale(result, args.bill_no, desk.clients, desk.loyalty, desk.settings, desk.clock)
    receipt_problem = None
    if args.receipt is not None:
        try:
            write_receipt_pdf(receipt, args.receipt, args.paper)
        except ClientDeskError as exc:  # the sale is recorded: say so, exit 1
            receipt_problem = exc
    if args.json:
        emit_json({**result.to_json(), "receipt_text": receipt_message(receipt),
                   "receipt": str(args.receipt) if args.receipt is not None and receipt_problem is None else None})
    else:
        sys.stdout.write(
            f"Bill {format_inr(result.amount_paise)}; collect {format_inr(result.net_paise)}; "
            f"points earned {result.points_earned}; balance {result.balance}; "
            f"stamps {result.stamps}/{result.stamps_needed}; rewards due {result.rewards_due}\n")
    if receipt_problem is not None:
        sys.stderr.write(f"error: the sale was recorded, but the receipt was not written: {receipt_problem}\n")
        return 1
    return 0
