"""The window and the shop's server (issue 14): Settings → Where the client book lives, starting on
the server, the server away at start and while working. Against the run's throwaway cluster;
tests that stop a server use a cluster of this module's own."""

from __future__ import annotations

import contextlib
import json
import shutil
import sys

import psycopg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from clientdesk import location
from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.desk import Desk
from clientdesk.errors import StorageError
from clientdesk.paths import AppPaths
from clientdesk.postgres.address import KEYRING_SERVICE
from clientdesk.postgres.schema import latest_version
from tests.postgres.cluster import _free_port, start_cluster
from tests.postgres.memory_keyring import memory_keyring  # noqa: F401
from ui import dialogs, excepthook
from ui.app import open_window, start_window, teardown
from ui.server_away import ServerAwayDialog
from ui.settings.server_panel import ServerPanel

UNREACHABLE = "The shop's server at 127.0.0.1 is not answering; check that its PC is on."


def dbname_of(url: str) -> str:
    return url.rsplit("/", 1)[1]


def add_clients(url: str, *names: str) -> None:
    desk = Desk.open(url)
    try:
        for number, name in enumerate(names):
            desk.clients.create(ClientData(name=name, phones=[PhoneEntry(f"98765{number:05d}")]))
    finally:
        desk.close()


@pytest.fixture
def paths(tmp_path):
    p = AppPaths.under(tmp_path)
    p.ensure()
    return p


@pytest.fixture
def keyring_has_password(memory_keyring, pg_cluster):
    memory_keyring.items[(KEYRING_SERVICE, f"{pg_cluster.user}@{pg_cluster.host}")] = pg_cluster.password
    return memory_keyring


@contextlib.contextmanager
def closing_window(window):
    try:
        yield window
    finally:
        if window is not None:
            teardown(window)


# ----- Settings → Where the client book lives ------------------------------------------------------

@pytest.fixture
def panel(qtbot, tmp_path):
    widget = ServerPanel(tmp_path / "config", tmp_path / "data" / "clientdesk.sqlite")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill(panel, host, port, dbname, user, password=""):
    panel.server.setChecked(True)
    panel.host.setText(host)
    panel.port.setValue(port)
    panel.dbname.setText(dbname)
    panel.user.setText(user)
    panel.password.setText(password)


def verdict_of_test(qtbot, panel) -> str:
    qtbot.mouseClick(panel.test_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: panel.test_button.isEnabled(), timeout=20_000)
    return panel.verdict.text()


def test_test_connection_connected_says_schema_and_clients(qtbot, panel, pg_cluster, server_url, memory_keyring):
    add_clients(server_url, "रमेश कुमार", "Priya Singh", "Harpreet Kaur")
    fill(panel, pg_cluster.host, pg_cluster.port, dbname_of(server_url), pg_cluster.user, pg_cluster.password)
    assert verdict_of_test(qtbot, panel) == (f"✔ Connected to {pg_cluster.host}: 3 client(s) in the client book "
                                    f"(schema {latest_version()}).")
    assert not (panel.config_dir / location.FILE_NAME).exists()  # testing saves nothing


def test_test_connection_wrong_password(qtbot, panel, pg_cluster, server_url, memory_keyring):
    fill(panel, pg_cluster.host, pg_cluster.port, dbname_of(server_url), pg_cluster.user, "not-it")
    assert verdict_of_test(qtbot, panel) == (f"✘ The shop's server at {pg_cluster.host} refused the connection: wrong user "
                                    "name or password, or this PC is not allowed to connect.")


def test_test_connection_closed_port(qtbot, panel, memory_keyring):
    fill(panel, "127.0.0.1", _free_port(), "clientdesk", "counter1", "x")
    assert verdict_of_test(qtbot, panel) == "✘ " + UNREACHABLE


