"""The model parameters that ``sahelsim calibrate`` fits, and their priors, declared once.

Everything else about a parameter (default, range, unit, label, source) is in
:data:`sim.scenario.parameters.PARAMETERS`; this module only says which parameters are free and
how the prior spreads over the declared range. The calibration, the posterior draws of the
ensembles, the diagnostics and ``docs/calibration.md`` read this list; adding or removing a
name here is the whole change needed to fit another set (the model is not touched).

The parameters chosen are those whose source is an assumption and that move what the
training episodes record: whether force is used (the coercion decision: ``required_superiority``,
``intent_spread``, ``time_cost_weight``, and the target's ``concession_rate`` and, for an
incumbent who will not hand over after losing an election, ``handover_concession_factor``, which
also holds back a government fighting its own rebels from capitulating), who
takes a permitted measure (``permission_base_rate``), how big the first contingents sent abroad
are and how long they stay (``expeditionary_share``, whose range reads the record, and
``withdrawal_rate``) and how and how fast a war ends (``breaking_point``, ``mediation_rate``,
``irregular_intensity``). ``deterrence_weight``, ``attack_rate`` and ``force_cost_weight`` are
left at their declared values: their posteriors stayed as wide as their priors, and fits of
twelve or thirteen parameters collapsed to an effective sample size of 1 to 3 of 80.
``stakes_weight`` is left at its declared value: only Liberia 1990 among the training episodes
has a war on the threatened target's soil. ``reinforcement_rate`` is left at its declared value
too: the record gives its order of magnitude (ECOMOG's growth in Liberia), and one more free
parameter would thin a posterior that eighty particles already map roughly; so is
``sought_superiority``, read from ECOMIG's size against The Gambia's forces in 2017. ``resolve_weight``, ``capitulation_rate`` and
``kill_rate`` are left at their declared values too: each overlaps another free parameter in
what the episodes record (docs/calibration.md §8.1). ``truce_breakdown_rate`` is read from the
record (four truces of the fact base and the days they held), as ``reinforcement_rate`` is. ``honour_base_rate`` is not free: it comes
from data (Leeds et al.), and the episodes are too few to overrule a rate measured on two
centuries of alliances. ``buck_passing_weight`` is not free either: no training episode has a
third party using force on its own (a ``third_party_force`` event), so the episodes say nothing
about it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sim.errors import InputError, Listed, Text
from sim.scenario.parameters import PARAMETERS


class PriorShape(StrEnum):
    """How a prior spreads over a parameter's declared range."""

    UNIFORM = "uniform"
    """Flat over ``[low, high]``: every value of the declared range equally plausible."""
    LOG_UNIFORM = "loguniform"
    """Flat in the logarithm: for a rate whose range spans orders of magnitude."""


@dataclass(frozen=True)
class FreeParameter:
    """A parameter fitted by the calibration, with its prior over the declared range."""

    name: str
    shape: PriorShape = PriorShape.UNIFORM
    why: str = ""  # why this shape, when it is not uniform

    @property
    def low(self) -> float:
        """The prior's lower end: the parameter's declared low."""
        return PARAMETERS[self.name].low

    @property
    def high(self) -> float:
        """The prior's upper end: the parameter's declared high."""
        return PARAMETERS[self.name].high

    @property
    def sampled_as(self) -> str:
        """The name the sampler knows it by: ``logit_NAME``, or ``logit_log10_NAME``.

        The sampler works on an unbounded scale (:meth:`value`): ``logit((y − a) / (b − a))``,
        where ``y`` is the parameter (its log10 for a log-uniform prior) and ``[a, b]`` its range
        on that scale. If ``y`` is flat on ``[a, b]``, that logit follows the standard logistic
        distribution exactly, so the prior is unchanged; but the perturbation kernel never
        proposes outside the range. On the bounded scale, proposals past an edge are discarded
        while the importance weights count them as made, so particles near an edge carried
        inflated weights and the effective sample size collapsed (docs/calibration.md §8.5).
        A log-uniform parameter is taken in its logarithm first, on which its prior is flat: the
        kernel is then as fair to 0.0001 as to 0.01.
        """
        scale = "log10_" if self.shape is PriorShape.LOG_UNIFORM else ""
        return f"logit_{scale}{self.name}"

    @property
    def sampled_range(self) -> tuple[float, float]:
        """The prior's range on the scale where it is flat (log10 for a log-uniform prior)."""
        if self.shape is PriorShape.LOG_UNIFORM:
            return math.log10(self.low), math.log10(self.high)
        return self.low, self.high

    def sampled(self, value: float) -> float:
        """The sampler's logit of a value inside the range (the inverse of :meth:`value`)."""
        low, high = self.sampled_range
        y = math.log10(value) if self.shape is PriorShape.LOG_UNIFORM else value
        share = (y - low) / (high - low)
        return math.log(share / (1.0 - share))

    def value(self, sampled: float) -> float:
        """The parameter's value from the sampler's logit (then ``10**y`` if log-uniform)."""
        low, high = self.sampled_range
        x = float(sampled)
        share = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        y = low + share * (high - low)
        value = 10.0**y if self.shape is PriorShape.LOG_UNIFORM else y
        return min(max(value, self.low), self.high)


FREE_PARAMETERS: tuple[FreeParameter, ...] = (
    FreeParameter(
        "required_superiority",
        PriorShape.LOG_UNIFORM,
        "a ratio: its declared range, 0.2 to 5, is as wide below parity as above it",
    ),
    FreeParameter(
        "intent_spread",
        PriorShape.LOG_UNIFORM,
        "a spread (a scale): its declared range, 0.05 to 3, spans almost two orders of magnitude",
    ),
    FreeParameter(
        "junta_confidence",
        PriorShape.LOG_UNIFORM,
        "a ratio: its declared range, 1 to 5, is a factor, flat in its logarithm as the other ratio",
    ),
    FreeParameter("time_cost_weight"),
    FreeParameter("expeditionary_share"),
    FreeParameter("withdrawal_rate"),
    FreeParameter("concession_rate"),
    FreeParameter("handover_concession_factor"),
    FreeParameter("permission_base_rate"),
    FreeParameter("breaking_point"),
    FreeParameter("mediation_rate"),
    FreeParameter(
        "irregular_intensity",
        PriorShape.LOG_UNIFORM,
        "its declared range, 0.01 to 1, spans two orders of magnitude",
    ),
)
"""The free parameters, in the order the posterior's columns list them."""


def free_parameters(names: tuple[str, ...] | list[str] = ()) -> tuple[FreeParameter, ...]:
    """The declared free parameters, or those of them named (checked against the declaration)."""
    if not names:
        return FREE_PARAMETERS
    declared = {p.name: p for p in FREE_PARAMETERS}
    unknown = [n for n in names if n not in declared]
    if unknown:
        raise InputError(
            Text(
                "not a free parameter: {names}; expected some of {declared} "
                "(sim/scenario/calibration.py)",
                names=Listed(unknown),
                declared=Listed(declared),
            )
        )
    return tuple(declared[n] for n in names)


def _check() -> None:
    for p in FREE_PARAMETERS:
        declared = PARAMETERS.get(p.name)
        if declared is None or declared.integer:
            raise RuntimeError(f"free parameter {p.name}: expected a declared real parameter")
        if p.shape is PriorShape.LOG_UNIFORM and declared.low <= 0:
            raise RuntimeError(f"free parameter {p.name}: a log-uniform prior needs low > 0")


_check()
