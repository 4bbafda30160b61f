"""The demo network drawn up in memory: deterministic, and consistent before anything is written."""

import datetime
import hashlib
import os
import subprocess
import sys

import pytest

from tissage.demo.plan import plan_demo
from tissage.network.enums import SessionStatus

DIGEST_SCRIPT = (
    "import django, hashlib; django.setup(); from tissage.demo.plan import plan_demo; "
    "print(hashlib.sha256(repr(plan_demo()).encode()).hexdigest())"
)


@pytest.fixture(scope="module")
def plan():
    return plan_demo()


def _digest_with_hash_seed(seed: str) -> str:
    env = {
        **os.environ,
        "PYTHONHASHSEED": seed,
        "DJANGO_SETTINGS_MODULE": "tissage.config.settings_test",
        "TISSAGE_SECRET_KEY": "test",
    }
    result = subprocess.run(
        [sys.executable, "-c", DIGEST_SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def test_plan_demo_is_the_same_for_the_same_seed(plan):
    assert plan_demo(seed=2002) == plan


def test_plan_demo_does_not_depend_on_the_order_of_sets(plan):
    """Sets iterate in an order that changes with the hash seed of each Python process (this one's
    is random, the other's is fixed)."""
    assert _digest_with_hash_seed("1") == hashlib.sha256(repr(plan).encode()).hexdigest()


def test_plan_demo_draws_other_people_with_another_seed(plan):
    other = plan_demo(seed=7)
    assert [p.slug for p in other.people] != [p.slug for p in plan.people]
    assert len(other.people) == len(plan.people)


def test_plan_demo_cohorts_hold_12_to_25_people(plan):
    sizes = {}
    for member in plan.cohorts:
        sizes[member.programme] = sizes.get(member.programme, 0) + 1
    assert sizes == {
        "marseille-narian-mar": 22,
        "marseille-damascus-beirut-amman": 20,
        "marseille-kinshasa": 23,
        "tissage-2026-2028": 24,
    }


def test_plan_demo_session_statuses_follow_the_demo_today(plan):
    statuses = {s.key: s.status for s in plan.sessions if s.programme == "tissage-2026-2028"}
    assert statuses == {
        "tissage-2026-2028-1": SessionStatus.DONE,
        "tissage-2026-2028-2": SessionStatus.CONFIRMED,
        "tissage-2026-2028-3": SessionStatus.PLANNED,
        "tissage-2026-2028-4": SessionStatus.PLANNED,
        "tissage-2026-2028-5": SessionStatus.DRAFT,
        "tissage-2026-2028-6": SessionStatus.DRAFT,
        "tissage-2026-2028-7": SessionStatus.DRAFT,
    }
    past = {s.status for s in plan.sessions if s.end < datetime.date(2026, 11, 25)}
    assert past == {SessionStatus.DONE}


def test_plan_demo_names_people_in_their_own_script(plan):
    people = {p.slug: p for p in plan.people}
    assert (people["artyom-vylka"].native_name, people["kinan-jabri"].native_name) == (
        "Артём Вылка",
        "كنان جابري",
    )
    scripts = {
        hub: all(p.native_name for p in plan.people if p.hub == hub)
        for hub in ("narian-mar", "damascus", "beirut", "amman")
    }
    assert scripts == {"narian-mar": True, "damascus": True, "beirut": True, "amman": True}
