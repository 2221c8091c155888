"""Client import: plan every row (new, update, unchanged, skip, error, blank, total), show a
preview, then write the file in short transactions, block by block, under one record for "Undo
last import" that also takes back a failed, cancelled or crashed import (batches.py).

Matching uses one pre-loaded dict of phone → client and email → client, extended with the
rows of the same file as they are planned, so a file never creates twins. Rows are cleaned and
planned a block at a time; new clients go to the database in multi-row statements while later
blocks are planned (pipeline.py), with their search index rows; no per-row service calls.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import logging
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import peewee as pw

from clientdesk.errors import ClientDeskError, FileFormatError, ValidationError
from clientdesk.importing import batches, cleaning
from clientdesk.importing.columns import (
    Problems, cleaned_column, field_columns, first_cells, list_column, sheet_columns, text_column,
)
from clientdesk.importing.bulk import (
    Statement, bulk_insert, db_values, indexes_built_after, insert_statements, next_id, variable_limit,
)
from clientdesk.importing.households import same_person
from clientdesk.importing.mapping import MappingMemory, SourceTable, source_table
from clientdesk.importing.models import ImportChange, record_created
from clientdesk.importing.pipeline import pipelined
from clientdesk.importing.readers import cell_text, is_blank, read_file
from clientdesk.models import Client, ClientTag, Phone, Tag
from clientdesk.progress import NO_PROGRESS, Progress
from clientdesk import search, textkey
from clientdesk.textkey import name_key
from clientdesk.validate import normalize_gstin

log = logging.getLogger(__name__)

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
_DATE_PARTS = tuple((p, tuple(f"{p}_{part}" for part in ("day", "month", "year"))) for p in _DATE_PREFIXES)
_DATE_FIELDS = tuple(part for _, parts in _DATE_PARTS for part in parts)
_STORED = _TEXT_FIELDS + ("email", "gstin") + _DATE_FIELDS
CHUNK = 500
BLOCK = 5000  # rows planned, then handed to the writer, at a time (import pipeline)
# New clients per statement batch handed to the writer, which commits once it has held the write
# lock HOLD_SECONDS (at least one batch per transaction). Each commit writes every page it changed
# (17 client indexes, both search indexes) to the WAL again, so fewer, bigger transactions import
# faster: 100,000 rows took 12.2 s of CPU in transactions of 2,000 rows, 10.3 s of 5,000, 7.5 s
# of 10,000 (7-8 s in one transaction). 5,000 rows held the lock 0.6-0.9 s here on a shared
# machine (load 4 on 2 cores), 2 s with both cores loaded four times over.
WRITE_ROWS = 5000
HOLD_SECONDS = 0.5
# After each commit the writer leaves the write lock free this long, so that a sale waiting on
# another counter (it asks every db.LOCK_POLL_SECONDS) goes first: SQLite's locks are not fair.
PAUSE_SECONDS = 0.005
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


@dataclass
class ImportResult:
    """Counts, problems and the rows to put in the error report."""

    kind: str
    file_name: str
    batch_id: int | None = None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    blank: int = 0
    totals: int = 0
    failed_rows: int = 0
    new_clients: int = 0  # sales registers: clients made for new phones
    issues: list[RowIssue] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    problem_rows: list[tuple[int, list, list[RowIssue]]] = field(default_factory=list)
    client_ids: list[int] = field(default_factory=list)
    # New clients who share a known number (counted in created too): (row, name in the file,
    # name of the client whose number it is, the number)
    family: list[tuple[int, str, str, str]] = field(default_factory=list)

    def summary(self) -> dict:
        """The command line's JSON: skipped counts every row that changed nothing and had no error;
        family_members (when there are any) lists the new clients who share a known number."""
        result = {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.unchanged + self.skipped + self.blank + self.totals,
            "errors": [{"row": i.row, "field": i.field, "message": i.message} for i in self.issues],
        }
        if self.family:  # new clients who share a known number (a household), named as the file wrote them
            result["family_members"] = [{"row": row, "name": name, "family_of": owner, "phone": number}
                                        for row, name, owner, number in self.family]
        return result


@dataclass(eq=False, slots=True)
class _New:
    """A client the file will create; later rows of the file can add to it."""

    data: ClientValues
    row: int
    points: int | None = None
    id: int | None = None  # given when its rows are handed to the writer
    stale: bool = False  # a later row changed it after it was written: written again after the load


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
    return (any(getattr(a, n) != getattr(b, n) for n in _STORED)
            or a.phones != b.phones
            or sorted(a.tags) != sorted(b.tags))


class ClientImporter:
    """Plans and writes a client import. `add_opening_points(client_id, points, note)` is set by
    the Desk when the loyalty service exists; without it an opening-points column is reported."""

    def __init__(self, db, clients, settings, clock):
        self.db = db
        self.clients = clients
        self.settings = settings
        self.clock = clock
        self.memory = MappingMemory(settings)
        self.add_opening_points: Callable[[int, int, str], None] | None = None

    # ----- reading ---------------------------------------------------------------------
    @staticmethod
    def open(path: Path | str, kind: str = "clients") -> SourceTable:
        """Read a file and find its header row; raises FileFormatError if it cannot be read.
        The spreadsheet reader runs in C without Python's lock, so the name-key tables the import
        needs load meanwhile."""
        with ThreadPoolExecutor(1, thread_name_prefix="read") as pool:
            reading = pool.submit(read_file, path)
            textkey.warm_up()
            raw = reading.result()
        if all(is_blank(r) for r in raw.rows):
            raise FileFormatError(f"{Path(path).name} has no rows")
        return source_table(raw, kind)

    def suggest_mapping(self, source: SourceTable, kind: str = "clients") -> list[str | None]:
        """The remembered mapping for these headers, else the automatic one."""
        return self.memory.suggest(source.headers, kind)

    def remember_mapping(self, source: SourceTable, kind: str, mapping: list[str | None]) -> None:
        self.memory.remember(source.headers, kind, mapping)

    # ----- planning --------------------------------------------------------------------
    @staticmethod
    def _fields(cells: list, mapping: list[str | None]) -> dict[str, list]:
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

    @staticmethod
    def check_mapping(mapping: list[str | None], kind: str = "clients") -> None:
        """Raise FileFormatError unless the mapping can identify anyone."""
        needed = {"clients": {"name", "first_name", "last_name", "phone", "email"},
                  "purchases": {"phone", "name"}}[kind]
        if not needed & {m for m in mapping if m}:
            raise FileFormatError("No column was recognised as a name, phone or email; choose the columns by hand")

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
            return text_column(cells[name], separator) if name in cells else _blank_column(size, "")

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
            names = [n or " ".join(t for t in split if t) for n, *split in zip(names, *parts)]
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

    def _owners(self) -> tuple[dict[str, object], dict[str, object]]:
        """Client per phone number and per email (plain SQL: a big desk has 100,000 of each). A
        number a household shares maps to one of its clients here: see _households()."""
        phones = dict(self.db.execute_sql("SELECT number, client_id FROM phone"))
        emails = dict(self.db.execute_sql("SELECT email, id FROM client WHERE email IS NOT NULL"))
        return phones, emails

    def _households(self) -> dict[str, list[int]]:
        """The numbers several clients share, each with its clients, oldest first."""
        return {number: sorted(json.loads(ids)) for number, ids in self.db.execute_sql(
            "SELECT number, json_group_array(client_id) FROM phone GROUP BY number HAVING count(*) > 1")}

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
        param = [json.dumps(ids)]
        chosen = "IN (SELECT value FROM json_each(?))"
        for cid, *values in self.db.execute_sql(f"SELECT id, {', '.join(_STORED)} FROM client WHERE id {chosen}", param):
            data = ClientValues(*values)  # _STORED is ClientValues' own field order
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
        self._check_arguments(mapping, on_match)
        rows = source.data_rows if limit is None else source.data_rows[:limit]
        owners = self._match_tables()
        existing: dict[int, _Existing] = {}
        plans: list[_RowPlan] = []
        progress.update(0, len(rows), "")
        for block in self._plan_blocks(source, rows, mapping, on_match, owners, existing):
            plans.extend(block)
            progress.update(len(plans), len(rows), "")
        before, after = self._merge_existing(existing, on_match)
        return plans, before, after

    def _check_arguments(self, mapping: list[str | None], on_match: str) -> None:
        if on_match not in ON_MATCH:
            raise ValidationError("on_match", "invalid", f"on_match is one of {', '.join(ON_MATCH)}")
        self.check_mapping(mapping, "clients")

    def _match_tables(self) -> tuple[dict, dict, dict, dict, dict]:
        """Who owns each phone, email and name now: (phone, email, name, contactless name) → client,
        a number shared by a household → the list of its clients; and each client's name by id."""
        phones, emails = self._owners()
        phones.update(self._households())
        return phones, emails, *self._name_owners(), self._client_names()

    def _plan_blocks(self, source: SourceTable, rows: list[list], mapping: list[str | None], on_match: str,
                     owners: tuple, existing: dict[int, _Existing]) -> Iterator[list[_RowPlan]]:
        """Plan the rows BLOCK by BLOCK (each block's columns cleaned at once), extending `owners`
        and `existing` as they go. Pure Python: the import pipeline runs it on its helper thread."""
        contact_columns = [i for i, name in enumerate(mapping) if name in ("phone", "email")]
        first_row = source.sheet_row_number(0)
        memos: dict[str, dict] = {}
        noted = source.data_problems()  # what the file reader repaired or could not read (readers.py)
        for start in range(0, len(rows), BLOCK):
            part = rows[start:start + BLOCK]
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

    def _merge_existing(self, existing: dict[int, _Existing], on_match: str,
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
            new = _New(data, row_no, points)
            if household is not None and data.phones:
                outcome.status = "family"
                outcome.family_of = _owner_name(household[0], client_names)
                outcome.phone = household[1]
            key = data.name.casefold()
            name_owner[key] = AMBIGUOUS if key in name_owner else new
            if not data.phones and not data.email:
                bare_owner[key] = AMBIGUOUS if key in bare_owner else new
            if points is not None and self.add_opening_points is None:
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

    def preview(self, source: SourceTable, mapping: list[str | None], on_match: str = "fill",
                limit: int = 200) -> list[RowOutcome]:
        """What would happen to the first `limit` rows; nothing is written."""
        plans, _, _ = self.plan(source, mapping, on_match, limit=limit)
        return [p.outcome for p in plans]

    # ----- writing ---------------------------------------------------------------------
    def run(self, source: SourceTable, mapping: list[str | None], on_match: str = "fill",
            progress: Progress = NO_PROGRESS) -> ImportResult:
        """Import the whole file in short transactions; a cancel or failure takes back everything
        the import wrote, and so does the next import or undo after a crash (batches.py).

        Why not one transaction: it held the write lock for the whole file (7 s for 100,000 rows
        here), and a sale on the other counter gave up after its busy timeout. Now the writer
        commits once it has held the write lock HOLD_SECONDS (at least WRITE_ROWS new clients a
        transaction) and leaves the lock free for a moment, so any other write goes through between
        two (bench/counter_during_import.py).

        - The batch and its "running" marker are committed first; each block's transaction records
          the ids it wrote under the batch, so a crash leaves either nothing or a marked batch that
          names every row written; the last transaction removes the marker.
        - New clients are written while later rows are still being planned (pipeline.py): the
          helper thread plans a block and builds its statements with ids counted from the desk's
          next id; if another window added clients meanwhile, the writer moves the block's ids past
          them. A new client that a later row of the file changes is written again after the load.
        - Clients already in the desk are read, merged and written CHUNK at a time, each chunk in
          one transaction, so an edit made meanwhile in another window is not overwritten.
        - Other windows see the new clients appear block by block while the import runs."""
        self._check_arguments(mapping, on_match)
        result = ImportResult("clients", source.raw.path.name, headers=list(source.headers))
        rows = source.data_rows
        steps = 10 * len(rows)  # the bar: rows planned and new clients written to 80 %, the rest after
        now = self.clock.now()  # the batch's time and every new client's: undo keeps clients edited after it
        with self.db.atomic("DEFERRED"):  # one consistent reading, without the write lock
            owners = self._match_tables()
            first = next_id(Client)
        limit = variable_limit(self.db)
        constants = self._constants(now)
        with self.db.atomic():
            batch_id = batches.start("clients", source.raw.path.name, now)
        existing: dict[int, _Existing] = {}
        shift = 0  # ids other windows took while this import ran: later blocks move past them

        def prepare(hand_over) -> tuple[list[_RowPlan], list[_New]]:
            plans: list[_RowPlan] = []
            news: list[_New] = []
            for block in self._plan_blocks(source, rows, mapping, on_match, owners, existing):
                fresh = []
                for plan in block:
                    target = plan.target
                    if target.__class__ is _New and target.id is None:
                        target.id = first + len(news)
                        news.append(target)
                        fresh.append(target)
                plans.extend(block)
                for start in range(0, len(fresh), WRITE_ROWS) if fresh else (0,):
                    part = fresh[start:start + WRITE_ROWS]
                    hand_over((part, self._new_client_statements(part, limit, constants), len(plans)))
            return plans, news

        held = _HeldTransaction(self.db)

        def write(item) -> None:
            nonlocal shift
            fresh, statements, done = item
            held.open()
            batches.beat(batch_id)
            if fresh:
                free = next_id(Client)
                if free > fresh[0].id + shift:  # another window added clients since the ids were counted
                    shift = free - fresh[0].id
                if shift:
                    for new in fresh:
                        new.id += shift
                    statements = self._new_client_statements(fresh, limit, constants)
                self._execute(statements)
                record_created(batch_id, "client_created", fresh[0].id, len(fresh))
                batches.count_created(batch_id, len(fresh))
            if held.due():
                held.commit()
                time.sleep(PAUSE_SECONDS)  # the helper plans on meanwhile; a waiting counter's sale gets the lock
            progress.update(8 * done, steps, "")

        progress.update(0, steps, "")
        try:
            try:
                plans, news = pipelined(prepare, write)
                held.commit()
            except BaseException as exc:
                held.rollback(exc)
                raise
            stale = [n for n in news if n.stale]
            for start in range(0, len(stale), BLOCK):
                part = stale[start:start + BLOCK]
                with self.db.atomic():
                    batches.beat(batch_id)
                    self._delete_new([n.id for n in part])
                    self._execute(self._new_client_statements(part, limit, constants))
            pairs = [(n.id, t) for n in news for t in n.data.tags]
            for start in range(0, len(pairs), 20 * BLOCK):
                with self.db.atomic():
                    batches.beat(batch_id)
                    self._add_tags(pairs[start:start + 20 * BLOCK])
            updated = self._update_existing(existing, on_match, batch_id, progress, steps, len(rows))
            if self.add_opening_points is not None:
                owed = [n for n in news if n.points]
                for start in range(0, len(owed), CHUNK):
                    with self.db.atomic():
                        batches.beat(batch_id)
                        for new in owed[start:start + CHUNK]:
                            self.add_opening_points(new.id, new.points, f"Import {source.raw.path.name}")
            progress.update(steps, steps, "")  # the last chance to cancel: after the next commit it is done
            with self.db.atomic():
                batches.beat(batch_id)
                batches.finish(batch_id, len(news), len(updated))
        except BaseException as exc:
            self._take_back(batch_id)
            if isinstance(exc, (pw.IntegrityError, sqlite3.IntegrityError)):
                raise ClientDeskError("Another change to the desk clashed with this import; nothing was imported. "
                                      "Try again.") from exc
            raise
        for plan in plans:
            if isinstance(plan.target, _New):
                plan.outcome.client_id = plan.target.id
        result.batch_id = batch_id if news or updated else None
        result.client_ids = [n.id for n in news] + updated
        _tally(result, plans)
        log.info("Imported %s: %s created, %s updated", source.raw.path.name, result.created, result.updated)
        return result

    def _take_back(self, batch_id: int) -> None:
        """After a failure or cancel: remove what the committed blocks wrote. If even that fails
        (the disk is full, the file vanished), the batch keeps its marker and the next import or
        undo takes it back."""
        from clientdesk.importing.undo import ImportUndo

        try:
            ImportUndo(self.db, self.clients).discard(batch_id)
        except BaseException:  # the import's own error is the one to show
            log.exception("Could not take back the interrupted import %s now; it will be taken back later", batch_id)

    def _update_existing(self, existing: dict[int, _Existing], on_match: str, batch_id: int, progress: Progress,
                         steps: int, size: int) -> list[int]:
        """Merge the planned rows into the clients already in the desk and write the changes, CHUNK
        clients per transaction (read, merge and write together: an edit made meanwhile in another
        window is merged, not overwritten). Returns the ids of the clients that changed; progress
        runs from 80 to 100 % of `steps`."""
        ids = list(existing)
        changed: list[int] = []
        for start in range(0, len(ids), CHUNK):
            part = {cid: existing[cid] for cid in ids[start:start + CHUNK]}
            with self.db.atomic():
                batches.beat(batch_id)
                before, after = self._merge_existing(part, on_match)
                self._write_updates(before, after, batch_id)
            changed += after
            progress.update(8 * size + 2 * size * (start + len(part)) // len(ids), steps, "")
        return changed

    def insert_new(self, news: list[_New], batch_id: int | None) -> None:
        """Write clients planned elsewhere (the sales register's new phones) with their phones, tags
        and search index rows, in one go; recorded under `batch_id` for undo. Call inside the
        writing transaction, after something was written (so it holds the write lock)."""
        if not news:
            return
        first = next_id(Client)
        for offset, new in enumerate(news):
            new.id = first + offset
        with self._bulk_load(len(news), first - 1):
            self._execute(self._new_client_statements(news, variable_limit(self.db), self._constants()))
        self._add_tags([(n.id, t) for n in news for t in n.data.tags])
        record_created(batch_id, "client_created", first, len(news))

    @contextlib.contextmanager
    def _bulk_load(self, rows: int, existing: int) -> Iterator[None]:
        """Writing `rows` new clients (or file rows that may be new) into a client table of
        `existing`: at least search.BULK_ROWS of them write the search indexes with their bulk
        settings; if they also at least double the table, its indexes are dropped and built again
        after the rows (a re-imported sheet does not). Inside the writing transaction, so a
        failure's rollback restores both."""
        with contextlib.ExitStack() as stack:
            if rows >= search.BULK_ROWS:
                if rows >= 2 * existing:
                    stack.enter_context(indexes_built_after(self.db, Client._meta.table_name))
                    stack.enter_context(indexes_built_after(self.db, Phone._meta.table_name))
                stack.enter_context(search.bulk_settings(self.db))
            yield

    def _constants(self, now=None) -> tuple[tuple[str, object], ...]:
        """(column, driver value) pairs every new client gets: source, timestamps (`now`, else the
        clock's), model defaults."""
        fields = [Client._meta.fields[n] for n in _CONSTANT_COLUMNS]
        now = now or self.clock.now()
        return tuple(zip((f.column_name for f in fields), db_values(fields, ("other", now, now, *_defaults()))))

    @staticmethod
    def _new_client_statements(news: list[_New], limit: int, constants: tuple) -> list[Statement]:
        """The statements that write these new clients (ids given): client rows, phones and both
        search indexes. Pure Python, run on the pipeline's helper thread."""
        statements = list(insert_statements(Client._meta.table_name, _BOUND_COLUMNS, [_client_row(n) for n in news],
                                            limit, constants, _NULL_WHEN))
        phones = [(n.id, number, int(i == 0)) for n in news for i, number in enumerate(n.data.phones)]
        statements += insert_statements(Phone._meta.table_name, ("client_id", "number", "is_primary"), phones, limit,
                                        (("is_whatsapp", 0),))
        for table, (columns, values) in search.table_rows([_index_row(n.id, n.data) for n in news]).items():
            statements += insert_statements(table, columns, values, limit)
        return statements

    def _execute(self, statements: list[Statement]) -> None:
        cursor = self.db.cursor()
        for sql, params in statements:
            cursor.execute(sql, params)

    def _delete_new(self, ids: list[int]) -> None:
        """Take back clients this import wrote (to write them again): rows, phones, index rows.
        Call with the client and phone indexes in place."""
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            self.db.execute_sql(f'DELETE FROM "{Phone._meta.table_name}" WHERE client_id IN ({marks})', chunk)
            self.db.execute_sql(f'DELETE FROM "{Client._meta.table_name}" WHERE id IN ({marks})', chunk)
        search.delete_rows(self.db, ids)

    @staticmethod
    def _add_tags(pairs: list[tuple[int, str]]) -> None:
        if not pairs:
            return
        names = sorted({t for _, t in pairs})
        Tag.insert_many([(n,) for n in names], fields=[Tag.name]).on_conflict_ignore().execute()
        ids = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(names)).tuples())
        bulk_insert(ClientTag._meta.database, ClientTag, [ClientTag.client, ClientTag.tag],
                    list(dict.fromkeys((cid, ids[t]) for cid, t in pairs)))

    def _write_updates(self, before: dict[int, ClientValues], after: dict[int, ClientValues],
                       batch_id: int) -> None:
        """Write the changes to clients already in the desk, each with its undo record and its search
        index rows, CHUNK clients per batch of statements (an ORM query per client cost about 1 ms:
        25,000 updates took 23 s)."""
        if not after:
            return
        cursor = self.db.cursor()
        updated_at = db_values([Client.updated_at], [self.clock.now()])[0]
        ids = list(after)
        for start in range(0, len(ids), CHUNK):
            rows, phones, primaries, tags, changes, index_rows = [], [], [], [], [], []
            for cid in ids[start:start + CHUNK]:
                old, new = before[cid], after[cid]
                changed = [n for n in _STORED if getattr(new, n) != getattr(old, n)]
                added_phones = [n for n in new.phones if n not in old.phones]
                added_tags = [t for t in new.tags if t not in old.tags]
                rows.append((*((getattr(new, n) or None) if n in ("email", "gstin") else getattr(new, n) for n in _STORED),
                             new.primary_phone, ", ".join(sorted(new.tags, key=str.casefold)), name_key(new.name),
                             updated_at, cid))
                index_rows.append(_index_row(cid, new))
                phones += [(cid, number, False, False) for number in added_phones]
                if new.primary_phone != old.primary_phone:
                    primaries.append((new.primary_phone, cid))
                tags += [(cid, t) for t in added_tags]
                snapshot = {"fields": {n: getattr(old, n) for n in changed}, "phones_added": added_phones,
                            "primary": old.primary_phone, "tags_added": added_tags}
                changes.append((batch_id, "client_updated", cid, json.dumps(snapshot, ensure_ascii=False)))
            cursor.executemany(_UPDATE_CLIENT, rows)  # unchanged fields are written back as they were
            bulk_insert(self.db, Phone, [Phone.client, Phone.number, Phone.is_primary, Phone.is_whatsapp], phones)
            cursor.executemany(f'UPDATE "{Phone._meta.table_name}" SET is_primary = (number = ?) WHERE client_id = ?',
                               primaries)
            self._add_tags(tags)
            bulk_insert(self.db, ImportChange, [ImportChange.batch, ImportChange.action, ImportChange.target_id,
                                                ImportChange.before], changes)
            search.replace_rows(self.db, index_rows)  # from the values in hand: nothing read back


