"""Issue 8 ("Hardening"), section Why: every case it lists, and the tests that prove it fixed.

``WHY_CASES`` below is the table a reviewer checks: one entry per bullet and sub-case of the
issue's Why section (tracebacks, hangs, lost files, silent nonsense, validate vs run, the output
contract), each naming the tests that pass now. A reference is either a corpus case id
(``run:…``, ``validate:…``, ``special:…``, ``command:…``, ``plugin:…``: the hostile-input
corpus of ``tests/hostile_corpus.py``, run by ``tests/test_hostile.py``) or a test function
(``test_file.py::test_name``). The tests here check that every reference still exists, so the
table cannot silently go stale when a test is renamed; the one case no other test covered (a
900 kB word printed to the terminal) is tested here.

The figures of the closing note (cases tried, tracebacks, hangs, files lost, nonsense
accepted) come from ``uv run python tests/hostile_corpus.py``.
"""

from __future__ import annotations

import importlib
import io

import pytest

from hostile_corpus import all_cases
from skyrack.cli.output import MAX_RENDERED_CHARS, safe_console

WHY_CASES: dict[str, tuple[str, ...]] = {
    # --- Tracebacks ---------------------------------------------------------------------------
    "traceback: arrays or inline tables nested a few hundred deep (RecursionError)": (
        "run:nesting_deep_arrays",
        "run:nesting_deep_inline_tables",
        "run:nesting_deep_dotted_keys",
        "test_fuzz.py::test_any_toml_shaped_document_loads_or_fails_with_one_located_line",
    ),
    "traceback: a study path that is a symlink to /dev/zero (the read never ends)": (
        "special:dev_zero_symlink",
        "special:dev_urandom_symlink",
        "special:stdin_dev_zero",
    ),
    "traceback: a plugin whose register_commands takes no argument kills every command": (
        "test_hostile.py::test_a_plugin_whose_command_hook_takes_no_argument_harms_nothing",
    ),
    "traceback: a plugin whose register_commands raises kills every command, --help included": (
        "plugin:commands_hook_raises",
        "plugin:commands_hook_exits",
        "test_hostile.py::test_help_and_plugins_keep_working_beside_a_broken_plugin",
        "test_hostile.py::test_disabling_the_broken_plugin_as_its_error_says_makes_commands_work",
    ),
    "traceback: stdout on a full disk after the results are written": (
        "test_hostile.py::test_a_full_disk_on_standard_output_says_the_results_were_written",
    ),
    "traceback: crossover quickstart compute_payload.memory_gb 10 200 (IndexError)": (
        "test_crossover.py::test_a_parameter_the_ratio_ignores_is_reported_not_crashed_on",
    ),
    "traceback: reference mccalip --set target_power_gw=1e300 (OverflowError)": (
        "command:reference_target_power_overflow",
        "command:reference_target_power_overflow_allowed",
    ),
    "traceback: reference mccalip --set sunlight_fraction=1e-320 (OverflowError)": (
        "command:reference_sunlight_denormal",
        "command:reference_sunlight_denormal_allowed",
    ),
    # --- Hangs --------------------------------------------------------------------------------
    "hang: a 900 kB description without spaces (printing the summary is quadratic)": (
        "special:description_900_kb",
        "test_issue_why_cases.py::test_a_900_kb_word_is_printed_cut_to_the_rendering_limit",
    ),
    "hang: skyrack validate on a named pipe": ("special:fifo", "special:fifo_run"),
    "hang: reference mccalip --set mission_years=1e9 (a loop per year with no bound)": (
        "command:reference_mission_a_billion_years",
    ),
    # --- Lost files ---------------------------------------------------------------------------
    "lost: running with --out res deletes files the user added to res/": (
        "special:user_file_in_results",
        "command:run_out_holds_user_files",
        "test_results.py::test_a_file_the_user_added_refuses_the_run_and_is_kept",
    ),
    "lost: a study file kept inside its own results folder is deleted by running it": (
        "special:study_inside_its_results",
        "command:run_out_is_the_sandbox",
        "test_results.py::test_a_study_inside_its_results_folder_is_refused",
    ),
    "lost: an interrupt between the two renames leaves no res/ at all": (
        "test_results.py::test_the_previous_results_are_restored_when_the_public_name_is_missing",
        "test_results.py::test_an_interrupt_before_any_filesystem_change_leaves_old_or_new_complete_results",
        "test_results.py::test_a_signal_during_a_real_run_leaves_the_old_results_and_one_line",
    ),
    "lost: half-written hidden folders are never cleaned up": (
        "test_results.py::test_leftovers_of_a_killed_run_are_removed_with_a_note",
        "test_results.py::test_a_lookalike_folder_without_a_marker_is_not_removed",
    ),
    "lost: a read-only results folder is replaced": (
        "special:read_only_results",
        "special:validate_read_only_results",
        "test_results.py::test_a_read_only_results_folder_is_refused_and_stays_read_only",
    ),
    # --- Silent nonsense, exit 0 --------------------------------------------------------------
    "nonsense: start_year = 999999": ("run:start_year_999999", "validate:start_year_999999"),
    "nonsense: dense_tflops = 1e30": ("run:implausible_dense_tflops",),
    "nonsense: radiator_temperature_k = 1e9": ("run:implausible_radiator_temperature",),
    "nonsense: utilization = 1e-300": ("run:implausible_utilization",),
    "nonsense: failure_rate_per_year = 9 (a percent typed as a rate)": (
        "run:implausible_failure_rate_percent",
        "command:reference_failure_rate_percent",
    ),
    "nonsense: learning rates of 1e-9": (
        "run:implausible_learning_rate",
        "run:implausible_launch_learning_rate",
    ),
    "nonsense: infinite outputs printed as inf or JSON null": (
        "run:allowed_implausible_drives_infinity",
        "run:inf_radiator_temperature",
        "test_fuzz.py::test_any_plausible_design_gives_finite_results_or_says_why",
        "test_output.py::test_every_shipped_study_document_validates_against_the_schema",
    ),
    "nonsense: a study name ending in a newline": ("run:study_name_trailing_newline",),
    "nonsense: ANSI escape sequences in a description sent raw to the terminal": (
        "test_terminal_safety.py::test_a_study_description_with_escape_sequences_prints_them_escaped",
        "run:study_name_ansi_escape",
        "run:unknown_key_ansi_escape",
    ),
    "nonsense: a plugin that mutates a component after construction bypasses validation": (
        "plugin:mutated_component",
        "plugin:mutated_sources",
    ),
    "nonsense: a plugin raising SystemExit(0) on import makes every command exit 0": (
        "plugin:import_exits_zero",
    ),
    "nonsense: crossover ... 1 1e308 prints '= 1'": (
        "test_crossover.py::test_a_range_over_three_hundred_decades_is_scanned_on_a_log_grid",
    ),
    # --- validate vs run ----------------------------------------------------------------------
    "validate passes studies that run rejects (infeasible budgets, inf results, override ranges)": (
        "test_hostile.py::test_the_corpus_holds_every_kind_of_hostile_input",
        "validate:infeasible_bus_power",
        "validate:infeasible_launch_mass",
        "validate:infeasible_design_life",
        "validate:infeasible_launch_availability",
        "validate:allowed_implausible_drives_infinity",
        "validate:override_probability_above_one",
        "special:validate_read_only_results",
    ),
    # --- The output contract ------------------------------------------------------------------
    "contract: --json on stdout and metrics.json are different documents": (
        "test_output.py::test_run_json_is_byte_for_byte_the_metrics_json",
        "test_study.py::test_run_json_prints_exactly_the_metrics_json_document",
    ),
    "contract: counts come out as floats ('feasible': 1.0)": (
        "test_output.py::test_counts_are_integers_and_the_feasibility_flag_a_boolean",
    ),
    "contract: no schema version": (
        "test_output.py::test_every_shipped_study_document_validates_against_the_schema",
    ),
    "contract: CSVs without units": (
        "test_output.py::test_csv_headers_carry_units_and_rows_match_the_document",
    ),
    "contract: messages show Python reprs (datetime.date(2030, 1, 1))": (
        "run:study_name_date",
        "run:type_date_for_number",
        "run:override_date_for_number",
    ),
    "contract: messages omit the key path (overrides.orbit.altitude_km)": (
        "run:altitude_above_dose_model",
        "run:implausible_altitude",
    ),
    "contract: messages run to megabytes (60,000 unknown keys)": (
        "special:sixty_thousand_unknown_keys",
        "run:unknown_key_huge",
    ),
}

