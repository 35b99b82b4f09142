# expect: LaunchVehicle 'hostile-rocket': success_probability must be ≤ 1, got 7
"""Hostile plugin fixture: subclass skipping checks."""

import attrs

from skyrack import LaunchVehicle, Source, hookimpl


@attrs.frozen(kw_only=True)
class Lenient(LaunchVehicle):
    """A subclass that swaps the probability's validator for none."""

    success_probability: float = attrs.field(default=7)


@hookimpl
def register_launch_vehicles(register):
    register(
        Lenient(
            **{
                k: v
                for k, v in attrs.asdict(
                    LaunchVehicle(
                        name="hostile-rocket",
                        description="a rocket for the hostile corpus",
                        payload_to_leo_kg=10_000.0,
                        fairing_volume_m3=100.0,
                        price_usd=50e6,
                        max_launches_per_year=12.0,
                        success_probability=0.98,
                        first_available_year=2025,
                        co2_per_launch_kg=400_000.0,
                        reusable=True,
                        sources={"*": Source(title="hostile corpus", year=2026)},
                    ),
                    recurse=False,
                ).items()
                if k != "success_probability"
            }
        )
    )
