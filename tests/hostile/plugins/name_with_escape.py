# expect: got 'evil\x1b[2J'
"""Hostile plugin fixture: name with escape."""

from skyrack import LaunchVehicle, Source, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(
        LaunchVehicle(
            name="evil\x1b[2J",
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
        )
    )
