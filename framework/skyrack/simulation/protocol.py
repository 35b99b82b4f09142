"""What a fleet policy and a fleet event see, what they may do, and when they are called.

A :class:`~skyrack.components.FleetPolicy` or :class:`~skyrack.components.FleetEvent`
component is data (sourced numbers); its *behaviour* is an object implementing
:class:`PolicyBehaviour` or :class:`EventBehaviour`, built once per simulation run by the
component's ``behaviour`` factory (``behaviour=MyPolicy`` calls ``MyPolicy(component)``). When
a component gives no factory, the built-in behaviour reads its fields
(:mod:`skyrack.simulation.behaviours`). A plugin registers new behaviour exactly as it registers
any component::

    from skyrack import FleetPolicy, hookimpl
    from skyrack.simulation.protocol import PolicyBehaviour

    class KeepSpares(PolicyBehaviour):
        def __init__(self, component): ...
        def start(self, fleet): fleet.order_satellites(fleet.target_satellites)
        def step(self, fleet): ...

    @hookimpl
    def register_fleet_policies(register):
        register(FleetPolicy(name="keep-spares", ..., behaviour=KeepSpares))

``skyrack.testing.check_policy`` and ``check_event`` run a behaviour through a small fleet and
check that it keeps this protocol. Times are years from the first launch opportunity (t = 0);
counts are satellites; power is payload power in watts.

Nothing here imports mesa or numpy: a plugin can import the protocol cheaply.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


class CohortTable(Protocol):
    """The satellites of each launch (one cohort per launch that reached orbit), as arrays with
    one element per cohort, in launch order. Built on request: O(satellites) per call."""

    cohort_ids: Sequence[int]
    """Ids to pass to :meth:`PolicyFleet.retire_cohorts`."""
    launch_time_years: npt.NDArray[np.float64]
    satellites_launched: npt.NDArray[np.int64]
    satellites_operating: npt.NDArray[np.int64]
    healthy_accelerators: npt.NDArray[np.float64]
    operating_power_w: npt.NDArray[np.float64]


class FleetState(Protocol):
    """What a policy or an event sees: the fleet at the current step boundary (read-only).

    Stocks are read at the boundary; ``last_step_*`` are the flows of the step that just closed;
    cumulative counts run from t = 0.
    """

    @property
    def time_years(self) -> float:
        """Now [yr from the first launch opportunity]."""

    @property
    def step_years(self) -> float:
        """Length of one step [yr]."""

    @property
    def horizon_years(self) -> float:
        """End of the simulation [yr]."""

    @property
    def target_satellites(self) -> int:
        """Satellites in the design's fleet."""

    @property
    def target_power_w(self) -> float:
        """The fleet's payload power at beginning of life [W]."""

    @property
    def satellite_power_w(self) -> float:
        """One new satellite's payload power [W]."""

    @property
    def satellites_per_launch(self) -> int:
        """The most satellites one launch of the fleet's vehicles carries."""

    @property
    def design_life_years(self) -> float:
        """The life each satellite is sized for (``design.mission_years``) [yr]."""

    @property
    def satellites_operating(self) -> int:
        """Satellites in orbit and working."""

    @property
    def satellites_in_storage(self) -> int:
        """Satellites built and waiting for a launch."""

    @property
    def satellites_on_order(self) -> int:
        """Satellites ordered and not yet launched (in storage or still to build)."""

    @property
    def healthy_accelerators(self) -> float:
        """Working accelerators on operating satellites."""

    @property
    def operating_power_w(self) -> float:
        """Payload power of the working accelerators, after array throttling [W]."""

    @property
    def satellites_built(self) -> int:
        """Satellites built since t = 0."""

    @property
    def satellites_launched(self) -> int:
        """Satellites launched since t = 0 (including those lost at launch)."""

    @property
    def satellites_arrived(self) -> int:
        """Satellites that reached orbit since t = 0."""

    @property
    def last_step_lost_at_launch(self) -> int:
        """Satellites lost in launch failures during the step that just closed."""

    @property
    def last_step_failed(self) -> int:
        """Satellites that failed in orbit during the step that just closed."""

    @property
    def last_step_deorbited(self) -> int:
        """Satellites deorbited (retired or decayed) during the step that just closed."""

    @property
    def spend_usd(self) -> float:
        """Money spent since t = 0, undiscounted [USD] (priced on request: O(steps))."""

    @property
    def spend_limit_usd(self) -> float | None:
        """The study's ``spend_limit_usd``, or None."""

    def cohorts(self) -> CohortTable:
        """Every cohort's state now (O(satellites) per call: call it rarely on large fleets)."""


