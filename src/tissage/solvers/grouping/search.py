"""Tabu search over exchanges of units between the groups of a session.

Each step picks a few *focus* units — in a session breaking a hard rule, units of its broken
groups; else units meeting somebody again (or moved by a repair), in every session at once when
they are few; else random units, for balance and wishes — and evaluates, with the state's
incremental delta, every swap of a focus unit with a unit of another group of its session and every
push of it into another group (and, while a rule is broken, every pull of another unit into its
group). The best non-tabu exchange is taken even when it worsens the objective; one that reaches a
new best is allowed even if tabu (aspiration). After a long run without progress the search
restarts from the best assignment with a few random exchanges.

Until every hard rule holds, a broken rule costs ``HARD_WEIGHT``. Afterwards the search
*oscillates*: a broken rule costs only a little more than a repeat, so the search may cross plans
that break one on its way between valid plans, but the best plan it keeps is always valid.

A run ends on its own when nothing can improve (no repeat, perfect balance, every wish met...) or
after ``stall`` steps without a new best, else when its *effort* (exchanges evaluated) is spent:
all three make it reproducible for a given seed. The wall clock and ``should_stop`` only cut it
short.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from .state import HARD_WEIGHT, NOISE, State

EPS = 1e-9
# Exchanges evaluated per second of time limit: about a quarter of what one core of a 2020s server
# evaluates in a second, so that a machine shared with other work still spends the effort (and the
# CP-SAT and start-up time around it) before the time is up.
EFFORT_PER_SECOND = 20_000
# In the soft phase a broken hard rule costs this many repeats (or moves), not HARD_WEIGHT.
OSCILLATION = 1.5
# Most units whose exchanges one step evaluates (while a hard rule is broken: a few, for quick
# small steps), and the number of exchanges a step aims at.
FOCUS = 12
HARD_FOCUS = 3
STEP_EVALUATIONS = 1500


@dataclass(frozen=True)
class Budget:
    """When to stop and whom to tell about progress.

    A run is bounded twice. Its *effort* — the number of exchanges evaluated — is proportional to
    the time limit (``EFFORT_PER_SECOND``) and does not depend on the machine's speed, so a run
    that ends by effort gives the same plan on every machine. The wall clock is the safety net: on
    a machine too slow or too loaded to spend the effort in time, the run ends by time instead.
    """

    start: float
    time_limit: float
    should_stop: Callable[[], bool] | None = None
    progress: Callable[[float, str], None] | None = None

    @property
    def effort(self) -> float:
        return self.time_limit * EFFORT_PER_SECOND

    @property
    def deadline(self) -> float:
        """When searching must end: a little before the limit, to leave time to build the plan."""
        return self.start + self.time_limit - min(2.0, 0.1 * self.time_limit + 0.2)

    def left(self) -> float:
        return self.deadline - time.monotonic()


def ideal_balance(state: State) -> float:
    """The smallest possible weighted Σ count², each feature spread as evenly as possible."""
    model = state.model
    total = 0.0
    for sd in model.sessions:
        counts: dict[int, int] = {}
        for p in sd.present:
            for f in model.features[p]:
                counts[f] = counts.get(f, 0) + 1
        for f, count in counts.items():
            q, r = divmod(count, sd.groups)
            total += model.feature_weight[f] * (r * (q + 1) ** 2 + (sd.groups - r) * q * q)
    return total


class Search:
    def __init__(self, state: State, rng: random.Random, budget: Budget, *, lower_bound: int = 0) -> None:
        self.state = state
        self.rng = rng
        self.budget = budget
        self.lower_bound = lower_bound
        model = state.model
        self.movable = [
            [unit for unit in sd.units if model.unit_locked(s, unit) < 0]
            for s, sd in enumerate(model.sessions)
        ]
        self.open_groups = [[g for g in range(sd.groups) if not sd.closed[g]] for sd in model.sessions]
        self.tabu = [[[0] * sd.groups for _ in range(model.n)] for sd in model.sessions]
        self.iteration = 0
        self.spent = 0
        self.ideal = ideal_balance(state)
        weights = model.weights
        self.oscillation = OSCILLATION * max(weights.repeat, weights.move, 1.0)
        self.hard_weight = HARD_WEIGHT
        self._last_report = 0.0

    # ------------------------------------------------------------ stopping

    def perfect(self) -> bool:
        """No soft goal can improve: nothing left to search for."""
        st = self.state
        return (
            st.hard == 0
            and st.repeats == 0
            and st.balance <= self.ideal + EPS
            and st.wish_met >= st.wish_total - EPS
            and st.interpreted == 0
            and st.moved == 0
        )

    def _interrupted(self, deadline: float) -> str | None:
        now = time.monotonic()
        if now >= deadline:
            return "time"
        if self.budget.should_stop is not None and self.budget.should_stop():
            return "cancelled"
        if self.budget.progress is not None and now - self._last_report >= 0.25:
            self._last_report = now
            st = self.state
            elapsed = (now - self.budget.start) / max(self.budget.time_limit, EPS)
            fraction = min(1.0, max(elapsed, self.spent / self.budget.effort))
            message = f"hard {st.hard} · repeats {st.repeats} (bound {self.lower_bound})"
            self.budget.progress(fraction, message)
        return None

    # ------------------------------------------------------------------ run

    def run(
        self,
        *,
        stall: int,
        until_feasible: bool = False,
        effort: float | None = None,
        deadline: float | None = None,
    ) -> str:
        """Search until stopped; the state ends on the best assignment found.

        Returns why it stopped: ``feasible`` (with ``until_feasible``), ``optimal``, ``stagnation``,
        ``effort``, ``time`` or ``cancelled``. ``effort`` caps the exchanges evaluated since the
        search began (default: the budget's whole effort), ``deadline`` the wall clock (default:
        the budget's).
        """
        effort = min(effort or self.budget.effort, self.budget.effort)
        deadline = min(deadline or self.budget.deadline, self.budget.deadline)
        st = self.state
        # Strategic oscillation: once the rules hold, breaking one costs only a little more than a
        # repeat, so the search may cross infeasible ground between feasible plans; the best plan
        # kept is always feasible, since the true total counts a broken rule as HARD_WEIGHT.
        self.hard_weight = HARD_WEIGHT if until_feasible or st.hard else self.oscillation
        best_total = st.total
        best = st.assignment()
        last_gain = self.iteration
        kicks = 0
        reason = "stagnation"
        while True:
            if until_feasible and st.hard == 0:
                reason = "feasible"
                break
            if not until_feasible and self.perfect():
                reason = "optimal"
                break
            if self.iteration % 16 == 0 and (stop := self._interrupted(deadline)):
                reason = stop
                break
            if self.spent >= effort:
                reason = "effort"
                break
            since = self.iteration - last_gain
            if since > stall:
                break
            if since > stall // 4 * (kicks + 1):
                kicks += 1
                st.load(best)
                self._kick()
            self.iteration += 1
            if not self._step(best_total):
                break
            if st.total < best_total - EPS:
                best_total = st.total
                best = st.assignment()
                last_gain = self.iteration
                kicks = 0
        if st.total > best_total + EPS:
            st.load(best)
        return reason

    # ----------------------------------------------------------------- steps

    def _focus(self) -> list[tuple[int, tuple[int, ...]]]:
        """The (session, unit) pairs whose exchanges this step evaluates.

        Units breaking a hard rule come first; else units meeting someone again or moved away from
        their anchor by a repair, in every session at once when they are few (the last repeats are
        the hardest to find); else random units, for balance and wishes.
        """
        st = self.state
        model = st.model
        rng = self.rng
        broken = [s for s in range(st.S) if st.session_hard(s) > 0 and self.movable[s]]
        if broken:
            s = rng.choice(broken)
            sd = model.sessions[s]
            grp = st.grp[s]
            gpen = st.gpen[s]
            need = st.need[s]
            uncovered = st.uncovered[s] > 0
            candidates = [
                unit
                for unit in self.movable[s]
                if any(
                    gpen[grp[p]] > 0
                    or (uncovered and need[grp[p]] > 0)
                    or any(grp[t] == grp[p] for t in sd.apart.get(p, ()))
                    for p in unit
                )
            ]
            return self._sample([(s, unit) for unit in candidates or self.movable[s]], HARD_FOCUS)
        conflicted = []
        for s in range(st.S):
            A = st.A[s]
            grp = st.grp[s]
            anchor = model.sessions[s].anchor
            conflicted += [
                (s, unit)
                for unit in self.movable[s]
                if any(A[p][grp[p]] > NOISE or anchor.get(p, grp[p]) != grp[p] for p in unit)
            ]
        if conflicted and rng.random() < 0.9:
            return self._sample(conflicted, FOCUS)
        sessions = [s for s in range(st.S) if self.movable[s]]
        if not sessions:
            return []
        s = rng.choice(sessions)
        return self._sample([(s, unit) for unit in self.movable[s]], FOCUS)

    def _sample(
        self, units: list[tuple[int, tuple[int, ...]]], most: int
    ) -> list[tuple[int, tuple[int, ...]]]:
        """At most ``most`` focus units, fewer if a step would evaluate many more than
        ``STEP_EVALUATIONS`` exchanges."""
        per_unit = max(len(self.movable[s]) for s, _ in units) + 1
        focus = max(2, min(most, STEP_EVALUATIONS // per_unit))
        return units if len(units) <= focus else self.rng.sample(units, focus)

    def _exchanges(
        self, s: int, unit: tuple[int, ...], g: int
    ) -> list[tuple[tuple[int, ...], tuple[int, ...], int]]:
        """(out of g, into g, other group) for every swap and push of ``unit`` out of ``g``.

        While the session breaks a hard rule, pulls (another unit into ``g``) are tried too: an
        undersized group or one without a leader is mended by what comes in, not what leaves.
        """
        grp = self.state.grp[s]
        pulls = self.state.session_hard(s) > 0 and not self.state.model.sessions[s].closed[g]
        result: list[tuple[tuple[int, ...], tuple[int, ...], int]] = []
        for other in self.movable[s]:
            h = grp[other[0]]
            if h != g:
                result.append((unit, other, h))
                if pulls:
                    result.append(((), other, h))
        result += [(unit, (), h) for h in self.open_groups[s] if h != g]
        return result

    def _step(self, best_total: float) -> bool:
        focus = self._focus()
        if not focus:
            return False
        st = self.state
        it = self.iteration
        total = st.total
        hard_weight = self.hard_weight
        best_value = math.inf
        options: list[tuple[int, tuple[int, ...], int, tuple[int, ...], int]] = []
        for s, unit in focus:
            sd = st.model.sessions[s]
            grp = st.grp[s]
            size = st.size[s]
            tabu = self.tabu[s]
            # A feasible session cannot get better on the hard side: prune by the soft side alone.
            feasible = st.session_hard(s) == 0
            strict = feasible and hard_weight == HARD_WEIGHT
            low, high = sd.min_size, sd.max_size
            g = grp[unit[0]]
            exchanges = self._exchanges(s, unit, g)
            self.spent += len(exchanges)
            for out, into, h in exchanges:
                shift = len(out) - len(into)
                if (
                    strict
                    and shift
                    and not (low <= size[g] - shift <= high and low <= size[h] + shift <= high)
                ):
                    continue
                change = st.delta(s, out, g, into, h, best_value + EPS if feasible else math.inf)
                if change is None:
                    continue
                hard, soft = change
                if strict and hard > 0:
                    continue
                value = hard_weight * hard + soft
                if value > best_value + EPS:
                    continue
                if (any(tabu[p][h] > it for p in out) or any(tabu[q][g] > it for q in into)) and not (
                    total + HARD_WEIGHT * hard + soft < best_total - EPS
                ):
                    continue
                if value < best_value - EPS:
                    best_value = value
                    options = []
                options.append((s, out, g, into, h))
        if not options:
            return True
        s, out, g, into, h = self.rng.choice(options)
        st.apply(s, out, g, into, h)
        tabu = self.tabu[s]
        tenure = it + self.rng.randint(4, 4 + max(4, st.model.sessions[s].groups // 2))
        for p in out:
            tabu[p][g] = tenure
        for q in into:
            tabu[q][h] = tenure
        return True

    def _kick(self) -> None:
        """A few random exchanges that keep the hard rules, to leave a basin of attraction."""
        st = self.state
        rng = self.rng
        sessions = [s for s in range(st.S) if len(self.movable[s]) > 1]
        if not sessions:
            return
        for _ in range(max(2, sum(len(self.movable[s]) for s in sessions) // 40)):
            s = rng.choice(sessions)
            unit, other = rng.sample(self.movable[s], 2)
            g, h = st.grp[s][unit[0]], st.grp[s][other[0]]
            if g == h or len(unit) != len(other):
                continue
            change = st.delta(s, unit, g, other, h)
            if change is not None and change[0] <= 0:
                st.apply(s, unit, g, other, h)
