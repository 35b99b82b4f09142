# expect: LaunchVehicle 'hostile-rocket': price_usd must be > 0 USD, got -1
"""Hostile plugin fixture: mutated component."""

from skyrack import LaunchVehicle, Source, hookimpl


@hookimpl
def register_launch_vehicles(register):
    rocket = LaunchVehicle(
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
    )
    object.__setattr__(rocket, "price_usd", -1)  # frozen, but not to object.__setattr__
    register(rocket)
