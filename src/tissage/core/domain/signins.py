"""Sign-in throttling: after too many failed sign-ins, an account or an address waits.

Counters live in the cache (the database by default), so every web process sees the same ones.
Five failures for one account, or twenty from one address, within a quarter of an hour lock it
for the rest of that quarter; a successful sign-in clears the account's counter.
"""

import hashlib

from django.core.cache import cache

from .audit import audit_record

WINDOW_SECONDS = 15 * 60
LIMITS = {"account": 5, "address": 20}


def _keys(username: str, address: str | None) -> dict[str, str]:
    keys = {"account": "signin:account:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()}
    if address:
        keys["address"] = f"signin:address:{address}"
    return keys


def signin_is_locked(*, username: str, address: str | None) -> bool:
    counts = cache.get_many(list(_keys(username, address).values()))
    return any(counts.get(key, 0) >= LIMITS[kind] for kind, key in _keys(username, address).items())


def signin_failed(*, username: str, address: str | None) -> None:
    """Count one failure; the first one over a limit is recorded in the audit log."""
    for kind, key in _keys(username, address).items():
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)
            count = 1
        if count == LIMITS[kind]:
            audit_record(
                actor=None,
                action="signin.locked",
                changes={kind: [None, username if kind == "account" else address]},
            )


def signin_succeeded(*, username: str) -> None:
    cache.delete(_keys(username, None)["account"])