class PolicyFleet(FleetState, Protocol):
    """The fleet as a policy sees it, with the actions a policy may take."""

    def order_satellites(self, count: int) -> None:
        """Order ``count`` more satellites: the factory builds them and the launch providers
        fly them as capacity allows. ``count`` must be a whole number ≥ 0."""

    def cancel_orders(self) -> None:
        """Cancel every satellite not yet launched (satellites already built stay in storage)."""

    def retire_cohorts(self, cohort_ids: Sequence[int]) -> None:
        """Deorbit every operating satellite of these cohorts now."""

    def retire_satellites(self, older_than_years: float) -> None:
        """Deorbit every operating satellite launched more than ``older_than_years`` ago."""


class EventFleet(FleetState, Protocol):
    """The fleet as an event sees it, with the damage an event may do."""

    def fail_accelerators(self, fraction: float) -> None:
        """Destroy each working accelerator with probability ``fraction`` (0–1)."""

    def destroy_satellites(self, fraction: float) -> None:
        """Destroy each operating satellite with probability ``fraction`` (0–1); counted as
        failed."""

    def ground_launches(self, days: float, vehicle: str | None = None) -> None:
        """Halt launches for ``days`` (every vehicle, or only the one named)."""

    def halt_factory(self, days: float) -> None:
        """Stop satellite production for ``days``."""


class PolicyBehaviour(abc.ABC):
    """How an operator runs the fleet. Subclass it and pass the class as a FleetPolicy's
    ``behaviour``; the simulation builds one instance per run with ``behaviour(component)``.

    Calling protocol, once per simulation run:

    1. ``start(fleet)`` at t = 0, before the factory builds anything. Order the fleet here
       (the built-in policies order ``fleet.target_satellites``).
    2. ``retirement_age_years(fleet)`` at the end of each step in which launches reached
       orbit, for the satellites of those launches: the age at which they are deorbited, or
       None to fly them until they fail or their orbit decays (propellant is sized for
       ``fleet.design_life_years``).
    3. ``step(fleet)`` at the end of every step, after that step's launches, failures and
       deorbits are counted and before the factory plans the next step. Replace losses, retire
       satellites or stop ordering here.

    Methods act only through ``fleet`` (a :class:`PolicyFleet`); they must not keep
    references to the arrays of :meth:`FleetState.cohorts` across steps. Randomness, if any,
    must come from ``fleet``-independent state seeded in ``__init__``; the built-in policies are
    deterministic. Raising an exception stops the run with an error naming the policy.
    """

    @abc.abstractmethod
    def start(self, fleet: PolicyFleet) -> None:
        """Called once at t = 0: place the first orders."""

    @abc.abstractmethod
    def step(self, fleet: PolicyFleet) -> None:
        """Called at the end of every step."""

    def retirement_age_years(self, fleet: FleetState) -> float | None:
        """Called for the launches that reached orbit in the step that just closed: the age
        [yr] at which their satellites are deorbited, or None (the default) to fly them until
        they fail or decay."""
        return None


class EventBehaviour(abc.ABC):
    """A disruption that may strike the fleet. Subclass it and pass the class as a
    FleetEvent's ``behaviour``; the simulation builds one instance per run.

    Calling protocol, once per simulation run:

    1. ``next_time_years(fleet, rng)`` at t = 0 and after every strike: when the event next
       happens [yr], or None if never again. A time before now is an error; times are rounded
       up to the next step boundary, and times past the horizon are never reached.
    2. ``strike(fleet, rng)`` at that time: do the damage through ``fleet`` (an
       :class:`EventFleet`).

    ``rng`` is the run's ``numpy.random.Generator``: draw every random number from it so that
    one seed gives one history.
    """

    @abc.abstractmethod
    def next_time_years(self, fleet: FleetState, rng: np.random.Generator) -> float | None:
        """When the event next happens [yr from t = 0], or None for never."""

    @abc.abstractmethod
    def strike(self, fleet: EventFleet, rng: np.random.Generator) -> None:
        """Do the event's damage now."""
