"""``extract`` on many releases: one draft each, a summary table, the same meeting drafted
once, a bad file reported without stopping the others; and releases in other languages or
without a dateline read as far as they can be."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from nato_eu_graph.extract.batch import releases_in, run_batch, summary
from nato_eu_graph.extract.knowledge import Knowledge
from nato_eu_graph.extract.model import Extraction
from nato_eu_graph.extract.release import extract_release
from nato_eu_graph.extract.text import release_from_text
from nato_eu_graph.store.embedded import EmbeddedStore

EVAL = Path(__file__).parent / "extract_eval"
STAFF = EVAL / "staff-04-eeas-schuman-22nd-2024.txt"


def _cli() -> object:
    from nato_eu_graph.cli.main import main

    return main


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = STAFF.read_text(encoding="utf-8")
    (folder / "a-release.txt").write_text(text, encoding="utf-8")
    # The same conference as a news site reposts it: other title, same facts.
    repost = text.replace(
        "EU Military Staff hosts NATO International Military Staff for the 22nd Directors "
        "General Conference",
        "Military staffs of the EU and NATO meet in Brussels",
    )
    (folder / "b-repost.txt").write_text(repost, encoding="utf-8")
    (folder / "c-broken.txt").write_bytes(b"\x00\x01 not a release")
    (folder / "notes.md").write_text("not read: not a release suffix", encoding="utf-8")
    return folder


def test_a_batch_drafts_each_release_once(built_store: EmbeddedStore, tmp_path: Path) -> None:
    knowledge = Knowledge.from_store(built_store)
    folder = _folder(tmp_path)
    releases = releases_in([folder])
    assert [p.name for p in releases] == ["a-release.txt", "b-repost.txt", "c-broken.txt"]
    rows = run_batch(releases, knowledge, tmp_path / "out")
    first, second, broken = rows
    assert first.kind == "staff-conference" and first.facts > 5 and not first.duplicate_of
    assert second.duplicate_of == "a-release.yaml"
    draft = yaml.safe_load((tmp_path / "out" / "b-repost.yaml").read_text(encoding="utf-8"))
    assert "meetings" not in draft  # the meeting is drafted once, in the first draft
    assert "drafted in a-release.yaml already" in (tmp_path / "out" / "b-repost.yaml").read_text()
    assert broken.error and "binary" in broken.error and broken.draft is None
    table = summary(rows)
    assert table[0][:3] == ["release", "date", "kind"]
    assert table[2][-1] == "same meeting as a-release.yaml"


def test_the_batch_command(store_copy: Path, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "drafts"
    result = CliRunner().invoke(
        _cli(),  # type: ignore[arg-type]
        [
            "extract",
            str(folder),
            str(EVAL / "appoint-02-dgeums-handover-pulkkinen.txt"),
            "-o",
            str(out),
            "--store",
            str(store_copy),
        ],
    )
    assert result.exit_code == 1  # one release could not be read ...
    assert "could not be read" in result.output and "Traceback" not in result.output
    # ... and the others were drafted all the same, with the summary beside them.
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "a-release.yaml",
        "appoint-02-dgeums-handover-pulkkinen.yaml",
        "b-repost.yaml",
        "summary.tsv",
    ]
    rows = (out / "summary.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:3] == ["release", "date", "kind"]
    assert any(r.startswith("appoint-02") and "\tappointment\t" in r for r in rows)


def test_a_batch_needs_a_folder_for_its_drafts(store_copy: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        _cli(),  # type: ignore[arg-type]
        ["extract", str(EVAL), "--store", str(store_copy)],
    )
    assert result.exit_code == 2 and "-o FOLDER" in result.output


def _read(store: EmbeddedStore, text: str) -> Extraction:
    return extract_release(release_from_text(text), Knowledge.from_store(store), file="r.txt")


def test_french_below_english_is_skipped(built_store: EmbeddedStore) -> None:
    text = (
        "NATO hosts the EU Military Staff\nBrussels, 10 June 2022\n"
        "On 10 June 2022, Lieutenant General Hans-Werner Wiermann, Director General of the "
        "NATO International Military Staff, welcomed Vice Admiral Hervé Bléjean to NATO "
        "Headquarters for the IMS-EUMS Directors General conference.\n"
        "La réunion a été coprésidée par le Général de corps d'armée Hans-Werner Wiermann et "
        "le Vice-amiral d'escadre Hervé Bléjean, qui ont discuté de la mobilité militaire.\n"
        "Le Directeur général de l'État-major de l'UE, Monsieur Jean-Pierre Nouveau, a "
        "présenté les travaux.\n"
    )
    ex = _read(built_store, text)
    assert ex.skipped == 2 and any("another language" in n for n in ex.notes)
    assert ex.meeting is not None
    assert {p.role for p in ex.meeting.participants} == {"host", "guest"}  # not co-chairs
    assert not [c for c in ex.candidates if "Nouveau" in c.name]


def test_unknown_kind_invents_no_meeting(built_store: EmbeddedStore) -> None:
    text = (
        "Vacancy notice: Deputy Director General of the EU Military Staff\n"
        "Brussels, 3 March 2025\n"
        "Applications are invited for the post. The closing date is 31 March 2025.\n"
    )
    ex = _read(built_store, text)
    assert ex.kind.value == "unknown"
    assert ex.meetings == [] and ex.tenures == [] and ex.adoptions == []


def test_two_meetings_in_one_release_are_two_entries(built_store: EmbeddedStore) -> None:
    text = (EVAL / "council-08-two-meetings-2023.txt").read_text(encoding="utf-8")
    ex = _read(built_store, text)
    got = [
        (
            m.date.value if m.date else "",
            m.series.value if m.series else "",
            m.place and m.place.value,
        )
        for m in ex.meetings
    ]
    assert got == [
        ("2023-05-16", "NAC–PSC meeting", "NATO headquarters"),
        (
            "2023-05-17",
            "EU Military Committee of Chiefs of Defence with the Chair of the NATO Military "
            "Committee",
            "Brussels",
        ),
    ]
    chairs = [{p.who.name for p in m.participants if "chair" in p.role} for m in ex.meetings]
    assert chairs == [{"Mircea Geoană", "Delphine Pronk"}, {"Robert Brieger"}]


def test_every_form_of_an_adoption_verb(built_store: EmbeddedStore) -> None:
    # "endorsing" once stopped a real release with StopIteration.
    for verb in ("endorsing", "endorses", "approving", "adopting"):
        text = (
            "EU and NATO Councils endorse new proposals\nBrussels, 6 December 2017\n"
            f"The Councils of the EU and NATO yesterday took cooperation further by {verb} "
            "the common set of new proposals.\n"
        )
        ex = _read(built_store, text)
        assert ex.kind.value == "endorsement", verb


def test_a_change_of_command_from_one_to_the_other(built_store: EmbeddedStore) -> None:
    text = (
        "Change of command at the EU Military Staff\nBrussels, 28 May 2013\n"
        "The High Representative presided today over the change of command of the European "
        "Union Military Staff (EUMS) from General Ton van Osch to General Wolfgang Wosolsobe.\n"
    )
    ex = _read(built_store, text)
    assert ex.kind.value == "appointment"
    got = [
        (t.person.name, t.post.value, t.start and t.start.value, t.end and t.end.value)
        for t in ex.tenures
    ]
    assert got == [
        (
            "Wolfgang Wosolsobe",
            "Director General of the European Union Military Staff",
            "2013-05-28",
            None,
        ),
        (
            "Ton van Osch",
            "Director General of the European Union Military Staff",
            None,
            "2013-05-27",
        ),
    ]


def test_no_dateline_but_a_year_in_the_title(built_store: EmbeddedStore) -> None:
    text = (
        "EU Chiefs of Defence meet for their last Military Committee meeting of 2019\n"
        "The EU Chiefs of Defence met in Brussels on 20-21 November for the second Military "
        "Committee conference of the year, chaired by General Claudio Graziano.\n"
        "They discussed training missions with the Chief Executive of the European Defence "
        "Agency Jorge Domecq. Yesterday's session was short.\n"
    )
    ex = _read(built_store, text)
    assert ex.release_date is None
    assert ex.meeting is not None and ex.meeting.date is not None
    assert (ex.meeting.date.value, ex.meeting.end and ex.meeting.end.value) == (
        "2019-11-20",
        "2019-11-21",
    )
    assert ex.meeting.series is not None and "Chiefs of Defence" in ex.meeting.series.value
    who = {(p.who.name, p.role) for p in ex.meeting.participants}
    assert ("Claudio Graziano", "chair") in who and ("Jorge Domecq", "participant") in who
    assert [c.name for c in ex.candidates if c.kind == "person"] == ["Jorge Domecq"]


def test_a_qualified_post_is_another_post(built_store: EmbeddedStore) -> None:
    text = (
        "NATO and EU cyber teams sign an arrangement\nBrussels, 10 February 2016\n"
        "The arrangement was signed today in the presence of the Assistant Secretary General "
        "of NATO for Emerging Security Challenges, Ambassador Sorin Ducaru, and of the "
        "Supreme Allied Commander, Transformation, General Denis Mercier.\n"
    )
    ex = _read(built_store, text)
    capacities = {
        p.capacity.value for m in ex.meetings for p in m.participants if p.capacity is not None
    }
    assert "Secretary General of NATO" not in capacities
    names = [c.name for c in ex.candidates if c.kind == "person"]
    assert "Transformation" not in names and "Sorin Ducaru" in names


def test_a_new_head_is_an_appointment_not_a_meeting(built_store: EmbeddedStore) -> None:
    text = (
        "New head of the EU Military Committee takes over\nBrussels, 6 November 2012\n"
        "On 6 November 2012, General Patrick de Rousiers took over as Chairman of the EU "
        "Military Committee (EUMC). He will perform this task for three years.\n"
    )
    ex = _read(built_store, text)
    assert ex.kind.value == "appointment" and ex.meetings == []
    assert [(t.person.name, t.post.value, t.start and t.start.value) for t in ex.tenures] == [
        ("Patrick de Rousiers", "Chairman of the European Union Military Committee", "2012-11-06")
    ]
