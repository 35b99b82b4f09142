"""skyrack's default TPE: constraints as soft penalties for its model, no design evaluated twice."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import optuna
import pytest
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.study import StudyDirection
from optuna.trial import TrialState, create_trial

import skyrack
from optimize_studies import write_study
from skyrack.optimize import optimize
from skyrack.optimize.sampler import MAX_VIOLATION, feasible_by_choice, neighbours, penalized


def _trial(values: list[float], constraints: dict[str, float]) -> optuna.trial.FrozenTrial:
    trial = create_trial(
        state=TrialState.COMPLETE,
        values=values,
        params={"x": 1.0},
        distributions={"x": FloatDistribution(0, 2)},
    )
    for key, value in constraints.items():
        trial.set_constraint(key, value)
    return trial


def test_the_model_reads_violations_as_a_proportional_penalty() -> None:
    """LCOC 300 with budgets 2 % and unboundedly over (capped at 10) reads 300 × (1 + 10.02);
    a maximized value is lowered instead; constraints are gone from what the model sees."""
    infeasible = _trial([300.0], {"power": 0.02, "mass": -0.5, "dose": 1e30})
    seen = penalized(infeasible, [StudyDirection.MINIMIZE])
    assert seen.values == [pytest.approx(300.0 * (1 + 0.02 + MAX_VIOLATION))]
    assert seen.constraints == {}
    assert infeasible.values == [300.0] and len(infeasible.constraints) == 3, "trial unchanged"
    maximized = penalized(_trial([5.0], {"power": 0.5}), [StudyDirection.MAXIMIZE])
    assert maximized.values == [pytest.approx(2.5)]
    feasible = penalized(_trial([300.0], {"power": -0.1}), [StudyDirection.MINIMIZE])
    assert feasible.values == [300.0]


def test_neighbours_are_one_step_of_one_dimension() -> None:
    """Another choice of a categorical, or one step of a stepped number, within bounds."""
    space = {
        "vehicle": CategoricalDistribution(["a", "b", "c"]),
        "n": IntDistribution(16, 64, step=16),
        "t": FloatDistribution(300.0, 400.0, step=20.0),
        "free": FloatDistribution(0.0, 1.0),
    }
    params = {"vehicle": "a", "n": 16, "t": 400.0, "free": 0.5}
    found = neighbours(params, space, np.random.RandomState(0))
    expected = [
        {**params, "vehicle": "b"},
        {**params, "vehicle": "c"},
        {**params, "n": 32},
        {**params, "t": 380.0},
    ]
    assert sorted(map(repr, found)) == sorted(map(repr, expected))


def test_tpe_never_evaluates_a_design_twice(tmp_path: Path) -> None:
    """On a 12-design space, 12 trials of the default TPE are 12 different designs."""
    space = """\
    [optimize.space]
    launch_vehicle = ["falcon-9-reusable", "falcon-heavy", "starship-target"]
    "sizing.accelerators_per_satellite" = { low = 16, high = 64, step = 16 }
    """
    study = skyrack.load_study(write_study(tmp_path, "n_trials = 12\n", space=space))
    outcome = optimize(study, storage=str(tmp_path / "s.journal"))
    designs = {tuple(sorted(t.params.items())) for t in outcome.study.trials}
    assert len(outcome.study.trials) == len(designs) == 12


def test_good_designs_are_grouped_by_component_choice_best_first() -> None:
    """Feasible complete trials grouped by their component choices, each group best first and
    the groups in the order of their best; infeasible trials are left out."""
    space = {"vehicle": CategoricalDistribution(["a", "b"]), "n": IntDistribution(1, 4)}
    study = optuna.create_study()
    for vehicle, n, value, violation in [
        ("a", 1, 5.0, -1.0),
        ("a", 2, 3.0, -1.0),
        ("b", 1, 4.0, -0.2),
        ("b", 2, 1.0, 0.5),  # the cheapest, but over a budget
        ("b", 3, 6.0, 0.0),  # on the limit: feasible
    ]:
        trial = create_trial(
            state=TrialState.COMPLETE,
            values=[value],
            params={"vehicle": vehicle, "n": n},
            distributions=space,
        )
        trial.set_constraint("power", violation)
        study.add_trial(trial)
    groups = feasible_by_choice(study, space)
    found = [[(t.params["vehicle"], t.params["n"]) for t in group] for group in groups]
    assert found == [[("a", 2), ("a", 1)], [("b", 1), ("b", 3)]]
