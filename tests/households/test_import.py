"""Importing a sheet where Meena Devi has Suresh Reddy's number: a new family member who shares it,
never dropped as "already there" nor merged into Suresh; the same person typed twice stays one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from clientdesk.models import Client, Phone, Purchase
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.clients.listing import ClientFilter
from tests.households.conftest import NUMBER
from ui.importing.wizard import ImportWizard

ROOT = Path(__file__).resolve().parents[2]
SHEET = [
    ["Name", "Mobile", "City"],
    ["Meena Devi", "9876543210", "Hyderabad"],
    ["Priya Singh", "9812345678", "Pune"],
]


def people(desk, number=NUMBER) -> list[str]:
    return [desk.clients.get(cid).name for cid in desk.clients.clients_with_phone(number)]


def test_a_clearly_different_name_on_a_known_number_is_a_new_family_member(desk, csvfile):
    suresh = desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("98765 43210")]))
    path = csvfile(SHEET)
    source = desk.imports.open(path)
    preview = desk.imports.preview(source, desk.imports.suggest_mapping(source))
    assert [(o.status, o.name, o.family_of, o.phone) for o in preview] == [
        ("family", "Meena Devi", "Suresh Reddy", NUMBER), ("new", "Priya Singh", "", "+919812345678")]
    assert desk.clients.count() == 1  # a preview writes nothing
    result = desk.imports.import_file(path)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert result.family == [(2, "Meena Devi", "Suresh Reddy", NUMBER)]
    assert result.summary()["family_members"] == [
        {"row": 2, "name": "Meena Devi", "family_of": "Suresh Reddy", "phone": NUMBER}]
    assert people(desk) == ["Suresh Reddy", "Meena Devi"]
    assert desk.clients.get(suresh).postal_city == ""  # Suresh is untouched: nothing merged into him
    meena = desk.clients.clients_with_phone(NUMBER)[1]
    assert desk.clients.get(meena).postal_city == "Hyderabad"
    assert sorted(r.name for r in desk.clients.page(ClientFilter(text="43210"))) == ["Meena Devi", "Suresh Reddy"]
    again = desk.imports.import_file(path)  # the same sheet again: Meena is found now, nobody new
    assert (again.created, again.unchanged, again.family) == (0, 2, [])
    assert people(desk) == ["Suresh Reddy", "Meena Devi"]
    desk.imports.undo_last()  # undoing the import takes Meena out and leaves Suresh's number
    assert people(desk) == ["Suresh Reddy"]


def test_the_same_person_typed_twice_is_still_one_client(desk, csvfile):
    suresh = desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("98765 43210")]))
    path = csvfile([["Name", "Mobile", "City"], ["suresh reddy", "9876543210", "Pune"],
                    ["Suresh Redy", "+91 98765-43210", ""], ["SURESH REDDY", "098765 43210", ""]])
    result = desk.imports.import_file(path)
    assert (result.created, result.family, result.updated + result.unchanged) == (0, [], 3)
    assert people(desk) == ["Suresh Reddy"] and desk.clients.get(suresh).postal_city == "Pune"


def test_one_sheet_with_a_family_and_a_person_typed_twice(desk, csvfile):
    path = csvfile([["Name", "Mobile"], ["Suresh Reddy", "9876543210"], ["Meena Devi", "9876543210"],
                    ["suresh reddy", "9876543210"], ["Suresh Redy", "9876543210"], ["Meena Devi", "98765 43210"],
                    ["Ravi Reddy", "9876543210"], ["", "9876543210"]])
    result = desk.imports.import_file(path)
    assert people(desk) == ["Suresh Reddy", "Meena Devi", "Ravi Reddy"]  # a number shared by three
    assert [(row, name, owner) for row, name, owner, _ in result.family] == [
        (3, "Meena Devi", "Suresh Reddy"), (7, "Ravi Reddy", "Suresh Reddy")]
    assert result.created == 3 and Client.select().count() == 3
    assert [(i.row, i.field, i.reason) for i in result.issues][:1] == [(8, "phone", "shared")]  # no name: who?
    assert Phone.select().where(Phone.number == NUMBER).count() == 3


def test_a_bill_on_a_shared_number_goes_to_the_named_person_or_is_refused(desk, xlsx, household):
    suresh, meena = household
    path = xlsx([["Bill No", "Date", "Mobile", "Customer", "Item", "Amount"],
                 ["B-1", "01/11/2026", "9876543210", "Meena Devi", "Saree", 1500],
                 ["B-2", "02/11/2026", "9876543210", "Suresh Reddy", "Kurta", 800],
                 ["B-3", "03/11/2026", "9876543210", "", "Dupatta", 300]])
    result = desk.imports.import_file(path, "purchases")
    owners = {c: [a for (a,) in Purchase.select(Purchase.amount_paise).where(Purchase.client == c).tuples()]
              for c in (suresh, meena)}
    assert owners == {suresh: [80000], meena: [150000]}
    assert [(i.row, i.reason) for i in result.issues] == [(4, "shared")] and result.created == 2


def test_the_command_line_import_names_the_family_member(tmp_path, csvfile):
    db = tmp_path / "d.sqlite"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                              text=True, encoding="utf-8", env=env, timeout=120)

    run("add", "--name", "Suresh Reddy", "--phone", "98765 43210")
    done = run("import", str(csvfile(SHEET)))
    assert done.returncode == 0, done.stderr
    assert "row 2: Meena Devi: new family member on Suresh Reddy's number 98765 43210" in done.stdout.splitlines()
    listed = json.loads(run("search", "9876543210", "--json").stdout)
    assert sorted(c["name"] for c in listed) == ["Meena Devi", "Suresh Reddy"]


def test_the_wizard_preview_and_result_say_so(desk, csvfile, qtbot, language, tmp_path):
    desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("98765 43210")]))
    wizard = ImportWizard(desk.imports)
    qtbot.addWidget(wizard)
    wizard.resize(1000, 640)
    wizard.show()
    qtbot.keyClicks(wizard.file_page.path_edit, str(csvfile(SHEET)))
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.NextButton), Qt.LeftButton)
    preview = wizard.preview_page
    model = preview.model
    assert [model.index(r, 1).data(Qt.UserRole) for r in range(model.rowCount())] == ["family", "new"]
    note = model.index(0, 4).data()
    status = model.index(0, 1).data()
    if language == "en":
        assert status == "New family member"
        assert note == "Meena Devi: new family member on Suresh Reddy's number 98765 43210"
        assert "New family members on a number a client has: 1" in preview.counts.text()
    else:
        assert status == "परिवार का नया सदस्य"
        assert "Meena Devi" in note and "Suresh Reddy" in note and "98765 43210" in note and "family" not in note
    assert note in preview.counts.text()
    wizard.grab().save(str(tmp_path / f"hh-preview-{language}.png"))
    qtbot.mouseClick(wizard.button(QWizard.CommitButton), Qt.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=15000)
    assert note in wizard.result_page.summary.text()
    assert people(desk) == ["Suresh Reddy", "Meena Devi"]
    wizard.grab().save(str(tmp_path / f"hh-result-{language}.png"))
    if os.environ.get("HH_SHOTS"):
        wizard.preview_page  # noqa: B018
        import shutil
        for kind in ("preview", "result"):
            shutil.copy(tmp_path / f"hh-{kind}-{language}.png", f"/tmp/hh-{kind}-{language}.png")
