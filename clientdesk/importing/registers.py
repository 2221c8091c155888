"""Sales-register import: bill lines (bill no., date, customer mobile and/or name, item,
category, qty, amount) become purchases with line items, attached to clients by phone; new
phones become new clients. Bill no. + date + client is the key, so a second import of the
same register adds nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from clientdesk.errors import FileFormatError, ValidationError
from clientdesk.importing import cleaning
from clientdesk.importing.bulk import bulk_insert, next_id
from clientdesk.importing.households import same_person
from clientdesk.importing.importer import ClientImporter, ImportResult, _tally
from clientdesk.importing.planning import (
    CHUNK, ClientValues, RowIssue, RowOutcome, _New, _RowPlan, field_text, row_fields,
)
from clientdesk.importing.mapping import SourceTable
from clientdesk.importing.models import ImportBatch, record_created
from clientdesk.importing.readers import cell_text, is_blank
from clientdesk.models import Client, Purchase, PurchaseLine
from clientdesk.progress import NO_PROGRESS, Progress
from clientdesk.validate import format_phone

log = logging.getLogger(__name__)
PROGRESS_EVERY = 2000  # rows planned between progress reports


@dataclass(eq=False)
class _Bill:
    bill_no: str
    date: object
    client: object  # an existing client id or a _New
    lines: list[tuple[str, str, Decimal, int]] = field(default_factory=list)
    rows: list[_RowPlan] = field(default_factory=list)
    id: int | None = None


class RegisterImporter:
    """Plans and writes a sales register; shares client creation with the client importer."""

    def __init__(self, db, clients, clock, client_importer: ClientImporter):
        self.db = db
        self.clients = clients
        self.clock = clock
        self.client_importer = client_importer

    @staticmethod
    def check_mapping(mapping: list[str | None]) -> None:
        mapped = {m for m in mapping if m}
        ClientImporter.check_mapping(mapping, "purchases")
        if "date" not in mapped:
            raise FileFormatError("No column was recognised as the bill date; choose it by hand")
        if not {"amount", "rate"} & mapped:
            raise FileFormatError("No column was recognised as the amount; choose it by hand")

    def _clean(self, row_no: int, values: dict[str, list]):
        today = self.clock.today()
        date = cleaning.clean_date(values.get("date", [None])[0], today)
        if date > today:
            raise ValidationError("date", "future", "The bill date is in the future")
        qty = cleaning.clean_qty(values.get("qty", [None])[0])
        amount = cleaning.clean_amount(values.get("amount", [None])[0])
        if amount is None:
            rate = cleaning.clean_amount(values.get("rate", [None])[0], "rate")
            if rate is None:
                raise ValidationError("amount", "empty", "The amount is missing")
            amount = int((Decimal(rate) * qty).to_integral_value())
            if amount > cleaning.MAX_RUPEES * 100:
                raise ValidationError("amount", "too_large", f"Rate × quantity is more than ₹{cleaning.MAX_RUPEES:,} "
                                                             f"for one line")
        phones: list[str] = []
        issues: list[RowIssue] = []
        for cell in values.get("phone", []):
            try:
                phones.extend(n for n in cleaning.clean_phones(cell) if n not in phones)
            except ValidationError as exc:
                issues.append(RowIssue(row_no, "phone", exc.reason, exc.message))
        bill_no = cell_text(values.get("bill_no", [None])[0])
        return (bill_no, date, phones, field_text(values, "name"), field_text(values, "item"),
                field_text(values, "category"), qty, amount, issues)

    def plan(self, source: SourceTable, mapping: list[str | None], limit: int | None = None,
             progress: Progress = NO_PROGRESS) -> tuple[list[_RowPlan], list[_Bill], list[_New]]:
        """Decide every row; returns the row plans, the new bills and the new clients."""
        self.check_mapping(mapping)
        rows = source.data_rows if limit is None else source.data_rows[:limit]
        phone_owner, _ = self.client_importer.planner.owners()
        households = self.client_importer.planner.households()  # a shared number: the bill's name picks the person
        by_name: dict[str, list[int]] = {}
        names: dict[int, str] = {}
        for cid, name in Client.select(Client.id, Client.name).where(Client.erased == False).tuples():  # noqa: E712
            by_name.setdefault(name.casefold(), []).append(cid)
            names[cid] = name
        new_by_name: dict[str, _New] = {}
        news: list[_New] = []
        bills: dict[tuple, _Bill] = {}
        plans: list[_RowPlan] = []
        for index, cells in enumerate(rows):
            if index % PROGRESS_EVERY == 0:
                progress.update(index, len(rows), "")
            row_no = source.sheet_row_number(index)
            if is_blank(cells):
                plans.append(_RowPlan(RowOutcome(row_no, "blank"), cells))
                continue
            values = row_fields(cells, mapping)
            first = next((c for c in cells if not is_blank([c])), None)
            if not values.get("phone") and cleaning.is_total_label(first):
                plans.append(_RowPlan(RowOutcome(row_no, "total", cell_text(first)), cells))
                continue
            plan = _RowPlan(RowOutcome(row_no, "new"), cells)
            plans.append(plan)
            try:
                bill_no, date, phones, name, item, category, qty, amount, issues = self._clean(row_no, values)
            except ValidationError as exc:
                plan.outcome.status = "error"
                plan.outcome.issues.append(RowIssue(row_no, exc.field, exc.reason, exc.message))
                continue
            plan.outcome.issues.extend(issues)
            plan.outcome.name, plan.outcome.phone = name, phones[0] if phones else ""
            shared = next((n for n in phones if n in households), None)
            if shared is not None:  # never pick one of a household silently
                alike = [cid for cid in households[shared] if name and same_person(names.get(cid, ""), name)]
                if len(alike) != 1:
                    plan.outcome.status = "error"
                    plan.outcome.issues.append(RowIssue(
                        row_no, "phone", "shared", f"{shared} is shared by {len(households[shared])} clients "
                        f"({', '.join(names.get(cid, '') for cid in households[shared])}); give the customer's name"))
                    continue
                phone_owner[shared] = alike[0]
            client = next((phone_owner[n] for n in phones if n in phone_owner), None)
            if client is None and not phones and name:
                matches = by_name.get(name.casefold(), [])
                client = matches[0] if len(matches) == 1 else new_by_name.get(name.casefold())
            if client is None:
                if not phones and not name:
                    plan.outcome.status = "error"
                    plan.outcome.issues.append(RowIssue(row_no, "name", "empty", "No customer phone or name"))
                    continue
                data = ClientValues(name=name or format_phone(phones[0]),
                                    phones=list(phones))
                client = _New(data, row_no)
                news.append(client)
                if not phones:
                    new_by_name[name.casefold()] = client
            for number in phones:
                phone_owner.setdefault(number, client)
            plan.outcome.client_id = client if isinstance(client, int) else None
            key = (bill_no, date, client if isinstance(client, int) else id(client))
            bill = bills.get(key)
            if bill is None:
                bill = bills[key] = _Bill(bill_no, date, client)
            bill.lines.append((item, category, qty, amount))
            bill.rows.append(plan)
        for index, found in source.data_problems().items():  # what the file reader repaired or could not read
            if index < len(plans):
                plans[index].outcome.issues += [RowIssue(*problem) for problem in found]
        existing = self._existing_keys({b.date for b in bills.values()})
        fresh = []
        for key, bill in bills.items():
            if isinstance(bill.client, int) and (bill.bill_no, bill.date, bill.client) in existing:
                for plan in bill.rows:
                    plan.outcome.status = "same"
            else:
                fresh.append(bill)
        return plans, fresh, news

    @staticmethod
    def _existing_keys(dates: set) -> set[tuple]:
        keys: set[tuple] = set()
        dates = sorted(dates)
        for start in range(0, len(dates), CHUNK):
            query = (Purchase.select(Purchase.bill_no, Purchase.date, Purchase.client)
                     .where(Purchase.date.in_(dates[start:start + CHUNK])).tuples())
            keys.update(query)
        return keys

    def preview(self, source: SourceTable, mapping: list[str | None], limit: int = 200) -> list[RowOutcome]:
        plans, _, _ = self.plan(source, mapping, limit=limit)
        return [p.outcome for p in plans]

    def run(self, source: SourceTable, mapping: list[str | None], progress: Progress = NO_PROGRESS) -> ImportResult:
        """Import the register in one transaction; bills already in the desk are skipped."""
        result = ImportResult("purchases", source.raw.path.name, headers=list(source.headers))
        with self.db.atomic():
            plans, bills, news = self.plan(source, mapping, progress=progress)
            batch_id = None
            if bills:  # a register already imported leaves nothing to undo
                batch_id = ImportBatch.create(kind="purchases", file_name=source.raw.path.name,
                                              created_at=self.clock.now(), created=len(bills), updated=0).id
            total = len(bills) + len(news)
            self.client_importer.insert_new(news, batch_id)
            progress.update(len(news), total, "")
            now = self.clock.now()
            first = next_id(Purchase)
            for offset, bill in enumerate(bills):
                bill.id = first + offset
            bulk_insert(self.db, Purchase, [Purchase.id, Purchase.client, Purchase.date, Purchase.bill_no,
                                            Purchase.amount_paise, Purchase.note, Purchase.created_at],
                        ((b.id, b.client if isinstance(b.client, int) else b.client.id, b.date, b.bill_no,
                          sum(line[3] for line in b.lines), "", now) for b in bills))
            bulk_insert(self.db, PurchaseLine, [PurchaseLine.purchase, PurchaseLine.product, PurchaseLine.category,
                                                PurchaseLine.qty, PurchaseLine.amount_paise],
                        ((b.id, *line) for b in bills for line in b.lines))
            record_created(batch_id, "purchase_created", first, len(bills))
            progress.update(total, total, "")
            touched = sorted({b.client if isinstance(b.client, int) else b.client.id for b in bills})
            self.clients.refresh_stats(touched)
        result.batch_id = batch_id
        result.client_ids = [n.id for n in news]
        _tally(result, plans)
        result.created, result.updated = len(bills), 0
        result.new_clients = len(news)
        log.info("Imported register %s: %s bills, %s new clients", source.raw.path.name, len(bills), len(news))
        return result
