"""Sources are self-contained: the data tables the model reads ship inside the packages with their
original publications, and nothing in the repository points at a file outside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

from skyrack.data import CORE_TABLES, load_table

ROOT = Path(__file__).resolve().parents[1]
# Written in pieces so that this file does not match itself.
OUTSIDE = re.compile(
    "|".join(
        (
            re.escape("shared" + "/"),
            re.escape("REFERENCES" + ".md"),
            r"(?<![\w.~])/(?:work|root|home|Users|mnt|opt|srv|var|tmp|private)" + "/",
        )
    )
)
PLUGIN_TABLES = (("launch_propellants", "skyrack_launchers"),)


def repository_files(root: Path = ROOT) -> list[Path]:
    """Every file git would commit: tracked ones plus untracked ones not ignored, whatever their
    folder or suffix (a stray log at the root is as public as a module)."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [root / name for name in listing.split("\0") if name and (root / name).is_file()]


def outside_references(root: Path = ROOT) -> list[str]:
    """`path:line: text` for each line of a repository file that matches OUTSIDE. Binary files
    are read with replacement characters rather than skipped: the only exception is this test's
    own pattern, which is written in pieces so that it never matches itself."""
    offending = []
    for path in repository_files(root):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            if OUTSIDE.search(line):
                offending.append(f"{path.relative_to(root)}:{number}: {line.strip()[:100]}")
    return offending


def test_no_file_cites_a_file_outside_the_repository_or_a_machines_path() -> None:
    """No file in the repository (every tracked or committable file, at any depth and of any
    type) names the reading list's folder or file, or an absolute path of a build machine."""
    offending = outside_references()
    assert not offending, "\n".join(offending)


def test_the_scan_reaches_stray_files_of_any_type_at_the_root(tmp_path: Path) -> None:
    """A committed log at a repository's root and an untracked text file are both scanned; an
    ignored file is not (it can never be committed)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("ignored.log\n")
    (tmp_path / "sw2.txt").write_text("/" + "work/wt/x/.venv/bin/python: can't open file\n")
    (tmp_path / "notes.rst").write_text("see shared" + "/data\n")
    (tmp_path / "ignored.log").write_text("/" + "root/secret\n")
    subprocess.run(["git", "-C", str(tmp_path), "add", "sw2.txt", ".gitignore"], check=True)
    found = outside_references(tmp_path)
    assert sorted(line.split(":")[0] for line in found) == ["notes.rst", "sw2.txt"]


def test_the_check_catches_what_it_looks_for() -> None:
    """The pattern finds each forbidden kind of reference and spares ordinary text."""
    for bad in ("see shared" + "/data/x.csv", "REFERENCES" + ".md lists", "/" + "work/wt/x.py"):
        assert OUTSIDE.search(bad), bad
    for fine in ("shared by workers", "a/work/b", "docs/model.md", "tmp_path / 'x'"):
        assert not OUTSIDE.search(fine), fine


@pytest.mark.parametrize(
    ("name", "package"),
    [*((name, "skyrack.data") for name in CORE_TABLES), *PLUGIN_TABLES],
)
def test_every_data_table_loads_with_its_original_publication(name: str, package: str) -> None:
    """Each table ships in its package, cites its original publication (authors, title and
    year: a book, or a paper with its DOI) and holds only finite numbers in its numeric
    columns."""
    table = load_table(name, package=package)
    assert re.search(r"\b(19|20)\d\d\b", table.source), table.source
    assert re.search(r"doi:|Press", table.source), table.source
    numeric = [c for c in table.columns.values() if isinstance(c, np.ndarray)]
    assert numeric and all(np.all(np.isfinite(c)) for c in numeric)
    assert len({len(c) for c in table.columns.values()}) == 1


def test_the_tables_hold_the_published_values() -> None:
    """Spot checks: Vallado's 400 km band (3.725e-12 kg/m³, H 58.515 km), MSISE-90 moderate at
    400 km (3.89e-12), SPENVIS at 550 km / 55° / 5 mm (319.74 rad/yr), Falcon 9's second stage
    (109,500 kg of kerosene and LOX)."""
    vallado = load_table("atmosphere_vallado")
    row = int(np.flatnonzero(vallado.numbers("base_altitude_km") == 400)[0])
    assert vallado.numbers("density_kg_m3")[row] == 3.725e-12
    assert vallado.numbers("scale_height_km")[row] == 58.515
    msise = load_table("atmosphere_msise90")
    row = int(np.flatnonzero(msise.numbers("altitude_km") == 400)[0])
    assert msise.numbers("moderate_kg_m3")[row] == 3.89e-12
    dose = load_table("leo_tid_dose_550km")
    row = int(np.flatnonzero(dose.numbers("inclination_deg") == 55)[0])
    assert dose.numbers("shield_5_mm")[row] == 319.74
    propellants = load_table("launch_propellants", package="skyrack_launchers")
    stages = list(zip(propellants.columns["vehicle"], propellants.columns["stage"], strict=True))
    row = stages.index(("falcon-9", "second stage"))
    assert propellants.numbers("propellant_kg")[row] == 109_500
