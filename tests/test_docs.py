"""docs/plugins.md documents every hook of skyrack.hookspecs, and its examples run."""

from __future__ import annotations

import inspect
import re
import types
from pathlib import Path

import attrs
import click
import pluggy
import pytest
from click.testing import CliRunner

from skyrack import hookspecs
from skyrack.components import COMPONENT_KINDS
from skyrack.plugins import temporary_plugin
from skyrack.testing import component_problems

DOC = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
TABLE_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|\s*([^|]*?)\s*\|", re.MULTILINE)
COMMON_FIELDS = {"name", "description", "sources"}
IMPL_ATTRIBUTE = f"{hookspecs.PROJECT_NAME}_impl"


def hook_names() -> set[str]:
    """Every function of skyrack.hookspecs that pluggy recognises as a hook specification.

    pluggy's own introspection reads the ``skyrack_spec`` attribute that ``@hookspec`` sets.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    return {
        name for name in dir(hookspecs) if manager.parse_hookspec_opts(hookspecs, name) is not None
    }


def read_doc() -> tuple[dict[str, str], list[str], list[tuple[str, str]]]:
    """Sections by ``##`` heading, the headings in order, and (heading, code) python blocks.

    Lines inside fenced code blocks are never taken for headings.
    """
    sections: dict[str, list[str]] = {}
    headings: list[str] = []
    blocks: list[tuple[str, str]] = []
    heading = ""
    fence: str | None = None
    code: list[str] = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if fence is None and line.startswith("```"):
            fence = line[3:].strip()
            code = []
        elif fence is not None and line.strip() == "```":
            if fence == "python":
                blocks.append((heading, "\n".join(code) + "\n"))
            fence = None
        elif fence is not None:
            code.append(line)
        elif line.startswith("## "):
            heading = line[3:].strip()
            headings.append(heading)
            sections[heading] = []
            continue
        if heading:
            sections[heading].append(line)
    return {h: "\n".join(lines) for h, lines in sections.items()}, headings, blocks


SECTIONS, HEADINGS, BLOCKS = read_doc()
HOOK_BLOCKS = [(heading, code) for heading, code in BLOCKS if "@hookimpl" in code]


def signature_of(hook: str) -> str:
    """The hook's signature as the guide prints it, e.g. ``register_orbits(register: ...)``."""
    signature = inspect.signature(getattr(hookspecs, hook))
    parameters = ", ".join(f"{p.name}: {p.annotation}" for p in signature.parameters.values())
    return f"{hook}({parameters}) -> {signature.return_annotation}"


def test_hookspecs_are_detected() -> None:
    """The hookspec introspection finds the registration hooks, so the doc tests are not vacuous."""
    assert set(hookspecs.REGISTRATION_HOOKS) | {"register_commands"} <= hook_names()


def test_every_hook_has_a_heading_in_the_plugin_guide() -> None:
    """Each hookspec has a ``## <hook name>`` section in docs/plugins.md."""
    missing = sorted(hook_names() - set(HEADINGS))
    assert not missing, f"docs/plugins.md has no '## <hook>' heading for {missing}"


def test_every_hook_heading_names_an_existing_hook() -> None:
    """Every ``##`` heading that is a bare identifier names a hook that exists, once."""
    named = [h for h in HEADINGS if IDENTIFIER.match(h)]
    unknown = sorted(set(named) - hook_names())
    assert not unknown, f"docs/plugins.md documents hooks that do not exist: {unknown}"
    assert len(named) == len(set(named)), f"a hook heading appears twice: {named}"


@pytest.mark.parametrize("hook", sorted(hook_names()))
def test_hook_section_shows_the_signature_and_an_example(hook: str) -> None:
    """A hook's section prints its exact signature and an example implementing that hook."""
    section = SECTIONS.get(hook, "")
    assert signature_of(hook) in section
    examples = [code for heading, code in HOOK_BLOCKS if heading == hook]
    assert any(re.search(rf"^def {hook}\(", code, re.MULTILINE) for code in examples), (
        f"the '## {hook}' section has no python example with '@hookimpl def {hook}(...)'"
    )


@pytest.mark.parametrize("hook", sorted(hookspecs.REGISTRATION_HOOKS))
def test_component_table_lists_every_field_with_its_unit(hook: str) -> None:
    """A registration hook's table lists each field of its component class with the code's unit."""
    cls = COMPONENT_KINDS[hookspecs.REGISTRATION_HOOKS[hook]]
    rows = dict(TABLE_ROW.findall(SECTIONS.get(hook, "")))
    fields = {f.name: f for f in attrs.fields(cls) if f.name not in COMMON_FIELDS}
    assert set(rows) == set(fields), f"{hook}: table fields differ from {cls.__name__}'s"
    for name, field in fields.items():
        if field.metadata.get("numeric"):
            assert rows[name] == field.metadata["unit"], f"{cls.__name__}.{name}: wrong unit"


@pytest.mark.parametrize(("heading", "code"), BLOCKS, ids=[h for h, _ in BLOCKS])
def test_python_example_compiles(heading: str, code: str) -> None:
    """Every python block in the guide is valid Python."""
    compile(code, f"{DOC.name} ({heading})", "exec")


@pytest.mark.parametrize(("heading", "code"), HOOK_BLOCKS, ids=[h for h, _ in HOOK_BLOCKS])
def test_hookimpl_example_runs_and_registers(heading: str, code: str) -> None:
    """An example with ``@hookimpl`` runs as a plugin and registers conforming components."""
    module = types.ModuleType(f"skyrack_docs_example_{heading}")
    exec(compile(code, f"{DOC.name} ({heading})", "exec"), module.__dict__)
    implemented = {name for name, value in vars(module).items() if hasattr(value, IMPL_ATTRIBUTE)}
    assert implemented, "the example implements no hook"
    kinds = {
        hookspecs.REGISTRATION_HOOKS[h] for h in implemented & hookspecs.REGISTRATION_HOOKS.keys()
    }
    plugin_name = f"docs-{heading}"
    with temporary_plugin(module, plugin_name) as registry:
        registered = [c for c in registry.components() if registry.owner(c) == plugin_name]
    assert {c.kind for c in registered} == kinds
    assert [p for c in registered for p in component_problems(c)] == []
    if "register_commands" in implemented:
        group = click.Group("skyrack")
        module.register_commands(cli=group)
        assert group.commands, "the register_commands example adds no command"
        for command in group.commands:
            result = CliRunner().invoke(group, [command, "--help"])
            assert result.exit_code == 0, result.output
