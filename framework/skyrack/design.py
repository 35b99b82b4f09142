"""A design: the chosen components, the sizing variables and the economic assumptions.

``Sizing`` and ``Economics`` are validated like components: units in field names, ranges checked
on construction, and every default number carries a :class:`~skyrack.sources.Source` (see
``SIZING_SOURCES`` and ``ECONOMICS_SOURCES``) that ``skyrack`` prints with the results.
"""

from __future__ import annotations

from typing import Any

import attrs

from skyrack.components import (
    ComputePayload,
    GroundBaseline,
    LaunchVehicle,
    Orbit,
    SatelliteBus,
    flag,
    fraction,
    quantity,
)
from skyrack.errors import InvalidComponent
from skyrack.plausibility import PLAUSIBLE
from skyrack.registry import Registry
from skyrack.sources import Source

ESTIMATE = Source(
    title="skyrack modelling assumption",
    year=2026,
    document="docs/model.md",
    estimate=True,
)


WHOLE_COUNT = {"unit": "1", "minimum": 1.0, "exclusive_minimum": False, "integer": True}
"""Range metadata of a count (read by the batch evaluator's range checks)."""
MAX_TARGET_POWER_W = 1e13
"""10 TW: no fleet skyrack models comes near it."""


def _positive_integer(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None and attribute.name == "satellites":
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        problem = f"must be a positive integer, got {value!r}"
        raise InvalidComponent(f"{attribute.name} {problem}", field=attribute.name, problem=problem)


@attrs.frozen(kw_only=True)
class Sizing:
    """The variables a designer (or the optimizer) chooses for one satellite and the fleet.

    Give the fleet either as ``satellites`` or as ``target_it_power_w`` (the fleet's payload
    power at beginning of life; satellites = ceil(target / payload power per satellite)).
    """

    accelerators_per_satellite: int = attrs.field(
        default=32,
        validator=_positive_integer,
        metadata={
            **WHOLE_COUNT,
            "doc": "accelerators carried by each satellite",
            PLAUSIBLE: (1, 10_000),
        },
    )
    satellites: int | None = attrs.field(
        default=None,
        validator=_positive_integer,
        metadata={
            **WHOLE_COUNT,
            "doc": "satellites in the fleet (or give target_it_power_w)",
            PLAUSIBLE: (1, 10_000_000),
        },
    )
    target_it_power_w: float | None = attrs.field(
        default=None,
        metadata={
            "unit": "W",
            "doc": "fleet payload power at beginning of life",
            "minimum": 0.0,
            "maximum": MAX_TARGET_POWER_W,
            PLAUSIBLE: (1e3, 1e12),
        },
    )
    mission_years: float = quantity(
        "yr", "operating life of each satellite", default=5.0, maximum=50.0, plausible=(0.5, 30.0)
    )
    array_margin: float = quantity(
        "1",
        "array BOL power over what end-of-mission full load needs (1 = sized for end of life; "
        "below 1 the payload throttles late in life)",
        default=1.0,
        plausible=(0.5, 3.0),
    )
    radiator_temperature_k: float = quantity(
        "K",
        "radiator surface temperature (at most the compute payload's max_radiator_temperature_k: "
        "the thermal budget)",
        default=320.0,
        plausible=(150.0, 450.0),
    )
    radiator_view_factor_earth: float = fraction(
        "view factor from the radiator to the Earth", default=0.25, plausible=(0.0, 1.0)
    )
    radiator_sunlit: bool = flag(
        "one face of the radiator sees the Sun at normal incidence (false: held edge-on to the "
        "Sun, as a radiator in the shade of its array or along a dawn-dusk orbit's plane)",
        default=False,
    )
    shielding_mm_al: float = quantity(
        "mm Al",
        "aluminium-equivalent shielding around the compute",
        default=2.0,
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 100.0),
    )
    shielded_area_m2_per_accelerator: float = quantity(
        "m^2", "enclosure surface to shield per accelerator", default=0.23, plausible=(0.001, 10.0)
    )
    utilization: float = fraction(
        "fraction of rated throughput used by the workload (1 = peak-rated)",
        default=1.0,
        exclusive_zero=True,
        plausible=(0.05, 1.0),
    )
    battery_for_eclipse: bool = flag(
        "carry batteries to compute through eclipse (else compute idles in eclipse)",
        default=True,
    )
    drag_area_fraction: float = fraction(
        "mean fraction of the array area presented to the flow",
        default=0.3,
        exclusive_zero=True,
        plausible=(0.01, 1.0),
    )
    infant_mortality_fraction: float = fraction(
        "fraction of accelerators dead on arrival in orbit", default=0.0, plausible=(0.0, 0.5)
    )
    max_deployment_missions: float = quantity(
        "1",
        "longest launch campaign the deployment-time budget accepts, in mission lengths (1: "
        "the last satellite launches before the first retires)",
        default=1.0,
        plausible=(0.1, 100.0),
    )

    def __attrs_post_init__(self) -> None:
        if (self.satellites is None) == (self.target_it_power_w is None):
            problem = "give the fleet size as exactly one of satellites or target_it_power_w"
            raise InvalidComponent(problem, field="satellites", problem=problem)
        if self.target_it_power_w is not None and (
            isinstance(self.target_it_power_w, bool)
            or not isinstance(self.target_it_power_w, int | float)
            or not 0 < self.target_it_power_w < MAX_TARGET_POWER_W
        ):
            problem = (
                f"must be a positive number of watts below 10 TW, got {self.target_it_power_w!r}"
            )
            raise InvalidComponent(
                f"target_it_power_w {problem}", field="target_it_power_w", problem=problem
            )


