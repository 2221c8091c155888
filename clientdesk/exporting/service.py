"""ExportService: clients (all, a search/filter result or a selection), purchases and
interactions to .xlsx, clients to vCard. Headers in the language code the caller gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterator, Sequence

from clientdesk.branches import bill_branches
from clientdesk.codes import STATUSES
from clientdesk.dialect import sql_for
from clientdesk.errors import ValidationError
from clientdesk.exporting.headers import (
    CLIENT_COLUMNS, INTERACTION_COLUMNS, LANGUAGES, PURCHASE_COLUMNS, header_names, value_word,
)
from clientdesk.lazy import lazy_import
from clientdesk.models import Client, Interaction, Purchase, PurchaseLine
from clientdesk.progress import NO_PROGRESS, Progress
from clientdesk.clients.listing import ClientFilter
from clientdesk.clients.service import ClientService
from clientdesk.validate import format_phone

xlsx = lazy_import("clientdesk.exporting.xlsx")  # the Excel writer loads on the first export
vcard = lazy_import("clientdesk.exporting.vcard")

CHUNK = 500
EXPORT_CHUNK = 5000
_CLIENT_KINDS = {"birthday": "date", "anniversary": "date", "total_spent": "money", "last_visit": "date"}
_PURCHASE_KINDS = {"date": "date", "qty": "number", "amount": "money"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def phone_text(e164: str) -> str:
    """An Indian mobile as "98765 43210", anything else in international format."""
    if e164.startswith("+91") and len(e164) == 13:
        return f"{e164[3:8]} {e164[8:]}"
    return format_phone(e164)


def partial_date_value(day, month, year):
    """A real date when the year is known, else "17 Aug" (which imports back)."""
    if day is None or month is None:
        return None
    if year:
        return dt.date(year, month, day)
    return f"{day} {_MONTHS[month - 1]}"


def _stored_date(value) -> dt.date | None:
    """A date as the SQL returns it, as a date: ISO text (a date or date-time) from SQLite, a
    date from a server."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value[:10])


def id_set(ids: Sequence[int]):
    """An SQL set of any number of ids, passed as one parameter (no variable limit; the engine's
    id set: a JSON text on SQLite, an array on a server)."""
    sql = sql_for(Client._meta.database)
    return sql.node(*sql.id_set(ids))


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValidationError("language", "invalid", f"language is one of {', '.join(LANGUAGES)}")


