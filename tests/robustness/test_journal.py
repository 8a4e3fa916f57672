"""The batch journal: every loaded batch kept beside the store as committed, every unload
recorded, and `rebuild` bringing a damaged or lost store back from ontology/, data/ and
the journal, with an export byte-identical to the store's before the fault."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from ..conftest import REPO, killed_at, run_cli
from .conftest import export
from .test_backup import flip, one_line_error

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
FIXTURES = REPO / "tests" / "fixtures" / "load"


def loaded_store(tmp_path: Path) -> Path:
    """A store built, with three batches loaded and the meeting's unloaded again."""
    store = tmp_path / "store"
    run_cli("build", "--store", str(store), env=EPOCH, check=True)
    for sheet in ("meeting.yaml", "karl.yaml", "memberships.csv"):
        run_cli("load", str(FIXTURES / sheet), "--store", str(store), check=True)
    listed = run_cli("batches", "--store", str(store), check=True).stdout.splitlines()
    meeting = next(line.split()[0] for line in listed if "meeting.yaml" in line)
    run_cli("unload", meeting, "--store", str(store), check=True)
    return store


def rebuild(store: Path, *extra: str) -> None:
    args = ("rebuild", "--store", str(store), "--skip-validation", *extra)
    run_cli(*args, env=EPOCH, check=True)


def journal_names(store: Path) -> list[str]:
    return sorted(p.name for p in store.with_name("store.journal").iterdir())


def test_the_journal_holds_each_commit_in_order(tmp_path: Path) -> None:
    store = loaded_store(tmp_path)
    names = [n for n in journal_names(store) if not n.endswith(".sha256")]
    assert [n.split("-")[:2] for n in names] == [
        ["000001", "load"],
        ["000002", "load"],
        ["000003", "load"],
        ["000004", "unload"],
    ]
    loads = {n.split("-", 2)[2].removesuffix(".nq") for n in names[:3]}
    unloaded = names[3].split("-", 2)[2].removesuffix(".json")
    listed = run_cli("batches", "--store", str(store), check=True).stdout
    assert unloaded in loads and unloaded not in listed


@pytest.mark.parametrize("fault", ["store deleted", "flipped bytes"])
def test_a_lost_store_comes_back_from_the_journal(tmp_path: Path, fault: str) -> None:
    store = loaded_store(tmp_path)
    before = export(store)
    if fault == "store deleted":
        shutil.rmtree(store)
    else:
        for table in store.glob("*.sst"):
            flip(table)
        one_line_error(run_cli("batches", "--store", str(store)), "damaged", "rebuild")
        shutil.move(store, tmp_path / "damaged")
    rebuild(store)
    assert export(store) == before
    # the journal goes on: a load after the rebuild is entry 5
    run_cli("load", str(FIXTURES / "second.yaml"), "--store", str(store), check=True)
    assert any(n.startswith("000005-load-") for n in journal_names(store))


def test_rebuild_never_writes_over_a_store(tmp_path: Path) -> None:
    store = loaded_store(tmp_path)
    one_line_error(
        run_cli("rebuild", "--store", str(store), "--skip-validation"), "never writes over"
    )


def test_a_damaged_journal_entry_is_refused(tmp_path: Path) -> None:
    store = loaded_store(tmp_path)
    entry = next(store.with_name("store.journal").glob("000002-load-*.nq"))
    flip(entry)
    shutil.rmtree(store)
    one_line_error(
        run_cli("rebuild", "--store", str(store), "--skip-validation"), "checksum", entry.name
    )
    assert not store.exists()


def test_a_journal_that_cannot_be_written_stops_the_load(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_cli("build", "--store", str(store), env=EPOCH, check=True)
    before = export(store)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    failed = run_cli(
        "load",
        str(FIXTURES / "meeting.yaml"),
        "--store",
        str(store),
        env={"NATO_EU_GRAPH_JOURNAL": str(blocker)},
    )
    one_line_error(failed, "batch journal", "NATO_EU_GRAPH_JOURNAL")
    assert export(store) == before


@pytest.mark.slow
@pytest.mark.parametrize("point", ["journal-written", "journal-commit"])
def test_sigkill_around_a_journal_write_keeps_store_and_journal_in_step(
    tmp_path: Path, point: str
) -> None:
    """Killed with the entry pending, before the store's commit (the load did not happen)
    or after it (it did): the next write settles the entry, and a rebuild from the
    journal gives the store's export."""
    store = loaded_store(tmp_path)
    status = killed_at(
        point, tmp_path, "load", str(FIXTURES / "second.yaml"), "--store", str(store)
    )
    assert status == -signal.SIGKILL
    assert any(n.endswith(".pending") for n in journal_names(store))
    listed = run_cli("batches", "--store", str(store), check=True).stdout
    assert ("second.yaml" in listed) == (point == "journal-commit")
    # the next write settles the pending entry
    run_cli("load", str(FIXTURES / "meeting.yaml"), "--store", str(store), check=True)
    assert not any(".pending" in n for n in journal_names(store))
    before = export(store)
    shutil.rmtree(store)
    rebuild(store)
    assert export(store) == before
