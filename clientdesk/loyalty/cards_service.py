"""Loyalty cards: numbers, issuing, blocking a lost card, and printing them (a PDF, or the two
faces as pictures). The programme, the ledger and each member's card number are LoyaltyService's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from clientdesk.clock import Clock
from clientdesk.errors import NotFoundError, StorageError, ValidationError
from clientdesk.lazy import lazy_import
from clientdesk.loyalty.models import LedgerEntry, LoyaltyCard, LoyaltyMember
from clientdesk.loyalty.rules import LoyaltyRules, card_number, card_number_valid, looks_like_card
from clientdesk.loyalty.service import LoyaltyService
from clientdesk.models import Client
from clientdesk.outfiles import check_target, replaced_when_done
from clientdesk.progress import NO_PROGRESS, Progress

card_pdf = lazy_import("clientdesk.loyalty.cards")  # reportlab loads when cards are first drawn


@dataclass
class CardInfo:
    number: str
    client_id: int
    status: str
    issued_on: dt.date
    printed_on: dt.date | None
    blocked_on: dt.date | None


class CardService:
    """The shop's loyalty cards. Needs the database, the loyalty service (rules, members, tiers),
    settings (the shop's name and address on the card) and a clock."""

    def __init__(self, db, loyalty: LoyaltyService, settings, clock: Clock | None = None):
        self.db = db
        self.loyalty = loyalty
        self.settings = settings
        self.clock = clock or Clock()

    def _next_card_number(self) -> str:
        numbers = [n for (n,) in LoyaltyCard.select(LoyaltyCard.number).order_by(LoyaltyCard.id.desc()).limit(1).tuples()]
        sequence = int(numbers[0][1:-1]) + 1 if numbers else 1
        number = card_number(sequence)
        while LoyaltyCard.select().where(LoyaltyCard.number == number).exists():
            sequence += 1
            number = card_number(sequence)
        return number

    def issue_new_card(self, client_id: int, rules: LoyaltyRules) -> str:
        """A new card number for the client, joining them to the programme if needed (inside the
        caller's transaction)."""
        if self.loyalty.member(client_id) is None:
            self.loyalty.join(client_id, rules, bonus=True)
        return self.add_card(client_id)

    def add_card(self, client_id: int) -> str:
        """A new card number for a client who is a member already (inside the caller's transaction)."""
        number = self._next_card_number()
        LoyaltyCard.create(number=number, client=client_id, issued_on=self.clock.today())
        return number

    def issue_card(self, client_id: int) -> str:
        """The client's active card, issuing one (and joining the programme) if there is none."""
        with self.db.atomic():
            self.loyalty.require_client(client_id)
            return self.loyalty.card_of(client_id) or self.issue_new_card(client_id, self.loyalty.rules())

    def replace_card(self, client_id: int) -> str:
        """A lost card: block every active card of the client and issue a new number; the points stay."""
        with self.db.atomic():
            self.loyalty.require_client(client_id)
            (LoyaltyCard.update(status="blocked", blocked_on=self.clock.today())
             .where((LoyaltyCard.client == client_id) & (LoyaltyCard.status == "active")).execute())
            return self.issue_new_card(client_id, self.loyalty.rules())

    def client_cards(self, client_id: int) -> list[CardInfo]:
        """Every card the client has had, newest first."""
        return [CardInfo(c.number, c.client_id, c.status, c.issued_on, c.printed_on, c.blocked_on)
                for c in LoyaltyCard.select().where(LoyaltyCard.client == client_id).order_by(LoyaltyCard.id.desc())]

    def client_for_card(self, number: str) -> int:
        """The client of an active card; ValidationError for a mistyped or blocked number."""
        number = (number or "").strip().replace(" ", "")
        if not looks_like_card(number):
            raise ValidationError("card", "format", f"{number} is not a card number")
        if not card_number_valid(number):
            raise ValidationError("card", "checksum", f"{number} is not a valid card number; check for a typing mistake")
        card = LoyaltyCard.get_or_none(LoyaltyCard.number == number)
        if card is None:
            raise NotFoundError(f"There is no card {number}")
        if card.status != "active":
            raise ValidationError("card", "blocked", f"Card {number} was blocked on {card.blocked_on}",
                                  client_id=card.client_id)
        return card.client_id

    def mark_printed(self, client_ids: Sequence[int]) -> None:
        """Note today as the print date of these clients' active cards."""
        with self.db.atomic():
            for start in range(0, len(client_ids), 500):
                (LoyaltyCard.update(printed_on=self.clock.today())
                 .where(LoyaltyCard.client.in_(list(client_ids[start:start + 500])) & (LoyaltyCard.status == "active"))
                 .execute())

    def unprinted_client_ids(self) -> list[int]:
        """Clients whose active card has not been printed yet."""
        return [cid for (cid,) in LoyaltyCard.select(LoyaltyCard.client).distinct()
                .where((LoyaltyCard.status == "active") & LoyaltyCard.printed_on.is_null())
                .order_by(LoyaltyCard.client).tuples()]

    def issue_cards(self, client_ids: Sequence[int]) -> dict[int, str]:
        """Each client's active card number, issuing the missing ones (and joining those clients to
        the programme, with the sign-up bonus) in one transaction of bulk inserts."""
        client_ids = list(dict.fromkeys(client_ids))
        with self.db.atomic():
            rules = self.loyalty.rules()
            have: dict[int, str] = {}
            known: set[int] = set()
            members: set[int] = set()
            for start in range(0, len(client_ids), 500):
                chunk = client_ids[start:start + 500]
                known.update(cid for (cid,) in Client.select(Client.id).where(Client.id.in_(chunk)).tuples())
                members.update(cid for (cid,) in LoyaltyMember.select(LoyaltyMember.client)
                               .where(LoyaltyMember.client.in_(chunk)).tuples())
                for cid, number in (LoyaltyCard.select(LoyaltyCard.client, LoyaltyCard.number)
                                    .where(LoyaltyCard.client.in_(chunk) & (LoyaltyCard.status == "active"))
                                    .order_by(LoyaltyCard.id).tuples()):
                    have[cid] = number
            missing_client = next((cid for cid in client_ids if cid not in known), None)
            if missing_client is not None:
                raise NotFoundError(f"There is no client #{missing_client}")
            new = [cid for cid in client_ids if cid not in have]
            if new:
                today, now = self.clock.today(), self.clock.now()
                joining = [cid for cid in new if cid not in members]
                self._bulk_insert(LoyaltyMember, [{"client": cid, "joined_on": today, "tier": rules.tiers[0].code,
                                                   "tier_since": today} for cid in joining])
                if rules.signup_bonus:
                    self._bulk_insert(LedgerEntry, [{
                        "client": cid, "at": now, "date": today, "kind": "bonus", "points": rules.signup_bonus,
                        "remaining": rules.signup_bonus, "expires_on": rules.expiry_for(today),
                        "value_paise": rules.point_value_paise, "reason": "signup"} for cid in joining])
                sequence = int(self._next_card_number()[1:-1])
                rows = []
                for offset, cid in enumerate(new):
                    have[cid] = card_number(sequence + offset)
                    rows.append({"number": have[cid], "client": cid, "issued_on": today})
                self._bulk_insert(LoyaltyCard, rows)
            return {cid: have[cid] for cid in client_ids}

    @staticmethod
    def _bulk_insert(model, rows: list[dict], batch: int = 500) -> None:
        for start in range(0, len(rows), batch):
            model.insert_many(rows[start:start + batch]).execute()

    # ----- printed cards ----------------------------------------------------------------------
    def shop_info(self) -> card_pdf.ShopInfo:
        """Shop name, phone, address, logo and card terms from Settings."""
        return card_pdf.ShopInfo(
            name=self.settings.get("shop_name", "") or "", phone=self.settings.get("shop_phone", "") or "",
            address=self.settings.get("shop_address", "") or "", logo=self.settings.get("shop_logo", "") or "",
            terms=self.loyalty.rules().card_terms, stamp_reward=self.loyalty.rules().stamp_reward)

    def card_faces(self, client_ids: Sequence[int]) -> list[card_pdf.CardFace]:
        """What each client's card shows (issuing missing cards), in the order given."""
        numbers = self.issue_cards(client_ids)
        tiers = self.loyalty.tiers_by_client(client_ids)
        rules = self.loyalty.rules()
        faces = []
        names: dict[int, str] = {}
        for start in range(0, len(client_ids), 500):
            chunk = list(client_ids[start:start + 500])
            names.update(Client.select(Client.id, Client.name).where(Client.id.in_(chunk)).tuples())
        for cid in client_ids:
            tier = rules.tier(tiers.get(cid, rules.tiers[0].code))
            faces.append(card_pdf.CardFace(numbers[cid], names[cid], tier.name, tier.colour, rules.stamps_needed))
        return faces

    def everyone_for_cards(self) -> list[int]:
        """Every client who is not archived or erased (for printing everyone's card)."""
        return [cid for (cid,) in Client.select(Client.id).where((Client.archived == False)  # noqa: E712
                                                                 & (Client.erased == False))  # noqa: E712
                .order_by(Client.id).tuples()]

    def write_cards(self, path, client_ids: Sequence[int] | None = None, back: bool = True,
                    progress: Progress = NO_PROGRESS) -> dict:
        """Print cards into a PDF: these clients, or (None) everyone whose card is not printed yet.
        Issues missing cards, marks them printed, returns {"cards": n, "pages": p, "client_ids": [...]}.
        All or nothing, without holding up the counter: the faces (with the numbers the missing cards
        will get) come from a transaction that is rolled back; the PDF is drawn into a temporary file
        beside `path` with no transaction open; then one short transaction issues the same cards and
        marks them printed, and only after it commits does the file take its name. A PDF that cannot
        be written leaves no cards, sign-up points or print dates behind."""
        check_target(path)
        ids = list(dict.fromkeys(client_ids)) if client_ids is not None else self.unprinted_client_ids()
        if not ids:
            raise ValidationError("clients", "empty", "There are no cards to print")
        with self.db.atomic() as planning:
            faces = self.card_faces(ids)
            planning.rollback()
        shop = self.shop_info()
        with replaced_when_done(path) as partial:
            pages = card_pdf.write_cards(partial, faces, shop, back=back, progress=progress)
            with self.db.atomic():
                if self.card_faces(ids) != faces:  # another counter issued cards meanwhile
                    raise StorageError("Cards were issued on another computer while these were drawn; "
                                       "nothing was saved: print them again")
                self.mark_printed(ids)
        return {"cards": len(faces), "pages": pages, "client_ids": ids}

    def card_images(self, client_id: int, dpi: int = 200) -> tuple[bytes, bytes]:
        """Front and back of the client's card as PNG, drawn as they will print (no card is issued)."""
        rules = self.loyalty.rules()
        summary = self.loyalty.summary(client_id)
        name = self.loyalty.require_client(client_id).name
        face = card_pdf.CardFace(summary.card_number or "", name, summary.tier_name, summary.tier_colour,
                                  rules.stamps_needed)
        return card_pdf.card_images_png(face, self.shop_info(), dpi)