_IMPORTED_COLUMNS = ("id", "name", "honorific", "father_name", "email", "gstin", "business_name", "postal_line",
                     "postal_city", "postal_state", "postal_pin", "notes", *_DATE_FIELDS, "primary_phone",
                     "tags_text", "search_key", "source", "created_at", "updated_at")
# Every other column gets the model's default (a raw INSERT does not apply peewee defaults).
_DEFAULT_COLUMNS = tuple(n for n in Client._meta.sorted_field_names if n not in _IMPORTED_COLUMNS)
_INSERT_COLUMNS = _IMPORTED_COLUMNS[1:] + _DEFAULT_COLUMNS
# What differs per row (bound), and what every new client shares (written once into the statement).
_ROW_COLUMNS = _IMPORTED_COLUMNS[1:_IMPORTED_COLUMNS.index("source")]
_CONSTANT_COLUMNS = _INSERT_COLUMNS[len(_ROW_COLUMNS):]
_BOUND_COLUMNS = tuple(Client._meta.fields[n].column_name for n in ("id", *_ROW_COLUMNS))  # what _client_row gives
# An import's update of a client already in the desk: the fields it compares, phone, tags, time.
_UPDATE_CLIENT = (f'UPDATE "{Client._meta.table_name}" SET '
                  + ", ".join(f'"{n}" = ?' for n in (*_STORED, "primary_phone", "tags_text", "search_key", "updated_at"))
                  + " WHERE id = ?")