CORPUS_IDS = {case.id for case in all_cases()}


def _test_exists(reference: str) -> bool:
    module_file, _, name = reference.partition("::")
    module = importlib.import_module(module_file.removesuffix(".py"))
    return name.startswith("test_") and callable(getattr(module, name, None))


@pytest.mark.parametrize("case", list(WHY_CASES), ids=list(WHY_CASES))
def test_why_case_is_proven_by_tests_that_exist(case: str) -> None:
    """Each Why case names at least one test, and every test it names exists (a corpus case id
    of the hostile corpus or a test function in tests/)."""
    references = WHY_CASES[case]
    assert references
    missing = [
        reference
        for reference in references
        if not (reference in CORPUS_IDS if "::" not in reference else _test_exists(reference))
    ]
    assert not missing, f"{case}: no such test {missing}"


def test_a_900_kb_word_is_printed_cut_to_the_rendering_limit() -> None:
    """The safe console prints at most MAX_RENDERED_CHARS of a 900 kB word (rich wraps a long
    word in time quadratic in its length: printed whole, it hung the terminal)."""
    buffer = io.StringIO()
    console = safe_console(file=buffer, width=80)
    console.print("x" * 900_000)
    printed = buffer.getvalue()
    assert MAX_RENDERED_CHARS - 10 <= printed.count("x") <= MAX_RENDERED_CHARS