SIZING_SOURCES: dict[str, Source] = {
    "accelerators_per_satellite": ESTIMATE,
    "mission_years": Source(
        title="Google, Towards a future space-based, highly scalable AI infrastructure "
        "system design (Project Suncatcher), arXiv 2511.19468",
        year=2025,
        url="https://arxiv.org/abs/2511.19468",
        note="5-year mission dose used for the TPU radiation tests; McCalip also uses 5 years",
    ),
    "array_margin": ESTIMATE,
    "radiator_temperature_k": Source(
        title="NASA, International Space Station Active Thermal Control System (ATCS) overview "
        "(lighter deployable radiator designs: 5–8 kg/m² at 320–350 K)",
        year=2010,
        url="https://www.nasa.gov/pdf/473486main_iss_atcs_overview.pdf",
        estimate=True,
        note="320 K, the bottom of the 320–350 K range of light deployable radiators: no "
        "hotter than the coolest built-in accelerator allows (a B200 at 87 °C with a 40 K "
        "thermal chain: 320.15 K; see the thermal budget)",
    ),
    "radiator_sunlit": ESTIMATE.derive(
        "a compute satellite points its radiator edge-on to the Sun; Starcloud's sizing has one "
        "face in sunlight (set true to reproduce it)"
    ),
    "radiator_view_factor_earth": Source(
        title="Starcloud, Why we should train AI in space (white paper)",
        year=2024,
        note="view factor to Earth 0.25 as claimed",
    ),
    "shielding_mm_al": ESTIMATE,
    "shielded_area_m2_per_accelerator": Source(
        title="NVIDIA DGX H100 user guide (chassis 482 × 897 × 356 mm for 8 GPUs)",
        year=2023,
        estimate=True,
        note="surface 2(0.482·0.897 + 0.482·0.356 + 0.897·0.356) = 1.85 m² / 8 = 0.23 m²",
    ),
    "utilization": ESTIMATE,
    "battery_for_eclipse": ESTIMATE.derive(
        "compute through eclipse, as a data center would; the battery's mass is then costed"
    ),
    "drag_area_fraction": ESTIMATE,
    "infant_mortality_fraction": ESTIMATE,
    "max_deployment_missions": ESTIMATE.derive(
        "a campaign longer than one satellite's life never has the whole fleet in orbit at once: "
        "the first satellites retire before the last launch"
    ),
}
"""Where each Sizing default comes from."""


