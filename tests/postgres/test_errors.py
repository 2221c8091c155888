"""PostgreSQL's errors sorted by SQLSTATE (clientdesk.postgres.errors), without a server: the
driver's exception classes carry the codes."""

from __future__ import annotations

import peewee
import psycopg
import pytest

from clientdesk.errors import StorageError
from clientdesk.postgres.errors import is_conflict, sqlstate_of, storage_error_for


def driver_error(code: str) -> psycopg.Error:
    return psycopg.errors.lookup(code)("server text, translated by the server's lc_messages")


def wrapped(exc: Exception) -> peewee.DatabaseError:
    """peewee's wrapping of a driver error, as its execute_sql raises it."""
    try:
        try:
            raise exc
        except psycopg.Error as inner:
            raise peewee.OperationalError(inner, *inner.args) from None
    except peewee.OperationalError as outer:
        return outer


@pytest.mark.parametrize("code, reason", [
    ("08006", "unreachable"), ("08001", "unreachable"), ("57P01", "unreachable"), ("57P02", "unreachable"),
    ("57P03", "not_ready"), ("57014", "timeout"),
    ("28P01", "auth"), ("28000", "auth"),
    ("3D000", "no_database"),
    ("53100", "full"), ("53200", "server_resources"), ("53300", "server_resources"),
    ("40001", "conflict"), ("40P01", "conflict"), ("55P03", "busy"),
    ("25006", "readonly"), ("42501", "permission"), ("XX001", "damaged"), ("58030", "damaged"), ("22001", "too_long"),
])
def test_storage_conditions_are_sorted_by_code(code, reason):
    for exc in (driver_error(code), wrapped(driver_error(code))):
        error = storage_error_for(exc, host="192.168.1.10", user="counter1", dbname="shop")
        assert isinstance(error, StorageError)
        assert error.details["reason"] == reason
        assert "\n" not in error.message


def test_the_unreachable_message_is_the_issue_s_one_line():
    error = storage_error_for(driver_error("08006"), host="192.168.1.10")
    assert error.message == "The shop's server at 192.168.1.10 is not answering; check that its PC is on."


def test_a_connection_that_broke_without_a_code_counts_as_unreachable():
    # psycopg raises a bare OperationalError (no SQLSTATE) when the server closed the connection
    exc = psycopg.OperationalError("consuming input failed: server closed the connection unexpectedly")
    assert sqlstate_of(exc) == "08006"
    assert storage_error_for(wrapped(exc), host="shop-pc").details["reason"] == "unreachable"


def test_a_code_found_by_the_connection_diagnosis_is_used():
    exc = psycopg.OperationalError("connection failed: ...")
    exc.clientdesk_sqlstate = "3D000"
    error = storage_error_for(wrapped(exc), host="shop-pc", dbname="shop")
    assert error.details["reason"] == "no_database" and "shop" in error.message


@pytest.mark.parametrize("code", ["42601", "42P01", "42703", "23505", "23503", "22P02", "0A000"])
def test_bugs_and_constraint_violations_are_not_storage_errors(code):
    """A syntax error, a missing table or column, a broken constraint: our bug, for the excepthook."""
    assert storage_error_for(driver_error(code)) is None
    assert storage_error_for(wrapped(driver_error(code))) is None


def test_errors_that_are_not_the_driver_s_are_not_sorted():
    assert storage_error_for(ValueError("x")) is None
    assert storage_error_for(peewee.IntegrityError("x")) is None
    assert sqlstate_of(RuntimeError()) is None


def test_conflicts_are_recognised_raw_and_sorted():
    assert is_conflict(driver_error("40001")) and is_conflict(wrapped(driver_error("40P01")))
    assert is_conflict(storage_error_for(driver_error("40001")))
    assert not is_conflict(driver_error("23505"))
    assert not is_conflict(StorageError("disk full", reason="full"))
