"""The command line: help on every command, fast start, clear errors without tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from nato_eu_graph.cli.main import main

from .conftest import REPO, run_cli

HEAVY = ("pyvis", "networkx", "pyshacl")


def all_commands() -> list[str]:
    return main.list_commands(click.Context(main))


def test_every_command_module_is_listed() -> None:
    # The group loads commands lazily from the modules COMMANDS names: each listed name
    # must load, and each module must add only commands that are listed.
    from importlib import import_module

    from nato_eu_graph.cli.main import COMMANDS

    group = click.Group()
    for module in set(COMMANDS.values()):
        import_module(f"nato_eu_graph.cli.{module}").register(group)
    assert sorted(group.commands) == sorted(COMMANDS) == all_commands()


@pytest.mark.parametrize("name", all_commands())
def test_every_command_has_help(name: str) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None, name
    assert command.help and len(command.help.strip()) > 20, f"{name} has no help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"option {param.name} of {name} has no help"


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from nato_eu_graph.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print('HEAVY=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Usage:" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY="


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("info", "--store", str(tmp_path / "nowhere"))
    assert proc.returncode == 1
    assert "no store at" in proc.stderr and "hint: build one first" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "afile"
    target.write_text("not a store")
    proc = run_cli("build", "--store", str(target))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert str(target) in proc.stderr


def test_store_in_use_is_refused_cleanly(store_copy: Path) -> None:
    from nato_eu_graph.store.embedded import EmbeddedStore

    holder = EmbeddedStore.open(store_copy)  # a writer
    sheet = str(Path(__file__).parent / "fixtures" / "load" / "meeting.yaml")
    proc = run_cli("load", sheet, "--wait", "0", "--store", str(store_copy))
    reader = run_cli("info", "--store", str(store_copy))  # readers read its snapshot
    holder.close()
    assert proc.returncode == 1
    assert "in use by another process" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert reader.returncode == 0, reader.stderr


def test_env_variable_chooses_the_store(store_copy: Path, tmp_path: Path) -> None:
    proc = run_cli("info", cwd=tmp_path, env={"NATO_EU_GRAPH_STORE": str(store_copy)})
    assert proc.returncode == 0, proc.stderr
    assert f"store: {store_copy}" in proc.stdout


def test_default_store_is_per_user(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "NATO_EU_GRAPH_STORE": ""}
    proc = run_cli("build", "--skip-validation", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "xdg" / "nato-eu-graph" / "store" / "CURRENT").exists()


def test_the_cli_reference_is_up_to_date() -> None:
    from nato_eu_graph.cli.reference import REGENERATE, render_reference

    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert doc == render_reference(), f"docs/cli.md drifted: regenerate with {REGENERATE}"


@pytest.mark.parametrize("command", [(), ("load",), ("query",), ("visualize",)])
def test_the_cli_reference_shows_what_help_prints(command: tuple[str, ...]) -> None:
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    shown = run_cli(*command, "--help", env={"COLUMNS": "200"}, check=True).stdout
    assert f"```text\n{shown}```" in doc
