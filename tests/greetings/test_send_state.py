"""The composer's send state on its own, without a window: recipients, prepared drafts, and what
became of each one across cards, WhatsApp one by one, email failures and a retry."""

from __future__ import annotations

import datetime as dt

from clientdesk.greetings.deliver import Delivery
from clientdesk.greetings.mailer import SendResult
from clientdesk.greetings.occasions import personal
from clientdesk.greetings.service import Composition, Draft, LeftOut
from ui.greetings.send_state import FAILED, PRINTED, SENT, SKIPPED, SendState


def draft(client_id: int, text: str = "Dear {name}, happy birthday", **flags) -> Draft:
    return Draft(client_id, f"Client {client_id}", "en", f"c{client_id}@example.com", "Greetings", text, {}, "birthday",
                 **flags)


def composition(channel: str, *drafts: Draft, left_out=()) -> Composition:
    return Composition(personal("birthday"), dt.date(2026, 11, 22), channel, None, list(drafts), list(left_out))


def words(reason: str) -> str:
    return f"<{reason}>"


def test_recipients_are_each_once_in_order():
    state = SendState()
    state.set_recipients(["3", 1, 3, 2, 1])
    assert state.recipients == [3, 1, 2]
    assert state.add_recipient(7) and not state.add_recipient(1)
    assert state.recipients == [3, 1, 2, 7]
    assert state.without_rows({0, 2}) == [1, 7]
    state.set_recipients([])
    assert state.recipients == [] and state.without_rows(set()) == []


def test_nothing_prepared_has_nothing_pending():
    state = SendState()
    assert not state.prepared and state.pending() == [] and state.next_pending() is None
    assert not state.invalidate()  # nothing to forget
    assert state.draft_at(0) is None and state.draft_at(-1) is None


def test_cards_are_printed_or_saved_never_sent():
    state = SendState()
    state.composed(composition("print", draft(1), draft(2), draft(3)))
    greeted = state.record(Delivery(greeted=(1, 2), left_out=(LeftOut(3, "Client 3", "cap_reached"),)), words)
    assert greeted
    assert [state.state_of(c) for c in (1, 2, 3)] == [PRINTED, PRINTED, FAILED]
    assert state.errors == {3: "<cap_reached>"}
    assert state.count(PRINTED) == 2 and state.count(SENT) == 0
    assert state.is_closed(1) and not state.is_closed(3)
    assert [d.client_id for d in state.pending()] == [3]


def test_whatsapp_walk_goes_one_by_one_and_skips():
    state = SendState()
    state.composed(composition("whatsapp", draft(1), draft(2), draft(3)))
    assert state.next_pending().client_id == 1
    state.record(Delivery(greeted=(1,), left_out=()), words)
    assert state.state_of(1) == SENT and state.next_pending().client_id == 2
    state.skip(2)
    assert state.state_of(2) == SKIPPED and state.next_pending().client_id == 3
    assert not state.record(Delivery(greeted=(), left_out=()), words)  # nobody greeted
    state.record(Delivery(greeted=(3,), left_out=()), words)
    assert state.next_pending() is None and state.count(SENT) == 2


def test_failed_emails_are_retried_and_their_errors_forgotten():
    state = SendState()
    state.composed(composition("email", draft(1), draft(2), draft(3)))
    state.record(Delivery(greeted=(1,), left_out=(), failed=(SendResult(2, False, "mailbox full"),
                                                              SendResult(3, False, "no such user"))), words)
    assert [d.client_id for d in state.failed()] == [2, 3]
    assert state.errors == {2: "mailbox full", 3: "no such user"}
    assert [d.client_id for d in state.pending()] == [2, 3]  # failed ones may go again
    state.retry(state.failed())
    assert state.state_of(2) is None and state.failed() == []
    state.record(Delivery(greeted=(2, 3), left_out=()), words)
    assert state.count(SENT) == 3 and state.pending() == []


def test_a_left_out_that_already_went_keeps_its_outcome():
    state = SendState()
    state.composed(composition("whatsapp", draft(1), draft(2)))
    state.record(Delivery(greeted=(1,), left_out=()), words)
    state.record(Delivery(greeted=(), left_out=(LeftOut(1, "Client 1", "cap_reached"),
                                                LeftOut(9, "Not prepared", "cap_reached"))), words)
    assert state.state_of(1) == SENT and state.state_of(9) is None and state.errors == {}


def test_hand_edits_stay_until_the_choices_change():
    state = SendState()
    state.composed(composition("print", draft(1), draft(2, empty=("city",))))
    assert state.flagged_count() == 1
    edited = state.draft_at(1).with_text("Dear Client 2, happy birthday")
    state.replace_draft(1, edited)
    assert state.draft_at(1).text == "Dear Client 2, happy birthday" and state.flagged_count() == 0
    state.skip(1)
    assert state.invalidate() and not state.prepared
    assert state.drafts == [] and state.status == {} and state.errors == {}
    state.composed(composition("print", draft(1)))
    assert state.status == {} and [d.client_id for d in state.pending()] == [1]


def test_prepared_messages_are_a_copy_of_the_composition():
    comp = composition("copy", draft(1))
    state = SendState()
    state.composed(comp)
    state.replace_draft(0, draft(1, text="changed"))
    assert comp.drafts[0].text == "Dear {name}, happy birthday"  # the service's list is not touched
