"""The satellites in orbit as arrays: one row per satellite, every cohort advanced at once.

Why: a Python ``step()`` per cohort per day does not scale (10,000 cohorts × 3,650 days). The
ledger draws everything random about a satellite once, when it reaches orbit, and files its
future into per-step arrays, so that closing a step costs a few scalar operations whatever the
size of the fleet:

* **end of life**: bus failure at an exponential time (hazard ``bus_hazard_per_day``) or
  retirement at the cohort's retirement age, whichever comes first (the retirement age is the
  policy's, or the orbital decay age when the policy never retires); the end is filed as an exit
  (failed or deorbited) in the step it falls in;
* **accelerators**: each of the ``A`` accelerators of a satellite is dead on arrival with
  probability ``infant_mortality`` and otherwise fails at the constant hazard
  ``accelerator_hazard_per_day`` (random failures plus radiation, as in the analytic model).
  The number that would still work at the end of the satellite's planned life ``L`` (its
  retirement or decay age, or the horizon), ``k ~ Binomial(A, (1 − ι)e^{−λL})``, is drawn
  exactly (by inverting the binomial's distribution, tabulated once per ``L``); at any age the
  satellite carries the conditional expectation of its healthy count given ``k``:
  ``K(a) = k + (A − k)·c·(e^{−λa} − e^{−λL})``, ``c = (1 − ι)/(1 − (1 − ι)e^{−λL})``, which is
  ``a₀ + b·e^{−λa}``. The mean is exact at every age and so is the spread at ``L``; the timing of
  individual accelerator failures inside a satellite's life is not drawn, which understates the
  spread of the healthy count of a small fleet, never its mean;
* **array throttling**: once a satellite's array can no longer power full load (age τ₀), its
  payload runs at ``θ₀·e^{−g(a − τ₀)}`` of full power, g = −ln(1 − degradation) (the analytic
  model's law).

A sum of terms ``a₀`` and ``b·e^{−λt}`` over the satellites alive at ``t`` is kept as running
sums (constant terms, and exponential terms valued at the current step end, which decay by
``e^{−λΔ}`` per step), with per-step difference arrays for arrivals, throttle starts and exits.
Events that change a satellite's future after the fact (a storm, an early retirement) edit those
arrays (:meth:`SatelliteLedger.end_satellites`, :meth:`SatelliteLedger.scale_accelerators`).

Times here are days from t = 0; step ``s`` covers ``[sΔ, (s + 1)Δ)``. A satellite that arrives in
step ``s`` counts in the stock at the end of that step; one that ends at ``e`` counts in the
stocks of the step ends before ``e``. Flows over a step are integrated by the trapezoid rule
between the stock just after the step's start (after any event at the boundary) and its end,
which is unbiased for arrivals and exits spread through the step.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
CountArray = npt.NDArray[np.integer[Any]]

_SUMS = (
    "healthy_const",
    "healthy_exp",
    "late_const",
    "late_exp",
    "throttled_const",
    "throttled_exp",
)
"""Running sums: healthy accelerators (a₀ and b·e^{−λt} terms) of every satellite alive, the same
for the satellites past their throttle age, and those satellites' throttled power weights."""
_HEALTHY_CONST, _HEALTHY_EXP, _LATE_CONST, _LATE_EXP, _THROTTLED_CONST, _THROTTLED_EXP = range(6)


def _log_choose(n: int, k: IntArray) -> FloatArray:
    """ln C(n, k) for each k (log-gamma, exact enough for any n)."""
    lgamma = np.vectorize(math.lgamma, otypes=[np.float64])
    result: FloatArray = math.lgamma(n + 1) - lgamma(k + 1.0) - lgamma(n - k + 1.0)
    return result


@attrs.frozen(kw_only=True)
class SatelliteModel:
    """What the ledger needs to know about one satellite of the design (rates per day)."""

    accelerators: int
    accelerator_hazard_per_day: float
    bus_hazard_per_day: float
    infant_mortality: float
    throttle_age_days: float
    """Age τ₀ at which the array stops covering full load (inf: never)."""
    throttle_start_factor: float
    """θ₀: share of full load the array covers at τ₀ (1, or less when τ₀ is 0)."""
    degradation_per_day: float
    """g = −ln(1 − array degradation per year) / 365.25."""


