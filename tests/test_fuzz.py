"""Property tests: no TOML-shaped document makes the study loader fail other than with a located
StudyError, and no valid design makes the evaluator return a non-finite number or fail other
than with a SkyrackError that says what is wrong."""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skyrack import plugins
from skyrack.design import Design
from skyrack.errors import ModelDomainError, SkyrackError, StudyError
from skyrack.evaluation import evaluate
from skyrack.output import document_json
from skyrack.parameters import design_parameters, field_for
from skyrack.plausibility import plausible_range
from skyrack.runner import check_study
from skyrack.study import parse_study

STUDIES = Path(__file__).resolve().parents[1] / "studies"
VALID = {
    "study": {"name": "fuzz"},
    "economics": {"start_year": 2035},
    "design": {
        "launch_vehicle": "starship-target",
        "satellite_bus": "large-compute-bus",
        "compute_payload": "h100-sxm",
        "orbit": "sso-dawn-dusk-650",
        "ground_baseline": "hyperscale-grid",
        "accelerators_per_satellite": 32,
        "satellites": 100,
        "shielding_mm_al": 10.0,
    },
}
KEYS = [
    "study", "design", "overrides", "economics", "name", "seed", "satellites", "mission_years",
    "launch_vehicle", "price_usd", "utilization", "radiator_temperature_k", "allow_implausible",
    "dense_tflops", "bf16", "description", "start_year", "compute_payload", "\x1b[31m", "",
]  # fmt: skip
SCALARS = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["starship-target", "h100-sxm", "sso-dawn-dusk-650", "x" * 200]),
    st.dates(),
    st.datetimes(timezones=st.just(datetime.UTC)),
    st.times(),
)
TOML_VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=20,
)


def mutated(base: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    """``base`` (deep-copied) with ``value`` set at the key ``path``."""
    copy: dict[str, Any] = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    node = copy
    for key in path[:-1]:
        child = node.get(key)
        node[key] = dict(child) if isinstance(child, dict) else {}
        node = node[key]
    node[path[-1]] = value
    return copy


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=st.one_of(
        st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), TOML_VALUES, max_size=6),
        st.builds(
            mutated,
            st.just(VALID),
            st.lists(st.sampled_from(KEYS), min_size=1, max_size=3),
            TOML_VALUES,
        ),
    )
)
def test_any_toml_shaped_document_loads_or_fails_with_one_located_line(
    document: dict[str, Any],
) -> None:
    """Random TOML-shaped data (valid studies with one key changed, and noise) either loads and
    checks as a study, or raises a one-line StudyError; never another exception."""
    registry = plugins.registry()
    try:
        study = parse_study(document, registry, Path("fuzz.toml"))
        check_study(study, Path("/nonexistent/fuzz-results"))
    except StudyError as error:
        message = str(error)
        assert message and "\n" not in message, message
        assert len(message) < 5_000
        assert "\x1b" not in message.replace("\\x1b", ""), "control characters must be escaped"
    except SkyrackError as error:  # feasibility and model-domain errors of a design
        assert str(error) and "\n" not in str(error)


def design_from(base: Design, changes: dict[str, float]) -> Design:
    """``base`` with parameter keys set (through the components' own validators)."""
    by_owner: dict[str, dict[str, Any]] = {}
    for key, value in changes.items():
        owner, _, name = key.partition(".")
        current = getattr(getattr(base, owner), name)
        if isinstance(current, bool):
            value = bool(round(value))
        elif isinstance(current, int):
            value = round(value)
        by_owner.setdefault(owner, {})[name] = value
    return attrs.evolve(
        base,
        **{
            owner: attrs.evolve(getattr(base, owner), **fields)
            for owner, fields in by_owner.items()
        },
    )


@st.composite
def plausible_designs(draw: st.DrawFn) -> Design:
    """A catalog design with up to six parameters drawn across their plausible ranges (log-
    uniform across decades)."""
    from skyrack.study import load_study

    base = load_study(STUDIES / "quickstart.toml").design
    keys = [
        key
        for key in design_parameters(base)
        if (field := field_for(key, base)) is not None
        and not field.metadata.get("optional")
        and (plausible := plausible_range(field.metadata)) is not None
        and None not in plausible
        and str(field.type) != "bool"
    ]
    chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=6, unique=True))
    changes = {}
    for key in chosen:
        field = field_for(key, base)
        assert field is not None
        low, high = plausible_range(field.metadata)  # type: ignore[misc]
        if low is not None and high is not None and low > 0 and high / low > 100:
            value = math.exp(draw(st.floats(math.log(low), math.log(high))))
        else:
            value = draw(st.floats(low, high))
        changes[key] = value
    try:
        return design_from(base, changes)
    except SkyrackError:  # a combination a component refuses (β limits, a zero that is > 0)
        return base


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(design=plausible_designs())
def test_any_plausible_design_gives_finite_results_or_says_why(design: Design) -> None:
    """Every design with inputs in their plausible ranges either evaluates to a finite, fully
    serialisable document or fails with an InfeasibleDesign or a ModelDomainError naming the
    parameters involved."""
    try:
        metrics = evaluate(design)
    except ModelDomainError as error:
        assert error.keys or "outside what the model handles" in str(error), str(error)
        return
    except SkyrackError as error:
        assert str(error).startswith("infeasible design: "), str(error)
        return
    assert all(math.isfinite(value) for value in metrics.values.values())
    assert metrics.lcoc_usd_per_pflop_day > 0 and metrics.ground_lcoc_usd_per_pflop_day > 0
    from skyrack.output import metrics_section

    document_json({"values": metrics_section(metrics)["values"]})  # raises on non-finite
