"""Helpers of the backup tests: a small real desk file, damage in an index page, a leftover WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clientdesk.desk import Desk


def make_desk_file(path: Path, clients: int = 20, seed: int = 1) -> Path:
    """A real ClientDesk file with demo clients, closed (no -wal left)."""
    from clientdesk.demo import generate

    desk = Desk.open(path)
    try:
        generate(desk, clients, seed=seed)
    finally:
        desk.close()
    return path


def client_count(path: Path) -> int:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM client").fetchone()[0]
    finally:
        conn.close()


def damage_index(path: Path, index: str = "client_postal_city") -> None:
    """Overwrite bytes of an index's root page: the file still opens and most queries still work,
    but SQLite's quick_check fails (the damage the issue describes)."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    finally:
        conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size + 12)
        f.write(b"\xff" * 200)


def leave_wal(path: Path, names: list[str]) -> None:
    """Add clients in a transaction that stays in the -wal, then leave that -wal (and -shm) behind as a
    crashed program would: the next opener replays it."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    template = conn.execute("SELECT * FROM client LIMIT 1").fetchone()
    columns = [d[0] for d in conn.execute("SELECT * FROM client LIMIT 0").description]
    with conn:
        for name in names:
            row = dict(zip(columns, template))
            row.pop("id")
            row["name"] = name
            row["primary_phone"] = None
            row["email"] = None
            conn.execute(f"INSERT INTO client ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         list(row.values()))
    saved = {suffix: Path(f"{path}{suffix}").read_bytes() for suffix in ("", "-wal", "-shm")}
    conn.close()  # checkpoints and deletes the -wal: put back the files as they were before (a crash)
    for suffix, data in saved.items():
        Path(f"{path}{suffix}").write_bytes(data)