def test_test_connection_missing_database(qtbot, panel, pg_cluster, memory_keyring):
    fill(panel, pg_cluster.host, pg_cluster.port, "no_such_shop", pg_cluster.user, pg_cluster.password)
    assert verdict_of_test(qtbot, panel) == (f"✘ The shop's server at {pg_cluster.host} has no client book named "
                                    "no_such_shop. Check the name, or set the server up first (server-setup).")


def test_test_connection_names_a_missing_field(qtbot, panel, memory_keyring):
    fill(panel, "", 5432, "clientdesk", "counter1")
    assert verdict_of_test(qtbot, panel) == "Write the server's name or address."


def test_save_keeps_the_password_in_the_keyring_never_in_the_file(qtbot, panel, memory_keyring):
    fill(panel, "shop-pc", 5433, "clientdesk", "counter1", "सुरक्षित-pass")
    panel.branch.setText("Main Bazaar")
    panel.counter.setText("Counter 2")
    qtbot.mouseClick(panel.save_button, Qt.LeftButton)
    saved = (panel.config_dir / location.FILE_NAME).read_text(encoding="utf-8")
    assert json.loads(saved) == {"server": "postgresql://counter1@shop-pc:5433/clientdesk", "branch": "Main Bazaar",
                                 "counter": "Counter 2"}
    assert "सुरक्षित" not in saved and "pass" not in saved
    assert memory_keyring.items == {(KEYRING_SERVICE, "counter1@shop-pc"): "सुरक्षित-pass"}
    assert panel.password.text() == "" and panel.restart_note.isVisible()  # the window runs on the file: restart
    assert panel.saved_label.text() == "Saved."
    again = ServerPanel(panel.config_dir, panel.running)  # read back
    qtbot.addWidget(again)
    assert (again.server.isChecked(), again.host.text(), again.port.value(), again.user.text(),
            again.branch.text(), again.counter.text()) == (True, "shop-pc", 5433, "counter1", "Main Bazaar", "Counter 2")
    assert again.password.text() == "" and again.password.placeholderText() == "kept in this PC's keyring"


def test_back_to_this_pc_and_a_keyring_that_cannot_be_written(qtbot, panel, memory_keyring):
    memory_keyring.fail = True
    fill(panel, "shop-pc", 5432, "clientdesk", "counter1", "secret")
    panel.save()
    assert "could not be kept in this PC's keyring" in panel.saved_label.text()
    assert not (panel.config_dir / location.FILE_NAME).exists()  # nothing saved
    memory_keyring.fail = False
    panel.this_pc.setChecked(True)
    panel.counter.setText("Counter 1")
    panel.save()
    assert location.load(panel.config_dir) == location.CounterChoices(server=None, counter="Counter 1")
    assert not panel.restart_note.isVisible() and not panel.server_fields.isEnabled()


# ----- starting the window on the server -------------------------------------------------------------

def test_the_window_starts_on_the_server_this_pc_chose(qtbot, paths, pg_cluster, server_url, keyring_has_password):
    add_clients(server_url, "रमेश कुमार", "Laxmi Narayan")
    url = pg_cluster.url(dbname_of(server_url), password=False)
    location.save(paths.config_dir, location.CounterChoices(server=url, branch="Main Bazaar", counter="Counter 1"))
    with closing_window(start_window(paths, paths.database, None)) as window:
        assert window.desk.path == url
        clients = window.pages["clients"]
        model = clients.table.model()
        qtbot.waitUntil(lambda: model.rowCount() == 2)
        names = {model.index(row, 0).data() for row in range(model.rowCount())}
        assert names == {"रमेश कुमार", "Laxmi Narayan"}
        assert window.server_watch is not None and not window.server_watch.banner.isVisible()
        panel = window.show_page("settings").panels[-1]
        assert panel.server.isChecked() and not panel.restart_note.isVisible()
    assert not paths.database.exists()  # no local file was made or opened
    assert not any(paths.data_dir.iterdir())  # and no start-up copy (a server's backups are pg_dump's)


