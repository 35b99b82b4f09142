"""A simulation plan: a design and its settings with every named component resolved and the
satellite's physics worked out once, ready to fly in any process (it pickles)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import numpy as np

from skyrack.components import FleetEvent, FleetPolicy, LaunchVehicle
from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.expected_timeline import Profile
from skyrack.ground import DAYS_PER_YEAR
from skyrack.physics import mass, orbit
from skyrack.registry import Registry
from skyrack.simulation.ledger import SatelliteModel
from skyrack.simulation.settings import SimulationSettings, resolve
from skyrack.sizing import DRAG_COEFFICIENT
from skyrack.timeline import FloatArray

if TYPE_CHECKING:
    from skyrack.study import Study


@attrs.frozen(kw_only=True)
class SimulationPlan:
    """Everything one replication needs: the design, the settings, the resolved policy, events
    and launch vehicles, and the analytic evaluator's quantities of the design (``values``)."""

    design: Design
    settings: SimulationSettings
    policy: FleetPolicy
    events: tuple[FleetEvent, ...]
    vehicles: tuple[LaunchVehicle, ...]
    values: Mapping[str, float] = attrs.field(repr=False)

    @classmethod
    def of(
        cls,
        design: Design,
        settings: SimulationSettings | None = None,
        registry: Registry | None = None,
    ) -> SimulationPlan:
        """Resolve ``settings``' component names in ``registry`` (default: the loaded plugins')
        and size the design. An unknown name suggests close matches; an infeasible design raises
        :class:`~skyrack.errors.InfeasibleDesign` naming the broken budgets."""
        from skyrack.plugins import registry as loaded_registry

        settings = settings or SimulationSettings()
        policy, events, vehicles = resolve(settings, design, registry or loaded_registry())
        return cls.build(design, settings, policy, events, vehicles)

    @classmethod
    def of_study(cls, study: Study) -> SimulationPlan:
        """The plan of a study: its [simulation] settings, or the defaults with its seed."""
        settings = study.simulation or SimulationSettings(seed=study.info.seed)
        return cls.of(study.design, settings)

    @classmethod
    def build(
        cls,
        design: Design,
        settings: SimulationSettings,
        policy: FleetPolicy,
        events: tuple[FleetEvent, ...] = (),
        vehicles: tuple[LaunchVehicle, ...] | None = None,
    ) -> SimulationPlan:
        """The plan of ``design`` with these components (vehicles: the design's by default),
        whatever ``settings`` names; refuses a design that no vehicle can carry."""
        from skyrack.evaluation import evaluate

        plan = cls(
            design=design,
            settings=settings,
            policy=policy,
            events=events,
            vehicles=vehicles or (design.launch_vehicle,),
            values=dict(evaluate(design).values),
        )
        for vehicle in plan.vehicles:
            if plan.satellites_per_launch(vehicle) < 1:
                raise SkyrackError(
                    f"simulation.launch_vehicles: no satellite of this design fits on "
                    f"{vehicle.name!r} ({plan.values['wet_mass_kg']:,.0f} kg, "
                    f"{plan.values['stowed_volume_m3']:,.1f} m³ stowed)"
                )
        return plan

    # --- the fleet --------------------------------------------------------------------------

    @property
    def target_satellites(self) -> int:
        """Satellites in the design's fleet."""
        return int(self.values["satellites"])

    @property
    def satellite_power_w(self) -> float:
        """Payload power of one satellite at beginning of life [W]."""
        return float(self.values["payload_power_w"])

    @property
    def accelerator_power_w(self) -> float:
        """Power one accelerator draws with its host share [W]."""
        return self.satellite_power_w / self.design.sizing.accelerators_per_satellite

    @property
    def pflop_days_per_accelerator_day(self) -> float:
        """Compute one working, fully powered accelerator delivers in a day [PFLOP-days]: dense
        BF16 × the analytic model's availability (utilization, single-event upsets, sunlit
        share without batteries) without its infant mortality, which the ledger draws."""
        alive = 1.0 - self.design.sizing.infant_mortality_fraction
        if alive <= 0:
            return 0.0
        tflops = self.design.compute_payload.bf16_dense_tflops
        return tflops / 1000.0 * self.values["availability"] / alive

    def satellites_per_launch(self, vehicle: LaunchVehicle) -> int:
        """Whole satellites of this design that one launch of ``vehicle`` carries."""
        if vehicle.name == self.design.launch_vehicle.name:
            return int(self.values["satellites_per_launch"])
        capacity_kg = vehicle.payload_to_leo_kg * self.design.orbit.launch_capacity_factor
        return int(
            mass.satellites_per_launch(
                self.values["wet_mass_kg"],
                self.values["stowed_volume_m3"],
                capacity_kg,
                vehicle.fairing_volume_m3,
            )
        )

    # --- one satellite ------------------------------------------------------------------------

    def decay_age_years(self) -> float:
        """Age at which a satellite that is never retired re-enters: the propellant lasts the
        mission life, then drag brings it down from its altitude to 150 km [yr]."""
        sizing, altitude_km = self.design.sizing, self.design.orbit.altitude_km
        if altitude_km > orbit.MAX_DRAG_ALTITUDE_KM:
            return math.inf
        area_m2 = DRAG_COEFFICIENT * sizing.drag_area_fraction * self.values["array_area_m2"]
        ballistic_kg_m2 = self.values["dry_mass_kg"] / area_m2
        return sizing.mission_years + float(orbit.drag_lifetime_years(altitude_km, ballistic_kg_m2))

    def age_profile(self) -> Profile:
        """Expected powered accelerators of one satellite in orbit by age (up to a constant):
        bus and accelerator failures, then array throttling, until the policy retires it (at
        the mission's end, or when it re-enters if the policy never retires)."""
        satellite = self.satellite_model()
        hazard = (
            satellite.bus_hazard_per_day + satellite.accelerator_hazard_per_day
        ) * DAYS_PER_YEAR
        life = self.design.sizing.mission_years
        if not self.policy.deorbit_at_design_life:
            life = self.decay_age_years()
        onset = min(satellite.throttle_age_days / DAYS_PER_YEAR, life)
        pieces = [(0.0, onset, 1.0, hazard)]
        if onset < life:
            g = satellite.degradation_per_day * DAYS_PER_YEAR
            pieces.append(
                (onset, life, satellite.throttle_start_factor * math.exp(g * onset), hazard + g)
            )
        return Profile(tuple(pieces))

    def value_still_to_come(self, ages_years: FloatArray) -> FloatArray:
        """Share of a satellite's value left at each age (1 at launch, 0 once retired): the
        present value, at that age, of the compute it is still expected to deliver over the
        present value at launch of its whole-life compute (:meth:`age_profile`, discounted at
        the design's rate). Written off this way, hardware charged in full when bought and
        credited this share at a horizon costs, per PFLOP-day, what it costs over its whole
        life."""
        rate = math.log1p(self.design.economics.discount_rate_per_year)
        discounted = Profile(
            tuple(
                (start, end, weight, hazard + rate)
                for start, end, weight, hazard in self.age_profile().pieces
            )
        )
        ages = np.asarray(ages_years, dtype=np.float64)
        whole_life = float(discounted.integral(np.array([math.inf]))[0])
        if not whole_life > 0:
            return np.zeros_like(ages)
        still_to_come = whole_life - discounted.integral(ages)
        share: FloatArray = np.clip(np.exp(rate * ages) * still_to_come / whole_life, 0.0, 1.0)
        return share

    def satellite_model(self) -> SatelliteModel:
        """The ledger's view of one satellite, with the analytic model's hazards (random and
        radiation failures of accelerators, bus failures) and array throttling: full load until
        τ₀, then θ(a) = min(1, m·e^{g(T − a)}) (:mod:`skyrack.survival`)."""
        sizing, values = self.design.sizing, self.values
        degradation = -math.log1p(-self.design.satellite_bus.solar_degradation_per_year)
        margin, life = sizing.array_margin, sizing.mission_years
        # the onset τ₀ unclipped at T: a satellite that is not retired flies past its mission
        if degradation > 0:
            onset = max(0.0, life + math.log(margin) / degradation)
        else:
            onset = 0.0 if margin < 1.0 else math.inf
        start = 1.0 if math.isinf(onset) else margin * math.exp(degradation * (life - onset))
        return SatelliteModel(
            accelerators=sizing.accelerators_per_satellite,
            accelerator_hazard_per_day=values["accelerator_failure_rate_per_year"] / DAYS_PER_YEAR,
            bus_hazard_per_day=values["bus_failure_rate_per_year"] / DAYS_PER_YEAR,
            infant_mortality=sizing.infant_mortality_fraction,
            throttle_age_days=onset * DAYS_PER_YEAR,
            throttle_start_factor=min(1.0, start),
            degradation_per_day=degradation / DAYS_PER_YEAR,
        )
