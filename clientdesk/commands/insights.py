"""Commands: segment, insights, suggest."""

from __future__ import annotations

import argparse
import dataclasses
import json

from clientdesk.branches import check_branch
from clientdesk.commands.clients import print_clients
from clientdesk.cli import emit_json, fail, name_of, record_id, whole_number
from clientdesk.commands.phones import client_for, shared_number
from clientdesk.errors import ValidationError
from clientdesk.money import format_inr
from clientdesk.clients.service import SharedPhoneError


def register(sub) -> None:
    p = sub.add_parser("segment", help='clients matching a segment query, e.g. "never bought category Meat"')
    p.add_argument("query", nargs="?", default=None, help="the query (see README: Segments)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--count", action="store_true", help="print only how many clients match")
    p.add_argument("--save", metavar="NAME", type=_segment_name, help="also save the query as a named segment")
    p.add_argument("--saved", action="store_true", help="list the saved segments")
    p.set_defaults(run=run_segment)

    p = sub.add_parser("insights", help="RFM groups, bought-together pairs and model figures")
    p.add_argument("--json", action="store_true")
    p.add_argument("--refresh", action="store_true", help="recompute even if done today")
    p.add_argument("--pairs", type=whole_number(0, 1000, "a number of pairs"), default=20,
                   help="how many bought-together pairs")
    p.add_argument("--backtest", action="store_true", help="also back-test the purchase likelihood (last 60 days)")
    p.add_argument("--branch", type=name_of("branch"), metavar="NAME",
                   help='the bill figures (sales, visits, clients) of this branch only; "" for the bills that name '
                        "no branch (client groups, pairs and win-back are the whole shop's)")
    p.set_defaults(run=run_insights)

    p = sub.add_parser("suggest", help="what to offer one client, with the reason")
    p.add_argument("--phone")
    p.add_argument("--client", type=record_id, metavar="ID",
                   help="the client's id: alone, or to pick one of the people who share --phone")
    p.add_argument("--limit", type=whole_number(1, 100, "a limit"), default=3)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_suggest)


def _segment_name(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise argparse.ArgumentTypeError("a segment needs a name")
    if len(text) > 200:
        raise argparse.ArgumentTypeError("a segment name has at most 200 characters")
    return text


def run_segment(desk, args) -> int:
    if args.saved:
        saved = [{"id": s.id, "name": s.name, "query": s.query, "count": desk.segments.count(s.query)}
                 for s in desk.segments.saved()]
        if args.json:
            emit_json(saved)
        else:
            for s in saved:
                print(f"{s['name']}\t{s['count']}\t{s['query']}")
        return 0
    if not args.query:
        raise ValidationError("query", "empty", "Give a query, e.g. segment \"never bought category Meat\"")
    if args.save:
        desk.segments.save(args.save, args.query)
    if args.count:
        count = desk.segments.count(args.query)
        if args.json:
            emit_json({"query": desk.segments.normalized(args.query), "count": count})
        else:
            print(count)
        return 0
    return print_clients(desk, desk.clients.rows(desk.segments.client_ids(args.query)), args.json)


def _bill_figures(board) -> dict:
    """The dashboard's bill figures (of one branch, or every branch), for `insights`."""
    return {
        "clients": board.clients, "active_clients": board.active_clients,
        "sales_this_month_paise": board.sales_this_month_paise, "avg_bill_paise": board.avg_bill_paise,
        "months": [{"month": m, "sales_paise": s, "visits": v, "new_clients": n, "returning_clients": r}
                   for m, s, v, n, r in zip(board.months, board.sales_paise, board.visits, board.new_clients,
                                            board.returning_clients)],
        "top_clients": [{"id": cid, "name": name, "spent_paise": spent} for cid, name, spent in board.top_clients],
    }


def run_insights(desk, args) -> int:
    check_branch(desk.db, args.branch)  # a branch no bill names is a mistake (exit 2)
    if args.refresh:
        desk.insights.refresh()
    else:
        desk.insights.ensure_fresh()
    run = desk.insights.last_run()
    result = {
        "as_of": run.as_of.isoformat(),
        "rfm": desk.insights.rfm_counts(),
        "pairs": [{"a": p.a, "b": p.b, "support": round(p.support, 4), "confidence": round(p.confidence, 4),
                   "lift": round(p.lift, 3), "bills": p.bills} for p in desk.insights.pairs(limit=args.pairs)],
        "category_pairs": [{"a": p.a, "b": p.b, "support": round(p.support, 4), "confidence": round(p.confidence, 4),
                            "lift": round(p.lift, 3), "bills": p.bills}
                           for p in desk.insights.pairs("category", limit=args.pairs)],
        "winback": len(desk.insights.winback_ids()),
        "signals": {kind: len(desk.insights.signals(kind=kind, limit=10**9))
                    for kind in ("near_tier", "rising_spend", "rising_visits", "larger_pack")},
        "model": json.loads(run.details).get("model"),
        "branch": args.branch,
        "figures": _bill_figures(desk.insights.dashboard(branch=args.branch)),
    }
    if args.backtest:
        result["backtest"] = dataclasses.asdict(desk.insights.backtest())
    if args.json:
        emit_json(result)
        return 0
    print(f"Insights as of {result['as_of']}")
    for group, count in result["rfm"].items():
        print(f"  {group:12} {count}")
    print("Bought together (a → b: support, confidence, lift):")
    for p in result["pairs"]:
        print(f"  {p['a']} → {p['b']}: {p['support']:.3f}, {p['confidence']:.0%}, {p['lift']:.2f}")
    print(f"Win-back list: {result['winback']} clients")
    figures = result["figures"]
    where = "every branch" if args.branch is None else f"branch {args.branch or '(no branch)'}"
    print(f"Bills ({where}): {figures['clients']} clients, {figures['active_clients']} bought in the last 12 months; "
          f"sales this month {format_inr(figures['sales_this_month_paise'])}, "
          f"average bill {format_inr(figures['avg_bill_paise'])}")
    for month in figures["months"]:
        if month["sales_paise"] or month["visits"]:
            print(f"  {month['month']}  {format_inr(month['sales_paise'])}  {month['visits']} visits, "
                  f"{month['new_clients']} new")
    if args.backtest:
        b = result["backtest"]
        print(f"Back-test (last {b['holdout_days']} days held out): AUC model {b['auc_model']:.3f}, "
              f"days since last visit {b['auc_days_since']:.3f}")
    return 0


def run_suggest(desk, args) -> int:
    if args.phone is None and args.client is None:
        return fail("one of the arguments --phone --client is required")
    try:
        client_id = client_for(desk, args.phone, args.client)
    except SharedPhoneError as exc:  # a household's number: which of them?
        return shared_number(exc)
    desk.insights.ensure_fresh()
    found = desk.insights.suggestions(client_id, limit=args.limit)
    result = [{"product": s.product, "category": s.category, "because": s.because_product,
               "because_category": s.because_category, "percent": s.percent, "confidence": round(s.confidence, 4),
               "lift": round(s.lift, 3), "bills_with_because": s.bills_with_because,
               "bills_with_both": s.bills_with_both,
               "reason": f"{s.percent}% of those who buy {s.because_product} also buy {s.product}"} for s in found]
    if args.json:
        emit_json({"client_id": client_id, "suggestions": result})
    else:
        name = desk.clients.names([client_id]).get(client_id, "")
        print(f"{name} (#{client_id}), spent {format_inr(desk.clients.get(client_id).total_spent_paise)}:")
        for s in result:
            print(f"  {s['product']}: {s['reason']}")
        if not result:
            print("  nothing to suggest yet")
    return 0