class ExportService:
    """Writes export files; every method returns the number of records written."""

    def __init__(self, db, clients, clock):
        self.db = db
        self.clients = clients
        self.clock = clock

    def client_ids(self, flt: ClientFilter | None = None, ids: Sequence[int] | None = None,
                   branch: str | None = None) -> list[int]:
        """The clients to export, by name: an explicit selection, else the filter's result (all by
        default); with a `branch`, only those with a bill there ("" : a bill naming no branch)."""
        if ids is not None:
            chosen = [cid for (cid,) in Client.select(Client.id).where(Client.id.in_(id_set(ids)))
                      .order_by(Client.name, Client.id).tuples()]
        else:
            chosen = self.clients.ids(flt or ClientFilter(), "name", offset=0, limit=-1)
        if branch is None:
            return chosen
        there = self._branch_client_ids(branch)
        return [cid for cid in chosen if cid in there]

    def branches(self) -> list[str]:
        """The branches the bills name, for the export's choice ("" for bills without one)."""
        return bill_branches(self.db)

    @staticmethod
    def _branch_client_ids(branch: str) -> set[int]:
        return {cid for (cid,) in Purchase.select(Purchase.client).where(Purchase.branch == branch).distinct().tuples()}

    _RECORD_COLUMNS = ("id", "name", "father_name", "email", "business_name", "gstin", "postal_line", "postal_city",
                       "postal_state", "postal_pin", "birth_day", "birth_month", "birth_year", "anniversary_day",
                       "anniversary_month", "anniversary_year", "first_purchase_on", "last_purchase_on",
                       "total_spent_paise", "last_visit_on", "notes", "tags_text", "primary_phone")
    # Two statements a chunk: the clients in the order of the ids, and their other phones (a
    # correlated subquery for those cost more than the whole client query).
    _RECORD_SQL = ("SELECT " + ", ".join(f"c.{name}" for name in _RECORD_COLUMNS)
                   + " FROM {ids} JOIN client c ON c.id = j.value ORDER BY j.key")
    _OTHER_PHONES_SQL = ("SELECT client_id, number FROM phone WHERE NOT is_primary "
                         "AND client_id IN {ids} ORDER BY client_id, id")

    def _record_tuples(self, ids: list[int]) -> Iterator[tuple]:
        """The `_RECORD_COLUMNS` of each client, in the order of `ids`, then the other phones
        (oldest first, or None). Plain SQL in chunks of 5,000: an export reads every row."""
        sql = sql_for(self.db)
        for start in range(0, len(ids), EXPORT_CHUNK):
            chunk = ids[start:start + EXPORT_CHUNK]
            ordered, params = sql.ordered_ids(chunk, "j")
            rows = self.db.execute_sql(self._RECORD_SQL.format(ids=ordered), params).fetchall()
            others: dict[int, list[str]] = {}
            id_set_sql, params = sql.id_set(chunk)
            for cid, number in self.db.execute_sql(self._OTHER_PHONES_SQL.format(ids=id_set_sql), params):
                others.setdefault(cid, []).append(number)
            for row in rows:
                extra = others.get(row[0])
                yield (*row, [n for n in extra if n != row[-1]] if extra else None)

    def client_records(self, ids: list[int]) -> Iterator[dict]:
        """Each client's exported fields, in the order of `ids`, with `phones` (primary first),
        `tags`, `status` and dates as dates."""
        cutoff = self.clients.lapse_cutoff()
        for row in self._record_tuples(ids):
            record = dict(zip(self._RECORD_COLUMNS, row))
            primary = record.pop("primary_phone")
            record["phones"] = ([primary] if primary else []) + (row[-1] or [])
            record["tags"] = [t for t in record.pop("tags_text").split(", ") if t]
            for name in ("first_purchase_on", "last_purchase_on", "last_visit_on"):
                record[name] = _stored_date(record[name])
            record["status"] = ClientService.status_at(record["first_purchase_on"], record["last_purchase_on"], cutoff)
            yield record

    def client_sheet_rows(self, ids: list[int], language: str = "en") -> Iterator[list]:
        """The rows of the client sheet (CLIENT_COLUMNS), straight from the SQL tuples."""
        cutoff = self.clients.lapse_cutoff()
        words = {s: value_word(s, language) for s in STATUSES}
        for (_cid, name, father, email, business, gstin, line, city, state, pin, bday, bmonth, byear, aday, amonth,
             ayear, first, last, spent, visit, notes, tags, primary, others) in self._record_tuples(ids):
            if others:
                phones = [phone_text(n) for n in ([primary] if primary else []) + others]
                phone, other = phones[0], " / ".join(phones[1:])
            else:
                phone, other = phone_text(primary) if primary else None, ""
            yield [name, father, phone, other, email, business, gstin, line, city, state, pin,
                   partial_date_value(bday, bmonth, byear), partial_date_value(aday, amonth, ayear),
                   words[ClientService.status_at(_stored_date(first), _stored_date(last), cutoff)],
                   ", ".join(filter(None, tags.split(", "))), spent, _stored_date(visit), notes]

    def export_clients(self, path: Path | str, language: str = "en", flt: ClientFilter | None = None,
                       ids: Sequence[int] | None = None, progress: Progress = NO_PROGRESS,
                       branch: str | None = None) -> int:
        """Clients to .xlsx: the primary phone in Phone, the rest in Other phones (with a `branch`:
        the clients with a bill there)."""
        _check_language(language)
        chosen = self.client_ids(flt, ids, branch)
        columns = [xlsx.Column(h, _CLIENT_KINDS.get(c, "text"))
                   for c, h in zip(CLIENT_COLUMNS, header_names(CLIENT_COLUMNS, language))]
        rows = self.client_sheet_rows(chosen, language)
        return xlsx.write_xlsx(path, "Clients", columns, rows, len(chosen), progress)

    def export_vcard(self, path: Path | str, flt: ClientFilter | None = None, ids: Sequence[int] | None = None,
                     progress: Progress = NO_PROGRESS, branch: str | None = None) -> int:
        """Clients as vCard 3.0 for a phone's contacts (with a `branch`: the clients with a bill there)."""
        chosen = self.client_ids(flt, ids, branch)

        def records():
            for index, record in enumerate(self.client_records(chosen)):
                if index % 5000 == 0:
                    progress.update(index, len(chosen), "")
                yield record

        return vcard.write_vcards(path, records())

    def _client_scope(self, flt: ClientFilter | None):
        if flt is None or (not flt.text.strip() and flt.ids is None and not flt.status and not flt.tag):
            return None
        return self.client_ids(flt)

    def export_purchases(self, path: Path | str, language: str = "en", flt: ClientFilter | None = None,
                         progress: Progress = NO_PROGRESS, branch: str | None = None) -> int:
        """One row per bill line (a bill without lines is one row), with its branch and counter;
        imports back as a sales register. With a `branch`: only the bills of that branch."""
        _check_language(language)
        scope = self._client_scope(flt)
        columns = [xlsx.Column(h, _PURCHASE_KINDS.get(c, "text"))
                   for c, h in zip(PURCHASE_COLUMNS, header_names(PURCHASE_COLUMNS, language))]
        query = Purchase.select(Purchase.id)
        if scope is not None:
            query = query.where(Purchase.client.in_(id_set(scope)))
        if branch is not None:
            query = query.where(Purchase.branch == branch)
        purchase_ids = [pid for (pid,) in query.order_by(Purchase.date, Purchase.id).tuples()]

        def rows():
            for start in range(0, len(purchase_ids), CHUNK):
                chunk = purchase_ids[start:start + CHUNK]
                bills = list(Purchase.select(Purchase.id, Purchase.date, Purchase.bill_no, Purchase.amount_paise,
                                             Client.id, Client.name, Client.primary_phone, Purchase.branch,
                                             Purchase.counter)
                             .join(Client).where(Purchase.id.in_(chunk))
                             .order_by(Purchase.date, Purchase.id).tuples())
                lines: dict[int, list] = {}
                for pid, product, category, qty, amount in (
                        PurchaseLine.select(PurchaseLine.purchase, PurchaseLine.product, PurchaseLine.category,
                                            PurchaseLine.qty, PurchaseLine.amount_paise)
                        .where(PurchaseLine.purchase.in_(chunk)).order_by(PurchaseLine.id).tuples()):
                    lines.setdefault(pid, []).append((product, category, qty, amount))
                for pid, date, bill_no, amount, _cid, name, phone, bill_branch, counter in bills:
                    phone = phone_text(phone) if phone else None
                    for product, category, qty, line_amount in lines.get(pid) or [("", "", 1, amount)]:
                        yield [date, bill_no, name, phone, product, category, qty, line_amount, bill_branch, counter]

        return xlsx.write_xlsx(path, "Purchases", columns, rows(), len(purchase_ids), progress)

    def export_interactions(self, path: Path | str, language: str = "en", flt: ClientFilter | None = None,
                            progress: Progress = NO_PROGRESS, branch: str | None = None) -> int:
        """Visits, calls and messages, oldest first (with a `branch`: of the clients with a bill there)."""
        _check_language(language)
        scope = self._client_scope(flt)
        if branch is not None:
            scope = self.client_ids(flt, branch=branch)
        columns = [xlsx.Column(h, "datetime" if c == "at" else "text")
                   for c, h in zip(INTERACTION_COLUMNS, header_names(INTERACTION_COLUMNS, language))]
        query = (Interaction.select(Interaction.at, Client.name, Client.primary_phone, Interaction.channel,
                                    Interaction.direction, Interaction.summary, Interaction.kind)
                 .join(Client))
        if scope is not None:
            query = query.where(Interaction.client.in_(id_set(scope)))
        total = query.count()
        cursor = query.order_by(Interaction.at, Interaction.id).tuples().iterator()

        def rows():
            for at, name, phone, channel, direction, summary, kind in cursor:
                yield [at, name, phone_text(phone) if phone else None, value_word(channel, language),
                       value_word(direction, language), summary, value_word(kind, language) if kind else ""]

        return xlsx.write_xlsx(path, "Interactions", columns, rows(), total, progress)
