"""The dashboard of one branch (issue 14): InsightService.dashboard(branch=...) limits its bill
figures (sales, visits, bills, active clients) with `condition`, and takes the figures about the
branch's own clients from here: who came to it first in each month, who spent most there, how
many bought there. Client groups (RFM), pairs, win-back and occasions stay the whole shop's: a
client's value and loyalty are the shop's, across its branches.

A branch is a name, or "" for the bills that name none (clientdesk.branches). Plain SQL with the
engine's pieces from clientdesk.dialect, so it runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

from clientdesk.dialect import sql_for


def condition(branch: str | None) -> tuple[str, tuple]:
    """The extra WHERE condition on purchase for `branch` and its parameter; nothing for every branch."""
    return ("", ()) if branch is None else (" AND branch = ?", (branch,))


def new_clients_by_month(db, branch: str, since: dt.date) -> dict[str, int]:
    """'YYYY-MM' -> clients whose first bill at this branch falls in that month (from `since`)."""
    month = sql_for(db).year_month("first_on")
    return {label: int(count) for label, count in db.execute_sql(
        f"SELECT {month}, count(*) FROM (SELECT client_id, min(date) AS first_on FROM purchase WHERE branch = ? "
        "GROUP BY client_id) AS f WHERE first_on >= ? GROUP BY 1", (branch, since.isoformat())).fetchall()}


def top_clients(db, branch: str, top: int) -> list[tuple[int, str, int]]:
    """(id, name, spent at this branch) of the `top` biggest spenders there (not archived)."""
    return [(cid, name, int(spent)) for cid, name, spent in db.execute_sql(
        "SELECT c.id, c.name, s.spent FROM (SELECT client_id, sum(amount_paise) AS spent FROM purchase "
        "WHERE branch = ? GROUP BY client_id) AS s JOIN client c ON c.id = s.client_id WHERE NOT c.archived "
        "ORDER BY s.spent DESC, c.id LIMIT ?", (branch, top)).fetchall()]


def client_count(db, branch: str) -> int:
    """Clients (not archived) with at least one bill at this branch."""
    return int(db.execute_sql(
        "SELECT count(DISTINCT p.client_id) FROM purchase p JOIN client c ON c.id = p.client_id "
        "WHERE p.branch = ? AND NOT c.archived", (branch,)).fetchone()[0])
