"""Client import, planning: read the file's rows, clean them column by column, match them to the
clients already in the desk (and to earlier rows of the same file), and decide what each row does
(new, family, update, same, skip, error, blank, total). Nothing here writes to the database: the
plan goes to writing.py. Pure Python apart from the reads of who owns each phone, email and name.

Matching uses one pre-loaded dict of phone → client and email → client, extended with the rows of
the same file as they are planned, so a file never creates twins.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Callable, Iterator

from clientdesk.dialect import sql_for
from clientdesk.errors import FileFormatError, ValidationError
from clientdesk.importing import cleaning
from clientdesk.importing.columns import (
    Problems, cleaned_column, field_columns, first_cells, list_column, sheet_columns, text_column, within_limit,
)
from clientdesk.importing.households import same_person
from clientdesk.importing.mapping import SourceTable
from clientdesk.importing.readers import cell_text, is_blank
from clientdesk.progress import NO_PROGRESS, Progress
from clientdesk.clients.fields import TEXT_LIMITS
from clientdesk.validate import normalize_gstin

ON_MATCH = ("fill", "overwrite", "skip")
# Row statuses: the UI gives them words.
# "family": a new client who shares a number a client (or an earlier row) has, their names clearly
# differing: a household member (importing/households.py), never merged into that client nor dropped.
STATUSES = ("new", "family", "update", "same", "skip", "error", "blank", "total")
# Client fields an import can set, compared and restored as plain values.
_TEXT_FIELDS = ("name", "honorific", "father_name", "business_name", "postal_line", "postal_city",
                "postal_state", "postal_pin", "notes")
_DATE_PREFIXES = ("birth", "anniversary")
# ClientValues attribute ← mapped field, for the one-line text fields cleaned as they are.
_PLAIN_TEXT = (("honorific", "honorific"), ("father_name", "father_name"), ("business_name", "business_name"),
               ("postal_city", "city"), ("postal_state", "state"))
# The longest text a mapped field keeps (a client's form's limits); the rest are a problem.
_TEXT_LIMITS = {code: TEXT_LIMITS[attr] for attr, code in (*_PLAIN_TEXT, ("name", "name"), ("postal_line", "address"))}
_DATE_PARTS = tuple((p, tuple(f"{p}_{part}" for part in ("day", "month", "year"))) for p in _DATE_PREFIXES)
DATE_FIELDS = tuple(part for _, parts in _DATE_PARTS for part in parts)
STORED = _TEXT_FIELDS + ("email", "gstin") + DATE_FIELDS
CHUNK = 500  # clients already in the desk read, merged and written at a time
BLOCK = 5000  # rows planned, then handed to the writer, at a time (import pipeline)
FIRST_BLOCK = 1000  # the first block is smaller: the writer starts after 20 ms of planning, not 100
_NO_DATE = (None, None, None)
AMBIGUOUS = object()  # several clients have this name: a row with only a name cannot pick one


@dataclass(slots=True)
class ClientValues:
    """The client fields an import reads, compares and writes (slotted: 100,000 of them stay small)."""

    name: str = ""
    honorific: str = ""
    father_name: str = ""
    business_name: str = ""
    postal_line: str = ""
    postal_city: str = ""
    postal_state: str = ""
    postal_pin: str = ""
    notes: str = ""
    email: str = ""
    gstin: str = ""
    birth_day: int | None = None
    birth_month: int | None = None
    birth_year: int | None = None
    anniversary_day: int | None = None
    anniversary_month: int | None = None
    anniversary_year: int | None = None
    phones: list[str] = field(default_factory=list)  # E.164, the primary first
    tags: list[str] = field(default_factory=list)

    @property
    def primary_phone(self) -> str | None:
        return self.phones[0] if self.phones else None


@dataclass(slots=True)
class RowIssue:
    """One problem in one row: `field` is a field code, `reason` a short code, `message` English."""

    row: int
    field: str
    reason: str
    message: str


@dataclass(slots=True)
class RowOutcome:
    """What the import does (or did) with one row of the file."""

    row: int
    status: str
    name: str = ""
    phone: str = ""
    client_id: int | None = None
    issues: list[RowIssue] = field(default_factory=list)
    family_of: str = ""  # status "family": the name of the client whose number this person shares


@dataclass(eq=False, slots=True)
class _New:
    """A client the file will create; later rows of the file can add to it."""

    data: ClientValues
    row: int
    points: int | None = None
    id: int | None = None  # given when its rows are handed to the writer
    stale: bool = False  # a later row changed it after it was written: written again after the load
    outcome: RowOutcome | None = None  # of the row that made it
    left_out: bool = False  # its number went to the same person elsewhere meanwhile: not written


@dataclass(eq=False, slots=True)
class _Existing:
    """A client already in the desk that rows of the file update."""

    id: int
    incoming: list[tuple[ClientValues, "_RowPlan"]] = field(default_factory=list)


@dataclass(slots=True)
class _RowPlan:
    outcome: RowOutcome
    cells: list
    target: _New | _Existing | None = None


def row_fields(cells: list, mapping: list[str | None]) -> dict[str, list]:
    """The non-empty cells of a row, grouped by the field their column maps to."""
    values: dict[str, list] = {}
    for cell, name in zip(cells, mapping):  # columns past the row's end hold nothing
        if name is None or cell is None or (cell.__class__ is str and not cell.strip()):
            continue
        if name in values:
            values[name].append(cell)
        else:
            values[name] = [cell]
    return values

def check_mapping(mapping: list[str | None], kind: str = "clients") -> None:
    """Raise FileFormatError unless the mapping can identify anyone."""
    needed = {"clients": {"name", "first_name", "last_name", "phone", "email"},
              "purchases": {"phone", "name"}}[kind]
    if not needed & {m for m in mapping if m}:
        raise FileFormatError("No column was recognised as a name, phone or email; choose the columns by hand")

def field_text(values: dict[str, list], name: str, separator: str = " ") -> str:
    """The text of the cells mapped to `name`, joined by `separator` ("" when there are none)."""
    cells = values.get(name)
    if not cells:
        return ""
    if len(cells) == 1:
        cell = cells[0]
        return " ".join(cell.split()) if cell.__class__ is str else cell_text(cell)
    return separator.join(t for t in map(cell_text, cells) if t)


def _blank_column(size: int, value) -> list:
    """A column no file column maps to: `value` in every row."""
    return [value] * size


def _empty(value) -> bool:
    return value is None or value == "" or value == []


def merge_values(current: ClientValues, incoming: ClientValues, mode: str) -> ClientValues:
    """`current` with `incoming` applied: "fill" sets empty fields only, "overwrite" lets every
    non-empty imported value win. Phones and tags are added, never removed. Returns `current`
    itself when the row brings nothing new (a re-imported sheet: most rows)."""
    overwrite = mode == "overwrite"
    changes = {}
    for name in _TEXT_FIELDS + ("email", "gstin"):
        value = getattr(incoming, name)
        if value and value != getattr(current, name) and (overwrite or not getattr(current, name)):
            changes[name] = value
    for prefix, parts in _DATE_PARTS:
        if getattr(incoming, parts[0]) is None:
            continue
        if overwrite or getattr(current, parts[0]) is None:
            for part in parts:
                changes[part] = getattr(incoming, part)
    phones = current.phones + [n for n in incoming.phones if n not in current.phones]
    if overwrite and incoming.phones and phones[0] != incoming.phones[0]:
        phones.remove(incoming.phones[0])
        phones.insert(0, incoming.phones[0])  # the file's first number becomes the primary
    known = {t.casefold() for t in current.tags}
    added = []
    for tag in incoming.tags:
        if tag.casefold() not in known:
            added.append(tag)
            known.add(tag.casefold())
    tags = current.tags + added
    if not changes and phones == current.phones and tags == current.tags:
        return current
    return dataclasses.replace(current, phones=phones, tags=tags, **changes)


def _differs(a: ClientValues, b: ClientValues) -> bool:
    return (any(getattr(a, n) != getattr(b, n) for n in STORED)
            or a.phones != b.phones
            or sorted(a.tags) != sorted(b.tags))


class ClientPlanner:
    """Decides what each row of a client file does. `takes_points()` says whether opening points
    can be imported (the Desk gives the importer a loyalty hook); without it they are reported."""

    def __init__(self, db, clock, takes_points: Callable[[], bool]):
        self.db = db
        self.clock = clock
        self.takes_points = takes_points

    def _clean_sheet(self, rows: list[list], mapping: list[str | None],
                     memos: dict[str, dict]) -> tuple[list[ClientValues], list, Problems]:
        """Every row's client values and opening points, cleaned column by column (see columns.py).
        `memos`: per date field, the cells cleaned so far (shared by the blocks of one sheet)."""
        fields = field_columns(mapping)
        problems = Problems()
        size = len(rows)
        by_index = sheet_columns(rows, {i for indexes in fields.values() for i in indexes})
        cells = {name: [by_index[i] for i in indexes] for name, indexes in fields.items()}

        def text(name: str, separator: str = " ") -> list[str]:
            if name not in cells:
                return _blank_column(size, "")
            values = text_column(cells[name], separator)
            return within_limit(values, _TEXT_LIMITS[name], name, problems) if name in _TEXT_LIMITS else values

        def single(name: str, clean: Callable, issue_field: str | None = None, memo: dict | None = None) -> list:
            if name not in cells:
                return _blank_column(size, None)
            return cleaned_column(first_cells(cells[name]), clean, issue_field or name, problems, memo)

        def several(name: str, clean: Callable) -> list:
            return list_column(cells[name], clean, name, problems) if name in cells else _blank_column(size, ())

        def dates(name: str, issue_field: str) -> list:  # dates repeat: each distinct cell is cleaned once
            clean = functools.partial(cleaning.clean_partial_date, today=today, field=issue_field)
            return single(name, clean, issue_field, memo=memos.setdefault(name, {}))

        today = self.clock.today()
        names = text("name")
        parts = [text_column(cells[n]) for n in ("first_name", "middle_name", "last_name") if n in cells]
        if parts:
            names = within_limit([n or " ".join(t for t in split if t) for n, *split in zip(names, *parts)],
                                 _TEXT_LIMITS["name"], "name", problems)
        phones = several("phone", cleaning.clean_phones)
        emails = several("email", cleaning.clean_emails)
        gstins = single("gstin", normalize_gstin)
        pins = single("pin", cleaning.clean_pin)
        births = dates("birthday", "birth")
        anniversaries = dates("anniversary", "anniversary")
        tags = several("tags", cleaning.clean_tags)
        points = single("opening_points", cleaning.clean_points)
        values = [ClientValues(name, honorific, father, business, line, city, state, pin or "", notes,
                               email[0] if email else "", gstin or "", *(birth or _NO_DATE), *(anniversary or _NO_DATE),
                               list(phone), list(dict.fromkeys(tag)) if tag else [])
                  for name, honorific, father, business, line, city, state, pin, notes, email, gstin, birth,
                  anniversary, phone, tag in zip(
                      names, text("honorific"), text("father_name"), text("business_name"), text("address", ", "),
                      text("city"), text("state"), pins, text("notes", "\n"), emails, gstins, births, anniversaries,
                      phones, tags)]
        for data, email in zip(values, emails):
            if len(email) > 1:
                data.notes = "\n".join(x for x in (data.notes, "Other email: " + ", ".join(email[1:])) if x)
        return values, points, problems

    def owners(self) -> tuple[dict[str, object], dict[str, object]]:
        """Client per phone number and per email (plain SQL: a big desk has 100,000 of each). A
        number a household shares maps to one of its clients here: see households()."""
        phones = dict(self.db.execute_sql("SELECT number, client_id FROM phone"))
        emails = dict(self.db.execute_sql("SELECT email, id FROM client WHERE email IS NOT NULL"))
        return phones, emails

    def settle_numbers_given_meanwhile(self, fresh: list[_New], given: dict[str, list[int]]) -> list[_New]:
        """The new clients of a block about to be written, checked against the numbers other
        windows or counters gave clients while the import ran (`given`, NumbersGivenMeanwhile: the
        rows were planned with who had each number when the import began). A row whose number went
        meanwhile to a client of the same name is that client: it is left out, as a problem that
        says so (its error-report row, imported again, adds its details to that client); a clearly
        other name makes it a family member on that number, as planning does. Returns the clients
        to write. Call on the writing thread, inside the transaction that writes them."""
        if not given:
            return fresh
        clashing = [(new, [number for number in new.data.phones if number in given]) for new in fresh]
        clashing = [(new, numbers) for new, numbers in clashing if numbers]
        if not clashing:
            return fresh
        ids = sorted({cid for _, numbers in clashing for number in numbers for cid in given[number]})
        names = dict(self.db.execute_sql(f"SELECT id, name FROM client WHERE id IN ({', '.join('?' * len(ids))})",
                                         ids))
        for new, numbers in clashing:
            outcome = new.outcome
            same = [(number, cid) for number in numbers for cid in given[number]
                    if same_person(names.get(cid, ""), new.data.name)]
            if same:
                number, cid = same[0]
                new.left_out = True
                outcome.status, outcome.client_id = "error", None
                outcome.issues.append(RowIssue(
                    new.row, "phone", "meanwhile", f"{number} was given to {names[cid]} (client #{cid}) on another "
                    "counter while this import ran; this row was left out: import the error report again to add "
                    "its details to that client"))
            elif outcome.status == "new":
                outcome.status, outcome.phone = "family", numbers[0]
                outcome.family_of = names.get(given[numbers[0]][0], "")
        return [new for new in fresh if not new.left_out]

    def households(self) -> dict[str, list[int]]:
        """The numbers several clients share, each with its clients, oldest first."""
        ids = sql_for(self.db).id_list("client_id")
        return {number: sorted(map(int, listed.split(","))) for number, listed in self.db.execute_sql(
            f"SELECT number, {ids} FROM phone GROUP BY number HAVING count(*) > 1")}

    def _client_names(self) -> dict[int, str]:
        """Every client's name by id: a row on a known number is compared with its owners' names."""
        return dict(self.db.execute_sql("SELECT id, name FROM client"))

    def _name_owners(self) -> tuple[dict[str, object], dict[str, object]]:
        """Client per case-folded name (AMBIGUOUS when several share it): among all clients, and
        among clients with no phone and no email (whom a fixed error-report row completes)."""
        names: dict[str, object] = {}
        bare: dict[str, object] = {}
        query = self.db.execute_sql(
            "SELECT id, name, primary_phone IS NULL AND email IS NULL FROM client WHERE NOT erased")
        for cid, name, contactless in query:
            key = name.casefold()
            names[key] = AMBIGUOUS if key in names else cid
            if contactless:
                bare[key] = AMBIGUOUS if key in bare else cid
        return names, bare

    def _load(self, ids: list[int]) -> dict[int, ClientValues]:
        """Current stored values of these clients (only what an import compares); plain SQL, as a
        re-imported sheet loads every client of the desk."""
        result: dict[int, ClientValues] = {}
        id_set, param = sql_for(self.db).id_set(ids)
        chosen = f"IN {id_set}"
        for cid, *values in self.db.execute_sql(f"SELECT id, {', '.join(STORED)} FROM client WHERE id {chosen}", param):
            data = ClientValues(*values)  # STORED is ClientValues' own field order
            data.email, data.gstin = data.email or "", data.gstin or ""
            result[cid] = data
        for cid, number in self.db.execute_sql(
                f"SELECT client_id, number FROM phone WHERE client_id {chosen} ORDER BY client_id, is_primary DESC, id",
                param):
            result[cid].phones.append(number)
        for cid, tag in self.db.execute_sql(
                f"SELECT ct.client_id, t.name FROM client_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.client_id {chosen}",
                param):
            result[cid].tags.append(tag)
        return result

    def plan(self, source: SourceTable, mapping: list[str | None], on_match: str = "fill",
             limit: int | None = None, progress: Progress = NO_PROGRESS) -> tuple[list[_RowPlan], dict[int, ClientValues], dict[int, ClientValues]]:
        """Decide every row (the first `limit`), writing nothing. Returns the row plans, and per
        updated client the values before and after (only clients that really change)."""
        self.check_arguments(mapping, on_match)
        rows = source.data_rows if limit is None else source.data_rows[:limit]
        owners = self.match_tables()
        existing: dict[int, _Existing] = {}
        plans: list[_RowPlan] = []
        progress.update(0, len(rows), "")
        for block in self.plan_blocks(source, rows, mapping, on_match, owners, existing):
            plans.extend(block)
            progress.update(len(plans), len(rows), "")
        before, after = self.merge_existing(existing, on_match)
        return plans, before, after

    def check_arguments(self, mapping: list[str | None], on_match: str) -> None:
        if on_match not in ON_MATCH:
            raise ValidationError("on_match", "invalid", f"on_match is one of {', '.join(ON_MATCH)}")
        check_mapping(mapping, "clients")

    def match_tables(self) -> tuple[dict, dict, dict, dict, dict]:
        """Who owns each phone, email and name now: (phone, email, name, contactless name) → client,
        a number shared by a household → the list of its clients; and each client's name by id."""
        phones, emails = self.owners()
        phones.update(self.households())
        return phones, emails, *self._name_owners(), self._client_names()

    def plan_blocks(self, source: SourceTable, rows: list[list], mapping: list[str | None], on_match: str,
                    owners: tuple, existing: dict[int, _Existing]) -> Iterator[list[_RowPlan]]:
        """Plan the rows BLOCK by BLOCK (each block's columns cleaned at once), extending `owners`
        and `existing` as they go. Pure Python: the import pipeline runs it on its helper thread."""
        contact_columns = [i for i, name in enumerate(mapping) if name in ("phone", "email")]
        first_row = source.sheet_row_number(0)
        memos: dict[str, dict] = {}
        noted = source.data_problems()  # what the file reader repaired or could not read (readers.py)
        starts = [0, *range(min(FIRST_BLOCK, BLOCK), len(rows), BLOCK)] if rows else []
        for start, end in zip(starts, [*starts[1:], len(rows)]):
            part = rows[start:end]
            values, points, problems = self._clean_sheet(part, mapping, memos)
            block = []
            for index, (cells, data, opening) in enumerate(zip(part, values, points)):
                row_no = first_row + start + index
                found = problems.by_row.get(index)
                issues = [RowIssue(row_no, name, exc.reason, exc.message) for name, exc in found] if found else []
                block.append(self._plan_row(row_no, cells, data, opening, issues, contact_columns, on_match, owners,
                                            existing))
                if start + index in noted:  # on blank and totals rows too
                    block[-1].outcome.issues += [RowIssue(*problem) for problem in noted[start + index]]
            yield block

    def merge_existing(self, existing: dict[int, _Existing], on_match: str,
                       report: Callable[[int, int], None] | None = None) -> tuple[dict[int, ClientValues], dict[int, ClientValues]]:
        """Apply the planned rows to the clients already in the desk, chunk by chunk: their values
        before and after, for the clients that really change. Marks those rows "update"."""
        before: dict[int, ClientValues] = {}
        after: dict[int, ClientValues] = {}
        ids = list(existing)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            loaded = self._load(chunk)
            for cid in chunk:
                target = existing[cid]
                current = loaded[cid]
                for incoming, plan in target.incoming:
                    merged = merge_values(current, incoming, on_match)
                    if merged is not current and _differs(current, merged):
                        plan.outcome.status = "update"
                        current = merged
                target.incoming = []
                if current is not loaded[cid]:
                    before[cid], after[cid] = loaded[cid], current
            if report is not None:
                report(start + len(chunk), len(ids))
        return before, after

    def _plan_row(self, row_no: int, cells: list, data: ClientValues, points: int | None, issues: list[RowIssue],
                  contact_columns: list[int], on_match: str, owners: tuple, existing: dict[int, _Existing]) -> _RowPlan:
        phone_owner, email_owner, name_owner, bare_owner, client_names = owners
        if is_blank(cells):
            return _RowPlan(RowOutcome(row_no, "blank"), cells)
        if not data.phones and not data.email and all(
                i >= len(cells) or is_blank([cells[i]]) for i in contact_columns):
            first = next((c for c in cells if not is_blank([c])), None)
            if cleaning.is_total_label(first):
                return _RowPlan(RowOutcome(row_no, "total", cell_text(first)), cells)
        outcome = RowOutcome(row_no, "new", data.name, data.phones[0] if data.phones else "", None, issues)
        plan = _RowPlan(outcome, cells)
        if not data.name and not data.phones and not data.email:
            issues.append(RowIssue(row_no, "name", "empty", "No name, phone or email: the row cannot become a client"))
            outcome.status = "error"
            return plan
        target = None
        household = None  # (owner, number): a known number whose people all clearly differ from this row's name
        for number in list(data.phones):
            found = phone_owner.get(number)
            if found is None:
                continue
            members = found if isinstance(found, list) else [found]
            if data.name:  # the same person typed again, or someone else of the family?
                alike = [m for m in members if same_person(_owner_name(m, client_names), data.name)]
            else:
                alike = members if len(members) == 1 else []
            if not alike:
                if data.name:
                    household = household or (members[0], number)
                    continue
                issues.append(RowIssue(row_no, "phone", "shared",
                                       f"{number} is shared by {len(members)} clients and the row has no name "
                                       "to tell which; left out"))
                data.phones.remove(number)
                continue
            owner = alike[0]
            if target is None:
                target = owner
            elif owner != target:
                issues.append(RowIssue(row_no, "phone", "duplicate", f"{number} belongs to another client; left out"))
                data.phones.remove(number)
        if data.email:
            owner = email_owner.get(data.email)
            if owner is not None and target is None:
                target = owner
            elif owner is not None and owner != target:
                issues.append(RowIssue(row_no, "email", "duplicate", f"{data.email} belongs to another client; left out"))
                data.email = ""
        if target is None and data.name:
            # Nothing but a name: the one client of that name (a notebook list has no phones);
            # a phone or email nobody has: the one client of that name who has neither yet.
            owners_by_name = bare_owner if data.phones or data.email else name_owner
            owner = owners_by_name.get(data.name.casefold())
            target = None if owner is AMBIGUOUS else owner
        if target is None:
            if not data.name:
                data.name = data.business_name
            if not data.name:
                issues.append(RowIssue(row_no, "name", "empty", "A new client needs a name"))
                outcome.status = "error"
                return plan
            new = _New(data, row_no, points, outcome=outcome)
            if household is not None and data.phones:
                outcome.status = "family"
                outcome.family_of = _owner_name(household[0], client_names)
                outcome.phone = household[1]
            key = data.name.casefold()
            name_owner[key] = AMBIGUOUS if key in name_owner else new
            if not data.phones and not data.email:
                bare_owner[key] = AMBIGUOUS if key in bare_owner else new
            if points is not None and not self.takes_points():
                issues.append(RowIssue(row_no, "opening_points", "unsupported", "Loyalty points cannot be imported yet; left out"))
            plan.target = new
            for p in data.phones:
                _add_owner(phone_owner, p, new)
            if data.email:
                email_owner[data.email] = new
            return plan
        if points:
            issues.append(RowIssue(row_no, "opening_points", "existing",
                                   "Opening points are given to new clients only (so no import counts them twice); left out"))
        if on_match == "skip":
            outcome.status = "skip"
            outcome.client_id = target if isinstance(target, int) else None
            return plan
        if isinstance(target, _New):
            before_merge = target.data
            target.data = merge_values(target.data, data, on_match)
            outcome.status = "update" if _differs(before_merge, target.data) else "same"
            if target.id is not None and outcome.status == "update":
                target.stale = True
            outcome.name = target.data.name
            plan.target = target
        else:
            outcome.client_id = target
            entry = existing.setdefault(target, _Existing(target))
            entry.incoming.append((data, plan))
            plan.target = entry
            outcome.status = "same"
        for p in data.phones:
            _add_owner(phone_owner, p, target)
        if data.email:
            email_owner.setdefault(data.email, target)
        return plan


