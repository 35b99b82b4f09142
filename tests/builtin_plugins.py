"""The built-in plugins, by entry-point name and module, as pyproject.toml registers them."""

from __future__ import annotations

BUILTIN_MODULES = {
    "launchers": "skyrack_launchers",
    "buses": "skyrack_buses",
    "accelerators": "skyrack_accelerators",
    "orbits": "skyrack_orbits",
    "ground": "skyrack_ground",
    "policies": "skyrack_policies",
    "events": "skyrack_events",
    "reference_models": "skyrack_reference_models",
    "roadmaps": "skyrack_roadmaps",
}
BUILTIN_PLUGINS = set(BUILTIN_MODULES)
