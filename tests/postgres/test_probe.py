"""Settings' "Test connection" (clientdesk.postgres.probe): one verdict per situation, nothing written."""

from __future__ import annotations

import contextlib

import psycopg
import pytest

from clientdesk.clients.fields import ClientData, PhoneEntry
from clientdesk.desk import Desk
from clientdesk.postgres.address import KEYRING_SERVICE
from clientdesk.postgres.probe import answers, check_server
from clientdesk.postgres.schema import VERSION_TABLE, latest_version
from tests.postgres.cluster import _free_port
from tests.postgres.memory_keyring import memory_keyring  # noqa: F401


def without_password(pg_cluster, dbname):
    return pg_cluster.url(dbname, password=False)


def test_connected_gives_schema_version_and_clients(pg_cluster, server_url, memory_keyring):
    desk = Desk.open(server_url)
    for name, phone in (("रमेश कुमार", "9876543210"), ("Suresh", "9812345678")):
        desk.clients.create(ClientData(name=name, phones=[PhoneEntry(phone)]))
    desk.close()
    dbname = server_url.rsplit("/", 1)[1]
    verdict = check_server(without_password(pg_cluster, dbname), pg_cluster.password)
    assert verdict.ok and verdict.reason == "ok"
    assert (verdict.version, verdict.clients, verdict.host) == (latest_version(), 2, pg_cluster.host)
    assert verdict.message == f"Connected to {pg_cluster.host}: client book schema {latest_version()}, 2 clients."


def test_the_password_may_come_from_the_keyring(pg_cluster, server_url, memory_keyring):
    dbname = server_url.rsplit("/", 1)[1]
    assert check_server(without_password(pg_cluster, dbname)).reason == "auth"
    memory_keyring.items[(KEYRING_SERVICE, f"{pg_cluster.user}@{pg_cluster.host}")] = pg_cluster.password
    assert check_server(without_password(pg_cluster, dbname)).reason == "ok"


def test_wrong_password(pg_cluster, server_url, memory_keyring):
    dbname = server_url.rsplit("/", 1)[1]
    verdict = check_server(without_password(pg_cluster, dbname), "not-the-password")
    assert not verdict.ok and verdict.reason == "auth" and "\n" not in verdict.message
    assert verdict.message.startswith(f"The shop's server at {pg_cluster.host} refused the connection")


def test_closed_port(memory_keyring):
    verdict = check_server(f"postgresql://counter@127.0.0.1:{_free_port()}/shop", "x")
    assert verdict.reason == "unreachable" and verdict.waiting_helps
    assert verdict.message == "The shop's server at 127.0.0.1 is not answering; check that its PC is on."
    assert not answers(f"postgresql://counter@127.0.0.1:{_free_port()}/shop")


def test_missing_database(pg_cluster, memory_keyring):
    verdict = check_server(without_password(pg_cluster, "no_such_shop"), pg_cluster.password)
    assert verdict.reason == "no_database" and "no_such_shop" in verdict.message and not verdict.ok


def test_an_empty_database_is_reported_and_left_empty(pg_cluster, pg_database, memory_keyring):
    verdict = check_server(without_password(pg_cluster, pg_database), pg_cluster.password)
    assert verdict.ok and verdict.reason == "empty" and verdict.clients is None
    with contextlib.closing(psycopg.connect(pg_cluster.url(pg_database))) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)


def test_a_newer_schema_is_refused(pg_cluster, fresh_server_url, memory_keyring):
    with contextlib.closing(psycopg.connect(fresh_server_url, autocommit=True)) as conn:
        conn.execute(f"UPDATE {VERSION_TABLE} SET version = version + 1")
    dbname = fresh_server_url.rsplit("/", 1)[1]
    verdict = check_server(without_password(pg_cluster, dbname), pg_cluster.password)
    assert verdict.reason == "newer" and verdict.version == latest_version() + 1 and not verdict.ok


def test_a_bad_url_is_a_verdict_too(memory_keyring):
    assert check_server("postgresql://@/").reason in ("no_host", "no_user", "no_database")
    assert not answers("postgresql://@/")


def test_answers_while_the_server_is_up(pg_cluster):
    assert answers(without_password(pg_cluster, "postgres"))