def test_back_up_now_on_the_server_writes_a_checked_dump_and_restore_is_the_admins(
        qtbot, paths, pg_cluster, server_url, keyring_has_password, monkeypatch):
    add_clients(server_url, "रमेश कुमार")
    url = pg_cluster.url(dbname_of(server_url), password=False)
    location.save(paths.config_dir, location.CounterChoices(server=url))
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    with closing_window(start_window(paths, paths.database, None)) as window:
        window.backup_now()
        qtbot.waitUntil(lambda: bool(told), timeout=60_000)
        dumps = sorted((paths.data_dir / "backups").glob("*.dump"))
        assert len(dumps) == 1 and "1" in told[0] and str(dumps[0]) in told[0]
        from clientdesk.postgres.backup import read_info

        info = read_info(dumps[0])
        assert info.verified and info.clients == 1
        from ui.backups import actions

        actions.restore_from_backup(window)
        assert "restore BACKUP.dump --yes" in told[-1] and str(paths.data_dir / "backups") in told[-1]
    assert not paths.database.exists()


def test_cancel_stops_a_server_backup_under_way(qtbot, language, paths, pg_cluster, server_url, keyring_has_password,
                                               monkeypatch, tmp_path):
    """Back up now while another session holds a table (pg_dump waits for it): Cancel ends
    pg_dump, says so in the status bar (no error box: the shopkeeper asked for it), keeps no file."""
    import time

    from PySide6.QtWidgets import QPushButton

    from clientdesk.progress import Cancelled

    add_clients(server_url, "रमेश कुमार")
    url = pg_cluster.url(dbname_of(server_url), password=False)
    location.save(paths.config_dir, location.CounterChoices(server=url))
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, exc: shown.append(exc))
    dumping = "SELECT 1 FROM pg_stat_activity WHERE application_name = 'ClientDesk backup' AND wait_event_type = 'Lock'"
    with closing_window(start_window(paths, paths.database, None)) as window, \
            contextlib.closing(psycopg.connect(server_url, autocommit=True)) as watcher, \
            contextlib.closing(psycopg.connect(server_url)) as holder:  # on failure let go first: no hang
        holder.execute("LOCK TABLE purchase_line IN ACCESS EXCLUSIVE MODE")
        job = window.backup_now()
        qtbot.waitUntil(lambda: watcher.execute(dumping).fetchone() is not None, timeout=30_000)
        cancel = next(b for b in job.dialog.findChildren(QPushButton))
        job.dialog.grab().save(str(tmp_path / f"backup-under-way-{language}.png"))
        with qtbot.waitSignal(job.finished, timeout=15_000) as finished:
            cancel.click()
        assert finished.args == [False]
        started = time.monotonic()
        while watcher.execute(dumping).fetchone() and time.monotonic() - started < 5:
            time.sleep(0.05)
        assert watcher.execute(dumping).fetchone() is None
        said = window.statusBar().currentMessage()
        assert not shown and said == dialogs.message_for(Cancelled()) and (language == "hi") != ("Cancelled" in said)
        window.grab().save(str(tmp_path / f"backup-cancelled-{language}.png"))
        holder.rollback()
    assert not list((paths.data_dir / "backups").iterdir())


def test_a_file_given_on_the_command_line_wins_for_the_run(qtbot, paths, tmp_path, server_url, memory_keyring):
    location.save(paths.config_dir, location.CounterChoices(server="postgresql://u@127.0.0.1:1/x"))
    other = tmp_path / "other.sqlite"
    add_clients(other, "Anita")  # not a new desk: no welcome page
    with closing_window(start_window(paths, other, None, wait=pytest.fail)) as window:
        assert window.desk.path == other and window.server_watch is None


