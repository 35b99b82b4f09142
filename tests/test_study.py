"""Study files and ``skyrack run``: every malformed study fails with one clear line, never a
traceback, and never leaves a results folder; valid studies load, override and run.

The corpus lives in tests/malformed_studies/: each file opens with ``# expect: <text>``, a
substring the one-line error must contain. Files that cannot be committed sensibly (empty,
whitespace, over 1 MB, not UTF-8, a folder, a missing path) are made at run time. The cases run
in-process through click's CliRunner here; tests/test_hostile.py runs them all as real
processes, as a terminal would see them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import skyrack.results
from skyrack.cli import cli
from skyrack.errors import SkyrackError, StudyError
from skyrack.evaluation import evaluate
from skyrack.runner import run_study
from skyrack.study import load_study

CORPUS = Path(__file__).parent / "malformed_studies"
STUDIES = Path(__file__).parent.parent / "studies"
CORPUS_FILES = sorted(CORPUS.glob("*.toml"))
EXPECT_PREFIX = "# expect: "
RESULT_FILES = {
    ".skyrack-results",
    "metrics.json",
    "metrics.csv",
    "waterfall.csv",
    "budgets.csv",
    "cashflows.csv",
    "report.html",
}

VALID_STUDY = """\
[study]
name = "valid"
description = "a small feasible study the malformed corpus is derived from"

[economics]
start_year = 2035  # starship-target's first year

[design]
launch_vehicle = "starship-target"
satellite_bus = "large-compute-bus"
compute_payload = "h100-sxm"
orbit = "sso-dawn-dusk-650"
ground_baseline = "hyperscale-grid"
accelerators_per_satellite = 32
satellites = 100
shielding_mm_al = 10.0
"""


def expected_message(path: Path) -> str:
    """The ``# expect:`` substring on the first line of a corpus file."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(EXPECT_PREFIX), f"{path.name} must open with '{EXPECT_PREFIX}...'"
    expected = first.removeprefix(EXPECT_PREFIX).strip()
    assert expected, f"{path.name}: empty expectation"
    return expected


def corpus_params() -> list[object]:
    return [pytest.param(path, id=path.stem) for path in CORPUS_FILES]


def invoke(*args: str) -> Result:
    """Run the skyrack command line in-process (stdout and stderr kept apart)."""
    return CliRunner().invoke(cli, list(args))


def assert_one_line_failure(
    exit_code: int, stderr: str, expected: str, out: Path, exception: BaseException | None = None
) -> None:
    """The contract for a study that cannot run: non-zero, one line, the message, no folder."""
    assert exit_code != 0, "a malformed study must not exit 0"
    assert "Traceback" not in stderr, stderr
    if exception is not None:  # in-process: only a clean exit, never an escaped exception
        assert isinstance(exception, SystemExit), repr(exception)
    message = stderr.rstrip("\n")
    assert message, "stderr must hold the error"
    assert "\n" not in message, f"stderr must be one line, got:\n{stderr}"
    assert expected in message, f"expected {expected!r} in {message!r}"
    assert not out.exists(), "a failed run must not create its results folder"
    siblings = out.parent.iterdir() if out.parent.is_dir() else iter(())
    leftovers = [p.name for p in siblings if p.name.startswith(f".{out.name}.")]
    assert not leftovers, f"staging folders left behind: {leftovers}"


def run_in_process(study: Path, out: Path, expected: str) -> None:
    result = invoke("run", str(study), "--out", str(out))
    assert_one_line_failure(result.exit_code, result.stderr, expected, out, result.exception)


def write_valid(folder: Path, extra: str = "", name: str = "valid.toml") -> Path:
    """A valid study (plus ``extra`` TOML appended) written to ``folder/name``."""
    path = folder / name
    path.write_text(VALID_STUDY + extra, encoding="utf-8")
    return path


# --- the corpus -------------------------------------------------------------------------------


def test_the_corpus_is_large_and_every_file_states_its_expectation() -> None:
    assert len(CORPUS_FILES) >= 35
    for path in CORPUS_FILES:
        expected_message(path)


@pytest.mark.parametrize("study", corpus_params())
def test_malformed_study_fails_with_one_line(study: Path, tmp_path: Path) -> None:
    run_in_process(study, tmp_path / "out", expected_message(study))


# --- cases made at run time -------------------------------------------------------------------