@attrs.frozen(kw_only=True)
class StepRecord:
    """What one closed step adds to the history: stocks at its end, flows during it."""

    satellites_operating: int
    healthy_accelerators: float
    powered_accelerators: float
    """Healthy accelerators weighted by the share of full load their array can power."""
    satellites_arrived: int
    satellites_failed: int
    satellites_deorbited: int
    powered_accelerator_days: float
    """∫ powered accelerators dt over the step [accelerator-days at full load]."""
    satellite_days: float
    """∫ operating satellites dt over the step [satellite-days]."""


class SatelliteLedger:
    """Every satellite that reached orbit, its drawn future, and the fleet's running stocks."""

    def __init__(self, satellite: SatelliteModel, *, steps: int, step_days: float) -> None:
        self.satellite = satellite
        self.steps = steps
        self.step_days = step_days
        self.horizon_days = steps * step_days
        self.closed_steps = 0
        """Steps closed so far: mutations act at time ``closed_steps × step_days``."""
        self._sums = np.zeros(len(_SUMS))
        self._diff = np.zeros((len(_SUMS), steps))
        lam = satellite.accelerator_hazard_per_day * step_days
        g = satellite.degradation_per_day * step_days
        self._decay = np.exp(-np.array([0.0, lam, 0.0, lam, g, lam + g]))
        self._arrivals = np.zeros(steps, dtype=np.int64)
        self._failed = np.zeros(steps, dtype=np.int64)
        self._deorbited = np.zeros(steps, dtype=np.int64)
        self._operating = 0
        self._start_operating = 0
        self._start_powered = 0.0
        self._scale = 1.0
        self._scale_by_step = np.ones(steps + 1)
        """Product of the accelerator-loss factors applied before arrivals of each step."""
        capacity = 1024
        self._launch_day = np.empty(capacity)
        self._end_day = np.empty(capacity)
        self._path_days = np.empty(capacity)
        self._retires = np.empty(capacity, dtype=bool)
        self._healthy_at_end = np.empty(capacity, dtype=np.int32)
        self.count = 0
        """Rows used: satellites that ever reached orbit."""
        self._tables: dict[float, FloatArray] = {}

    # --- arrivals -------------------------------------------------------------------------

    def arrive(self, launch_days: FloatArray, life_days: float, rng: np.random.Generator) -> int:
        """File satellites that reached orbit during the current step at ``launch_days``, to be
        retired (or to re-enter) at age ``life_days`` (inf: never) unless their bus fails first;
        returns their first row. Draws each one's end of life and healthy accelerators."""
        sat = self.satellite
        n = len(launch_days)
        first = self.count
        if n == 0:
            return first
        step = self.closed_steps
        if sat.bus_hazard_per_day:
            life = rng.exponential(1.0 / sat.bus_hazard_per_day, n)
            retires = life >= life_days
            np.minimum(life, life_days, out=life)
        else:
            life = np.full(n, life_days)
            retires = np.ones(n, dtype=bool)
        end = launch_days + life
        path_days = min(life_days, self.horizon_days)  # ≥ each one's life within the horizon
        table = self._binomial_table(path_days)
        healthy_at_end = np.searchsorted(table, rng.random(n), side="right")
        self._append(launch_days, end, path_days, retires, healthy_at_end)

        const, slope = self._path(healthy_at_end, path_days)
        self._diff[_HEALTHY_CONST, step] += const.sum()
        self._diff[_HEALTHY_EXP, step] += (slope * self._exp_at_end(step, launch_days)).sum()
        self._arrivals[step] += n
        self._file_future(launch_days, end, retires, const, slope, sign=1)
        return first

    def _binomial_table(self, path_days: float) -> FloatArray:
        """P(K ≤ j), j = 0 … A − 1, for K ~ Binomial(A, (1 − ι)e^{−λL}) (cached per L)."""
        table = self._tables.get(path_days)
        if table is None:
            sat = self.satellite
            p = float(self._survival(np.asarray(path_days)))
            a = sat.accelerators
            j = np.arange(a + 1)
            with np.errstate(divide="ignore", invalid="ignore"):  # p = 0 or 1: 0 × −inf
                alive = np.where(j > 0, j * np.log(p), 0.0)
                dead = np.where(j < a, (a - j) * np.log1p(-p), 0.0)
            pmf = np.exp(_log_choose(a, j) + alive + dead)
            table = np.cumsum(pmf / pmf.sum())[:-1]
            self._tables[path_days] = table
        return table

    def _append(
        self,
        launch: FloatArray,
        end: FloatArray,
        path_days: float,
        retires: npt.NDArray[np.bool_],
        k: CountArray,
    ) -> None:
        needed = self.count + len(launch)
        if needed > len(self._launch_day):
            capacity = max(needed, 2 * len(self._launch_day))
            for name in ("_launch_day", "_end_day", "_path_days", "_retires", "_healthy_at_end"):
                old = getattr(self, name)
                grown = np.empty(capacity, dtype=old.dtype)
                grown[: self.count] = old[: self.count]
                setattr(self, name, grown)
        rows = slice(self.count, needed)
        self._launch_day[rows] = launch
        self._end_day[rows] = end
        self._path_days[rows] = path_days
        self._retires[rows] = retires
        self._healthy_at_end[rows] = k
        self.count = needed

    def _survival(self, path_days: FloatArray) -> FloatArray:
        """P(an accelerator works at the end of its satellite's path) = (1 − ι)e^{−λL}."""
        sat = self.satellite
        return (1.0 - sat.infant_mortality) * np.exp(-sat.accelerator_hazard_per_day * path_days)

    def _path(
        self, healthy_at_end: CountArray, path_days: FloatArray | float
    ) -> tuple[FloatArray, FloatArray]:
        """a₀ and b of K(a) = a₀ + b·e^{−λa} for each satellite (see the module docstring)."""
        sat = self.satellite
        decayed = np.exp(-sat.accelerator_hazard_per_day * np.asarray(path_days))
        dead = 1.0 - (1.0 - sat.infant_mortality) * decayed
        with np.errstate(divide="ignore", invalid="ignore"):
            c = np.where(dead > 0.0, (1.0 - sat.infant_mortality) / dead, 0.0)
        healthy = np.asarray(healthy_at_end, dtype=np.float64)
        slope: FloatArray = (sat.accelerators - healthy) * c
        return healthy - slope * decayed, slope

    def _path_of(self, rows: IntArray) -> tuple[FloatArray, FloatArray]:
        """a₀ and b of the satellites in ``rows``, from their drawn healthy count."""
        return self._path(self._healthy_at_end[rows], self._path_days[rows])

    def _exp_at_end(self, step: IntArray | int, launch_days: FloatArray) -> FloatArray:
        """e^{−λ(T − l)} at the end T of ``step``, for satellites launched at ``launch_days``."""
        end_of_step = (np.asarray(step) + 1) * self.step_days
        return np.exp(-self.satellite.accelerator_hazard_per_day * (end_of_step - launch_days))

    def _exit_step(self, end_days: FloatArray) -> IntArray:
        """The step during which a satellite ending at ``end_days`` leaves (ceil − 1; ``steps``
        or more: after the horizon)."""
        capped = np.minimum(end_days, self.horizon_days + self.step_days)
        return np.ceil(capped / self.step_days).astype(np.int64) - 1

    def _file_future(
        self,
        launch: FloatArray,
        end: FloatArray,
        retires: npt.NDArray[np.bool_],
        const: FloatArray,
        slope: FloatArray,
        sign: int,
        *,
        after_step: int = -1,
    ) -> None:
        """Add (sign 1, on arrival) or remove (sign −1) the exits and throttle starts of these
        satellites that fall in steps after ``after_step`` and within the horizon, scaled by
        every accelerator loss since their arrival."""
        sat = self.satellite
        if sign > 0:  # arriving now: no loss yet
            const_w, slope_w = const, slope
        else:
            factor = self._scale / self._scale_by_step[self._arrival_step(launch)]
            const_w, slope_w = const * factor, slope * factor
        exit_step = self._exit_step(end)
        inside = (exit_step < self.steps) & (exit_step > after_step)
        if inside.all():
            s, launch_in, retires_in = exit_step, launch, retires
            const_in, slope_in = const_w, slope_w
        else:
            s, launch_in, retires_in = exit_step[inside], launch[inside], retires[inside]
            const_in, slope_in = const_w[inside], slope_w[inside]
        if s.size:
            np.add.at(self._diff[_HEALTHY_CONST], s, -sign * const_in)
            np.add.at(
                self._diff[_HEALTHY_EXP], s, -sign * slope_in * self._exp_at_end(s, launch_in)
            )
            retired = np.count_nonzero(retires_in)
            if retired == s.size:
                np.add.at(self._deorbited, s, sign)
            elif retired == 0:
                np.add.at(self._failed, s, sign)
            else:
                np.add.at(self._deorbited, s[retires_in], sign)
                np.add.at(self._failed, s[~retires_in], sign)
        if not math.isfinite(sat.throttle_age_days):
            return
        throttle = launch + sat.throttle_age_days
        start_step = np.floor(throttle / self.step_days).astype(np.int64)
        throttled = throttle < end
        for step, leave in ((start_step, False), (exit_step, True)):
            mask = throttled & (step > after_step) & (step < self.steps)
            if not mask.any():
                continue
            s = step[mask]
            terms = self._late_terms(s, launch[mask], const_w[mask], slope_w[mask])
            direction = -sign if leave else sign
            for index, values in zip(range(_LATE_CONST, _THROTTLED_EXP + 1), terms, strict=True):
                np.add.at(self._diff[index], s, direction * values)

    def _late_terms(
        self, step: IntArray, launch: FloatArray, const: FloatArray, slope: FloatArray
    ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
        """Late-life terms valued at the end of ``step``: healthy (a₀, b·e^{−λa}) and their
        throttled power weights (× θ₀·e^{−g(a − τ₀)})."""
        sat = self.satellite
        end_of_step = (step + 1) * self.step_days
        exp_healthy = slope * np.exp(-sat.accelerator_hazard_per_day * (end_of_step - launch))
        theta = sat.throttle_start_factor * np.exp(
            -sat.degradation_per_day * (end_of_step - launch - sat.throttle_age_days)
        )
        return const, exp_healthy, const * theta, exp_healthy * theta

    def _arrival_step(self, launch_days: FloatArray) -> IntArray:
        return np.floor(launch_days / self.step_days).astype(np.int64)

    # --- closing a step ---------------------------------------------------------------------

    def close(self) -> StepRecord:
        """Close the current step: advance the running sums to its end and read the stocks."""
        step = self.closed_steps
        if step >= self.steps:
            raise RuntimeError("the ledger's horizon is already closed")
        # exponential terms were valued at the step's start: decay them, then add the step's diffs
        self._sums *= self._decay
        self._sums += self._diff[:, step]
        operating = self._operating + int(
            self._arrivals[step] - self._failed[step] - self._deorbited[step]
        )
        healthy, powered = self._stocks()
        record = StepRecord(
            satellites_operating=operating,
            healthy_accelerators=healthy,
            powered_accelerators=powered,
            satellites_arrived=int(self._arrivals[step]),
            satellites_failed=int(self._failed[step]),
            satellites_deorbited=int(self._deorbited[step]),
            powered_accelerator_days=0.5 * self.step_days * (self._start_powered + powered),
            satellite_days=0.5 * self.step_days * (self._start_operating + operating),
        )
        self._operating = self._start_operating = operating
        self._start_powered = powered
        self.closed_steps = step + 1
        return record

    def _stocks(self) -> tuple[float, float]:
        s = self._sums
        healthy = s[_HEALTHY_CONST] + s[_HEALTHY_EXP]
        powered = healthy - s[_LATE_CONST] - s[_LATE_EXP] + s[_THROTTLED_CONST] + s[_THROTTLED_EXP]
        return max(0.0, float(healthy)), max(0.0, float(powered))

    @property
    def satellites_operating(self) -> int:
        """Satellites operating now (at the last step boundary, after any event there)."""
        return self._start_operating

    @property
    def healthy_accelerators(self) -> float:
        """Working accelerators on operating satellites now."""
        return self._stocks()[0]

    @property
    def powered_accelerators(self) -> float:
        """Working accelerators now, weighted by the share of full load their array powers."""
        return self._stocks()[1]

    # --- events ---------------------------------------------------------------------------

    @property
    def now_days(self) -> float:
        """The step boundary at which mutations act [days]."""
        return self.closed_steps * self.step_days

    def operating_rows(self) -> IntArray:
        """Rows of the satellites operating now."""
        return np.flatnonzero(self._end_day[: self.count] > self.now_days)

    def end_satellites(self, rows: IntArray, *, retired: bool) -> int:
        """End these operating satellites now (failed, or deorbited if ``retired``); returns how
        many ended. Their exits count in the step that starts now."""
        rows = np.asarray(rows, dtype=np.int64)
        now = self.now_days
        rows = rows[self._end_day[rows] > now]
        if rows.size == 0:
            return 0
        if self.closed_steps >= self.steps:
            raise RuntimeError("cannot change the fleet after the horizon")
        launch, end, retires = self._launch_day[rows], self._end_day[rows], self._retires[rows]
        const, slope = self._path_of(rows)
        last = self.closed_steps - 1
        # the future they were filed with, then their contribution to the sums now
        self._file_future(launch, end, retires, const, slope, sign=-1, after_step=last)
        factor = self._scale / self._scale_by_step[self._arrival_step(launch)]
        self._sums[_HEALTHY_CONST] -= (const * factor).sum()
        self._sums[_HEALTHY_EXP] -= (slope * self._exp_at_end(last, launch) * factor).sum()
        if math.isfinite(self.satellite.throttle_age_days):
            throttle = launch + self.satellite.throttle_age_days
            late = (np.floor(throttle / self.step_days) <= last) & (throttle < end)
            if late.any():
                steps = np.full(int(late.sum()), last)
                terms = self._late_terms(steps, launch[late], const[late], slope[late])
                for index, values in zip(range(_LATE_CONST, 6), terms, strict=True):
                    self._sums[index] -= (values * factor[late]).sum()
        self._end_day[rows] = now
        self._retires[rows] = retired
        (self._deorbited if retired else self._failed)[self.closed_steps] += rows.size
        self._start_operating -= rows.size
        self._start_powered = self._stocks()[1]
        return int(rows.size)

    def scale_accelerators(self, factor: float) -> None:
        """Multiply every operating satellite's working accelerators, now and in its future, by
        ``factor`` (an accelerator loss at the current boundary)."""
        if not 0.0 <= factor <= 1.0:
            raise ValueError(f"factor must be in [0, 1], got {factor!r}")
        step = self.closed_steps
        if step >= self.steps:
            raise RuntimeError("cannot change the fleet after the horizon")
        self._sums *= factor
        self._diff[:, step:] *= factor
        self._scale *= factor
        self._scale_by_step[step:] = self._scale
        self._start_powered = self._stocks()[1]

    # --- per-satellite views ----------------------------------------------------------------

    def satellite_state(
        self, rows: IntArray
    ) -> tuple[npt.NDArray[np.bool_], FloatArray, FloatArray]:
        """For these rows now: operating?, healthy accelerators, powered accelerators."""
        sat = self.satellite
        now = self.now_days
        launch = self._launch_day[rows]
        alive = self._end_day[rows] > now
        const, slope = self._path_of(rows)
        age = now - launch
        factor = self._scale / self._scale_by_step[self._arrival_step(launch)]
        healthy = (const + slope * np.exp(-sat.accelerator_hazard_per_day * age)) * factor
        theta = np.ones_like(age)
        if math.isfinite(sat.throttle_age_days):
            late = age >= sat.throttle_age_days
            theta[late] = sat.throttle_start_factor * np.exp(
                -sat.degradation_per_day * (age[late] - sat.throttle_age_days)
            )
        healthy = np.where(alive, healthy, 0.0)
        return alive, healthy, healthy * theta

    def lifetimes_days(self) -> tuple[FloatArray, FloatArray]:
        """Launch day and end day of every satellite that reached orbit (copies)."""
        return self._launch_day[: self.count].copy(), self._end_day[: self.count].copy()
