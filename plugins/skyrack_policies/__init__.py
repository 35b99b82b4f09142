"""Built-in skyrack plugin: fleet operating policies (replace what fails, deploy once, or run to
failure)."""

from __future__ import annotations

from collections.abc import Callable

from skyrack import FleetPolicy, Source, hookimpl

REPLENISH_THRESHOLD = Source(
    title="skyrack default: replenish when healthy compute falls below 90 % of target",
    year=2026,
    estimate=True,
    note="0.9 keeps the fleet within 10 % of its target between replacement launches, the way "
    "constellation operators launch spares in batches rather than one by one",
)
NO_REPLENISHMENT = Source(
    title="skyrack default: a run-to-failure fleet never replenishes",
    year=2026,
    estimate=True,
    note="0: no replacement launches, whatever the healthy fraction",
)


def replace_failed() -> FleetPolicy:
    """Keep the fleet at strength: replace lost satellites and retire them at design life."""
    return FleetPolicy(
        name="replace-failed",
        description="Launch a replacement for every satellite lost, replenish in batches when "
        "healthy compute falls below 90 % of target, and deorbit satellites at design life.",
        replace_failed_satellites=True,
        replenish_below_fraction=0.9,
        deorbit_at_design_life=True,
        sources={"replenish_below_fraction": REPLENISH_THRESHOLD},
    )


def deploy_once() -> FleetPolicy:
    """The analytic evaluator's assumptions: deploy once, let failures stand, retire at life."""
    return FleetPolicy(
        name="deploy-once",
        description="Deploy the target fleet (re-flying satellites lost at launch), never replace "
        "satellites that fail in orbit, and deorbit every satellite at its design life: the "
        "analytic evaluator's assumptions.",
        replace_failed_satellites=False,
        replenish_below_fraction=0.0,
        deorbit_at_design_life=True,
        sources={"replenish_below_fraction": NO_REPLENISHMENT},
    )


def run_to_failure() -> FleetPolicy:
    """Launch once and let the fleet decay: no replacements, no retirement at design life."""
    return FleetPolicy(
        name="run-to-failure",
        description="Launch the fleet once and operate every satellite until it fails; nothing "
        "is replaced and nothing is retired early.",
        replace_failed_satellites=False,
        replenish_below_fraction=0.0,
        deorbit_at_design_life=False,
        sources={"replenish_below_fraction": NO_REPLENISHMENT},
    )


CATALOG: tuple[Callable[[], FleetPolicy], ...] = (replace_failed, deploy_once, run_to_failure)


@hookimpl
def register_fleet_policies(register: Callable[[FleetPolicy], None]) -> None:
    """Register the built-in fleet policies."""
    for build in CATALOG:
        register(build())
