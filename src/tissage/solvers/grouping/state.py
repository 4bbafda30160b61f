"""An assignment under construction or search, with every cost kept up to date incrementally.

The search evaluates thousands of candidate exchanges per second, so nothing is recomputed from
scratch: the state keeps per-group counters (hubs and other features, languages, leaders,
interpreters able to cover the group) and, for repeated pairs, a *pressure* table::

    A[s][p][g] = Σ over members r ≠ p of group g in session s of  meeting_cost(p, r, o)

where ``o`` is how often p and r meet in the other sessions of the plan (pairs with a continuity
wish are left out: their meetings are wanted, see ``Model.tracked``). ``A[s][p][g]`` is exactly
what placing ``p`` in ``g`` costs (or what taking ``p`` out of its own group saves), which makes
the pair part of a move's delta a handful of lookups.

Hard rules (group sizes, hub mix and share, leaders, working language with the interpreter
matching, must-apart) are counted as a penalty ``hard``; must-together rules and locks are never
broken because units move as blocks and locked units do not move.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from .model import Model, SessionData

# Groups of a session as lists of member indices; ``Assignment[s][g]``.
Assignment = list[list[list[int]]]

HARD_WEIGHT = 1_000_000.0
# A repeated meeting costs 1 (a pair from the history pays its weight at every meeting), plus
# SPREAD per earlier meeting in the plan: a pair meeting three times costs a little more than two
# pairs meeting twice, so repeats are spread rather than piled on the same people. A power of two
# keeps the sums exact in floating point.
SPREAD = 1 / 16
# Pair pressures below this are rounding noise (from fractional history weights), not a repeat.
NOISE = 1e-9


def meeting_cost(history: float, before: int) -> float:
    """What one more meeting costs a pair with this history weight that met ``before`` times."""
    return (history if history > 0 else float(before > 0)) + SPREAD * before


def assign_interpreters(needs: Mapping[int, int]) -> dict[int, int]:
    """A maximum matching of groups to interpreters, by augmenting paths.

    ``needs`` maps a group to the bit mask of the interpreters able to cover it; groups are served
    in the mapping's order, so the groups left out of a maximum matching are the last ones. The
    result maps each matched group to its interpreter's position.
    """
    owner: dict[int, int] = {}

    def assign(group: int, seen: set[int]) -> bool:
        mask = needs[group]
        while mask:
            bit = mask & -mask
            mask ^= bit
            if bit in seen:
                continue
            seen.add(bit)
            if bit not in owner or assign(owner[bit], seen):
                owner[bit] = group
                return True
        return False

    for group in needs:
        assign(group, set())
    return {group: bit.bit_length() - 1 for bit, group in owner.items()}


class State:
    """Who is where, per session, with the counters and costs that depend on it.

    ``place`` and ``remove`` are the only mutations (``apply`` and ``load`` use them), so every
    counter stays exact; ``delta`` predicts what an exchange would change without making it.
    """

    def __init__(self, model: Model) -> None:
        self.model = model
        n = model.n
        sessions = model.sessions
        self.S = len(sessions)
        self.H = len(model.hubs)
        n_features = len(model.feature_labels)
        n_languages = len(model.languages)
        self.m = [[0] * n for _ in range(n)]
        self.grp = [[-1] * n for _ in sessions]
        self.members: list[list[list[int]]] = [[[] for _ in range(sd.groups)] for sd in sessions]
        self.A = [[[0.0] * sd.groups for _ in range(n)] for sd in sessions]
        self.feat = [[[0] * n_features for _ in range(sd.groups)] for sd in sessions]
        self.lang = [[[0] * n_languages for _ in range(sd.groups)] for sd in sessions]
        self.reach = [[[0] * len(sd.interpreters) for _ in range(sd.groups)] for sd in sessions]
        self.lead = [[0] * sd.groups for sd in sessions]
        self.size = [[0] * sd.groups for sd in sessions]
        self.need = [[-1] * sd.groups for sd in sessions]
        self.gap = [[0] * sd.groups for sd in sessions]
        self.gpen = [[0] * sd.groups for sd in sessions]
        self.uncovered = [0] * self.S
        self.everyone = [(1 << len(sd.interpreters)) - 1 for sd in sessions]
        self.apart_viol = [0] * self.S
        self.hard = 0
        self.pair_cost = 0.0
        self.repeats = 0
        self.balance = 0.0
        self.wish_met = 0.0
        self.wish_total = sum(w for sd in sessions for wishes in sd.wishes.values() for _, w in wishes) / 2
        self.interpreted = 0
        self.moved = 0
        weights = model.weights
        self.w_repeat = weights.repeat
        self.w_continuity = weights.continuity
        self.w_interpreter = weights.interpreter
        self.w_move = weights.move
        for s, sd in enumerate(sessions):
            for g in range(sd.groups):
                self._refresh(s, g)

    # ----------------------------------------------------------------- totals

    @property
    def soft(self) -> float:
        return (
            self.w_repeat * self.pair_cost
            + self.balance
            + self.w_continuity * (self.wish_total - self.wish_met)
            + self.w_interpreter * self.interpreted
            + self.w_move * self.moved
        )

    @property
    def total(self) -> float:
        return HARD_WEIGHT * self.hard + self.soft

    def session_hard(self, s: int) -> int:
        return sum(self.gpen[s]) + self.uncovered[s] + self.apart_viol[s]

    def assignment(self) -> Assignment:
        return [[list(group) for group in groups] for groups in self.members]

    def load(self, assignment: Assignment) -> None:
        """Replace the current assignment (used to restore a best state or adopt a CP-SAT one)."""
        for s, groups in enumerate(assignment):
            self.load_session(s, groups)

    def load_session(self, s: int, groups: list[list[int]]) -> None:
        for group in self.members[s]:
            for p in list(group):
                self.remove(s, p)
        for g, group in enumerate(groups):
            for p in group:
                self.place(s, p, g)

    def pair_costs(self, s: int) -> dict[tuple[int, int], float]:
        """What putting each pair of session ``s`` together costs, given the other sessions."""
        model = self.model
        present = model.sessions[s].present
        grp = self.grp[s]
        costs = {}
        for i, p in enumerate(present):
            hist_p, m_p, tracked_p = model.hist[p], self.m[p], model.tracked[p]
            for q in present[i + 1 :]:
                if tracked_p[q]:
                    cost = meeting_cost(hist_p[q], m_p[q] - (grp[p] == grp[q] >= 0))
                    if cost > 0:
                        costs[(p, q)] = self.w_repeat * cost
        return costs

    def violations(self, s: int) -> list[str]:
        """The families of hard rules session ``s`` currently breaks (names as in ``cpsat.FAMILIES``)."""
        model = self.model
        sd = model.sessions[s]
        rules = model.rules
        found = set()
        for g in range(sd.groups):
            size = self.size[s][g]
            hubs = self.feat[s][g][: self.H]
            if not sd.min_size <= size <= sd.max_size:
                found.add("size")
            if sum(1 for c in hubs if c) < rules.min_hubs:
                found.add("hub_mix")
            if any(c > model.caps[size] for c in hubs):
                found.add("hub_share")
            if self.lead[s][g] < rules.leaders_per_group:
                found.add("leader")
            if self.need[s][g] == 0:
                found.add("language")
        if self.uncovered[s]:
            found.add("language")
        if self.apart_viol[s]:
            found.add("apart")
        return [
            family
            for family in ("size", "hub_mix", "hub_share", "leader", "language", "apart")
            if family in found
        ]

    # -------------------------------------------------------------- group rules

    def _group_after(
        self,
        s: int,
        g: int,
        size: int,
        out: Sequence[int],
        into: Sequence[int],
        hub_net: dict[int, int] | None,
    ) -> tuple[int, int, int]:
        """Hard penalty, interpreter need and language gap of ``g`` after ``out`` leave, ``into`` join.

        See ``language_after`` for the need and the gap.
        """
        model = self.model
        sd = model.sessions[s]
        pen = 0
        if size < sd.min_size:
            pen += sd.min_size - size
        elif size > sd.max_size:
            pen += size - sd.max_size
        feat = self.feat[s][g]
        cap = model.caps[size]
        distinct = 0
        for f in range(self.H):
            c = feat[f] + hub_net.get(f, 0) if hub_net else feat[f]
            if c:
                distinct += 1
                if c > cap:
                    pen += c - cap
        if distinct < model.rules.min_hubs:
            pen += model.rules.min_hubs - distinct
        leaders = self.lead[s][g]
        leader = model.leader
        for p in out:
            leaders -= leader[p]
        for p in into:
            leaders += leader[p]
        if leaders < model.rules.leaders_per_group:
            pen += model.rules.leaders_per_group - leaders
        lang_pen, need, gap = self.language_after(s, g, size, out, into)
        return pen + lang_pen, need, gap

    def language_after(
        self, s: int, g: int, size: int, out: Sequence[int], into: Sequence[int]
    ) -> tuple[int, int, int]:
        """(penalty, need, gap) of the group's working language after a change.

        ``need`` is -1 when everyone shares a working language, else the bit mask of the session's
        interpreters able to cover the group (0: none can; the penalty then counts the members out
        of reach). ``gap`` counts the members lacking the group's most shared language: a group
        waiting for an interpreter that no one is left to give is penalised by its gap (see
        ``_uncovered``), which guides the search towards a common language.
        """
        if size == 0:
            return 0, -1, 0
        langs = self.model.langs
        counts = self.lang[s][g]
        if into:
            for lang in langs[into[0]]:
                c = counts[lang]
                for p in into:
                    c += lang in langs[p]
                for p in out:
                    c -= lang in langs[p]
                if c == size:
                    return 0, -1, 0
        else:
            for lang, c in enumerate(counts):
                if c >= size:
                    for p in out:
                        c -= lang in langs[p]
                    if c == size:
                        return 0, -1, 0
        best = 0
        for lang, c in enumerate(counts):
            for p in into:
                c += lang in langs[p]
            for p in out:
                c -= lang in langs[p]
            if c > best:
                best = c
        gap = size - best
        sd = self.model.sessions[s]
        if sd.interpreters:
            shares = sd.shares
            reach = self.reach[s][g]
            mask = 0
            for k, r in enumerate(reach):
                bit = 1 << k
                for p in into:
                    r += bool(shares[p] & bit)
                for p in out:
                    r -= bool(shares[p] & bit)
                if r == size:
                    mask |= bit
                elif r > best:
                    best = r
            if mask:
                return 0, mask, gap
        return size - best, 0, gap

    def _uncovered(self, s: int, changes: dict[int, tuple[int, int]]) -> int:
        """Σ gaps of the groups needing an interpreter that a maximum matching leaves without one.

        ``changes`` overrides (need, gap) of some groups. The groups with the biggest gaps are
        served first, so the penalty falls as any left-out group nears a common language.
        """
        need = self.need[s]
        gap = self.gap[s]
        waiting = []
        for g in range(len(need)):
            mask, size = changes.get(g, (need[g], gap[g]))
            if mask > 0:
                waiting.append((-size, g, mask))
        if not waiting:
            return 0
        waiting.sort()
        everyone = self.everyone[s]
        if all(mask == everyone for _, _, mask in waiting):
            # Any interpreter can serve any waiting group: the biggest gaps are served.
            return sum(-size for size, _, _ in waiting[len(self.model.sessions[s].interpreters) :])
        served = assign_interpreters({g: mask for _, g, mask in waiting})
        return sum(-size for size, g, _ in waiting if g not in served)

    def _refresh(self, s: int, g: int) -> None:
        pen, need, gap = self._group_after(s, g, self.size[s][g], (), (), None)
        self.hard += pen - self.gpen[s][g]
        self.gpen[s][g] = pen
        old = self.need[s][g]
        old_gap = self.gap[s][g]
        self.need[s][g] = need
        self.gap[s][g] = gap
        if need != old:
            self.interpreted += (need >= 0) - (old >= 0)
        if self.model.sessions[s].interpreters and (need != old or (need > 0 and gap != old_gap)):
            uncovered = self._uncovered(s, {})
            self.hard += uncovered - self.uncovered[s]
            self.uncovered[s] = uncovered

    # ------------------------------------------------------- place and remove

    def place(self, s: int, p: int, g: int) -> None:
        model = self.model
        sd = model.sessions[s]
        hist_p = model.hist[p]
        tracked_p = model.tracked[p]
        m_p = self.m[p]
        A_s = self.A[s]
        for r in sd.present:
            if tracked_p[r]:
                h = hist_p[r]
                o = m_p[r]
                A_s[r][g] += (h if h > 0 else o > 0) + SPREAD * o
        self.pair_cost += A_s[p][g]
        group = self.members[s][g]
        for r in group:
            before = m_p[r]
            m_p[r] = before + 1
            self.m[r][p] += 1
            if tracked_p[r]:
                if before or hist_p[r] > 0:
                    self.repeats += 1
                self._bump_other_sessions(s, p, r, 1)
        group.append(p)
        self.grp[s][p] = g
        self.size[s][g] += 1
        self._count(s, p, g, 1)

    def remove(self, s: int, p: int) -> None:
        model = self.model
        sd = model.sessions[s]
        g = self.grp[s][p]
        group = self.members[s][g]
        group.remove(p)
        self.grp[s][p] = -1
        self.size[s][g] -= 1
        hist_p = model.hist[p]
        tracked_p = model.tracked[p]
        m_p = self.m[p]
        for r in group:
            after = m_p[r] - 1
            m_p[r] = after
            self.m[r][p] -= 1
            if tracked_p[r]:
                if after or hist_p[r] > 0:
                    self.repeats -= 1
                self._bump_other_sessions(s, p, r, -1)
        A_s = self.A[s]
        for r in sd.present:
            if tracked_p[r]:
                h = hist_p[r]
                o = m_p[r]
                A_s[r][g] -= (h if h > 0 else o > 0) + SPREAD * o
        self.pair_cost -= A_s[p][g]
        self._count(s, p, g, -1)

    def _bump_other_sessions(self, s: int, p: int, r: int, step: int) -> None:
        """Pair (p, r) met once more (or less): its pressure changes in every other session."""
        history = self.model.hist[p][r] > 0
        met = self.m[p][r]
        for s2 in range(self.S):
            if s2 == s:
                continue
            grp = self.grp[s2]
            gr = grp[r]
            gp = grp[p]
            if gr < 0 and gp < 0:
                continue
            after = met - (gr == gp)
            change = SPREAD * step
            if not history:
                change += (after > 0) - (after - step > 0)
            A = self.A[s2]
            if gr >= 0:
                A[p][gr] += change
            if gp >= 0:
                A[r][gp] += change

    def _count(self, s: int, p: int, g: int, step: int) -> None:
        model = self.model
        sd = model.sessions[s]
        feat = self.feat[s][g]
        weight = model.feature_weight
        for f in model.features[p]:
            c = feat[f]
            self.balance += weight[f] * (2 * c * step + 1)
            feat[f] = c + step
        lang = self.lang[s][g]
        for language in model.langs[p]:
            lang[language] += step
        if sd.interpreters:
            reach = self.reach[s][g]
            shares = sd.shares[p]
            for k in range(len(reach)):
                if shares >> k & 1:
                    reach[k] += step
        self.lead[s][g] += step * model.leader[p]
        grp = self.grp[s]
        if sd.apart:
            for t in sd.apart.get(p, ()):
                if grp[t] == g:
                    self.apart_viol[s] += step
                    self.hard += step
        if sd.wishes:
            for t, w in sd.wishes.get(p, ()):
                if grp[t] == g:
                    self.wish_met += step * w
        anchor = sd.anchor.get(p)
        if anchor is not None and anchor != g:
            self.moved += step
        self._refresh(s, g)

    # ------------------------------------------------------------------ moves

    def apply(self, s: int, out: Sequence[int], g: int, into: Sequence[int], h: int) -> None:
        """Move the people ``out`` from group ``g`` to ``h`` and ``into`` from ``h`` to ``g``."""
        for p in out:
            self.remove(s, p)
        for p in into:
            self.remove(s, p)
        for p in out:
            self.place(s, p, h)
        for p in into:
            self.place(s, p, g)

    def delta(
        self, s: int, out: Sequence[int], g: int, into: Sequence[int], h: int, cutoff: float = math.inf
    ) -> tuple[int, float] | None:
        """(hard, soft) change if ``out`` moved from ``g`` to ``h`` and ``into`` from ``h`` to ``g``.

        The cheap terms (pairs, balance, wishes) come first. Once they alone exceed ``cutoff`` by
        more than the interpreter term could win back, the exchange is hopeless for a caller that
        only accepts changes without hard penalty, and ``None`` is returned before the costlier
        group rules are evaluated.
        """
        model = self.model
        sd = model.sessions[s]
        A = self.A[s]
        pairs = 0.0
        for p in out:
            row = A[p]
            pairs += row[h] - row[g]
        for p in into:
            row = A[p]
            pairs += row[g] - row[h]
        singles = len(out) <= 1 and len(into) <= 1
        if singles and out and into:
            p, q = out[0], into[0]
            pairs -= 2 * meeting_cost(model.hist[p][q], self.m[p][q]) * model.tracked[p][q]
        elif not singles:
            pairs += self._pair_corrections(out, into)
        soft = self.w_repeat * pairs

        grp = self.grp[s]
        hard = 0
        related = sd.related
        for p in (*out, *into):
            if p in related:
                moving = dict.fromkeys(out, h)
                moving.update(dict.fromkeys(into, g))
                wish, apart, moved = self._relation_delta(sd, grp, moving)
                soft += self.w_move * moved - self.w_continuity * wish
                hard += apart
                break

        fg = self.feat[s][g]
        fh = self.feat[s][h]
        weight = model.feature_weight
        hub_net: dict[int, int] | None = None
        if singles:
            # One person leaves g for h and/or one joins g from h: no counter can move by more than 1.
            p = out[0] if out else -1
            q = into[0] if into else -1
            both = model.feature_sets[p] & model.feature_sets[q] if p >= 0 and q >= 0 else ()
            if p >= 0:
                for f in model.features[p]:
                    if f not in both:
                        soft += weight[f] * (2 - 2 * (fg[f] - fh[f]))
            if q >= 0:
                for f in model.features[q]:
                    if f not in both:
                        soft += weight[f] * (2 + 2 * (fg[f] - fh[f]))
            hub_p = model.hub_of[p] if p >= 0 else -1
            hub_q = model.hub_of[q] if q >= 0 else -1
            if hub_p != hub_q:
                hub_net = {hub: k for hub, k in ((hub_p, -1), (hub_q, 1)) if hub >= 0}
        else:
            soft_features, hub_net = self._features_delta(fg, fh, out, into)
            soft += soft_features
        if soft - 2 * self.w_interpreter > cutoff:
            return None
        size_g = self.size[s][g] - len(out) + len(into)
        size_h = self.size[s][h] + len(out) - len(into)
        pen_g, need_g, gap_g = self._group_after(s, g, size_g, out, into, hub_net)
        negated = {f: -k for f, k in hub_net.items()} if hub_net else None
        pen_h, need_h, gap_h = self._group_after(s, h, size_h, into, out, negated)
        gpen = self.gpen[s]
        hard += pen_g - gpen[g] + pen_h - gpen[h]
        need = self.need[s]
        if need_g != need[g] or need_h != need[h]:
            soft += self.w_interpreter * ((need_g >= 0) - (need[g] >= 0) + (need_h >= 0) - (need[h] >= 0))
        if sd.interpreters and (
            need_g != need[g] or need_h != need[h] or gap_g != self.gap[s][g] or gap_h != self.gap[s][h]
        ):
            changes = {g: (need_g, gap_g), h: (need_h, gap_h)}
            hard += self._uncovered(s, changes) - self.uncovered[s]
        return hard, soft

    def _features_delta(
        self, fg: list[int], fh: list[int], out: Sequence[int], into: Sequence[int]
    ) -> tuple[float, dict[int, int] | None]:
        """Balance change and net hub change of g when units ``out`` leave it for h, ``into`` come."""
        model = self.model
        net: dict[int, int] = {}
        for p in out:
            for f in model.features[p]:
                net[f] = net.get(f, 0) - 1
        for p in into:
            for f in model.features[p]:
                net[f] = net.get(f, 0) + 1
        weight = model.feature_weight
        soft = 0.0
        hub_net: dict[int, int] | None = None
        for f, k in net.items():
            if k:
                soft += weight[f] * (2 * k * (fg[f] - fh[f]) + 2 * k * k)
                if f < self.H:
                    if hub_net is None:
                        hub_net = {}
                    hub_net[f] = k
        return soft, hub_net

    def _pair_corrections(self, out: Sequence[int], into: Sequence[int]) -> float:
        """Pairs inside a moving unit keep meeting; pairs across the exchange never meet."""
        hist = self.model.hist
        tracked = self.model.tracked
        m = self.m
        fix = 0.0
        for block in (out, into):
            for i, p in enumerate(block):
                for r in block[i + 1 :]:
                    fix += 2 * meeting_cost(hist[p][r], m[p][r] - 1) * tracked[p][r]
        for p in out:
            for r in into:
                fix -= 2 * meeting_cost(hist[p][r], m[p][r]) * tracked[p][r]
        return fix

    @staticmethod
    def _relation_delta(sd: SessionData, grp: list[int], moving: dict[int, int]) -> tuple[float, int, int]:
        """Changes in met wish weight, must-apart violations and moves away from the anchors."""
        wish = 0.0
        apart = 0
        moved = 0
        for p, new in moving.items():
            old = grp[p]
            for t, w in sd.wishes.get(p, ()):
                t_new = moving.get(t)
                if t_new is None:
                    wish += w * ((grp[t] == new) - (grp[t] == old))
                elif t > p:
                    wish += w * ((t_new == new) - (grp[t] == old))
            for t in sd.apart.get(p, ()):
                t_new = moving.get(t)
                if t_new is None:
                    apart += (grp[t] == new) - (grp[t] == old)
                elif t > p:
                    apart += (t_new == new) - (grp[t] == old)
            anchor = sd.anchor.get(p)
            if anchor is not None:
                moved += (new != anchor) - (old != anchor)
        return wish, apart, moved
