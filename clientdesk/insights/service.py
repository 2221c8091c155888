"""Insights: client value (RFM, spend, visits, BG/NBD likelihood), bought-together rules,
per-client suggestions, up-sell signals, win-back, and the dashboard figures.

`refresh(progress)` recomputes everything from the bills in one pass (numpy/scipy, a few seconds
for 100,000 clients) and stores it in the insight tables in one transaction; the reads below are
then single indexed queries.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from dataclasses import asdict, dataclass, field

import peewee as pw

from clientdesk.branches import bill_branches
from clientdesk.dialect import sql_for
from clientdesk.errors import NotFoundError, ValidationError
from clientdesk.lazy import lazy_import
from clientdesk.insights import by_branch
from clientdesk.insights.models import ClientScore, ClientSuggestion, InsightRun, ItemPair, UpsellSignal
from clientdesk.loyalty.models import LoyaltyMember
from clientdesk.models import Client, Purchase, PurchaseLine
from clientdesk.progress import NO_PROGRESS, Progress

# scipy behind these costs seconds at start-up; they load when insights are first refreshed.
np = lazy_import("numpy")
lk = lazy_import("clientdesk.insights.likelihood")
rfm = lazy_import("clientdesk.insights.rfm")
rl = lazy_import("clientdesk.insights.rules")

log = logging.getLogger(__name__)

HORIZON_DAYS = 30
TREND_DAYS = 90
ENOUGH_HISTORY_DAYS = 90      # the model's likelihood replaces the manual one after this long ...
ENOUGH_HISTORY_VISITS = 3     # ... or this many visits
NEAR_TIER_SHARE = 0.2         # "close to the next tier": within 20% of its threshold
RISING_FACTOR = 1.5           # spend or visits up 50% on the 90 days before
RISING_MIN_PAISE = 500_00
PACK_REPEATS = 3              # a small pack bought on this many bills in the last 180 days
PACK_DAYS = 180
MIN_RULE_COUNT = 5
MIN_SUGGESTION_CONFIDENCE = 0.2
SUGGESTION_LIFT = 1.5
SUGGESTIONS_PER_CLIENT = 3
SIGNAL_KINDS = ("near_tier", "larger_pack", "rising_spend", "rising_visits")  # the order they are listed in

_PACK_RE = re.compile(r"^(?P<base>.*?)\s*(?P<size>\d+(?:\.\d+)?)\s*(?P<unit>kg|g|gm|l|ltr|ml)$", re.IGNORECASE)
_UNIT = {"kg": 1000, "g": 1, "gm": 1, "l": 1000, "ltr": 1000, "ml": 1}


@dataclass(frozen=True)
class Suggestion:
    """Offer `product` to a client who never bought it, because they buy `because_product`:
    `confidence` of the `bills_with_because` bills holding it also hold `product`
    (`bills_with_both`). UI: "82% of those who buy Pizza also buy Cold Drink"."""

    client_id: int
    product: str
    category: str
    because_product: str
    because_category: str
    confidence: float
    bills_with_because: int
    bills_with_both: int
    lift: float

    @property
    def percent(self) -> int:
        return int(round(self.confidence * 100))


@dataclass(frozen=True)
class Pair:
    """A bought-together rule a → b over bills."""

    kind: str
    a: str
    b: str
    bills: int
    support: float
    confidence: float
    lift: float


@dataclass(frozen=True)
class Signal:
    """An up-sell signal (see UpsellSignal for what the values mean per kind)."""

    client_id: int
    kind: str
    value_a: int
    value_b: int
    text_a: str
    text_b: str


@dataclass(frozen=True)
class ClientValue:
    """What one client is worth, as of the last refresh; `likelihood` is the model's when there is
    enough history (source "model"), else the manual figure (source "manual"), else None."""

    client_id: int
    rfm_group: str | None = None
    r: int = 0
    f: int = 0
    m: int = 0
    recency_days: int | None = None
    visits: int = 0
    bills: int = 0
    spent_paise: int = 0
    avg_bill_paise: int = 0
    visits_per_month: float = 0.0
    p_alive: float | None = None
    p30: float | None = None
    likelihood: int | None = None
    likelihood_source: str = ""
    usual_gap_days: float | None = None
    winback: bool = False


@dataclass
class RefreshSummary:
    as_of: dt.date
    seconds: float
    clients_scored: int
    rfm: dict[str, int]
    model: dict | None
    pairs: int
    suggestions: int
    signals: dict[str, int]
    winback: int
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class Dashboard:
    """Figures for the Insights dashboard (money in paise)."""

    months: list[str]                     # "2026-11"
    sales_paise: list[int]
    visits: list[int]
    new_clients: list[int]
    returning_clients: list[int]
    rfm: dict[str, int]
    top_clients: list[tuple[int, str, int]]   # id, name, spent
    top_pairs: list[Pair]
    occasions: list[tuple[int, str, str, dt.date]]  # id, name, kind (birthday|anniversary), date
    clients: int = 0
    active_clients: int = 0
    sales_this_month_paise: int = 0
    avg_bill_paise: int = 0
    winback: int = 0
    refreshed_at: dt.datetime | None = None
    branch: str | None = None  # the branch the bill figures are limited to (None: every branch)


def pack_size(product: str) -> tuple[str, float] | None:
    """(base name, size in g or ml) for names like "Atta 5 kg", "Shampoo 180 ml"; None otherwise."""
    match = _PACK_RE.match(product.strip())
    if not match or not match.group("base").strip():
        return None
    return match.group("base").strip().casefold(), float(match.group("size")) * _UNIT[match.group("unit").lower()]


class InsightService:
    """Refresh and read the insight figures."""

    def __init__(self, db, clients, settings, clock, loyalty=None):
        self.db = db
        self.clients = clients
        self.settings = settings
        self.clock = clock
        self.loyalty = loyalty

    # ----- refresh ---------------------------------------------------------------------------------
    def _int_columns(self, sql: str, params=(), width: int = 1) -> list[np.ndarray]:
        """Integer columns of a query, read as one comma-joined string each (far faster than
        building a Python tuple per row)."""
        joined = ", ".join(sql_for(self.db).id_list(f"c{i}") for i in range(width))
        texts = self.db.execute_sql(f"SELECT {joined} FROM ({sql}) AS q", params).fetchone()
        return [np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, np.int64) for text in texts]

    def _lines(self, column: str) -> tuple[list[str], dict[str, str], np.ndarray, np.ndarray]:
        """Names of one line column, and parallel arrays (bill id, name number) read through its index."""
        names = [n for (n,) in self.db.execute_sql(
            f"SELECT DISTINCT {column} FROM purchase_line WHERE {column} <> '' ORDER BY {column}")]
        bills, items, category_of = [], [], {}
        for code, name in enumerate(names):
            ids = self._int_columns(f"SELECT purchase_id AS c0 FROM purchase_line WHERE {column} = ?", (name,))[0]
            bills.append(ids)
            items.append(np.full(len(ids), code, np.int64))
            if column == "product":
                category_of[name] = self.db.execute_sql(
                    "SELECT category FROM purchase_line WHERE product = ? LIMIT 1", (name,)).fetchone()[0]
        if not names:
            return names, category_of, np.zeros(0, np.int64), np.zeros(0, np.int64)
        return names, category_of, np.concatenate(bills), np.concatenate(items)

    def refresh(self, progress: Progress = NO_PROGRESS) -> RefreshSummary:
        """Recompute every insight from the bills and store it (one transaction; Cancel rolls back)."""
        started = time.perf_counter()
        timings: dict[str, float] = {}
        steps = 6

        def mark(name: str, step: int) -> None:
            timings[name] = round(time.perf_counter() - started - sum(timings.values()), 3)
            progress.update(step, steps)

        progress.update(0, steps)
        bill_ids, bill_client, bill_day, bill_amount = self._int_columns(
            f"SELECT id AS c0, client_id AS c1, {sql_for(self.db).days_from('date')} AS c2, "
            "amount_paise AS c3 FROM purchase ORDER BY id", (self.clock.today().isoformat(),), 4)
        product_names, category_of, line_bill, line_item = self._lines("product")
        category_names, _, cat_bill, cat_item = self._lines("category")
        mark("load", 1)
        client_of = np.full(int(bill_ids.max()) + 1 if len(bill_ids) else 1, -1, np.int64)
        client_of[bill_ids] = bill_client
        day_of = np.zeros(len(client_of), np.int64)
        day_of[bill_ids] = bill_day
        line_client = client_of[line_bill] if len(line_bill) else np.zeros(0, np.int64)

        history = lk.summarize(bill_client, bill_day, 0)
        ids = history.client_ids
        n = len(ids)
        position = np.searchsorted(ids, bill_client)
        spent = np.bincount(position, weights=bill_amount, minlength=n).astype(np.int64)
        bill_count = np.bincount(position, minlength=n)
        recency = -history.last
        r = rfm.scores(recency, higher_is_better=False)
        f = rfm.scores(history.visits)
        m = rfm.scores(spent)
        groups = rfm.groups(r, f, m)
        months_known = np.maximum(history.T + 1, 1) / 30.44
        per_month = history.visits / np.maximum(months_known, 1.0)
        recent = bill_day > -TREND_DAYS
        before = (bill_day <= -TREND_DAYS) & (bill_day > -2 * TREND_DAYS)
        spend_recent = np.bincount(position[recent], weights=bill_amount[recent], minlength=n).astype(np.int64)
        spend_before = np.bincount(position[before], weights=bill_amount[before], minlength=n).astype(np.int64)
        visits_recent, visits_before = self._distinct_days(position, bill_day, recent, n), \
            self._distinct_days(position, bill_day, before, n)
        gaps = self._usual_gaps(bill_client, bill_day, ids)
        away = -history.last
        winback = (history.visits >= 3) & np.isfinite(gaps) & (away > 2 * np.nan_to_num(gaps, nan=np.inf))
        mark("scores", 2)

        model = lk.fit(history.x, history.t_x, np.maximum(history.T, 1))
        if model is not None:
            p_alive = model.p_alive(history.x, history.t_x, np.maximum(history.T, 1))
            p30 = model.p_buy_within(HORIZON_DAYS, history.x, history.t_x, np.maximum(history.T, 1))
        else:
            p_alive = p30 = np.full(n, np.nan)
        enough = (history.T >= ENOUGH_HISTORY_DAYS) | (history.visits >= ENOUGH_HISTORY_VISITS)
        mark("likelihood", 3)

        pairs = self._bill_rules(line_bill, line_item, product_names, "product", len(bill_ids))
        pairs += self._bill_rules(cat_bill, cat_item, category_names, "category", len(bill_ids))
        mark("rules", 4)

        suggestions = self._suggestions(line_client, line_item, product_names, category_of, pairs, len(bill_ids))
        signals = self._signals(ids, spend_recent, spend_before, visits_recent, visits_before,
                                line_client, line_item, day_of[line_bill], product_names)
        mark("suggestions", 5)

        def nullable(values: np.ndarray) -> list:
            return [None if v != v else v for v in values.tolist()]  # NaN -> NULL

        likelihood = np.where(enough & np.isfinite(p30), np.round(np.nan_to_num(p30) * 100), np.nan)
        score_rows = list(zip(
            ids.tolist(), recency.tolist(), history.visits.tolist(), bill_count.tolist(), spent.tolist(),
            (spent // np.maximum(bill_count, 1)).tolist(), per_month.tolist(), r.tolist(), f.tolist(), m.tolist(),
            groups, nullable(p_alive), nullable(p30), [None if v is None else int(v) for v in nullable(likelihood)],
            nullable(gaps), winback.tolist(), ids.tolist()))
        rfm_counts = {g: 0 for g in rfm.GROUPS}
        for g in groups:
            rfm_counts[g] += 1
        signal_counts: dict[str, int] = {}
        for s in signals:
            signal_counts[s[1]] = signal_counts.get(s[1], 0) + 1
        summary = RefreshSummary(self.clock.today(), 0.0, n, rfm_counts, model.to_dict() if model else None,
                                 len(pairs), len(suggestions), signal_counts, int(winback.sum()), timings)
        with self.db.atomic():
            progress.update(5, steps)
            self._write(score_rows, pairs, suggestions, signals)
            summary.seconds = round(time.perf_counter() - started, 3)
            mark("write", 6)
            InsightRun.create(at=self.clock.now(), as_of=self.clock.today(), seconds=summary.seconds,
                              details=json.dumps(asdict(summary), default=str))
        summary.seconds = round(time.perf_counter() - started, 3)
        log.info("Insights refreshed in %.2f s: %s", summary.seconds, timings)
        return summary

    @staticmethod
    def _distinct_days(position, days, mask, n) -> np.ndarray:
        if not mask.any():
            return np.zeros(n, dtype=np.int64)
        owners, _ = lk.split_keys(np.unique(lk.day_keys(position[mask], days[mask])))
        return np.bincount(owners, minlength=n)

    @staticmethod
    def _usual_gaps(client_ids, days, ids) -> np.ndarray:
        """Median gap in days between a client's visit days (NaN with fewer than two gaps)."""
        gaps = np.full(len(ids), np.nan)
        if not len(client_ids):
            return gaps
        clients, visit_days = lk.split_keys(np.unique(lk.day_keys(client_ids, days)))
        same = clients[1:] == clients[:-1]
        gap_client = clients[1:][same]
        gap_value = (visit_days[1:] - visit_days[:-1])[same]
        if not len(gap_client):
            return gaps
        order = np.lexsort((gap_value, gap_client))
        gap_client, gap_value = gap_client[order], gap_value[order]
        owners, start, count = np.unique(gap_client, return_index=True, return_counts=True)
        low = gap_value[start + (count - 1) // 2]
        high = gap_value[start + count // 2]
        median = np.where(count >= 2, (low + high) / 2.0, np.nan)
        gaps[np.searchsorted(ids, owners)] = median
        return gaps

    @staticmethod
    def _bill_rules(baskets, items, names, kind, n_bills) -> list[tuple]:
        if not len(baskets):
            return []
        matrix, _ = rl.incidence(baskets, items, len(names))
        counts = rl.co_counts(matrix)
        found = rl.rules(counts, n_bills, names, min_count=MIN_RULE_COUNT, min_support=0.001)
        return [(kind, x.a, x.b, x.count_ab, x.support, x.confidence, x.lift) for x in found]

    @staticmethod
    def _suggestions(line_client, line_item, names, category_of, pairs, n_bills) -> list[tuple]:
        """Per client, up to three products they never bought that bills with something they do buy
        usually hold (bill-level rule a → b with lift >= SUGGESTION_LIFT), strongest confidence first."""
        valid = line_client >= 0
        code = {name: i for i, name in enumerate(names)}
        strength = np.zeros((len(names), len(names)), dtype=np.float32)
        detail = {}
        for kind, a, b, bills_ab, support, confidence, lift in pairs:
            if kind == "product" and lift >= SUGGESTION_LIFT and confidence >= MIN_SUGGESTION_CONFIDENCE:
                strength[code[a], code[b]] = confidence
                detail[(code[a], code[b])] = (bills_ab, confidence, lift)
        if not valid.any() or not detail:
            return []
        owned, client_ids = rl.incidence(line_client[valid], line_item[valid], len(names))
        bills_with = np.bincount(line_item, minlength=len(names)) if len(line_item) else np.zeros(len(names))
        items, because, _ = rl.best_suggestions(owned, strength, SUGGESTIONS_PER_CLIENT)
        rows_at, ranks = np.nonzero(items >= 0)
        b_codes, a_codes = items[rows_at, ranks].tolist(), because[rows_at, ranks].tolist()
        categories = [category_of.get(name, "") for name in names]
        return [(client, rank + 1, names[b], categories[b], names[a], categories[a], int(bills_with[a]),
                 *detail[(a, b)])
                for client, rank, a, b in zip(client_ids[rows_at].tolist(), ranks.tolist(), a_codes, b_codes)]

    def _signals(self, ids, spend_recent, spend_before, visits_recent, visits_before, line_client, line_item,
                 line_day, names) -> list[tuple]:
        rows: list[tuple] = []
        rising = (spend_before > 0) & (spend_recent >= RISING_FACTOR * spend_before) \
            & (spend_recent - spend_before >= RISING_MIN_PAISE)
        for i in np.nonzero(rising)[0]:
            rows.append((int(ids[i]), "rising_spend", int(spend_recent[i]), int(spend_before[i]), "", ""))
        busier = (visits_before > 0) & (visits_recent >= 2 * visits_before) & (visits_recent >= 3)
        for i in np.nonzero(busier)[0]:
            rows.append((int(ids[i]), "rising_visits", int(visits_recent[i]), int(visits_before[i]), "", ""))
        rows += self._pack_signals(line_client, line_item, line_day, names)
        rows += self._tier_signals()
        return rows

    @staticmethod
    def _pack_signals(line_client, line_item, line_day, names) -> list[tuple]:
        """A small pack bought on PACK_REPEATS+ bills in the last PACK_DAYS where the shop sells the
        next larger size of the same thing, which the client has never bought."""
        families: dict[str, list[tuple[float, int]]] = {}
        for i, name in enumerate(names):
            parsed = pack_size(name)
            if parsed:
                families.setdefault(parsed[0], []).append((parsed[1], i))
        larger: dict[int, int] = {}
        for members in families.values():
            members.sort()
            for (size, item), (next_size, next_item) in zip(members, members[1:]):
                if next_size > size:
                    larger[item] = next_item
        if not larger or not len(line_item):
            return []
        big = np.isin(line_item, list(set(larger.values())))
        bought_big = set((line_client[big] * len(names) + line_item[big]).tolist())
        small = np.isin(line_item, list(larger)) & (line_client >= 0) & (line_day > -PACK_DAYS)
        keys, times = np.unique(line_client[small] * len(names) + line_item[small], return_counts=True)
        rows = []
        for key, count in zip(keys.tolist(), times.tolist()):
            client, item = divmod(key, len(names))
            if count >= PACK_REPEATS and client * len(names) + larger[item] not in bought_big:
                rows.append((client, "larger_pack", count, 0, names[item], names[larger[item]]))
        return rows

    def _tier_signals(self) -> list[tuple]:
        if self.loyalty is None or not LoyaltyMember.select().exists():
            return []
        rules = self.loyalty.rules()
        tiers = self.loyalty.tiers_by_client()
        if not tiers:
            return []
        since = (self.clock.today() - dt.timedelta(days=365)).isoformat()
        spend = dict(self.db.execute_sql(
            "SELECT client_id, sum(amount_paise) FROM purchase WHERE date > ? GROUP BY client_id", (since,)).fetchall())
        rows = []
        for client_id, code in tiers.items():
            nxt = rules.next_tier(code)
            if nxt is None:
                continue
            gap = nxt.min_spend_paise - int(spend.get(client_id, 0))
            if 0 < gap <= NEAR_TIER_SHARE * nxt.min_spend_paise:
                rows.append((client_id, "near_tier", gap, nxt.min_spend_paise, nxt.code, nxt.name))
        return rows

    def _write(self, scores, pairs, suggestions, signals) -> None:
        cur = self.db.cursor()
        for model in (ClientScore, ItemPair, ClientSuggestion, UpsellSignal):
            cur.execute(f'DELETE FROM "{model._meta.table_name}"')
        cur.executemany(
            f'INSERT INTO "{ClientScore._meta.table_name}" (client_id, recency_days, visits, bills, spent_paise, '
            "avg_bill_paise, visits_per_month, r, f, m, rfm_group, p_alive, p30, likelihood, usual_gap_days, winback) "
            "SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM client WHERE id = ?)",
            scores)
        cur.executemany(f'INSERT INTO "{ItemPair._meta.table_name}" (kind, a, b, bills_ab, support, confidence, lift) '
                        "VALUES (?,?,?,?,?,?,?)", pairs)
        cur.executemany(
            f'INSERT INTO "{ClientSuggestion._meta.table_name}" (client_id, rank, item, category, because, '
            "because_category, bills_a, bills_ab, confidence, lift) VALUES (?,?,?,?,?,?,?,?,?,?)", suggestions)
        cur.executemany(f'INSERT INTO "{UpsellSignal._meta.table_name}" (client_id, kind, value_a, value_b, text_a, '
                        "text_b) VALUES (?,?,?,?,?,?)", signals)

    def ensure_fresh(self, progress: Progress = NO_PROGRESS) -> bool:
        """Refresh unless a refresh already ran for today; returns True when it refreshed."""
        run = self.last_run()
        if run is not None and run.as_of == self.clock.today():
            return False
        self.refresh(progress)
        return True

    # ----- reads -------------------------------------------------------------------------------------
    def last_run(self) -> InsightRun | None:
        """The latest refresh (at, as_of, seconds, details JSON), or None if never refreshed."""
        return InsightRun.select().order_by(InsightRun.id.desc()).first()

    def suggestions(self, client_id: int, limit: int = 3) -> list[Suggestion]:
        """What to offer this client, best first, leaving out what they bought since the refresh."""
        rows = list(ClientSuggestion.select().where(ClientSuggestion.client == client_id)
                    .order_by(ClientSuggestion.rank).limit(max(limit, 0) + 3))
        if not rows:
            return []
        bought = {p for (p,) in PurchaseLine.select(PurchaseLine.product).join(Purchase)
                  .where((Purchase.client == client_id) & PurchaseLine.product.in_([r.item for r in rows]))
                  .tuples()}
        return [Suggestion(client_id, r.item, r.category, r.because, r.because_category, r.confidence,
                           r.bills_a, r.bills_ab, r.lift) for r in rows if r.item not in bought][:limit]

    def rfm_counts(self) -> dict[str, int]:
        """Clients per RFM group (every group present), as of the last refresh."""
        counts = {g: 0 for g in rfm.GROUPS}
        for group, count in (ClientScore.select(ClientScore.rfm_group, pw.fn.COUNT(ClientScore.client))
                             .join(Client).where(Client.archived == False)  # noqa: E712
                             .group_by(ClientScore.rfm_group).tuples()):
            counts[group] = count
        return counts

    def pairs(self, kind: str = "product", limit: int = 20) -> list[Pair]:
        """Bought-together rules, highest lift first; each unordered pair once (its stronger direction)."""
        query = (ItemPair.select().where(ItemPair.kind == kind)
                 .order_by(ItemPair.lift.desc(), ItemPair.confidence.desc(), ItemPair.a, ItemPair.b))
        seen, result = set(), []
        for row in query:
            key = frozenset((row.a, row.b))
            if key in seen:
                continue
            seen.add(key)
            result.append(Pair(row.kind, row.a, row.b, row.bills_ab, row.support, row.confidence, row.lift))
            if len(result) >= limit:
                break
        return result

    def client_value(self, client_id: int) -> ClientValue:
        """Value figures of one client (manual likelihood until the model has enough history)."""
        client = Client.get_or_none(Client.id == client_id)
        if client is None:
            raise NotFoundError(f"There is no client #{client_id}")
        row = ClientScore.get_or_none(ClientScore.client == client_id)
        if row is None:
            return ClientValue(client_id, likelihood=client.likelihood,
                               likelihood_source="manual" if client.likelihood is not None else "")
        value, source = (row.likelihood, "model") if row.likelihood is not None else (
            client.likelihood, "manual" if client.likelihood is not None else "")
        return ClientValue(client_id, row.rfm_group, row.r, row.f, row.m, row.recency_days, row.visits, row.bills,
                           row.spent_paise, row.avg_bill_paise, row.visits_per_month, row.p_alive, row.p30, value,
                           source, row.usual_gap_days, row.winback)

    def likelihoods(self, client_ids) -> dict[int, tuple[int | None, str]]:
        """(likelihood 0-100, "model" | "manual" | "") for each client, for list columns."""
        ids = list(client_ids)
        result: dict[int, tuple[int | None, str]] = {}
        query = (Client.select(Client.id, Client.likelihood, ClientScore.likelihood)
                 .join(ClientScore, pw.JOIN.LEFT_OUTER, on=(ClientScore.client == Client.id))
                 .where(Client.id.in_(ids)).tuples())
        for cid, manual, modelled in query:
            if modelled is not None:
                result[cid] = (modelled, "model")
            else:
                result[cid] = (manual, "manual" if manual is not None else "")
        return result

    def signals(self, client_id: int | None = None, kind: str | None = None, limit: int = 500) -> list[Signal]:
        """Up-sell signals of one client, or of everyone (biggest first) for one kind."""
        query = UpsellSignal.select().join(Client).where(Client.archived == False)  # noqa: E712
        if client_id is not None:
            query = query.where(UpsellSignal.client == client_id)
        if kind is not None:
            query = query.where(UpsellSignal.kind == kind)
        priority = pw.Case(UpsellSignal.kind, [(k, i) for i, k in enumerate(SIGNAL_KINDS)], len(SIGNAL_KINDS))
        # nearest to the tier first; for the others the biggest figure first
        size = pw.Case(UpsellSignal.kind, [("near_tier", UpsellSignal.value_a)], UpsellSignal.value_a * -1)
        return [Signal(s.client_id, s.kind, s.value_a, s.value_b, s.text_a, s.text_b)
                for s in query.order_by(priority, size, UpsellSignal.id).limit(limit)]

    def winback_ids(self) -> list[int]:
        """Regulars (3+ visits) away for more than twice their usual gap, biggest spenders first."""
        return [cid for (cid,) in ClientScore.select(ClientScore.client).join(Client)
                .where((ClientScore.winback == True) & (Client.archived == False))  # noqa: E712
                .order_by(ClientScore.spent_paise.desc()).tuples()]

    def backtest(self, holdout_days: int = 60) -> lk.Backtest:
        """Hold out the last `holdout_days` of bills and measure how well BG/NBD ranks who came back
        (AUC) against "days since last visit" alone."""
        rows = np.array(self.db.execute_sql(
            f"SELECT client_id, {sql_for(self.db).days_from('date')} FROM purchase",
            (self.clock.today().isoformat(),)).fetchall(), dtype=np.int64).reshape(-1, 2)
        if not len(rows):
            raise ValidationError("backtest", "empty", "There are no bills to test on")
        return lk.backtest(rows[:, 0], rows[:, 1], int(rows[:, 1].max()), holdout_days)

    def dashboard(self, months: int = 12, top: int = 10, occasion_days: int = 14,
                  branch: str | None = None) -> Dashboard:
        """Sales and visits by month, new vs returning clients, RFM sizes, top clients and pairs,
        birthdays and anniversaries in the next `occasion_days` days. With a `branch` (a name, ""
        for bills without one) the bill and client figures are that branch's (see by_branch)."""
        only, only_params = by_branch.condition(branch)
        today = self.clock.today()
        start = today.year * 12 + today.month - 1 - (months - 1)
        first_month = dt.date(start // 12, start % 12 + 1, 1)
        labels = [f"{(start + k) // 12:04d}-{(start + k) % 12 + 1:02d}" for k in range(months)]
        month_of = sql_for(self.db).year_month  # 'YYYY-MM' of a date
        sales = dict(self.db.execute_sql(
            f"SELECT {month_of('date')}, sum(amount_paise) FROM purchase WHERE date >= ?{only} GROUP BY 1",
            (first_month.isoformat(), *only_params)).fetchall())
        visits = dict(self.db.execute_sql(
            f"SELECT m, count(*) FROM (SELECT DISTINCT {month_of('date')} AS m, client_id, date FROM purchase "
            f"WHERE date >= ?{only}) AS q GROUP BY m", (first_month.isoformat(), *only_params)).fetchall())
        active = dict(self.db.execute_sql(
            f"SELECT {month_of('date')}, count(DISTINCT client_id) FROM purchase WHERE date >= ?{only} GROUP BY 1",
            (first_month.isoformat(), *only_params)).fetchall())
        new = dict(self.db.execute_sql(
            f"SELECT {month_of('first_purchase_on')}, count(*) FROM client WHERE first_purchase_on >= ? "
            "GROUP BY 1", (first_month.isoformat(),)).fetchall())
        top_clients = [(cid, name, spent) for cid, name, spent in Client.select(
            Client.id, Client.name, Client.total_spent_paise).where(Client.archived == False)  # noqa: E712
            .order_by(Client.total_spent_paise.desc(), Client.id).limit(top).tuples()]
        clients = Client.select().where(Client.archived == False).count()  # noqa: E712
        month_start = today.replace(day=1).isoformat()
        this_month = self.db.execute_sql(
            f"SELECT coalesce(sum(amount_paise), 0), count(*) FROM purchase WHERE date >= ?{only}",
            (month_start, *only_params)).fetchone()
        year_ago = (today - dt.timedelta(days=365)).isoformat()
        bills_year = self.db.execute_sql(
            "SELECT coalesce(sum(amount_paise), 0), count(*), count(DISTINCT client_id) FROM purchase "
            f"WHERE date > ?{only}", (year_ago, *only_params)).fetchone()
        if branch is not None:  # the branch's own clients: their first bill, their spend, their number there
            new = by_branch.new_clients_by_month(self.db, branch, first_month)
            top_clients = by_branch.top_clients(self.db, branch, top)
            clients = by_branch.client_count(self.db, branch)
        run = self.last_run()
        new_counts = [int(new.get(label, 0)) for label in labels]
        return Dashboard(
            months=labels, sales_paise=[int(sales.get(label, 0)) for label in labels],
            visits=[int(visits.get(label, 0)) for label in labels], new_clients=new_counts,
            returning_clients=[max(int(active.get(label, 0)) - n, 0) for label, n in zip(labels, new_counts)],
            rfm=self.rfm_counts(), top_clients=top_clients, top_pairs=self.pairs(limit=top),
            occasions=self.occasions(occasion_days), clients=clients, active_clients=int(bills_year[2]),
            sales_this_month_paise=int(this_month[0]),
            avg_bill_paise=int(bills_year[0] // bills_year[1]) if bills_year[1] else 0,
            winback=len(self.winback_ids()), refreshed_at=run.at if run else None, branch=branch)

    def branches(self) -> list[str]:
        """The branches the bills name, for the dashboard's choice ("" for bills without one)."""
        return bill_branches(self.db)

    def occasions(self, days: int = 14, limit: int = 50) -> list[tuple[int, str, str, dt.date]]:
        """Birthdays and anniversaries in the next `days` days (today included), soonest first."""
        today = self.clock.today()
        wanted: dict[tuple[int, int], dt.date] = {}
        for offset in range(days + 1):
            day = today + dt.timedelta(days=offset)
            wanted[(day.month, day.day)] = day
        months = sorted({m for m, _ in wanted})
        found = []
        for kind in ("birth", "anniversary"):
            month_col, day_col = getattr(Client, f"{kind}_month"), getattr(Client, f"{kind}_day")
            query = (Client.select(Client.id, Client.name, month_col, day_col)
                     .where((Client.archived == False) & month_col.in_(months)).tuples())  # noqa: E712
            for cid, name, month, day in query:
                if (month, day) in wanted:
                    found.append((cid, name, "birthday" if kind == "birth" else "anniversary", wanted[(month, day)]))
        found.sort(key=lambda o: (o[3], o[2], o[1]))
        return found[:limit]