class _HeldTransaction:
    """The import's write transaction, kept open across pipeline items until it has held the lock
    HOLD_SECONDS: as few commits as a counter's wait allows."""

    def __init__(self, db):
        self.db = db
        self.txn = None
        self.since = 0.0

    def open(self) -> None:
        if self.txn is None:
            self.txn = self.db.atomic()
            self.txn.__enter__()
            self.since = time.monotonic()

    def due(self) -> bool:
        return self.txn is not None and time.monotonic() - self.since >= HOLD_SECONDS

    def commit(self) -> None:
        txn, self.txn = self.txn, None
        if txn is not None:
            txn.__exit__(None, None, None)

    def rollback(self, exc: BaseException) -> None:
        txn, self.txn = self.txn, None
        if txn is not None:
            txn.__exit__(type(exc), exc, exc.__traceback__)


def _defaults() -> tuple:
    values = []
    for name in _DEFAULT_COLUMNS:
        default = Client._meta.fields[name].default
        values.append(default() if callable(default) else default)
    return tuple(values)


def _index_row(client_id: int, data: ClientValues) -> tuple:
    """(client_id, *search.index_row) of a client written from these values."""
    return (client_id, *search.index_row(data.name, data.father_name, data.business_name, data.phones,
                                         data.email or None, data.gstin or None))


