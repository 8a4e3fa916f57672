"""Loading facts: fact sheets and RDF, validation, atomic batches, undo, export."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest

from nato_eu_graph.store.pause import POINTS

from .conftest import REPO, cli_path, killed_at, run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "load"
EXAMPLE = REPO / "docs" / "examples" / "meeting-factsheet.yaml"
SERIES = "series=IMS-EUMS Directors General conference"


def export(store: Path) -> bytes:
    proc = subprocess.run(
        [cli_path(), "export", "--store", str(store)], capture_output=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def query(store: Path, *args: str) -> str:
    return run_cli("query", *args, "--store", str(store), "--format", "csv", check=True).stdout


def test_a_meeting_fact_sheet_loads_and_unloads(store_copy: Path) -> None:
    before = export(store_copy)
    loaded = run_cli(
        "load", str(FIXTURES / "meeting.yaml"), "--store", str(store_copy), "--by", "test curator"
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stderr == ""  # no progress bar when stderr is not a terminal
    assert "2032-03-03" in query(store_copy, "series-meetings", "-p", SERIES)
    people = query(
        store_copy, "meeting-participants", "-p", "meeting=id:meeting/test-ims-eums-2032-03-03"
    )
    assert "Janusz Adamczak,host" in people and "Michiel van der Laan,guest" in people
    listed = run_cli("batches", "--store", str(store_copy), "--format", "json", check=True)
    assert '"loaded_by": "test curator"' in listed.stdout
    batch_id = listed.stdout.split('"id": "')[1].split('"')[0]
    run_cli("unload", batch_id[:12], "--store", str(store_copy), check=True)
    assert "2032-03-03" not in query(store_copy, "series-meetings", "-p", SERIES)
    assert export(store_copy) == before


def test_the_documented_example_loads(store_copy: Path) -> None:
    dry = run_cli("load", str(EXAMPLE), "--dry-run", "--store", str(store_copy), check=True)
    assert "would add" in dry.stdout and "neg:Meeting" in dry.stdout
    run_cli("load", str(EXAMPLE), "--store", str(store_copy), check=True)
    assert "2031-05-20" in query(store_copy, "series-meetings", "-p", SERIES)
    stand_ins = query(store_copy, "stand-ins")
    assert "Alex Example" in stand_ins and "Michiel van der Laan" in stand_ins


def test_dry_run_writes_nothing(store_copy: Path) -> None:
    before = export(store_copy)
    run_cli(
        "load", str(FIXTURES / "meeting.yaml"), "--dry-run", "--store", str(store_copy), check=True
    )
    assert export(store_copy) == before


def test_loading_the_same_file_twice_adds_nothing(store_copy: Path) -> None:
    run_cli("load", str(FIXTURES / "meeting.yaml"), "--store", str(store_copy), check=True)
    after_first = export(store_copy)
    again = run_cli("load", str(FIXTURES / "meeting.yaml"), "--store", str(store_copy), check=True)
    assert "nothing added" in again.stdout
    assert export(store_copy) == after_first


def test_csv_memberships_load(store_copy: Path) -> None:
    run_cli("load", str(FIXTURES / "meeting.yaml"), "--store", str(store_copy), check=True)
    run_cli("load", str(FIXTURES / "memberships.csv"), "--store", str(store_copy), check=True)
    members = query(store_copy, "members-on-date", "-p", "org=NATO", "-p", "date=2032-06-01")
    assert "Austria,2032-01-01" in members


def test_export_of_batches_restores_the_same_store(tmp_path: Path, store_copy: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first, second = tmp_path / "first", tmp_path / "second"
    run_cli("build", "--store", str(first), env=env, check=True)
    run_cli("load", str(FIXTURES / "meeting.yaml"), "--store", str(first), env=env, check=True)
    run_cli("load", str(EXAMPLE), "--store", str(first), env=env, check=True)
    dump = tmp_path / "batches.trig"
    run_cli("export", "--batches", "-o", str(dump), "--store", str(first), check=True)
    run_cli("build", "--store", str(second), env=env, check=True)
    run_cli("load", str(dump), "--store", str(second), check=True)
    assert export(second) == export(first)


BAD_CASES = {
    "syntax": (
        "syntax.yaml",
        "meetings:\n  - id: meeting/x\n    label: [unclosed\n",
        ["YAML syntax error", "syntax.yaml:4"],
    ),
    "unknown-name": (
        "unknown.yaml",
        "source: https://www.nato.int/cps/en/natohq/news_188657.htm\n"
        "tenures:\n  - person: Jan Brooks\n    post: DGIMS\n    start: 2016-07-27\n",
        ["unknown.yaml:3", "no person is known by the name 'Jan Brooks'", "Jan Broeks"],
    ),
    "missing-source": (
        "nosource.yaml",
        "tenures:\n  - person: Jan Broeks\n    post: DGIMS\n    start: 2016-07-27\n",
        ["nosource.yaml:2", "has no 'source'"],
    ),
    "end-before-start": (
        "dates.yaml",
        "source: https://www.nato.int/cps/en/natohq/news_188657.htm\n"
        "tenures:\n  - person: Jan Broeks\n    post: DGIMS\n"
        "    start: 2019-07-11\n    end: 2016-07-27\n",
        ["dates.yaml:6", "before the start"],
    ),
    "not-a-date": (
        "notadate.yaml",
        "source: https://www.nato.int/cps/en/natohq/news_188657.htm\n"
        "memberships:\n  - state: Austria\n    organisation: NATO\n"
        "    start: 2021-13-45\n",
        ["notadate.yaml:5", "'2021-13-45' is not a date"],
    ),
    "literal-for-thing": (
        "literal.ttl",
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n"
        "<https://example.org/m1> a org:Membership ;\n"
        '    org:member "Austria" ;\n'
        "    org:organization <https://w3id.org/nato-eu-graph/id/organisation/nato> ;\n"
        '    schema:startDate "2030-01-01"^^xsd:date ;\n'
        "    dct:source <https://www.nato.int/cps/en/natohq/news_188657.htm> .\n",
        ["literal.ttl:6", "org:member"],
    ),
    "duplicate-id": (
        "dup.yaml",
        "people:\n  - id: person/hans-werner-wiermann\n    name: H. W.\n",
        ["dup.yaml:2", "exists already"],
    ),
    "duplicate-id-in-sheet": (
        "dup2.yaml",
        "people:\n  - id: person/new-one\n    name: A\n  - id: person/new-one\n    name: B\n",
        ["dup2.yaml:4", "declared twice"],
    ),
    "invalid-utf8": (
        "bytes.yaml",
        b"people:\n  - id: person/x\n    name: \xff\xfe\n",
        ["bytes.yaml:3", "invalid UTF-8"],
    ),
    "rdfxml-entities": (
        "entities.rdf",
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n'
        '  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        "</rdf:RDF>\n",
        ["entities.rdf:2", "DOCTYPE"],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_is_refused_and_changes_nothing(
    case: str, store_copy: Path, tmp_path: Path
) -> None:
    name, content, expected = BAD_CASES[case]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = export(store_copy)
    proc = run_cli("load", str(path), "--store", str(store_copy))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Error: "), proc.stderr
    for text in expected:
        assert text in proc.stderr, proc.stderr
    assert export(store_copy) == before


def test_an_ambiguous_name_lists_the_candidates(store_copy: Path, tmp_path: Path) -> None:
    run_cli("load", str(FIXTURES / "karl.yaml"), "--store", str(store_copy), check=True)
    before = export(store_copy)
    sheet = tmp_path / "ambiguous.yaml"
    sheet.write_text(
        "source: https://www.nato.int/cps/en/natohq/news_188657.htm\n"
        "tenures:\n  - person: Wiermann\n    post: DGIMS\n"
        "    start: 2019-07-11\n",
        encoding="utf-8",
    )
    proc = run_cli("load", str(sheet), "--store", str(store_copy))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "ambiguous.yaml:3" in proc.stderr and "is ambiguous" in proc.stderr
    assert "Hans-Werner Wiermann" in proc.stderr and "Karl Wiermann (test)" in proc.stderr
    assert export(store_copy) == before


def test_one_bad_file_stops_the_whole_call(store_copy: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("tenures:\n  - person: Nobody At All\n", encoding="utf-8")
    before = export(store_copy)
    proc = run_cli("load", str(FIXTURES / "meeting.yaml"), str(bad), "--store", str(store_copy))
    assert proc.returncode != 0
    assert export(store_copy) == before


def big_ntriples(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(f'<https://example.org/big/s{i}> <https://example.org/big/p> "v{i}" .\n')


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_sigkill_during_a_large_load_leaves_the_previous_state(
    store_copy: Path, tmp_path: Path, point: str
) -> None:
    big = tmp_path / "big.nt"
    big_ntriples(big, 150_000)
    before = export(store_copy)
    status = killed_at(point, tmp_path, "load", str(big), "--store", str(store_copy))
    assert status == -signal.SIGKILL
    after = export(store_copy)  # the store opens and reads after the kill
    if point == "before-write":
        assert after == before
    elif point == "after-write":
        assert_whole_batch(before, after, store_copy)  # committed: the whole batch is there
    elif after != before:  # killed inside the write: nothing, or (had it just ended) all
        assert_whole_batch(before, after, store_copy)


def assert_whole_batch(before: bytes, after: bytes, store: Path) -> None:
    old, new = set(before.splitlines()), set(after.splitlines())
    assert old <= new
    added = new - old
    assert sum(1 for line in added if b"/big/" in line.split(b" ")[0]) == 150_000
    listed = run_cli("batches", "--store", str(store), check=True).stdout
    assert listed.count("150000 triples") == 1


def test_two_loads_at_once_end_well(store_copy: Path) -> None:
    procs = [
        subprocess.Popen(
            [cli_path(), "load", str(FIXTURES / name), "--store", str(store_copy)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("meeting.yaml", "second.yaml")
    ]
    results = [p.communicate(timeout=180) for p in procs]
    codes = [p.returncode for p in procs]
    for code, (_, err) in zip(codes, results, strict=True):
        assert code == 0 or "in use by another process" in err
        assert "Traceback" not in err
    listed = run_cli("batches", "--store", str(store_copy), check=True).stdout
    assert listed.count("triples") == codes.count(0)
    assert codes.count(0) >= 1


def test_two_files_of_one_call_cannot_declare_the_same_thing(
    store_copy: Path, tmp_path: Path
) -> None:
    sheet = "people:\n  - id: person/declared-twice-test\n    name: Declared Twice\n"
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(sheet, encoding="utf-8")
    second.write_text(sheet + "# the same person again\n", encoding="utf-8")
    before = export(store_copy)
    proc = run_cli("load", str(first), str(second), "--store", str(store_copy))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "b.yaml:2" in proc.stderr and "declared here and in" in proc.stderr
    assert export(store_copy) == before
