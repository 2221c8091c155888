"""Commands: demo, add, show, search."""

from __future__ import annotations

import dataclasses
import sys
import time

from clientdesk.cli import emit_json, fail, record_id, search_text, whole_number
from clientdesk.errors import DuplicateError
from clientdesk.clients.fields import ClientData, PhoneEntry


def register(sub) -> None:
    p = sub.add_parser("demo", help="fill the database with realistic Indian demo data")
    p.add_argument("--clients", type=whole_number(1, 1_000_000, "a number of clients"), default=1000)
    p.add_argument("--seed", type=whole_number(0), default=1)
    p.add_argument("--force", action="store_true", help="add demo clients to a desk that has the shop's own clients")
    p.set_defaults(run=run_demo, creates_db=True)

    p = sub.add_parser("add", help="add one client; prints the new id")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True)
    p.add_argument("--email", default="")
    p.add_argument("--father-name", default="")
    p.add_argument("--city", default="")
    p.add_argument("--family-of", type=record_id, metavar="ID",
                   help="share the phone number of client ID (a family: each keeps their own points)")
    p.set_defaults(run=run_add, creates_db=True)

    p = sub.add_parser("show", help="every field of one client")
    p.add_argument("id", type=record_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_show)

    p = sub.add_parser("search", help="find clients by name (either script), phone, email, business or GSTIN")
    p.add_argument("text", type=search_text)
    p.add_argument("--limit", type=whole_number(1, 10_000, "a limit"), default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_search)


def run_demo(desk, args) -> int:
    from clientdesk.demo import generate, shop_clients

    own = shop_clients(desk)
    if own and not args.force:
        return fail(f"this desk has the shop's own clients ({own} not made by demo): put demo data in a new desk "
                    "with --db NEW_FILE, or add --force to mix it in")
    started = time.perf_counter()
    summary = generate(desk, args.clients, seed=args.seed,
                       progress=lambda done, total: sys.stderr.write(f"\r{done}/{total} clients") and None)
    sys.stderr.write("\n")
    print(f"{summary['clients']} clients, {summary['purchases']} bills, {summary['lines']} purchase lines, "
          f"{summary['interactions']} interactions in {time.perf_counter() - started:.1f} s")
    return 0


def run_add(desk, args) -> int:
    if not args.phone.strip():
        return fail("--phone is empty; give the client's phone number")
    data = ClientData(name=args.name, phones=[PhoneEntry(args.phone, is_primary=True)], email=args.email,
                      father_name=args.father_name, postal_city=args.city)
    try:
        client_id = desk.clients.create(data, family_of=args.family_of)
    except DuplicateError as exc:
        if exc.field != "phone":
            raise
        return fail(f"{exc}; to add a family member who shares this number, add --family-of {exc.other_id}")
    print(client_id)
    return 0


def client_json(data: ClientData) -> dict:
    """Every field of a client as JSON-ready values."""
    value = dataclasses.asdict(data)
    value["phones"] = [p.number for p in data.phones]
    value["phone_details"] = [dataclasses.asdict(p) for p in data.phones]
    value["consents"] = {k: dataclasses.asdict(v) for k, v in data.consents.items()}
    return value


def run_show(desk, args) -> int:
    data = desk.clients.get(args.id)
    if args.json:
        emit_json(client_json(data))
    else:
        for key, value in client_json(data).items():
            print(f"{key}: {value}")
    return 0


def print_clients(desk, rows, as_json: bool) -> int:
    """Print list rows as a JSON array (id, name, father_name, phones, email, city, status,
    total_spent_paise) or as one tab-separated line each."""
    phones = desk.clients.phones_of([r.id for r in rows])
    result = [{"id": r.id, "name": r.name, "father_name": r.father_name, "phones": phones.get(r.id, []),
               "email": r.email, "city": r.city, "status": r.status, "total_spent_paise": r.total_spent_paise}
              for r in rows]
    if as_json:
        emit_json(result)
    else:
        for r in result:
            print(f"{r['id']}\t{r['name']}\t{', '.join(r['phones'])}\t{r['city']}")
    return 0


def run_search(desk, args) -> int:
    return print_clients(desk, desk.clients.search(args.text, limit=args.limit), args.json)
