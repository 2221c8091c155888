"""Server URLs and file names (clientdesk.postgres.address); the password from the keyring."""

from __future__ import annotations

import pytest

from clientdesk.errors import ValidationError
from clientdesk.postgres.address import (KEYRING_SERVICE, is_server_url, parse_server_url, remember_password,
                                         resolve_password)
from tests.postgres.memory_keyring import memory_keyring  # noqa: F401


@pytest.mark.parametrize("text", [
    "postgresql://u@h/db", "postgres://u@h/db", "POSTGRESQL://u@h/db", " postgresql://u:p@10.0.0.5:5433/shop ",
])
def test_urls_are_servers(text):
    assert is_server_url(text)


@pytest.mark.parametrize("text", [
    "shop.sqlite", "/home/shop/postgresql.sqlite", "./postgresql://u@h/db", "C:\\shop\\desk.sqlite",
    "postgresql:/u@h/db", "mysql://u@h/db", "", "postgresql", "desk postgresql://x",
])
def test_file_names_are_files(text):
    """A file literally named like a URL is reached with a folder in front (./postgresql:...)."""
    assert not is_server_url(text)


def test_a_path_object_is_always_a_file(tmp_path):
    assert not is_server_url(tmp_path / "postgresql:")


def test_a_full_url_is_parsed():
    a = parse_server_url("postgresql://counter%201:p%40ss%3Aw%C3%B6rd@192.168.1.10:5433/shop?sslmode=require")
    assert (a.user, a.password, a.host, a.port, a.dbname) == ("counter 1", "p@ss:wörd", "192.168.1.10", 5433, "shop")
    assert a.options == (("sslmode", "require"),)
    assert a.connect_params()["sslmode"] == "require"
    assert a.display == "counter 1@192.168.1.10:5433/shop"
    assert "p@ss" not in repr(a) and "p@ss" not in a.display


def test_the_options_a_url_may_give_reach_the_connection():
    a = parse_server_url("postgresql://u@h/db?sslmode=verify-full&sslrootcert=C%3A%5Cca.pem&connect_timeout=10"
                         "&application_name=Counter%202")
    assert {k: a.connect_params()[k] for k in ("sslmode", "sslrootcert", "connect_timeout", "application_name")} == {
        "sslmode": "verify-full", "sslrootcert": "C:\\ca.pem", "connect_timeout": "10", "application_name": "Counter 2"}


def test_defaults_and_special_hosts():
    assert parse_server_url("postgres://u@shop-pc/db").port == 5432
    assert parse_server_url("postgresql://u@[fe80::1]:5432/db").host == "fe80::1"
    assert parse_server_url("postgresql://u@%2FRun%2Fpostgresql:5433/db").host == "/Run/postgresql"
    assert parse_server_url("postgresql://u@%2Frun%2Fpg/db").host == "/run/pg"
    assert parse_server_url("postgresql://u@h/db").password is None


@pytest.mark.parametrize("url, reason", [
    ("postgresql:///db", "no_host"), ("postgresql://h/db", "no_user"), ("postgresql://u@h", "no_database"),
    ("postgresql://u@h/", "no_database"), ("postgresql://u@h:99999/db", "bad_url"),
    ("postgresql://u@h:port/db", "bad_url"), ("shop.sqlite", "not_url"),
    # the query may not name another database, server or user (server-setup would set up that one)
    ("postgresql://u@h/db?dbname=other", "bad_option"), ("postgresql://u@h/db?host=evil", "bad_option"),
    ("postgresql://u@h/db?user=postgres", "bad_option"), ("postgresql://u@h/db?port=1", "bad_option"),
    # nor options libpq does not know, nor values it would refuse with a traceback
    ("postgresql://u@h/db?foo=bar", "bad_option"), ("postgresql://u@h/db?connect_timeout=abc", "bad_option"),
    ("postgresql://u@h/db?connect_timeout=-1", "bad_option"), ("postgresql://u@h/db?sslmode=always", "bad_option"),
])
def test_bad_urls_say_what_is_missing(url, reason):
    with pytest.raises(ValidationError) as info:
        parse_server_url(url)
    assert info.value.reason == reason and info.value.field == "db"


def test_the_password_comes_from_the_keyring_under_user_at_host(memory_keyring, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    address = parse_server_url("postgresql://counter1@shop-pc/shop")
    assert resolve_password(address).password is None
    remember_password(address, "सुरक्षित-1")
    assert memory_keyring.items == {(KEYRING_SERVICE, "counter1@shop-pc"): "सुरक्षित-1"}
    assert resolve_password(address).password == "सुरक्षित-1"
    assert resolve_password(parse_server_url("postgresql://counter1:url-wins@shop-pc/shop")).password == "url-wins"
    assert list(tmp_path.iterdir()) == []  # nothing written to a file here


def test_a_keyring_that_cannot_be_used(memory_keyring):
    memory_keyring.fail = True
    address = parse_server_url("postgresql://counter1@shop-pc/shop")
    assert resolve_password(address).password is None  # reading: as if empty (the server then refuses)
    with pytest.raises(ValidationError) as info:
        remember_password(address, "x")
    assert info.value.reason == "keyring"
