"""Clients: create, edit, archive, erase, merge and find them (ClientService). Their fields and
validation are in clientdesk.clients.fields, the list's queries in clientdesk.clients.listing."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Callable, Iterable, Sequence

from clientdesk import search
from clientdesk.clients.fields import SCALAR_FIELDS, ClientData, ConsentState, PhoneEntry, clean, richer
from clientdesk.clients.index import reindex_clients
from clientdesk.clients.listing import ClientFilter, ClientListing, ClientRow, status_at
from clientdesk.clock import Clock
from clientdesk.errors import DuplicateError, NotFoundError, ValidationError
from clientdesk.models import (
    CHANNELS, Client, ClientTag, Consent, ConsentEvent, Interaction, Phone, Purchase, Tag,
)
from clientdesk.services import erasure
from clientdesk.validate import normalize_email, normalize_phone

log = logging.getLogger(__name__)

MergeHook = Callable[[int, int], None]


class SharedPhoneError(ValidationError):
    """A number several clients share (a household) where exactly one client is needed:
    `members` are their (id, name), oldest first; the caller asks which one."""

    def __init__(self, number: str, members: list[tuple[int, str]]):
        people = "; ".join(f"#{cid} {name}" for cid, name in members)
        super().__init__("phone", "shared", f"{number} is shared by {len(members)} clients: {people}",
                         value=number)
        self.number = number
        self.members = members


class ClientService:
    """All client reads and writes. `merge_hooks` let other areas (loyalty) move their rows on merge.
    The list (count, ids, rows, page, search) is planned by `self.listing`."""

    def __init__(self, db, settings, clock: Clock | None = None):
        self.db = db
        self.settings = settings
        self.clock = clock or Clock()
        self.merge_hooks: list[MergeHook] = []
        self.listing = ClientListing(db, self.lapse_cutoff)

    # ----- validation --------------------------------------------------------------------
    def clean(self, data: ClientData) -> ClientData:
        """Validated, normalised copy of `data`; raises ValidationError on the first bad field."""
        return clean(data)

    def _check_unique(self, data: ClientData, client_id: int | None, family_of: int | None = None) -> None:
        """A number someone else has is refused, naming them, unless the caller joins that client's
        household explicitly (`family_of`); a number this client has already stays. One client per email."""
        kept = set() if client_id is None else {
            n for (n,) in Phone.select(Phone.number).where(Phone.client == client_id).tuples()}
        joined = False
        for phone in data.phones:
            if phone.number in kept:
                continue
            owners = [(cid, name) for cid, name in
                      Client.select(Client.id, Client.name).join(Phone)
                      .where(Phone.number == phone.number, Client.id != (client_id or 0))
                      .order_by(Client.id).tuples()]
            if not owners:
                continue
            if family_of is not None and any(cid == family_of for cid, _ in owners):
                joined = True
                continue
            raise DuplicateError("phone", phone.number, *owners[0])
        if family_of is not None and not joined and not Phone.select().where(
                Phone.client == family_of, Phone.number.in_([p.number for p in data.phones])).exists():
            if not self.exists(family_of):
                raise NotFoundError(f"There is no client #{family_of}")
            name = self.names([family_of]).get(family_of, "")
            raise ValidationError("family_of", "no_shared_phone",
                                  f"None of these numbers belongs to client #{family_of} {name}: nothing to share")
        if data.email:
            owner = Client.get_or_none(Client.email == data.email)
            if owner and owner.id != client_id:
                raise DuplicateError("email", data.email, owner.id, owner.name)

    # ----- writes ------------------------------------------------------------------------
    def create(self, data: ClientData, family_of: int | None = None) -> int:
        """Validate and save a new client; returns its id. A phone number of another client is
        refused (DuplicateError naming them) unless `family_of` is that client: then the new client
        joins their household and both keep the number (each with their own points)."""
        data = self.clean(data)
        with self.db.atomic():
            self._check_unique(data, None, family_of)
            now = self.clock.now()
            client = Client.create(created_at=now, updated_at=now, **self._row_values(data))
            self._write_children(client.id, data, now)
            self.reindex([client.id])
        log.info("Created client %s", client.id)
        return client.id

    def update(self, client_id: int, data: ClientData, family_of: int | None = None) -> None:
        """Validate and save changes to an existing client (`family_of` as in create())."""
        data = self.clean(data)
        with self.db.atomic():
            self._require(client_id)
            self._check_unique(data, client_id, family_of)
            now = self.clock.now()
            Client.update(updated_at=now, **self._row_values(data)).where(Client.id == client_id).execute()
            self._write_children(client_id, data, now)
            self.reindex([client_id])

    def _row_values(self, data: ClientData) -> dict:
        values = {name: getattr(data, name) for name in SCALAR_FIELDS}
        values["email"] = data.email or None
        values["gstin"] = data.gstin or None
        values["referred_by"] = data.referred_by
        values["primary_phone"] = data.primary_phone
        values["tags_text"] = ", ".join(data.tags)
        return values

    def _write_children(self, client_id: int, data: ClientData, now: dt.datetime) -> None:
        Phone.delete().where(Phone.client == client_id).execute()
        for p in data.phones:
            Phone.create(client=client_id, number=p.number, is_primary=p.is_primary, is_whatsapp=p.is_whatsapp)
        self._set_tags(client_id, data.tags)
        for channel, state in data.consents.items():
            self._apply_consent(client_id, channel, state.granted, state.method, now, guardian=state.guardian)

    def _set_tags(self, client_id: int, tags: Iterable[str]) -> None:
        ClientTag.delete().where(ClientTag.client == client_id).execute()
        for name in tags:
            tag, _ = Tag.get_or_create(name=name)
            ClientTag.insert(client=client_id, tag=tag).on_conflict_ignore().execute()

    def _apply_consent(self, client_id: int, channel: str, granted: bool, method: str, when: dt.datetime,
                       guardian: bool = False, note: str = "") -> None:
        current = Consent.get_or_none(Consent.client == client_id, Consent.channel == channel)
        if current and current.granted == granted and current.guardian == guardian:
            return
        if current is None and not granted:
            return
        (Consent.insert(client=client_id, channel=channel, granted=granted, changed_at=when, method=method,
                        guardian=guardian)
         .on_conflict(conflict_target=[Consent.client, Consent.channel],
                      update={Consent.granted: granted, Consent.changed_at: when, Consent.method: method,
                              Consent.guardian: guardian})
         .execute())
        ConsentEvent.create(client=client_id, channel=channel, granted=granted, at=when, method=method, note=note)

    def set_consent(self, client_id: int, channel: str, granted: bool, method: str = "counter_form",
                    note: str = "", guardian: bool = False) -> None:
        """Give or withdraw consent for one channel; the change is kept as proof (ConsentEvent)."""
        if channel not in CHANNELS:
            raise ValidationError("consent", "invalid", f"Unknown channel {channel}")
        with self.db.atomic():
            self._require(client_id)
            self._apply_consent(client_id, channel, granted, method, self.clock.now(), guardian=guardian, note=note)

    def withdraw_all_consent(self, client_id: int, note: str = "") -> None:
        """Withdraw marketing consent on every channel in one action."""
        with self.db.atomic():
            for channel in CHANNELS:
                self._apply_consent(client_id, channel, False, "other", self.clock.now(), note=note)

    def archive(self, client_id: int, archived: bool = True) -> None:
        self._require(client_id)
        Client.update(archived=archived, updated_at=self.clock.now()).where(Client.id == client_id).execute()

    def delete(self, client_id: int) -> str:
        """Delete a client so that it holds (DPDP Act; clientdesk.services.erasure). With bills on
        record (GST books are kept 72 months) every personal field is erased, the name becomes
        "Erased client #ID" and the bills keep amounts, dates and items: returns "erased";
        otherwise the client is removed entirely: "deleted". The WAL is emptied afterwards."""
        with self.db.atomic():
            self._require(client_id)
            outcome = erasure.erase_rows(self.db.execute_sql, client_id, self.clock.now())
        erasure.checkpoint(self.db)
        log.info("%s client %s", "Erased (bills kept)" if outcome == "erased" else "Deleted", client_id)
        return outcome

    def merge(self, keep_id: int, other_id: int) -> None:
        """Fold client `other_id` into `keep_id` in one transaction: history, phones, tags, consents,
        and the richer value of each field. `other_id` is deleted."""
        if keep_id == other_id:
            raise ValidationError("merge", "same", "A client cannot be merged with itself")
        with self.db.atomic():
            keep, other = self.get(keep_id), self.get(other_id)
            merged = richer(keep, other)
            Purchase.update(client=keep_id).where(Purchase.client == other_id).execute()
            Interaction.update(client=keep_id).where(Interaction.client == other_id).execute()
            ConsentEvent.update(client=keep_id).where(ConsentEvent.client == other_id).execute()
            Client.update(referred_by=keep_id).where(Client.referred_by == other_id).execute()
            for hook in self.merge_hooks:
                hook(keep_id, other_id)
            Phone.delete().where(Phone.client == other_id).execute()
            Consent.delete().where(Consent.client == other_id).execute()
            ClientTag.delete().where(ClientTag.client == other_id).execute()
            search.delete_rows(self.db, [other_id])
            Client.delete().where(Client.id == other_id).execute()
            Client.update(**self._row_values(merged), updated_at=self.clock.now()).where(Client.id == keep_id).execute()
            self._write_children(keep_id, merged, self.clock.now())
            self.refresh_stats([keep_id])
            self.reindex([keep_id])
        log.info("Merged client %s into %s", other_id, keep_id)

    def refresh_stats(self, client_ids: Sequence[int]) -> None:
        """Recompute first/last purchase, visit count and total spent from the purchases."""
        for start in range(0, len(client_ids), 500):
            chunk = list(client_ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            self.db.execute_sql(
                f"""UPDATE client SET
                    first_purchase_on = (SELECT min(date) FROM purchase p WHERE p.client_id = client.id),
                    last_purchase_on = (SELECT max(date) FROM purchase p WHERE p.client_id = client.id),
                    visit_count = (SELECT count(DISTINCT date) FROM purchase p WHERE p.client_id = client.id),
                    total_spent_paise = (SELECT coalesce(sum(amount_paise), 0) FROM purchase p WHERE p.client_id = client.id),
                    last_visit_on = (SELECT max(d) FROM (
                        SELECT max(date) AS d FROM purchase p WHERE p.client_id = client.id
                        UNION ALL SELECT max(date(at)) FROM interaction i
                        WHERE i.client_id = client.id AND i.channel = 'visit') AS visits)
                    WHERE id IN ({marks})""",
                chunk,
            )

    def reindex(self, client_ids: Sequence[int], fresh: bool = False) -> None:
        """Rebuild the search index rows (and sort keys) of these clients; call inside the writing
        transaction. `fresh`: the clients are new and have no index rows yet (bulk loads)."""
        reindex_clients(self.db, client_ids, fresh)

    def rebuild_index(self) -> None:
        """Rebuild the whole search index (after a bulk load)."""
        with self.db.atomic():
            search.clear(self.db)
            ids = [cid for (cid,) in Client.select(Client.id).tuples()]
            self.reindex(ids, fresh=True)

    # ----- reads -------------------------------------------------------------------------
    def _require(self, client_id: int) -> Client:
        client = Client.get_or_none(Client.id == client_id)
        if client is None:
            raise NotFoundError(f"There is no client #{client_id}")
        return client

    def exists(self, client_id: int) -> bool:
        return Client.select().where(Client.id == client_id).exists()

    def get(self, client_id: int) -> ClientData:
        """Everything about one client."""
        row = self._require(client_id)
        data = ClientData(**{name: getattr(row, name) for name in SCALAR_FIELDS})
        data.email = row.email or ""
        data.gstin = row.gstin or ""
        data.referred_by = row.referred_by_id
        data.referred_by_name = row.referred_by.name if row.referred_by_id else ""
        data.phones = [PhoneEntry(p.number, p.is_primary, p.is_whatsapp)
                       for p in Phone.select().where(Phone.client == client_id).order_by(Phone.is_primary.desc(), Phone.id)]
        data.tags = [t.name for t in Tag.select().join(ClientTag).where(ClientTag.client == client_id).order_by(Tag.name)]
        data.consents = {c.channel: ConsentState(c.granted, c.changed_at, c.method, c.guardian)
                         for c in Consent.select().where(Consent.client == client_id)}
        for name in ("id", "archived", "erased", "first_purchase_on", "last_purchase_on", "last_visit_on",
                     "visit_count", "total_spent_paise", "created_at", "updated_at"):
            setattr(data, name, getattr(row, name))
        data.status = self.status_of(row.first_purchase_on, row.last_purchase_on)
        return data

    def lapse_cutoff(self) -> dt.date:
        return self.clock.today() - dt.timedelta(days=int(self.settings.get("lapse_days")))

    def status_of(self, first: dt.date | None, last: dt.date | None) -> str:
        return status_at(first, last, self.lapse_cutoff())

    status_at = staticmethod(status_at)

    def clients_with_phone(self, text) -> list[int]:
        """Every client who has this phone number (a household shares one), oldest first; however
        it was typed; [] for nobody or for text that is not a phone number."""
        try:
            number = normalize_phone(text)
        except ValidationError:
            return []
        return [cid for (cid,) in Phone.select(Phone.client).where(Phone.number == number)
                .order_by(Phone.client).tuples()]

    def find_by_phone(self, text) -> int | None:
        """The one client who has this phone number, however it was typed; None if nobody.
        A number shared by a household names no single client: SharedPhoneError (a ValidationError)
        lists its people (id, name), oldest first, so no caller picks one of them silently."""
        ids = self.clients_with_phone(text)
        if len(ids) > 1:
            names = self.names(ids)
            raise SharedPhoneError(normalize_phone(text), [(cid, names.get(cid, "")) for cid in ids])
        return ids[0] if ids else None

    def find_by_email(self, text: str) -> int | None:
        try:
            email = normalize_email(text)
        except ValidationError:
            return None
        row = Client.get_or_none(Client.email == email)
        return row.id if row else None

    def find_by_gstin(self, text: str) -> int | None:
        row = Client.get_or_none(Client.gstin == (text or "").strip().upper())
        return row.id if row else None

    def tags(self) -> list[str]:
        """All tag names in use."""
        return [t for (t,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]

    # ----- the list (clientdesk.clients.listing) ------------------------------------------
    def count(self, flt: ClientFilter = ClientFilter()) -> int:
        """How many clients match the filter."""
        return self.listing.count(flt)

    def ids(self, flt: ClientFilter = ClientFilter(), sort: str = "relevance", descending: bool = False,
            offset: int = 0, limit: int = 200) -> list[int]:
        """One page of matching client ids, sorted in SQL."""
        return self.listing.ids(flt, sort, descending, offset, limit)

    def rows(self, client_ids: Sequence[int]) -> list[ClientRow]:
        """List rows for these ids, in the same order."""
        return self.listing.rows(client_ids)

    def page(self, flt: ClientFilter = ClientFilter(), sort: str = "relevance", descending: bool = False,
             offset: int = 0, limit: int = 200) -> list[ClientRow]:
        """One page of list rows."""
        return self.listing.page(flt, sort, descending, offset, limit)

    def search(self, text: str, limit: int = 20) -> list[ClientRow]:
        """The best matches for what was typed: exact phone/email first, then by name similarity."""
        return self.listing.search(text, limit)

    def phones_of(self, client_ids: Sequence[int]) -> dict[int, list[str]]:
        """Each client's phone numbers (E.164), primary first."""
        result: dict[int, list[str]] = {}
        query = (Phone.select(Phone.client, Phone.number).where(Phone.client.in_(list(client_ids)))
                 .order_by(Phone.client, Phone.is_primary.desc(), Phone.id).tuples())
        for client_id, number in query:
            result.setdefault(client_id, []).append(number)
        return result

    def names(self, client_ids: Sequence[int]) -> dict[int, str]:
        return dict(Client.select(Client.id, Client.name).where(Client.id.in_(list(client_ids))).tuples())
