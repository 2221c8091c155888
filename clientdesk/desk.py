"""The Desk: one open database and every service over it. The window and the command line
both build one with `Desk.open(path)` and call the same services.

A desk owns its database: it hands out its services wrapped (`BoundService`) so that every method
call, and every step of an iterator a method returns, runs inside `using(desk.db)`. The models
then work on this desk's file, whichever thread calls and however many desks are open."""

from __future__ import annotations

import collections.abc
import functools
import io
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from clientdesk.backup import backup_database
from clientdesk.branches import NOWHERE, Origin
from clientdesk.postgres.address import is_server_url
from clientdesk.clock import Clock
from clientdesk.counter.service import CounterService
from clientdesk.db import BackgroundCheckpoints, close_database, needs_upgrade, open_database, using
from clientdesk.errors import StorageError
from clientdesk.exporting.service import ExportService
from clientdesk.greetings.service import GreetingService
from clientdesk.importing.service import ImportService
from clientdesk.insights.segments import SegmentService
from clientdesk.insights.service import InsightService
from clientdesk.loyalty.cards_service import CardService
from clientdesk.loyalty.service import LoyaltyService
from clientdesk.clients.service import ClientService
from clientdesk.services.history import HistoryService
from clientdesk.services.settings import SettingsService


class BoundIterator:
    """An iterator (a generator) a bound service returned: each step runs inside using(db), however
    late and in whatever thread it is taken."""

    __slots__ = ("_iterator", "_db")

    def __init__(self, iterator, db) -> None:
        self._iterator = iterator
        self._db = db

    def __iter__(self) -> "BoundIterator":
        return self

    def __next__(self):
        with using(self._db):
            return next(self._iterator)

    def close(self) -> None:
        close = getattr(self._iterator, "close", None)
        if close is not None:
            with using(self._db):
                close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._iterator, name)


def _bound_result(value, db):
    """A generator or other lazy iterator is handed out bound; anything else (lists, rows, files) as it is."""
    if isinstance(value, collections.abc.Iterator) and not isinstance(value, io.IOBase):
        return BoundIterator(value, db)
    return value


# What a service hands out that runs code: its methods, and functions or partials stored on it.
_CALLS = (types.MethodType, types.FunctionType, types.BuiltinMethodType, functools.partial)


def _bound_call(fn, db):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        with using(db):
            return _bound_result(fn(*args, **kwargs), db)

    return call


class BoundService:
    """A service of one desk, as the window and the command line see it: its methods run inside
    using(db) (see the module's docstring). Attributes read and set pass through to the service,
    and an attribute that is itself a collaborator over the same database (ImportService's
    client_importer, GreetingService's calendar) is handed out bound too. `isinstance` sees the
    service's own class."""

    __slots__ = ("_service", "_db")

    def __init__(self, service, db) -> None:
        object.__setattr__(self, "_service", service)
        object.__setattr__(self, "_db", db)

    @property
    def __class__(self):  # isinstance(desk.clients, ClientService) stays true
        return type(self._service)

    @property
    def unbound(self):
        """The service itself (its methods use whichever database is in use)."""
        return self._service

    def __getattr__(self, name: str) -> Any:
        with using(self._db):  # a property may read the database
            value = getattr(self._service, name)
        if isinstance(value, _CALLS):
            return _bound_call(value, self._db)
        if getattr(value, "db", None) is self._db and not isinstance(value, BoundService):
            return BoundService(value, self._db)
        return _bound_result(value, self._db)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._service, name, value)

    def __delattr__(self, name: str) -> None:
        delattr(self._service, name)

    def __dir__(self):
        return dir(self._service)

    def __repr__(self) -> str:
        return f"<bound {self._service!r}>"


@dataclass
class Desk:
    path: Path | str  # the SQLite file, or a server's URL as given
    db: object
    clock: Clock
    settings: SettingsService
    clients: ClientService
    history: HistoryService
    loyalty: LoyaltyService
    cards: CardService
    counter: CounterService
    greetings: GreetingService
    imports: ImportService
    exports: ExportService
    segments: SegmentService
    insights: InsightService
    checkpoints: BackgroundCheckpoints
    origin: Origin = NOWHERE  # this PC's branch and counter names, recorded on every bill it makes

    @staticmethod
    def needs_upgrade(path: Path | str) -> bool:
        """True when opening `path` will first bring an older file up to date (see db.needs_upgrade)."""
        return needs_upgrade(path)

    @classmethod
    def open(cls, path: Path | str, clock: Clock | None = None, backup: bool = False, origin=None) -> "Desk":
        """Open the database at `path` (backing it up first when `backup`), and build the services.
        A server URL (`postgresql://…`) opens the client book on that server; it is kept as given
        (the file backups are SQLite's: a server's are not made here). `origin`: this PC's branch
        and counter names (an Origin or clientdesk.location's CounterChoices; none by default),
        checked before anything is opened (ValidationError for a name too long)."""
        origin = Origin.of(origin)
        server = is_server_url(path)
        path = path if server else Path(path)
        if backup and not server:
            backup_database(path, reason="start")
        clock = clock or Clock()
        db = open_database(path)
        try:
            with using(db):  # some services read or write their defaults as they start
                desk = cls._build(path, db, clock)
            desk.set_origin(origin)
            return desk
        except BaseException:
            close_database(db)
            raise

    @classmethod
    def _build(cls, path: Path, db, clock: Clock) -> "Desk":
        settings = SettingsService(db)
        clients = ClientService(db, settings, clock)
        history = HistoryService(db, clients, clock)
        loyalty = LoyaltyService(db, settings, clients, history, clock)
        cards = CardService(db, loyalty, settings, clock)
        clients.merge_hooks.append(loyalty.merge_hook)
        checkpoints = BackgroundCheckpoints()
        imports = ImportService(db, clients, settings, clock, checkpoints)
        imports.add_opening_points = loyalty.add_opening_balance
        services = dict(settings=settings, clients=clients, history=history, loyalty=loyalty, cards=cards,
                        counter=CounterService(db, loyalty, cards, clients, history, clock),
                        greetings=GreetingService(db, settings, clients, history, clock, loyalty), imports=imports,
                        exports=ExportService(db, clients, clock), segments=SegmentService(db, clients, clock, loyalty),
                        insights=InsightService(db, clients, settings, clock, loyalty))
        return cls(path=path, db=db, clock=clock, checkpoints=checkpoints,
                   **{name: BoundService(service, db) for name, service in services.items()})

    def using(self):
        """`with desk.using():` the models work on this desk's database (for code that uses them
        directly, outside the services)."""
        return using(self.db)

    def set_origin(self, origin) -> None:
        """This PC's branch and counter names (an Origin or CounterChoices), for the bills rung up from
        now on: the sales at the counter and the bills recorded by hand."""
        self.origin = Origin.of(origin)
        self.history.origin = self.counter.origin = self.origin

    def set_language(self, language: str) -> None:
        """The shop's language ("en" or "hi") for words the desk supplies until the shop writes its
        own: the loyalty programme's tier names, stamp reward and card terms."""
        self.loyalty.set_language(language)

    def close(self) -> None:
        """Close the database, after background checkpoints, letting SQLite refresh its
        query-planner statistics first."""
        self.checkpoints.wait()
        try:
            self.db.execute_sql("PRAGMA optimize")
        except (peewee.DatabaseError, StorageError):  # a locked or read-only file must not stop the program from closing
            pass
        close_database(self.db)
