"""A household: Suresh Reddy and his mother Meena Devi share one mobile (98765 43210)."""

import pytest

from clientdesk.clients.fields import ClientData, PhoneEntry

NUMBER = "+919876543210"


@pytest.fixture
def household(desk):
    """(suresh, meena): Meena joined Suresh's number explicitly."""
    suresh = desk.clients.create(ClientData(name="Suresh Reddy", phones=[PhoneEntry("98765 43210", is_primary=True)]))
    meena = desk.clients.create(ClientData(name="Meena Devi", phones=[PhoneEntry("9876543210", is_primary=True)]),
                                family_of=suresh)
    return suresh, meena


@pytest.fixture
def csvfile(tmp_path):
    from tests.importing.conftest import write_csv

    def make(rows, name="clients.csv", **kw):
        return write_csv(tmp_path / name, rows, **kw)
    return make


@pytest.fixture
def xlsx(tmp_path):
    from tests.importing.conftest import write_xlsx

    def make(rows, name="sheet.xlsx", **kw):
        return write_xlsx(tmp_path / name, rows, **kw)
    return make