class NumbersGivenMeanwhile:
    """The phone numbers other windows and counters gave clients while an import ran, by number:
    the ids of those clients. Every phone added since the import began is a phone row with a newer
    id (a number is never changed in place), so each look is one range of the phone table's key.
    `look()` inside each of the import's writing transactions, before it writes; `passed()` after
    it wrote its own phones. Not covered: the phones the import's update pass adds to clients
    already in the desk (after the load), and, on SQLite, a phone row id used again (SQLite gives
    the newest id + 1, so a window that deletes the newest phone during the import and adds one
    gets an id this look has passed)."""

    def __init__(self, db):
        self.db = db
        self.by_number: dict[str, list[int]] = {}
        self.last_id = self._last_id()

    def _last_id(self) -> int:
        return self.db.execute_sql("SELECT max(id) FROM phone").fetchone()[0] or 0

    def look(self) -> dict[str, list[int]]:
        for phone_id, number, client_id in self.db.execute_sql(
                "SELECT id, number, client_id FROM phone WHERE id > ? ORDER BY id", (self.last_id,)):
            self.by_number.setdefault(number, []).append(client_id)
            self.last_id = phone_id
        return self.by_number

    def passed(self) -> None:
        self.last_id = self._last_id()


def _owner_name(owner, client_names: dict[int, str]) -> str:
    """The name of a number's owner: a client in the desk (id) or one planned from the file."""
    return owner.data.name if isinstance(owner, _New) else client_names.get(owner, "")


def _add_owner(phone_owner: dict, number: str, owner) -> None:
    """`owner` has `number` too: a number with several people maps to the list of them."""
    found = phone_owner.get(number)
    if found is None:
        phone_owner[number] = owner
    elif isinstance(found, list):
        if owner not in found:
            found.append(owner)
    elif found is not owner and found != owner:
        phone_owner[number] = [found, owner]
