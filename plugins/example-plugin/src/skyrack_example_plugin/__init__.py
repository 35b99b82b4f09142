"""An example third-party skyrack plugin: one launch vehicle and one compute payload.

The numbers are illustrative (a hypothetical vehicle and accelerator), and their sources say so:
a real plugin cites a data sheet, price list or paper for every number.
"""

from __future__ import annotations

from collections.abc import Callable

from skyrack import ComputePayload, LaunchVehicle, Source, hookimpl

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
            radiation_tolerant=False,
            release_year=2025,
            sources={"*": ILLUSTRATIVE},
        )
    )
