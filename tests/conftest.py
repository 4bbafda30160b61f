import pytest
from django.utils import translation

from .factories import StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def _restore_the_language():
    """A request activates its page's language in the test's thread and leaves it active: restore
    it, or the tests that run next in this process would speak Russian."""
    with translation.override(translation.get_language()):
        yield


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
