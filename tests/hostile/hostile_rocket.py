"""A valid launch vehicle's fields, which the broken-plugin fixtures of plugins/ break one way
each; installed beside every fixture (see ``install_plugin`` in tests/hostile_corpus.py)."""

from typing import Any

from skyrack import Source


def rocket_fields(**changes: Any) -> dict[str, Any]:
    """Fresh keyword arguments of a valid ``LaunchVehicle``, with ``changes`` applied."""
    return {
        "name": "hostile-rocket",
        "description": "a rocket for the hostile corpus",
        "payload_to_leo_kg": 10_000.0,
        "fairing_volume_m3": 100.0,
        "price_usd": 50e6,
        "max_launches_per_year": 12.0,
        "success_probability": 0.98,
        "first_available_year": 2025,
        "co2_per_launch_kg": 400_000.0,
        "reusable": True,
        "sources": {"*": Source(title="hostile corpus", year=2026)},
        **changes,
    }
