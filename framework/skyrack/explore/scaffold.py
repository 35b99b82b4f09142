"""A new study, written out with every section commented so that it validates as it stands."""

from __future__ import annotations

from skyrack.registry import Registry

_KINDS = ("launch_vehicle", "satellite_bus", "compute_payload", "orbit", "ground_baseline")
_DEFAULTS = {
    "launch_vehicle": "falcon-9-reusable",
    "satellite_bus": "starlink-v2-mini-class",
    "compute_payload": "h100-sxm",
    "orbit": "sso-dawn-dusk-650",
    "ground_baseline": "hyperscale-grid",
}


def scaffold(name: str, registry: Registry) -> str:
    """The text of a study named ``name``: a runnable design (components from the catalog) and
    every optional section as a commented example."""
    choices = []
    for kind in _KINDS:
        names = registry.names(kind)
        default = _DEFAULTS[kind] if _DEFAULTS[kind] in names else names[0]
        others = ", ".join(n for n in names if n != default)
        choices.append((kind, default, others))
    design_lines = "\n".join(
        f'{kind} = "{default}"' + (f"  # or: {others}" if others else "")
        for kind, default, others in choices
    )
    return f'''# Question: what question does this study answer? (one or two sentences a reader can
# check against the answer below)
# Answer: fill in after `skyrack run` — the verdict and the figures that carry it.
[study]
name = "{name}"            # names the results folder: results/{name}/
description = "One line shown above the summary and in the report."
seed = 0                   # seeds the Monte Carlo draws (same seed, same figures)

[design]
# The five components, by name (`skyrack components list`, `skyrack components show NAME`).
{design_lines}
accelerators_per_satellite = 16
satellites = 100           # or target_it_power_w = 1e9 (the fleet's payload power), not both
mission_years = 5
shielding_mm_al = 5.0
# Every sizing key, its default, unit and source: `skyrack assumptions`.

# [overrides.launch_vehicle]   # change any number of a chosen component (cited as this file)
# price_usd = 40_000_000

[economics]
discount_rate_per_year = 0.07
start_year = 2028

# [uncertainty]                 # Monte Carlo over the uncertain inputs (P10/P50/P90, P(orbit wins))
# samples = 10_000              # draws; every catalog estimate with a range is drawn by default
# catalog_estimates = true      # false: only the distributions below
# [uncertainty.launch_vehicle]  # uniform, triangular, normal or lognormal, truncated to the field
# price_usd_per_kg = {{ distribution = "lognormal", median = 1_500, sigma = 0.6 }}
# [uncertainty.compute_payload]
# failure_rate_per_year = {{ distribution = "triangular", low = 0.01, mode = 0.03, high = 0.11 }}
'''
