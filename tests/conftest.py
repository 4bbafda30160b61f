import pytest

from .factories import StaffFactory, UserFactory


@pytest.fixture
def staff_user(db):
    return StaffFactory()


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def member_client(client, db):
    """A signed-in user without staff rights."""
    client.force_login(UserFactory())
    return client
