"""Client import, writing: the plan made by planning.py goes to the database. New clients in
multi-row statements with their phones and search index rows (built on the pipeline's helper
thread), tags in bulk, updates of clients already in the desk with their undo records, the client
and phone indexes dropped and rebuilt around a load that at least doubles the table, and the held
transaction that commits once it has had the write lock long enough. No per-row service calls.
"""

from __future__ import annotations

import contextlib
import json
import time
from typing import Iterator

from clientdesk import search
from clientdesk.importing import planning
from clientdesk.importing.bulk import SQLiteLoad, bulk_for, bulk_insert, db_values, next_id
from clientdesk.importing.models import ImportChange, record_created
from clientdesk.importing.planning import DATE_FIELDS, STORED, ClientValues, _New
from clientdesk.models import Client, ClientTag, Phone, Tag
from clientdesk.textkey import name_key

# The writer commits once it has held the write lock HOLD_SECONDS (see importer.WRITE_ROWS).
HOLD_SECONDS = 0.5


class ClientWriter:
    """Writes planned clients: new ones in bulk, changes to clients already in the desk."""

    def __init__(self, db, clock):
        self.db = db
        self.clock = clock

    def insert_new(self, news: list[_New], batch_id: int | None) -> None:
        """Write clients planned elsewhere (the sales register's new phones) with their phones, tags
        and search index rows, in one go; recorded under `batch_id` for undo. Call inside the
        writing transaction, after something was written (so it holds the write lock)."""
        if not news:
            return
        first = next_id(Client)
        for offset, new in enumerate(news):
            new.id = first + offset
        load = bulk_for(self.db)
        with self.bulk_load(load, len(news), first - 1):
            load.run(self.new_client_rows(load, news, self.constants()))
        self.add_tags([(n.id, t) for n in news for t in n.data.tags])
        record_created(batch_id, "client_created", first, len(news))

    @contextlib.contextmanager
    def bulk_load(self, load: SQLiteLoad, rows: int, existing: int) -> Iterator[None]:
        """Writing `rows` new clients (or file rows that may be new) into a client table of
        `existing`: at least search.BULK_ROWS of them write the search indexes with their bulk
        settings; if they also at least double the table, its indexes are dropped and built again
        after the rows (a re-imported sheet does not). Inside the writing transaction, so a
        failure's rollback restores both."""
        with contextlib.ExitStack() as stack:
            if rows >= search.BULK_ROWS:
                if rows >= 2 * existing:
                    stack.enter_context(load.indexes_built_after(Client._meta.table_name))
                    stack.enter_context(load.indexes_built_after(Phone._meta.table_name))
                stack.enter_context(load.search_settings())
            yield

    def constants(self, now=None) -> tuple[tuple[str, object], ...]:
        """(column, driver value) pairs every new client gets: source, timestamps (`now`, else the
        clock's), model defaults; those the table's column defaults give are left to them
        (bulk.SQLiteLoad.defaulted). Call on the thread that owns the connection."""
        fields = [Client._meta.fields[n] for n in _CONSTANT_COLUMNS]
        now = now or self.clock.now()
        pairs = tuple(zip((f.column_name for f in fields), db_values(fields, ("other", now, now, *_defaults()))))
        return bulk_for(self.db).defaulted(Client._meta.table_name, pairs)

    @staticmethod
    def new_client_rows(load: SQLiteLoad, news: list[_New], constants: tuple) -> list:
        """What writes these new clients (ids given) with `load` (bulk.bulk_for): client rows,
        phones and both search indexes. Pure Python, run on the pipeline's helper thread."""
        blank, zero = load.EMPTY
        loads = load.rows(Client._meta.table_name, _BOUND_COLUMNS, [_client_row(n, blank, zero) for n in news],
                          constants, _NULL_WHEN)
        phones = [(n.id, number, int(i == 0)) for n in news for i, number in enumerate(n.data.phones)]
        loads += load.rows(Phone._meta.table_name, ("client_id", "number", "is_primary"), phones,
                           (("is_whatsapp", 0),))
        for table, (columns, values) in search.table_rows([_index_row(n.id, n.data) for n in news]).items():
            loads += load.rows(table, columns, values)
        return loads

    def delete_new(self, ids: list[int]) -> None:
        """Take back clients this import wrote (to write them again): rows, phones, index rows.
        Call with the client and phone indexes in place."""
        for start in range(0, len(ids), planning.CHUNK):
            chunk = ids[start:start + planning.CHUNK]
            marks = ", ".join("?" * len(chunk))
            self.db.execute_sql(f'DELETE FROM "{Phone._meta.table_name}" WHERE client_id IN ({marks})', chunk)
            self.db.execute_sql(f'DELETE FROM "{Client._meta.table_name}" WHERE id IN ({marks})', chunk)
        search.delete_rows(self.db, ids)

    @staticmethod
    def add_tags(pairs: list[tuple[int, str]]) -> None:
        if not pairs:
            return
        names = sorted({t for _, t in pairs})
        Tag.insert_many([(n,) for n in names], fields=[Tag.name]).on_conflict_ignore().execute()
        ids = dict(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(names)).tuples())
        bulk_insert(ClientTag._meta.database, ClientTag, [ClientTag.client, ClientTag.tag],
                    list(dict.fromkeys((cid, ids[t]) for cid, t in pairs)))

    def write_updates(self, before: dict[int, ClientValues], after: dict[int, ClientValues],
                       batch_id: int) -> None:
        """Write the changes to clients already in the desk, each with its undo record and its search
        index rows, CHUNK clients per batch of statements (an ORM query per client cost about 1 ms:
        25,000 updates took 23 s)."""
        if not after:
            return
        cursor = self.db.cursor()
        updated_at = db_values([Client.updated_at], [self.clock.now()])[0]
        ids = list(after)
        for start in range(0, len(ids), planning.CHUNK):
            rows, phones, primaries, tags, changes, index_rows = [], [], [], [], [], []
            for cid in ids[start:start + planning.CHUNK]:
                old, new = before[cid], after[cid]
                changed = [n for n in STORED if getattr(new, n) != getattr(old, n)]
                added_phones = [n for n in new.phones if n not in old.phones]
                added_tags = [t for t in new.tags if t not in old.tags]
                rows.append((*((getattr(new, n) or None) if n in ("email", "gstin") else getattr(new, n) for n in STORED),
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
            self.add_tags(tags)
            bulk_insert(self.db, ImportChange, [ImportChange.batch, ImportChange.action, ImportChange.target_id,
                                                ImportChange.before], changes)
            search.replace_rows(self.db, index_rows)  # from the values in hand: nothing read back


_IMPORTED_COLUMNS = ("id", "name", "honorific", "father_name", "email", "gstin", "business_name", "postal_line",
                     "postal_city", "postal_state", "postal_pin", "notes", *DATE_FIELDS, "primary_phone",
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
                  + ", ".join(f'"{n}" = ?' for n in (*STORED, "primary_phone", "tags_text", "search_key", "updated_at"))
                  + " WHERE id = ?")


class HeldTransaction:
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


# Nullable columns of a new client's row, and SQLite's mark of an empty one (SQLiteLoad.EMPTY),
# stored as NULL; the server's rows give None (ServerLoad.EMPTY).
_NULL_WHEN = {"email": "", "gstin": "", "primary_phone": "", **{name: 0 for name in DATE_FIELDS}}


def _client_row(new: _New, blank: str | None, zero: int | None) -> tuple:
    """The id and _ROW_COLUMNS of one new client in driver values, with its search key; an empty
    nullable text is `blank`, an empty date part `zero` (the load's EMPTY marks)."""
    data = new.data
    return (new.id, data.name, data.honorific, data.father_name, data.email or blank, data.gstin or blank,
            data.business_name, data.postal_line, data.postal_city, data.postal_state, data.postal_pin, data.notes,
            data.birth_day or zero, data.birth_month or zero, data.birth_year or zero, data.anniversary_day or zero,
            data.anniversary_month or zero, data.anniversary_year or zero, data.phones[0] if data.phones else blank,
            ", ".join(sorted(data.tags, key=str.casefold)) if data.tags else "", name_key(data.name))