@attrs.frozen(kw_only=True)
class Economics:
    """Financial assumptions: discounting, learning, and costs that are not hardware."""

    discount_rate_per_year: float = quantity(
        "1/yr",
        "real discount rate",
        default=0.07,
        minimum=0.0,
        exclusive_minimum=False,
        maximum=1.0,
        plausible=(0.0, 0.3),
    )
    start_year: int = quantity(
        "yr",
        "year the first launch happens",
        default=2028,
        integer=True,
        maximum=9999,
        plausible=(2000, 2100),
    )
    satellite_learning_rate: float = fraction(
        "Wright learning rate of satellite hardware cost (1 = no learning)",
        default=1.0,
        exclusive_zero=True,
        plausible=(0.5, 1.0),
    )
    launch_learning_rate: float = fraction(
        "Wright learning rate of launch price over the fleet's launches (1 = no learning)",
        default=1.0,
        exclusive_zero=True,
        plausible=(0.5, 1.0),
    )
    insurance_fraction: float = fraction(
        "launch and first-year insurance as a fraction of satellite hardware and launch",
        default=0.05,
        plausible=(0.0, 0.5),
    )
    operations_fraction_per_year: float = quantity(
        "1/yr",
        "operations cost per year as a fraction of satellite hardware cost",
        default=0.01,
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 0.5),
    )
    ground_segment_fraction: float = fraction(
        "ground stations and gateways as a fraction of satellite hardware cost",
        default=0.03,
        plausible=(0.0, 0.5),
    )
    nre_usd: float = quantity(
        "USD",
        "non-recurring engineering (development) cost",
        default=0.0,
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 1e12),
    )


ECONOMICS_SOURCES: dict[str, Source] = {
    "discount_rate_per_year": Source(
        title="US OMB Circular A-94, Guidelines and Discount Rates for Benefit-Cost Analysis",
        year=1992,
        note="7% real base-case rate",
    ),
    "start_year": ESTIMATE,
    "satellite_learning_rate": ESTIMATE,
    "launch_learning_rate": ESTIMATE,
    "insurance_fraction": Source(
        title="Space insurance premium rates for launch plus first year in orbit, industry "
        "estimates of 5–10% of insured value",
        year=2023,
        estimate=True,
    ),
    "operations_fraction_per_year": Source(
        title="Andrew McCalip, orbital vs terrestrial data-center calculator",
        year=2025,
        url="https://andrewmccalip.com/space-datacenters",
        note="operations at 1% of hardware cost",
    ),
    "ground_segment_fraction": ESTIMATE,
    "nre_usd": Source(
        title="not included by default; McCalip's calculator uses $500M",
        year=2025,
        estimate=True,
    ),
}
"""Where each Economics default comes from."""


@attrs.frozen(kw_only=True)
class Design:
    """Chosen components plus sizing and economics: everything one evaluation needs."""

    launch_vehicle: LaunchVehicle
    satellite_bus: SatelliteBus
    compute_payload: ComputePayload
    orbit: Orbit
    ground_baseline: GroundBaseline
    sizing: Sizing
    economics: Economics = attrs.field(factory=Economics)

    @classmethod
    def from_names(
        cls,
        registry: Registry,
        *,
        launch_vehicle: str,
        satellite_bus: str,
        compute_payload: str,
        orbit: str,
        ground_baseline: str,
        sizing: Sizing,
        economics: Economics | None = None,
    ) -> Design:
        """Look the components up by name (unknown names suggest close matches)."""
        return cls(
            launch_vehicle=registry.launch_vehicle(launch_vehicle),
            satellite_bus=registry.satellite_bus(satellite_bus),
            compute_payload=registry.compute_payload(compute_payload),
            orbit=registry.orbit(orbit),
            ground_baseline=registry.ground_baseline(ground_baseline),
            sizing=sizing,
            economics=economics or Economics(),
        )

    def components(self) -> dict[str, Any]:
        """The five chosen components by kind."""
        return {
            "launch_vehicle": self.launch_vehicle,
            "satellite_bus": self.satellite_bus,
            "compute_payload": self.compute_payload,
            "orbit": self.orbit,
            "ground_baseline": self.ground_baseline,
        }
