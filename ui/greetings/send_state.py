"""What the greeting composer keeps across one send, without a window: the recipients chosen, the
prepared messages (a Composition and the drafts, hand edits included), and what became of each one
(sent, printed / saved, failed and why, skipped). The Composer shows it; these rules live here so they
are tested without widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from clientdesk.greetings.deliver import Delivery
from clientdesk.greetings.service import Composition, Draft

SENT, PRINTED, FAILED, SKIPPED = "sent", "printed", "failed", "skipped"
CLOSED = (SENT, PRINTED)  # gone out: no longer editable, never sent twice
DONE = (SENT, PRINTED, SKIPPED)  # nothing more to do for them in this send


@dataclass
class SendState:
    """Recipients → prepared drafts → one outcome per client id. Changing the recipients (or any other
    choice) drops the prepared drafts and their outcomes (`invalidate`)."""

    recipients: list[int] = field(default_factory=list)
    composition: Composition | None = None
    drafts: list[Draft] = field(default_factory=list)
    status: dict[int, str] = field(default_factory=dict)  # client id -> SENT | PRINTED | FAILED | SKIPPED
    errors: dict[int, str] = field(default_factory=dict)  # client id -> why it failed, in words

    # ----- recipients ------------------------------------------------------------------------
    def set_recipients(self, client_ids: Iterable) -> None:
        """These clients, each once, in the order given."""
        self.recipients = list(dict.fromkeys(int(i) for i in client_ids))

    def add_recipient(self, client_id: int) -> bool:
        """Add one client at the end; False when already chosen."""
        if client_id in self.recipients:
            return False
        self.recipients.append(client_id)
        return True

    def without_rows(self, rows: set[int]) -> list[int]:
        """The recipients less those at these positions."""
        return [cid for row, cid in enumerate(self.recipients) if row not in rows]

    # ----- prepared messages -----------------------------------------------------------------
    @property
    def prepared(self) -> bool:
        return self.composition is not None

    def invalidate(self) -> bool:
        """Forget the prepared messages and their outcomes; True when there were some."""
        if self.composition is None:
            return False
        self.composition = None
        self.drafts = []
        self.status, self.errors = {}, {}
        return True

    def composed(self, composition: Composition) -> None:
        """Newly prepared messages: nothing has gone out yet."""
        self.composition = composition
        self.drafts = list(composition.drafts)
        self.status, self.errors = {}, {}

    def replace_draft(self, row: int, draft: Draft) -> None:
        """A hand edit of the message at `row`."""
        self.drafts[row] = draft

    def draft_at(self, row: int) -> Draft | None:
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    # ----- outcomes --------------------------------------------------------------------------
    def state_of(self, client_id: int) -> str | None:
        return self.status.get(client_id)

    def is_closed(self, client_id: int) -> bool:
        """Sent or in a cards PDF: shown read-only."""
        return self.status.get(client_id) in CLOSED

    def pending(self) -> list[Draft]:
        """The messages still to deliver (failed ones included: they may be tried again)."""
        return [d for d in self.drafts if self.status.get(d.client_id) not in DONE]

    def next_pending(self) -> Draft | None:
        """The next one of a one-by-one walk (WhatsApp, copy)."""
        pending = self.pending()
        return pending[0] if pending else None

    def failed(self) -> list[Draft]:
        return [d for d in self.drafts if self.status.get(d.client_id) == FAILED]

    def count(self, state: str) -> int:
        return sum(1 for s in self.status.values() if s == state)

    def flagged_count(self) -> int:
        return sum(1 for d in self.drafts if d.flagged)

    def skip(self, client_id: int) -> None:
        self.status[client_id] = SKIPPED

    def retry(self, drafts: Iterable[Draft]) -> None:
        """These are being delivered again: their last outcome no longer stands."""
        for d in drafts:
            self.status.pop(d.client_id, None)

    def record(self, delivery: Delivery, left_out_words) -> bool:
        """Apply what a delivery did: greeted → sent (printed / saved for a cards PDF, which nobody
        knows was handed over), failures with their error, and the drafts the service left out (a
        cap reached meanwhile, a flagged message not allowed) as failed with `left_out_words(reason)`.
        True when somebody was greeted."""
        done = PRINTED if self.composition is not None and self.composition.channel == "print" else SENT
        for cid in delivery.greeted:
            self.status[cid] = done
        for failure in delivery.failed:
            self.status[failure.client_id] = FAILED
            self.errors[failure.client_id] = failure.error
        skipped = {o.client_id: o.reason for o in delivery.left_out} if self.composition is not None else {}
        for d in self.drafts:
            if d.client_id in skipped and self.status.get(d.client_id) is None:
                self.status[d.client_id] = FAILED
                self.errors[d.client_id] = left_out_words(skipped[d.client_id])
        return bool(delivery.greeted)
