"""The segment, insights and suggest commands."""

from __future__ import annotations

import json

from clientdesk import cli
from clientdesk.desk import Desk

from tests.insights.conftest import add_client, buy


def _run(capsys, *argv):
    """Parse and run a command line in this process, as main.py does."""
    code = cli.run_command(cli.build_parser().parse_args(list(argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_segment_prints_matching_clients(desk, shop, capsys):
    code, out, err = _run(capsys, "--db", str(desk.path), "segment", "never bought category Meat", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [r["id"] for r in rows] == sorted([shop["asha"], shop["chetan"], shop["divya"]])
    assert rows[0]["name"] == "Asha Verma" and rows[0]["phones"] == ["+919876500001"]
    code, out, _ = _run(capsys, "--db", str(desk.path), "segment", "city pune", "--count")
    assert out.strip() == "3"


def test_segment_save_and_list(desk, shop, capsys):
    code, _, err = _run(capsys, "--db", str(desk.path), "segment", "bought category Dairy and never bought category Meat",
                        "--save", "Vegetarians", "--count")
    assert code == 0, err
    code, out, _ = _run(capsys, "--db", str(desk.path), "segment", "--saved", "--json")
    assert json.loads(out) == [{"id": 1, "name": "Vegetarians", "count": 1,
                                "query": "bought category Dairy and never bought category Meat"}]


def test_malformed_query_exits_2_pointing_at_the_problem(desk, shop, capsys):
    code, out, err = _run(capsys, "--db", str(desk.path), "segment", "spent > lots and city Pune", "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "position 9" in err and '"lots"' in err
    code, _, err = _run(capsys, "--db", str(desk.path), "segment", "never bought category Meet")
    assert code == 2 and 'did you mean "Meat"' in err and "Traceback" not in err


def test_insights_and_suggest(desk, capsys):
    pizza, cold = ("Pizza", "Snacks", 200), ("Cold Drink 2 L", "Beverages", 90)
    for n in range(10):
        client = add_client(desk, f"Client {n}", f"98765{n:05d}")
        buy(desk, client, 2 + n, pizza, cold)
        buy(desk, add_client(desk, f"Bread {n}", f"98766{n:05d}"), 2 + n, ("Bread", "Bakery", 40))
    only_pizza = add_client(desk, "Pizza Only", "9876599999")
    for days in (1, 20):
        buy(desk, only_pizza, days, pizza)
    path = str(desk.path)
    desk.close()
    code, out, err = _run(capsys, "--db", path, "insights", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert sum(result["rfm"].values()) == 21 and set(result["rfm"]) >= {"champions", "lost"}
    pair = next(p for p in result["pairs"] if (p["a"], p["b"]) == ("Cold Drink 2 L", "Pizza"))
    # 22 bills: Pizza on 12, Cold Drink on 10, both on 10
    assert (pair["support"], pair["confidence"], pair["lift"]) == (round(10 / 22, 4), 1.0, round(22 / 12, 3))
    code, out, err = _run(capsys, "--db", path, "suggest", "--phone", "98765 99999", "--json")
    assert code == 0, err
    found = json.loads(out)["suggestions"]
    assert found[0]["product"] == "Cold Drink 2 L" and found[0]["because"] == "Pizza"
    assert found[0]["reason"] == "83% of those who buy Pizza also buy Cold Drink 2 L"
    code, _, err = _run(capsys, "--db", path, "suggest", "--phone", "9000000000")
    assert code == 2 and "9000000000" in err
    Desk.open(path).close()
