"""An example third-party skyrack plugin: a launch vehicle, a compute payload and a fleet
policy with its own behaviour.

The numbers are illustrative (a hypothetical vehicle and accelerator), and their sources say so:
a real plugin cites a data sheet, price list or paper for every number.
"""

from __future__ import annotations

from collections.abc import Callable

from skyrack import ComputePayload, FleetPolicy, LaunchVehicle, Source, hookimpl
from skyrack.simulation.protocol import FleetState, PolicyBehaviour, PolicyFleet

ILLUSTRATIVE = Source(
    title="skyrack example plugin: illustrative values, not a real product",
    year=2026,
    document="plugins/example-plugin/README.md",
    estimate=True,
)


@hookimpl
def register_launch_vehicles(register: Callable[[LaunchVehicle], None]) -> None:
    """Register a hypothetical medium-lift freighter."""
    register(
        LaunchVehicle(
            name="example-orbital-freighter",
            description="Hypothetical 30 t reusable freighter (example plugin).",
            payload_to_leo_kg=30_000,
            fairing_volume_m3=400,
            price_usd=45_000_000,
            max_launches_per_year=24,
            success_probability=0.97,
            first_available_year=2029,
            co2_per_launch_kg=1_500_000,
            reusable=True,
            sources={"*": ILLUSTRATIVE},
        )
    )


@hookimpl
def register_compute_payloads(register: Callable[[ComputePayload], None]) -> None:
    """Register a hypothetical low-power inference accelerator."""
    register(
        ComputePayload(
            name="example-edge-accelerator",
            description="Hypothetical 300 W inference accelerator (example plugin).",
            dense_tflops={"bf16": 400.0, "int8": 800.0},
            tdp_w=300,
            host_power_fraction=0.3,
            mass_kg=6.0,
            unit_price_usd=9_000,
            failure_rate_per_year=0.03,
            warranty_years=3,
            tid_tolerance_krad=20,
            seu_upsets_per_day=0.05,
            seu_recovery_s=30,
            memory_gb=48,
            max_junction_temperature_k=360.0,
            junction_to_radiator_delta_k=30,
            radiation_tolerant=False,
            release_year=2025,
            sources={"*": ILLUSTRATIVE},
        )
    )


class RetireDegraded(PolicyBehaviour):
    """Once a quarter, retire every cohort whose satellites deliver less than
    ``replenish_below_fraction`` of a new satellite's power (failed accelerators, a throttled
    array), and order as many new satellites; satellites lost at launch are re-flown while the
    fleet deploys; every satellite is retired at design life and replaced."""

    REVIEW_YEARS = 0.25

    def __init__(self, component: FleetPolicy) -> None:
        self.share = component.replenish_below_fraction
        self.next_review = self.REVIEW_YEARS

    def start(self, fleet: PolicyFleet) -> None:
        fleet.order_satellites(fleet.target_satellites)

    def retirement_age_years(self, fleet: FleetState) -> float | None:
        return fleet.design_life_years

    def step(self, fleet: PolicyFleet) -> None:
        fleet.order_satellites(fleet.last_step_deorbited + fleet.last_step_lost_at_launch)
        if fleet.time_years < self.next_review:
            return
        self.next_review = fleet.time_years + self.REVIEW_YEARS
        cohorts = fleet.cohorts()
        degraded, satellites = [], 0
        for cohort_id, operating, power in zip(
            cohorts.cohort_ids,
            cohorts.satellites_operating.tolist(),
            cohorts.operating_power_w.tolist(),
            strict=True,
        ):
            if operating and power < self.share * operating * fleet.satellite_power_w:
                degraded.append(cohort_id)
                satellites += operating
        if degraded:
            fleet.retire_cohorts(degraded)
            fleet.order_satellites(satellites)


@hookimpl
def register_fleet_policies(register: Callable[[FleetPolicy], None]) -> None:
    """Register a policy that retires degraded cohorts early."""
    register(
        FleetPolicy(
            name="retire-degraded",
            description="Retire and replace every cohort whose satellites deliver less than 70 % "
            "of a new satellite's power, reviewed quarterly (example plugin).",
            replace_failed_satellites=False,
            replenish_below_fraction=0.7,
            deorbit_at_design_life=True,
            behaviour=RetireDegraded,
            sources={"*": ILLUSTRATIVE},
        )
    )