def test_names_saved_in_settings_reach_the_next_bill_without_a_restart(qtbot, paths, tmp_path, memory_keyring):
    book = tmp_path / "shop.sqlite"
    add_clients(book, "Anita")
    with closing_window(start_window(paths, book, None, wait=pytest.fail)) as window:
        panel = window.show_page("settings").panels[-1]
        panel.branch.setText("Andheri")
        panel.counter.setText("काउंटर 2")
        panel.save()
        assert (window.desk.origin.branch, window.desk.origin.counter) == ("Andheri", "काउंटर 2")
        from clientdesk.models import Client, Purchase

        with window.desk.using():
            client_id = Client.get(Client.name == "Anita").id
        window.desk.counter.record_sale(client_id, 50_000)
        with window.desk.using():
            bill = Purchase.get(Purchase.client == client_id)
        assert (bill.branch, bill.counter) == ("Andheri", "काउंटर 2")
    assert location.load(paths.config_dir).branch == "Andheri"


# ----- the server away --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def own_cluster():
    """A cluster of this module's own, to stop and start; its client book "shop" has one client."""
    cluster = start_cluster()
    with contextlib.closing(cluster.admin()) as conn:
        conn.execute("CREATE DATABASE shop")
    add_clients(cluster.url("shop"), "Suresh Patel")
    yield cluster
    cluster.stop()
    shutil.rmtree(cluster.folder, ignore_errors=True)


@pytest.fixture
def away(own_cluster, memory_keyring):
    """The module's cluster, its password in the keyring; running again after the test."""
    memory_keyring.items[(KEYRING_SERVICE, f"{own_cluster.user}@{own_cluster.host}")] = own_cluster.password
    yield own_cluster
    if not own_cluster.is_running():
        own_cluster.start()


