"""Plausible ranges in the catalog: every estimate of a design component has one, it holds the
value, and ranges derived from flight records are the record's own posterior percentiles."""

from __future__ import annotations

import pytest
from scipy import stats

from skyrack import registry
from skyrack.components import numeric_field_names
from skyrack_launchers import sources as launch_sources

DESIGN_KINDS = ("launch_vehicle", "satellite_bus", "compute_payload", "orbit", "ground_baseline")


def _estimates() -> list[tuple[str, str, str]]:
    catalog = registry()
    return [
        (kind, name, field)
        for kind in DESIGN_KINDS
        for name in catalog.names(kind)
        for field in numeric_field_names(type(catalog.get(kind, name)))
        if getattr(catalog.get(kind, name).source_of(field), "estimate", False)
    ]


def test_every_estimate_of_a_design_component_has_a_range_holding_its_value() -> None:
    """Each number marked as an estimate says how far off it could be, and why; the range
    contains the number (zero width where the number is exact but derived)."""
    found = _estimates()
    assert len(found) > 100
    missing = []
    for kind, name, field in found:
        component = registry().get(kind, name)
        source = component.source_of(field)
        assert source is not None
        if not source.has_range or component.range_of(field) is None:
            missing.append(f"{kind} {name}.{field}")
        else:
            assert source.range_note and source.range_note.strip()
    assert missing == []


@pytest.mark.parametrize(
    ("record", "source"),
    [
        (launch_sources.FALCON_9_RECORD, launch_sources.FALCON_RECORD_SOURCE),
        (launch_sources.FALCON_HEAVY_RECORD, launch_sources.FALCON_HEAVY_RECORD_SOURCE),
        (launch_sources.STARSHIP_RECORD, launch_sources.STARSHIP_RECORD_SOURCE),
        (launch_sources.NEW_GLENN_RECORD, launch_sources.NEW_GLENN_RECORD_SOURCE),
        (launch_sources.ELECTRON_RECORD, launch_sources.ELECTRON_RECORD_SOURCE),
    ],
)
def test_success_probability_ranges_are_the_records_posterior_percentiles(
    record: tuple[int, int], source: object
) -> None:
    """A range from a flight record is the 5th–95th percentile of Beta(s + 1, n − s + 1)."""
    successes, attempts = record
    posterior = stats.beta(successes + 1, attempts - successes + 1)
    assert source.low == pytest.approx(posterior.ppf(0.05), abs=1e-4)  # type: ignore[attr-defined]
    assert source.high == pytest.approx(posterior.ppf(0.95), abs=1e-4)  # type: ignore[attr-defined]