def _empty(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "empty.toml"
    path.write_bytes(b"")
    return path, "is empty; a study needs at least [study] and [design]"


def _whitespace(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "whitespace.toml"
    path.write_text(" \n\t\n   \r\n\n", encoding="utf-8")
    return path, "is empty; a study needs at least [study] and [design]"


def _huge(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "huge.toml"
    padding = "".join(f"# padding line {i:07d} {'x' * 40}\n" for i in range(25_000))
    path.write_text(VALID_STUDY + padding, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    return path, "a study is at most 1,000,000 bytes"


def _binary(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "binary.toml"
    path.write_bytes(bytes(range(256)) * 8 + b"\xff\xfe\x00\x81")
    return path, "is not UTF-8 text"


def _latin1(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID_STUDY.replace("a small", "une étude").encode("latin-1"))
    return path, "is not UTF-8 text"


def _directory(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "a-folder.toml"
    path.mkdir()
    return path, "is a folder, not a study file"


def _missing(tmp_path: Path) -> tuple[Path, str]:
    return tmp_path / "no-such-study.toml", "cannot read the study: No such file or directory"


GENERATED: dict[str, Callable[[Path], tuple[Path, str]]] = {
    "empty": _empty,
    "whitespace": _whitespace,
    "huge": _huge,
    "binary": _binary,
    "latin1": _latin1,
    "directory": _directory,
    "missing": _missing,
}


@pytest.mark.parametrize("case", list(GENERATED))
def test_generated_bad_study_fails_with_one_line(case: str, tmp_path: Path) -> None:
    study, expected = GENERATED[case](tmp_path)
    run_in_process(study, tmp_path / "out", expected)


# --- valid studies ----------------------------------------------------------------------------


def test_validate_accepts_a_valid_study(tmp_path: Path) -> None:
    result = invoke("validate", str(write_valid(tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert "valid study 'valid'" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("study", sorted(STUDIES.glob("*.toml")), ids=lambda path: path.stem)
def test_validate_accepts_the_shipped_studies(study: Path) -> None:
    result = invoke("validate", str(study))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{study}: valid study ")


def test_validate_refuses_a_malformed_study_with_one_line(tmp_path: Path) -> None:
    study = CORPUS / "unknown_component_starship_typo.toml"
    result = invoke("validate", str(study))
    assert_one_line_failure(
        result.exit_code, result.stderr, expected_message(study), tmp_path / "out"
    )


def test_load_study_resolves_the_named_components(tmp_path: Path) -> None:
    study = load_study(write_valid(tmp_path))
    assert study.info.name == "valid"
    design = study.design
    names = {kind: component.name for kind, component in design.components().items()}
    assert names == {
        "launch_vehicle": "starship-target",
        "satellite_bus": "large-compute-bus",
        "compute_payload": "h100-sxm",
        "orbit": "sso-dawn-dusk-650",
        "ground_baseline": "hyperscale-grid",
    }
    assert design.sizing.accelerators_per_satellite == 32
    assert design.sizing.satellites == 100
    assert study.overrides == {}
    assert study.path == tmp_path / "valid.toml"


def test_a_study_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_text(VALID_STUDY, encoding="utf-8-sig")  # as Windows Notepad saves UTF-8
    assert load_study(path).info.name == "valid"


def test_load_study_error_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = write_valid(tmp_path, "mission_years = -1\n")
    with pytest.raises(StudyError) as caught:
        load_study(path)
    assert str(caught.value) == f"{path}: design.mission_years: must be > 0 yr, got -1.0"


def test_launch_price_override_is_applied_and_raises_the_lcoc(tmp_path: Path) -> None:
    base = load_study(write_valid(tmp_path))
    base_price = base.design.launch_vehicle.price_usd
    lcoc: dict[float, float] = {}
    for factor in (0.5, 1.0, 4.0):
        price = base_price * factor
        extra = f"\n[overrides.launch_vehicle]\nprice_usd = {price!r}\n"
        study = load_study(write_valid(tmp_path, extra, name=f"price-{factor}.toml"))
        assert study.design.launch_vehicle.price_usd == price
        assert study.design.launch_vehicle.name == "starship-target"
        assert study.overrides == {"launch_vehicle": {"price_usd": price}}
        source = study.design.launch_vehicle.source_of("price_usd")
        assert source is not None and f"price-{factor}.toml" in source.title
        lcoc[factor] = evaluate(study.design).values["lcoc_usd_per_pflop_day"]
    assert lcoc[1.0] == pytest.approx(evaluate(base.design).values["lcoc_usd_per_pflop_day"])
    assert lcoc[0.5] < lcoc[1.0] < lcoc[4.0]


def test_integer_override_of_a_float_field_is_accepted(tmp_path: Path) -> None:
    """An integer written for a float field is taken as that float."""
    extra = "\n[overrides.launch_vehicle]\nprice_usd = 40000000\n"
    study = load_study(write_valid(tmp_path, extra))
    assert study.design.launch_vehicle.price_usd == 40e6
    assert isinstance(study.design.launch_vehicle.price_usd, float)


def test_description_override_is_accepted(tmp_path: Path) -> None:
    extra = '\n[overrides.launch_vehicle]\ndescription = "with a negotiated price"\n'
    study = load_study(write_valid(tmp_path, extra))
    assert study.design.launch_vehicle.description == "with a negotiated price"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("payload_to_leo_kg = -5", "overrides.launch_vehicle.payload_to_leo_kg: must be > 0"),
        ("payload_to_leo_kg = 0", "overrides.launch_vehicle.payload_to_leo_kg: must be > 0"),
        ("payload_to_leo_kg = nan", "overrides.launch_vehicle.payload_to_leo_kg: must be a finite"),
        ("payload_to_leo_kg = '5'", "overrides.launch_vehicle.payload_to_leo_kg: must be a number"),
        ("success_probability = 1.5", "overrides.launch_vehicle.success_probability: must be ≤ 1"),
        ("first_available_year = 2027.5", "first_available_year: must be an integer, got 2027.5"),
        ("reusable = 1", "overrides.launch_vehicle.reusable: must be true or false, got 1"),
        ("co2_per_launch_kg = -1", "overrides.launch_vehicle.co2_per_launch_kg: must be ≥ 0"),
    ],
)
def test_every_override_is_validated_like_the_component_field(
    extra: str, message: str, tmp_path: Path
) -> None:
    path = write_valid(tmp_path, f"\n[overrides.launch_vehicle]\n{extra}\n")
    with pytest.raises(StudyError, match="^" + str(path)) as caught:
        load_study(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_run_writes_the_results_folder(tmp_path: Path) -> None:
    out = tmp_path / "results" / "valid"
    result = invoke("run", str(write_valid(tmp_path)), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert {p.name for p in out.iterdir()} == RESULT_FILES
    document = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert document["study"]["name"] == "valid"
    assert document["study"]["components"]["launch_vehicle"] == "starship-target"
    assert document["lcoc_usd_per_pflop_day"] > 0
    header = (out / "budgets.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "budget,used,limit,unit,utilization"
    assert str(out) in result.stdout
    assert [p.name for p in out.parent.iterdir()] == ["valid"], "no staging folder left"


def test_run_json_prints_exactly_the_metrics_json_document(tmp_path: Path) -> None:
    """`run --json` prints, byte for byte, the metrics.json it writes."""
    out = tmp_path / "out"
    result = invoke("run", str(write_valid(tmp_path)), "--out", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (out / "metrics.json").read_text(encoding="utf-8")
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert isinstance(data["lcoc_usd_per_pflop_day"], float)
    assert data["lcoc_usd_per_pflop_day"] > 0


def test_run_without_out_writes_results_named_after_the_study(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = write_valid(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = invoke("run", str(study), "--json")
    assert result.exit_code == 0, result.stderr
    assert {p.name for p in (tmp_path / "results" / "valid").iterdir()} == RESULT_FILES


def test_run_in_a_real_process_succeeds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    study = write_valid(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "skyrack", "run", str(study), "--out", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    assert json.loads(completed.stdout)["lcoc_usd_per_pflop_day"] > 0
    assert {p.name for p in out.iterdir()} == RESULT_FILES


# --- interrupted writes -----------------------------------------------------------------------


class DiskFull(OSError):
    pass


def fail_on_third_csv(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make skyrack.results write files until its third CSV, which fails as on a full disk;
    returns the CSVs it wrote."""
    real = skyrack.results._write_file
    written: list[str] = []

    def flaky(path: Path, content: bytes) -> None:
        if path.suffix == ".csv":
            if len(written) == 2:
                raise DiskFull(28, "No space left on device")
            written.append(path.name)
        real(path, content)

    monkeypatch.setattr(skyrack.results, "_write_file", flaky)
    return written


def test_interrupted_write_leaves_no_results_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = load_study(write_valid(tmp_path))
    results = tmp_path / "results"
    results.mkdir()
    written = fail_on_third_csv(monkeypatch)
    with pytest.raises(SkyrackError, match="No space left on device"):
        run_study(study, results / "valid")
    assert written == ["metrics.csv", "waterfall.csv"], "the failure came mid-write"
    assert not (results / "valid").exists()
    assert list(results.iterdir()) == [], "no staging folder may be left behind"


def test_interrupted_write_keeps_the_previous_complete_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = tmp_path / "results"
    out = results / "valid"
    first = run_study(load_study(write_valid(tmp_path)), out)
    assert first.folder == out.resolve()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(before) == RESULT_FILES

    cheaper = "\n[overrides.launch_vehicle]\nprice_usd = 1e6\n"
    study = load_study(write_valid(tmp_path, cheaper, name="cheaper.toml"))
    fail_on_third_csv(monkeypatch)
    with pytest.raises(SkyrackError, match="No space left on device"):
        run_study(study, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in results.iterdir()] == ["valid"], "no staging or backup left behind"


def test_interrupted_cli_run_fails_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    fail_on_third_csv(monkeypatch)
    result = invoke("run", str(write_valid(tmp_path)), "--out", str(out))
    assert [p.name for p in tmp_path.iterdir()] == ["valid.toml"]
    assert_one_line_failure(
        result.exit_code, result.stderr, "No space left on device", out, result.exception
    )


# --- where the results go ---------------------------------------------------------------------


def test_out_below_a_file_fails_with_one_line(tmp_path: Path) -> None:
    study = write_valid(tmp_path)
    out = study / "results"
    result = invoke("run", str(study), "--out", str(out))
    assert_one_line_failure(result.exit_code, result.stderr, str(study), out, result.exception)


def test_out_naming_a_file_fails_with_one_line(tmp_path: Path) -> None:
    study = write_valid(tmp_path)
    result = invoke("run", str(study), "--out", str(study))
    assert result.exit_code != 0
    assert "\n" not in result.stderr.rstrip("\n"), result.stderr
    assert study.read_text(encoding="utf-8") == VALID_STUDY


def test_out_never_deletes_a_folder_that_is_not_a_results_folder(tmp_path: Path) -> None:
    study = write_valid(tmp_path)
    precious = tmp_path / "project"
    precious.mkdir()
    (precious / "notes.txt").write_text("my work", encoding="utf-8")
    invoke("run", str(study), "--out", str(precious))
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "my work"


def test_a_study_name_cannot_point_the_results_outside_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """results/<name> with name '..' would be the working folder itself, which write_results
    would replace; the loader refuses such names before anything is written."""
    (tmp_path / "notes.txt").write_text("my work", encoding="utf-8")
    study = tmp_path / "dotdot.toml"
    study.write_text(VALID_STUDY.replace('name = "valid"', 'name = ".."'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("run", str(study))
    assert result.exit_code != 0
    assert "study.name: must be" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "my work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dotdot.toml", "notes.txt"]


# --- absurd but well-typed values -------------------------------------------------------------

ABSURD = [
    ("overrides.ground_baseline", "pue = 1e300"),
    ("overrides.ground_baseline", "energy_price_usd_per_mwh = 1e308"),
    ("overrides.compute_payload", "failure_rate_per_year = 1e300"),
    ("overrides.satellite_bus", "integration_cost_fraction = 1e300"),
    ("overrides.compute_payload", "seu_upsets_per_day = 1e300"),
    ("overrides.orbit", "altitude_km = 1e300"),
    ("overrides.launch_vehicle", "success_probability = 1e-300"),
    ("overrides.satellite_bus", "radiator_emissivity = 1e-300"),
    ("economics", "nre_usd = 1e300"),
    ("design", "radiator_temperature_k = 1e300"),
    ("design", "mission_years = 1e-300"),
]


@pytest.mark.parametrize(
    ("section", "setting"),
    [pytest.param(section, setting, id=setting.split(" ")[0]) for section, setting in ABSURD],
)
def test_absurd_values_never_end_in_a_traceback(section: str, setting: str, tmp_path: Path) -> None:
    """Legal but absurd numbers either fail with one line or run to a finite LCOC."""
    text = VALID_STUDY
    if section == "design":
        text += setting + "\n"
    elif section == "economics":
        text = text.replace("start_year = 2035", f"start_year = 2035\n{setting}")
    else:
        text += f"\n[{section}]\n{setting}\n"
    study = tmp_path / "absurd.toml"
    study.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("run", str(study), "--out", str(out), "--json")
    assert isinstance(result.exception, SystemExit | None), repr(result.exception)
    if result.exit_code == 0:
        lcoc = json.loads(result.stdout)["lcoc_usd_per_pflop_day"]
        assert isinstance(lcoc, float), f"a successful run must report a finite LCOC, got {lcoc}"
    else:
        assert_one_line_failure(result.exit_code, result.stderr, "Error: ", out)