def test_unreachable_at_start_says_so_and_retry_opens_once_it_answers(qtbot, paths, away, monkeypatch):
    url = away.url("shop", password=False)
    location.save(paths.config_dir, location.CounterChoices(server=url))
    away.stop()
    waited = []
    start_window(paths, paths.database, None, wait=lambda *args: waited.append(args))
    (_, place, error, _, local_file), = waited
    assert place == url and error.details["reason"] == "unreachable" and local_file == paths.database
    dialog = ServerAwayDialog(place, error, lambda: open_window(paths, place, None, welcome=True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.text() == UNREACHABLE
    assert dialog.timer.isActive()  # retrying by itself
    qtbot.mouseClick(dialog.retry_button, Qt.LeftButton)  # still away: the same line
    qtbot.waitUntil(lambda: dialog.retry_button.isEnabled(), timeout=20_000)
    assert dialog.message.text() == UNREACHABLE and dialog.opened is None
    away.start()
    qtbot.mouseClick(dialog.retry_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=20_000)
    with closing_window(dialog.opened) as window:
        assert not dialog.isVisible() and dialog.result() == QDialog.Accepted
        assert window.desk.path == url and window.desk.clients.count() == 1
    assert not paths.database.exists()  # never a silent local file


def test_unreachable_at_start_retries_by_itself(qtbot, paths, away):
    url = away.url("shop", password=False)
    away.stop()
    with pytest.raises(StorageError) as info:
        open_window(paths, url, None)
    dialog = ServerAwayDialog(url, info.value, lambda: open_window(paths, url, None), retry_ms=300)
    qtbot.addWidget(dialog)
    dialog.show()
    away.start()
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=30_000)
    with closing_window(dialog.opened) as window:
        assert window.desk.clients.count() == 1


def test_a_refused_password_is_typed_at_start_and_kept_in_the_keyring(qtbot, paths, pg_cluster, server_url,
                                                                      memory_keyring):
    add_clients(server_url, "Suresh Patel")
    url = pg_cluster.url(dbname_of(server_url), password=False)
    memory_keyring.items[(KEYRING_SERVICE, f"{pg_cluster.user}@{pg_cluster.host}")] = "an old password"
    location.save(paths.config_dir, location.CounterChoices(server=url))
    waited = []
    start_window(paths, paths.database, None, wait=lambda *args: waited.append(args))
    (_, _, error, _, _), = waited
    dialog = ServerAwayDialog(url, error, lambda: open_window(paths, url, None))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.text().startswith(f"The shop's server at {pg_cluster.host} refused the connection")
    assert dialog.password_row.isVisible() and not dialog.timer.isActive()  # waiting does not help here
    qtbot.keyClicks(dialog.password, "still wrong")
    qtbot.mouseClick(dialog.retry_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.retry_button.isEnabled(), timeout=20_000)
    assert dialog.opened is None and dialog.password_row.isVisible()
    assert memory_keyring.items[(KEYRING_SERVICE, f"{pg_cluster.user}@{pg_cluster.host}")] == "an old password"
    dialog.password.setText(pg_cluster.password)
    qtbot.mouseClick(dialog.retry_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=20_000)
    with closing_window(dialog.opened) as window:
        assert window.desk.clients.count() == 1
    assert memory_keyring.items[(KEYRING_SERVICE, f"{pg_cluster.user}@{pg_cluster.host}")] == pg_cluster.password
    assert pg_cluster.password not in (paths.config_dir / location.FILE_NAME).read_text(encoding="utf-8")


def test_this_pcs_own_book_only_when_chosen_and_told_it_is_separate(qtbot, paths, monkeypatch):
    url = f"postgresql://counter1@127.0.0.1:{_free_port()}/shop"
    asked = []
    monkeypatch.setattr(dialogs, "ask", lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.No)
    dialog = ServerAwayDialog(url, StorageError(UNREACHABLE, reason="unreachable", host="127.0.0.1"),
                              lambda: pytest.fail("the server is away"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.local_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.choice is None  # "No": still waiting for the server
    assert "separate" in asked[0]
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(dialog.local_button, Qt.LeftButton)
    assert dialog.choice == "local" and not dialog.isVisible() and not dialog.timer.isActive()


def test_server_away_while_working_one_line_banner_nothing_half_written(qtbot, paths, away, monkeypatch):
    url = away.url("shop", password=False)
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: shown.append(text))
    with closing_window(open_window(paths, url, None)) as window:
        window.show()
        watch = window.server_watch
        watch.timer.setInterval(300)
        page = window.show_page("settings")
        away.stop()
        page.shop_name.setText("Sharma Store")
        page.save()  # a write while the server is away
        assert shown == [UNREACHABLE]
        assert watch.banner.isVisible() and watch.banner.text() == \
            "Reconnecting to the shop's server at 127.0.0.1…"
        page.save()  # again: the banner says it already, no second message
        clients = window.show_page("clients")
        clients.search.setText("Suresh")
        clients.apply_filter()  # a read fails the same way
        assert shown == [UNREACHABLE]
        away.start()
        qtbot.waitUntil(lambda: not watch.banner.isVisible(), timeout=30_000)
        assert window.statusBar().currentMessage() == "The shop's server is answering again."
        with contextlib.closing(psycopg.connect(away.url("shop"))) as conn:  # nothing half-written
            assert conn.execute("SELECT count(*) FROM setting WHERE value LIKE %s", ("%Sharma%",)).fetchone() == (0,)
        window.show_page("settings").shop_name.setText("Sharma Store")
        page.save()  # and the next write goes through
        assert window.desk.settings.get("shop_name") == "Sharma Store" and shown == [UNREACHABLE]
        clients.apply_filter()
        assert clients.model.rowCount() == 1


def test_a_storage_error_no_page_caught_is_one_line_not_a_bug_report(qtbot, monkeypatch, tmp_path):
    bugs, shown = [], []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: shown.append(text))
    excepthook.install(tmp_path / "log", show=lambda details, path: bugs.append(details))
    try:
        raise StorageError(UNREACHABLE, reason="unreachable", host="127.0.0.1")
    except StorageError:
        sys.excepthook(*sys.exc_info())
    assert bugs == [] and shown == [UNREACHABLE]
