"""Backups you can restore: verified copies, generations, a second folder, restore over a leftover
WAL, and a damaged database never copied over good backups."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from clientdesk import backup as backups
from clientdesk.backup import (
    DamagedDatabaseError, Retention, backup_database, check_database, describe_backups, list_backups, make_backup,
    restore_backup, retained,
)
from clientdesk.desk import Desk
from clientdesk.errors import StorageError
from clientdesk.clients.fields import ClientData
from tests.core.backup_helpers import client_count, damage_index, leave_wal, make_desk_file

START = dt.datetime(2026, 1, 1, 9, 0)


@pytest.fixture
def desk_file(tmp_path):
    return make_desk_file(tmp_path / "desk.sqlite", clients=20)


def test_a_backup_is_verified_counted_and_self_contained(desk_file):
    outcome = make_backup(desk_file, "manual", now=START)
    info = outcome.info
    assert info.verified and info.clients == 20 and info.reason == "manual" and info.taken == START
    record = json.loads(backups.sidecar_for(info.path).read_text(encoding="utf-8"))
    assert record["verified"] is True and record["check"] == "ok" and record["clients"] == 20
    assert record["size"] == info.path.stat().st_size
    # one file, readable alone: no -wal beside it, not even after reading it
    assert check_database(info.path).ok
    assert sorted(p.name for p in info.path.parent.iterdir()) == sorted([info.path.name, info.path.with_suffix(".json").name])
    assert client_count(info.path) == 20
    assert list_backups(desk_file) == [info.path]  # the simple list other areas use still works


def test_a_changed_backup_no_longer_counts_until_checked_again(desk_file):
    info = make_backup(desk_file, "manual", now=START).info
    conn = sqlite3.connect(str(info.path))
    with conn:
        conn.execute("DELETE FROM client WHERE id = (SELECT min(id) FROM client)")
    conn.close()
    listed = describe_backups(desk_file)[0]
    assert not listed.verified and listed.problem == "changed since it was checked"
    again = backups.verify_backup(info.path)
    assert again.verified and again.clients == 19


def test_a_damaged_database_is_never_backed_up_over_good_copies(desk_file):
    for i in range(3):
        backup_database(desk_file, "start", now=START + dt.timedelta(days=i))
    good = list_backups(desk_file)
    damage_index(desk_file)
    assert not check_database(desk_file).ok
    for i in range(12):  # a damaged file opened at every start for twelve days
        with pytest.raises(DamagedDatabaseError, match="damaged"):
            backup_database(desk_file, "start", now=START + dt.timedelta(days=10 + i))
    assert list_backups(desk_file) == good
    assert all(info.verified and info.clients == 20 for info in describe_backups(desk_file))
    assert not list(backups.backup_dir_for(desk_file).glob("*.partial"))
    assert backups.newest_good_backup(desk_file).path == good[-1]
    with pytest.raises(DamagedDatabaseError):  # the start-up backup of Desk.open refuses too
        Desk.open(desk_file, backup=True)
    assert list_backups(desk_file) == good


def test_what_killed_backups_left_is_cleared_once_stale_and_nothing_else(tmp_path):
    import os

    stamp = "desk-20260101-090000-000000-manual"
    left = [f"{stamp}.sqlite.partial", f"{stamp}.sqlite.partial-journal", f"{stamp}.sqlite.json.tmp",
            f"{stamp}.dump.partial",
            f"{stamp}-a.sqlite.json",  # the half-made copy's sidecar, its copy gone
            f"{stamp}-b.json",  # the finished copy's sidecar, killed before the copy got its name
            f"{stamp}-c.dump.partial", f"{stamp}-c.dump.json"]  # a stale half-made dump and its sidecar
    kept = [f"{stamp}.sqlite", f"{stamp}.json",  # a backup and its sidecar
            "notes.json", "download.partial"]  # the user's own files in a --to folder
    for name in left + kept:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (START.timestamp() - 7200,) * 2)
    working = ["desk-20260101-085959-000000-start.json",  # another process is finishing these
               "desk-20260101-085959-000000-start.dump.partial"]
    for name in working:
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (START.timestamp(),) * 2)
    backups.clean_partials(tmp_path, START)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept + working)
    backups.clean_partials(tmp_path / "no-such-folder", START)  # quietly nothing


def test_not_a_database_is_refused_without_a_copy(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("my shopping list " * 500)
    with pytest.raises(DamagedDatabaseError):
        backup_database(path)
    assert list_backups(path) == []


R = Retention(recent=2, daily=3, weekly=2, monthly=2)


def days(first: str, last: str, hour: int = 9) -> list[dt.datetime]:
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    out = []
    while day <= end:
        out.append(dt.datetime.combine(day, dt.time(hour)))
        day += dt.timedelta(days=1)
    return out


def at(*texts: str) -> set[dt.datetime]:
    return {dt.datetime.fromisoformat(t) for t in texts}


@pytest.mark.parametrize("moments, retention, kept", [
    # thirteen starts in one morning: the ten newest
    ([START + dt.timedelta(minutes=i) for i in range(13)], Retention(),
     {START + dt.timedelta(minutes=i) for i in range(3, 13)}),
    # a copy a day for a quarter: 2 newest, 3 days, 2 ISO weeks (Mon 30 Mar starts a week), 2 months
    (days("2026-01-01", "2026-03-31"), R,
     at("2026-03-31 09:00", "2026-03-30 09:00", "2026-03-29 09:00", "2026-02-28 09:00")),
    # the shop was shut in February: the last copy of January is still the month's copy
    (days("2026-01-01", "2026-01-31") + days("2026-03-01", "2026-03-04"), R,
     at("2026-03-04 09:00", "2026-03-03 09:00", "2026-03-02 09:00", "2026-03-01 09:00", "2026-01-31 09:00")),
    # many copies a day: the newest of each day counts for the day
    (days("2026-05-01", "2026-05-03", 9) + days("2026-05-01", "2026-05-03", 18), Retention(1, 3, 0, 0),
     at("2026-05-03 18:00", "2026-05-02 18:00", "2026-05-01 18:00")),
    # one copy only: it stays, whatever the numbers say
    ([START], Retention(0, 0, 0, 0), {START}),
    # a year and a half of daily copies, the default generations: 10 + 7 + 4 + 12 at most
    (days("2025-01-01", "2026-06-30"), Retention(),
     set(days("2026-06-21", "2026-06-30"))
     | at("2026-06-14 09:00")  # the 4th week (Tue 30 Jun, Sun 28 and 21 Jun are among the last ten)
     | at(*[f"{y}-{m:02d}-{d} 09:00" for y, m, d in ((2026, 5, 31), (2026, 4, 30), (2026, 3, 31), (2026, 2, 28),
                                                      (2026, 1, 31), (2025, 12, 31), (2025, 11, 30), (2025, 10, 31),
                                                      (2025, 9, 30), (2025, 8, 31), (2025, 7, 31))])),
])
def test_generations_keep(moments, retention, kept):
    assert retained(moments, retention) == kept


def test_generations_on_real_files_with_a_fake_clock(desk_file):
    """A start every day for 75 days, then a damaged file for ten days: the month-old copies stay."""
    policy = Retention(recent=3, daily=4, weekly=3, monthly=3)
    moments = days("2026-01-01", "2026-03-16")
    for moment in moments:
        make_backup(desk_file, "start", now=moment, retention=policy)
        infos = describe_backups(desk_file)
        assert infos[0].taken == moment and infos[0].verified  # the newest good copy is never deleted
        assert len(infos) <= 3 + 4 + 3 + 3
    expected = retained(moments, policy)
    assert {i.taken for i in describe_backups(desk_file)} == expected
    assert dt.datetime(2026, 1, 31, 9) in expected  # last month's copy
    damage_index(desk_file)
    for moment in days("2026-03-17", "2026-03-26"):
        with pytest.raises(DamagedDatabaseError):
            make_backup(desk_file, "start", now=moment, retention=policy)
    assert {i.taken for i in describe_backups(desk_file)} == expected


def test_copies_from_an_older_clientdesk_are_checked_and_adopted(desk_file):
    folder = backups.backup_dir_for(desk_file)
    folder.mkdir()
    old = folder / "desk-20251201-090000-000000-start.sqlite"
    source, dest = sqlite3.connect(str(desk_file)), sqlite3.connect(str(old))
    source.backup(dest)
    source.close()
    dest.close()
    assert describe_backups(desk_file)[0].problem == "not checked"
    make_backup(desk_file, "start", now=START)
    adopted = backups.read_info(old)
    assert adopted.verified and adopted.clients == 20
    assert not Path(f"{old}-wal").exists() and not Path(f"{old}-shm").exists()  # checking it left nothing


def test_restore_round_trip_with_a_leftover_wal(desk_file, tmp_path):
    """The issue: a backup copied back by hand next to a leftover -wal gave a malformed file."""
    backup = make_backup(desk_file, "manual", now=START).info.path
    leave_wal(desk_file, ["Kept In The Wal", "Also In The Wal"])
    assert Path(f"{desk_file}-wal").stat().st_size > 0
    outcome = restore_backup(desk_file, backup, now=START + dt.timedelta(hours=1))
    assert desk_file.read_bytes() == backup.read_bytes()  # exactly the backup
    assert not Path(f"{desk_file}-wal").exists() and not Path(f"{desk_file}-shm").exists()
    assert check_database(desk_file, full=True).ok and outcome.clients == 20
    # the file that was there, with what was only in its -wal, is kept as a verified backup
    kept = backups.read_info(outcome.kept)
    assert kept.verified and kept.reason == "before-restore" and kept.clients == 22
    desk = Desk.open(desk_file)
    try:
        assert desk.clients.count() == 20
        desk.clients.create(ClientData(name="After Restore"))  # writable
        assert desk.clients.count() == 21
    finally:
        desk.close()
    assert check_database(desk_file, full=True).ok


def test_restore_keeps_a_damaged_file_and_refuses_a_damaged_backup(desk_file, tmp_path):
    good = make_backup(desk_file, "manual", now=START).info.path
    broken_backup = tmp_path / "broken.sqlite"
    broken_backup.write_bytes(good.read_bytes())
    damage_index(broken_backup)
    with pytest.raises(StorageError, match="cannot be restored"):
        restore_backup(desk_file, broken_backup)
    damage_index(desk_file)
    outcome = restore_backup(desk_file, good, now=START + dt.timedelta(hours=1))
    kept = backups.read_info(outcome.kept)
    assert not kept.verified and b"\xff" * 200 in kept.path.read_bytes()  # the damaged page, as it was
    assert check_database(desk_file).ok
    assert backups.newest_good_backup(desk_file).path == good  # a damaged copy never counts as good


def test_restore_waits_for_no_one_and_refuses_an_open_file(desk_file):
    backup = make_backup(desk_file, "manual", now=START).info.path
    desk = Desk.open(desk_file)
    try:
        desk.clients.count()
        before = desk_file.read_bytes()
        with pytest.raises(StorageError, match="open in another"):
            restore_backup(desk_file, backup)
        assert desk_file.read_bytes() == before
        assert len(list_backups(desk_file)) == 1
    finally:
        desk.close()


def test_restore_creates_a_missing_database(desk_file, tmp_path):
    backup = make_backup(desk_file, "manual", now=START).info.path
    target = tmp_path / "new" / "fresh.sqlite"
    outcome = restore_backup(target, backup)
    assert outcome.kept is None and target.read_bytes() == backup.read_bytes()


def test_restore_refuses_a_database_from_a_newer_clientdesk(desk_file, tmp_path):
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(desk_file.read_bytes())
    conn = sqlite3.connect(str(newer))
    conn.execute("PRAGMA user_version = 9999")
    conn.close()
    with pytest.raises(StorageError, match="newer ClientDesk"):
        restore_backup(desk_file, newer)


def test_second_folder_gets_a_verified_copy_and_is_pruned_too(desk_file, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    policy = Retention(recent=2, daily=0, weekly=0, monthly=0)
    for i in range(4):
        outcome = make_backup(desk_file, "start", now=START + dt.timedelta(hours=i), second_folder=usb,
                              retention=policy)
        assert outcome.second.ok and outcome.second.path.parent == usb
    there = describe_backups(desk_file, usb)
    assert [i.taken for i in there] == [START + dt.timedelta(hours=3), START + dt.timedelta(hours=2)]
    assert all(i.verified and i.clients == 20 for i in there)
    assert there[0].path.read_bytes() == describe_backups(desk_file)[0].path.read_bytes()


def test_an_unplugged_second_folder_is_reported_never_created(desk_file, tmp_path):
    usb = tmp_path / "media" / "usb"
    outcome = make_backup(desk_file, "start", now=START, second_folder=usb)
    assert outcome.info.verified  # the first copy is made anyway
    assert not outcome.second.ok and "not found" in outcome.second.error
    assert not usb.exists()
    assert backups.second_folder_record(outcome.second, START) == {}


@pytest.mark.parametrize("values, now, expected", [
    ({}, START, None),  # no second folder chosen
    ({"backup_second_folder": "/usb", "backup_second_last_ok": "2026-01-01 09:00:00"}, START + dt.timedelta(days=2),
     None),
    ({"backup_second_folder": "/usb", "backup_second_last_ok": "2026-01-01 09:00:00"}, START + dt.timedelta(days=3),
     3),
    ({"backup_second_folder": "/usb", "backup_second_last_ok": "2026-01-01 09:00:00",
      "backup_second_warn_days": 7}, START + dt.timedelta(days=6), None),
    ({"backup_second_folder": "/usb", "backup_second_since": "2026-01-01 09:00:00"}, START + dt.timedelta(days=5), 5),
    ({"backup_second_folder": "/usb"}, START, 3),  # never reached, unknown since when
])
def test_days_the_second_folder_was_not_reached(values, now, expected):
    assert backups.days_unreachable(values, now) == expected


def test_settings_read_and_written_in_the_file(desk_file):
    backups.store_file_settings(desk_file, {"backup_second_folder": "/media/usb", "backup_second_warn_days": 5})
    assert backups.read_file_settings(desk_file) == {"backup_second_folder": "/media/usb",
                                                     "backup_second_warn_days": 5}
    desk = Desk.open(desk_file)
    try:
        assert desk.settings.get("backup_second_folder") == "/media/usb"
    finally:
        desk.close()


def test_check_finds_broken_links(desk_file):
    conn = sqlite3.connect(str(desk_file))
    conn.execute("PRAGMA foreign_keys = OFF")
    with conn:
        conn.execute("DELETE FROM client WHERE id IN (SELECT client_id FROM purchase LIMIT 1)")
    conn.close()
    result = check_database(desk_file, full=True)
    assert not result.ok and "points to a missing row of client" in result.first_problem
    assert check_database(desk_file).ok  # quick_check does not look at links