# Nullable columns of a new client's row: _client_row gives "" or 0 for empty, stored as NULL.
_NULL_WHEN = {"email": "", "gstin": "", "primary_phone": "", **{name: 0 for name in _DATE_FIELDS}}


def _client_row(new: _New) -> tuple:
    """The id and _ROW_COLUMNS of one new client in driver values, empty nullable ones as in
    _NULL_WHEN, with its search key."""
    data = new.data
    return (new.id, data.name, data.honorific, data.father_name, data.email, data.gstin,
            data.business_name, data.postal_line, data.postal_city, data.postal_state, data.postal_pin, data.notes,
            data.birth_day or 0, data.birth_month or 0, data.birth_year or 0, data.anniversary_day or 0,
            data.anniversary_month or 0, data.anniversary_year or 0, data.phones[0] if data.phones else "",
            ", ".join(sorted(data.tags, key=str.casefold)) if data.tags else "", name_key(data.name))


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


# row status -> the ImportResult count it adds to
_TALLY = {"new": "created", "family": "created", "update": "updated", "same": "unchanged", "skip": "skipped", "blank": "blank",
          "total": "totals", "error": "failed_rows"}


def _tally(result: ImportResult, plans: list[_RowPlan]) -> None:
    for plan in plans:
        outcome = plan.outcome
        counter = _TALLY.get(outcome.status)
        if counter:
            setattr(result, counter, getattr(result, counter) + 1)
        if outcome.status == "family":
            result.family.append((outcome.row, outcome.name, outcome.family_of, outcome.phone))
        if outcome.issues:
            result.issues.extend(outcome.issues)
            result.problem_rows.append((outcome.row, plan.cells, outcome.issues))

