"""Shapes that real NATO, EEAS and Council releases take and the written evaluation set did
not have: republishers' datelines in their own language, handovers whose post is only in
the title or the graph, council meetings, visits, documents and topics written loosely.

Every release here is written for these tests (the facts may be real, the wording is not
any publisher's).
"""

from __future__ import annotations

from datetime import date

import pytest

from nato_eu_graph.extract.dates import find_dates, release_date
from nato_eu_graph.extract.draft import render_draft
from nato_eu_graph.extract.knowledge import Knowledge
from nato_eu_graph.extract.model import Extraction
from nato_eu_graph.extract.names import find_names
from nato_eu_graph.extract.release import extract_release
from nato_eu_graph.extract.text import release_from_text
from nato_eu_graph.store.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def knowledge(built_store: EmbeddedStore) -> Knowledge:
    return Knowledge.from_store(built_store)


def draft(text: str, knowledge: Knowledge) -> Extraction:
    return extract_release(release_from_text(text), knowledge, file="release.txt")


def tenures(ex: Extraction) -> set[tuple[str, str, str, str]]:
    out = set()
    for t in ex.tenures:
        assert t.post.thing is not None
        for side, day in (("start", t.start), ("end", t.end)):
            if day is not None:
                out.add(
                    (
                        t.person.iri.rsplit("/", 1)[-1],
                        t.post.thing.iri.rsplit("/", 1)[-1],
                        side,
                        day.value,
                    )
                )
    return out


# ---------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Overgenomen van de EDEO, gepubliceerd op maandag 23 mei 2016.", "2016-05-23"),
        ("12 de marzo de 2019", "2019-03-12"),
        ("Publié le 3 février 2020", "2020-02-03"),
        ("Veröffentlicht am 9. Dezember 2021", "2021-12-09"),
        ("Brussels, 27 November 2018 - 5 mars 2019", "2018-11-27"),  # the English one first
    ],
)
def test_a_republishers_dateline_in_its_own_language(line: str, expected: str) -> None:
    found = release_date([line])
    assert found is not None and found.value.isoformat() == expected


def test_a_month_name_of_another_language_alone_is_no_date() -> None:
    assert release_date(["Mars and mai are words too, 2019"]) is None


def test_a_weekday_beside_a_date_is_that_date() -> None:
    found = find_dates("the handover took place on Thursday 26 May.", date(2016, 5, 23))
    assert [d.value.isoformat() for d in found] == ["2016-05-26"]
    found = find_dates("they met on Tuesday (4 November).", date(2014, 11, 4))
    assert [d.value.isoformat() for d in found] == ["2014-11-04"]


# ---------------------------------------------------------------------------- handovers


def test_a_handover_whose_post_only_the_graph_knows(knowledge: Knowledge) -> None:
    ex = draft(
        "Lieutenant General Esa Pulkkinen takes over at the helm of the EU Military Staff\n"
        "Overgenomen van de EDEO, gepubliceerd op maandag 23 mei 2016.\n"
        "The leadership of the military staff of the Union changed hands on Thursday 26 May.\n"
        "In a short ceremony in Brussels, Lieutenant General Wolfgang Wosolsobe of Austria "
        "handed over to Lieutenant General Esa Pulkkinen of Finland.\n",
        knowledge,
    )
    assert ex.kind.value == "appointment"
    assert ex.release_date is not None and ex.release_date.value == "2016-05-23"
    assert tenures(ex) == {
        ("esa-pulkkinen", "dgeums", "start", "2016-05-26"),
        ("wolfgang-wosolsobe", "dgeums", "end", "2016-05-25"),
    }


def test_a_change_of_command_and_a_later_succeed(knowledge: Knowledge) -> None:
    ex = draft(
        "New Director General for the EU Military Staff\n"
        "Brussels, 28 May 2013\n"
        "The High Representative marked today the change of command of the EU Military Staff "
        "from General Ton van Osch to General Wolfgang Wosolsobe.\n"
        "She was sure that General Wosolsobe would succeed Ton van Osch with distinction.\n",
        knowledge,
    )
    assert tenures(ex) == {
        ("wolfgang-wosolsobe", "dgeums", "start", "2013-05-28"),
        ("ton-van-osch", "dgeums", "end", "2013-05-27"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "On 6 November 2015 General Mikhail Kostarakos is to take over from general "
        "Patrick de Rousiers.",
        "On 6 November 2015 General Mikhail Kostarakos succeeds French General Patrick de "
        "Rousiers.",
        "General Mikhail Kostarakos takes over on 6 November 2015 from outgoing Chairman of "
        "the EU Military Committee, General Patrick de Rousiers.",
    ],
)
def test_the_predecessor_behind_a_title_or_a_rank_in_lower_case(
    sentence: str, knowledge: Knowledge
) -> None:
    ex = draft(
        "A new chair for the EU's military committee\n"
        "Brussels, 10 December 2014\n"
        "The EU Chiefs of Defence appointed General Mikhail Kostarakos as the next Chairman of "
        f"the EU Military Committee.\n{sentence}\n",
        knowledge,
    )
    assert tenures(ex) == {
        ("mikhail-kostarakos", "ceumc", "start", "2015-11-06"),
        ("patrick-de-rousiers", "ceumc", "end", "2015-11-05"),
    }


@pytest.mark.parametrize("owner", ["NATO's", "NATO’s"])
def test_a_post_written_after_its_owners_possessive(owner: str, knowledge: Knowledge) -> None:
    found, _ = find_names(f"She serves as {owner} Deputy Secretary General.", knowledge.index)
    assert [(m.kind, m.iri.rsplit("/", 1)[-1]) for m in found] == [
        ("post", "nato-deputy-secretary-general")
    ]


def test_a_farewell_names_the_predecessor_of_a_post_written_after_its_owner(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "The Alliance thanks its deputy chief\n"
        "Brussels, 14 October 2016\n"
        "Allied ambassadors bid a warm farewell to Deputy Secretary General Alexander "
        "Vershbow on Friday (14 October 2016). Mr Vershbow took office in 2012, after years "
        "as an ambassador. He steered the work on partnerships. He also led the reform of "
        "the agencies.\n"
        "Rose Gottemoeller will take up her post as NATO's Deputy Secretary General on "
        "17 October 2016.\n",
        knowledge,
    )
    assert ex.kind.value == "appointment"
    assert tenures(ex) == {
        ("rose-gottemoeller", "nato-deputy-secretary-general", "start", "2016-10-17"),
        ("alexander-vershbow", "nato-deputy-secretary-general", "end", "2016-10-16"),
    }


def test_entered_office_gives_the_first_day(knowledge: Knowledge) -> None:
    ex = draft(
        "A new chair for the Union's military committee\n"
        "Brussels, 12 November 2015\n"
        "General Mikhail Kostarakos is the new Chairman of the EU Military Committee. "
        "General Kostarakos succeeds French General Patrick de Rousiers. General Mikhail "
        "Kostarakos has led the Hellenic forces since 24 January 2011 and entered office as "
        "the permanent Chairman of the EU Military Committee on 6 November 2015.\n",
        knowledge,
    )
    assert tenures(ex) == {
        ("mikhail-kostarakos", "ceumc", "start", "2015-11-06"),
        ("patrick-de-rousiers", "ceumc", "end", "2015-11-05"),
    }


def test_a_handover_of_a_post_from_one_holder_to_his_successor_today(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "Remarks by the High Representative at the handover ceremony\n"
        "Brussels, 30 June 2020\n"
        "It is an honour to join you today for the handover of the Director General of the "
        "EU Military Staff, Lieutenant General Esa Pulkkinen, to his successor Vice-Admiral "
        "Hervé Bléjean. When General Pulkkinen took office in 2016, the staff was smaller.\n",
        knowledge,
    )
    assert tenures(ex) == {
        ("herve-blejean", "dgeums", "start", "2020-06-30"),
        ("esa-pulkkinen", "dgeums", "end", "2020-06-29"),
    }


# ---------------------------------------------------------------------------- who hosts


def roles(ex: Extraction) -> set[tuple[str, str]]:
    assert ex.meeting is not None
    return {(p.who.iri.rsplit("/", 1)[-1], p.role) for p in ex.meeting.participants}


def test_a_visit_to_the_other_sides_house_is_hosted_by_that_side(knowledge: Knowledge) -> None:
    ex = draft(
        "Secretary General: the two organisations pull together\n"
        "On Wednesday (3 December 2014) NATO Secretary General Jens Stoltenberg met with "
        "Donald Tusk, the President of the European Council, at the headquarters of the "
        "Council, a few days after Mr Tusk took office.\n",
        knowledge,
    )
    assert ex.kind.value == "leaders-meeting"  # one sentence about leaders meeting is enough
    assert ex.meeting is not None and ex.meeting.date is not None
    assert ex.meeting.date.value == "2014-12-03"
    assert roles(ex) == {("donald-tusk", "host"), ("jens-stoltenberg", "guest")}


def test_welcoming_an_owners_work_welcomes_no_one(knowledge: Knowledge) -> None:
    ex = draft(
        "Secretary General sees the new High Representative\n"
        "Brussels, 4 December 2019\n"
        "On Wednesday (4 December 2019) NATO Secretary General Jens Stoltenberg met with "
        "Josep Borrell at the headquarters of the European External Action Service. "
        "Mr Stoltenberg welcomed the Union's recent work on mobility.\n",
        knowledge,
    )
    assert roles(ex) == {("josep-borrell", "host"), ("jens-stoltenberg", "guest")}


def test_meeting_the_other_sides_leaders_is_their_guest(knowledge: Knowledge) -> None:
    ex = draft(
        "Secretary General talks defence with EU leaders\n"
        "Brussels, 22 June 2017\n"
        "NATO Secretary General Jens Stoltenberg met with EU leaders on Thursday (22 June 2017) "
        "to discuss defence spending.\n",
        knowledge,
    )
    assert roles(ex) == {("jens-stoltenberg", "guest")}
    own = draft(
        "High Representative talks defence with EU leaders\n"
        "Brussels, 22 June 2017\n"
        "High Representative Federica Mogherini met with EU leaders on Thursday (22 June 2017) "
        "to discuss defence spending.\n",
        knowledge,
    )
    guests = (
        {p.who.name for p in own.meeting.participants if p.role == "guest"}
        if own.meeting
        else set()
    )
    assert not guests


def test_addressing_leaders_in_a_council_is_its_guest(knowledge: Knowledge) -> None:
    ex = draft(
        "12 de marzo de 2021\n"
        "Secretary General speaks to EU leaders\n"
        "On Thursday (25 February 2021) NATO Secretary General Jens Stoltenberg addressed "
        "heads of government in the European Council.\n"
        "Standing alongside President Charles Michel, he called for closer work on resilience.\n",
        knowledge,
    )
    assert ex.meeting is not None and ex.meeting.date is not None
    assert ex.meeting.date.value == "2021-02-25"  # the day of the meeting, not the repost's
    assert roles(ex) == {
        ("european-council", "host"),
        ("jens-stoltenberg", "guest"),
        ("charles-michel", "participant"),
    }


def test_the_committee_its_chair_chairs_hosts(knowledge: Knowledge) -> None:
    ex = draft(
        "EU defence chiefs gather in Brussels\n"
        "Brussels, 16 May 2018\n"
        "The EU Chiefs of Defence met in Brussels on 15 May 2018 at their level. "
        "General Mikhail Kostarakos chaired the meeting.\n",
        knowledge,
    )
    assert ex.kind.value == "council-meeting"
    assert roles(ex) == {("eumc", "host"), ("mikhail-kostarakos", "chair")}


def test_the_committee_the_title_names_hosts(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO Military Committee in Chiefs of Defence Session\n"
        "Brussels, 19 January 2012\n"
        "Chiefs of Defence of the Allies met at NATO Headquarters on 18 January 2012. "
        "Admiral James Stavridis attended the meeting.\n",
        knowledge,
    )
    assert ("nato-military-committee", "host") in roles(ex)


def test_co_chairs_named_by_title_first(knowledge: Knowledge) -> None:
    ex = draft(
        "Military staffs of NATO and the EU hold informal talks\n"
        "29 Jan. 2014\n"
        "Representatives of the IMS and the EUMS met yesterday at NATO Headquarters, in talks "
        "co-chaired by the Directors General of both staffs.\n"
        "Opening the talks, Air Marshal Sir Christopher Harper (DGIMS) and Lieutenant General "
        "Wolfgang Wosolsobe (DGEUMS) underlined that the two staffs complement each other.\n",
        knowledge,
    )
    assert {("christopher-harper", "co-chair"), ("wolfgang-wosolsobe", "co-chair")} <= roles(ex)


# ---------------------------------------------------------------------------- council acts


def adoptions(ex: Extraction) -> set[tuple[str, str, str, str]]:
    return {
        (a.document.value, a.by.value, a.kind, a.date.value if a.date else "") for a in ex.adoptions
    }


def test_conclusions_a_headline_says_the_council_adopt(knowledge: Knowledge) -> None:
    ex = draft(
        "Relations with NATO\n"
        "Select a page\n"
        "The EU's work with its partners is an essential part of its external action.\n"
        "Its delegations speak for the Union and its member states.\n"
        "6 December 2016, Brussels – Security and defence: Council adopt conclusions to follow "
        "up the Joint Declaration\n"
        "1. The Council recalls its earlier conclusions on security and defence.\n",
        knowledge,
    )
    assert ex.kind.value == "endorsement"
    assert adoptions(ex) == {
        (
            "conclusions to follow up the Joint Declaration",
            "Council of the European Union",
            "adopted",
            "2016-12-06",
        )
    }
    assert [d.label for d in ex.documents] == ["conclusions to follow up the Joint Declaration"]


def test_allies_due_to_adopt_a_concept_have_not_adopted_it(knowledge: Knowledge) -> None:
    ex = draft(
        "Council approves the Compass\n"
        "Brussels, 21 March 2022\n"
        "The Council today approved the EU Strategic Compass for Security and Defence. "
        "It is coherent with the NATO 2022 Strategic Concept, which Allies are due to adopt "
        "in Madrid in June.\n",
        knowledge,
    )
    assert {a.by.value for a in ex.adoptions} == {"Council of the European Union"}


def test_a_dateline_opening_the_first_sentence_is_not_the_day_of_the_act(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "date 2017-12-06 BRUSSELS --- Yesterday the EU and NATO Councils endorsed a common set "
        "of new proposals, the second since the Joint Declaration.\n",
        knowledge,
    )
    assert {(a.by.value, a.date.value if a.date else "") for a in ex.adoptions} == {
        ("Council of the European Union", "2017-12-05"),
        ("North Atlantic Council", "2017-12-05"),
    }


def test_a_report_taken_note_of_today_in_an_undated_release(knowledge: Knowledge) -> None:
    ex = draft(
        "EU-NATO: eighth progress report looks back on a year of cooperation\n"
        "Today the Council took note of the eighth progress report, which covers the 74 common "
        "proposals that were endorsed by the EU and NATO Councils on 6 December 2016 and 5 "
        "December 2017.\n"
        "The report covers the year from June 2022 to May 2023.\n",
        knowledge,
    )
    assert ex.release_date is None  # a date deep in a long first sentence is no dateline
    assert ex.kind.value == "progress-report"
    assert [(a.by.value, a.kind, a.date) for a in ex.adoptions] == [
        ("Council of the European Union", "presented", None)  # "today": the curator's to give
    ]


# ---------------------------------------------------------------------------- meeting days


def test_a_day_without_a_year_in_a_release_that_names_only_its_year(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO and EU military staffs review their work together\n"
        "Air Marshal Sir Christopher Harper and Lieutenant General Wolfgang Wosolsobe co-chaired "
        "on 4 June the first informal IMS-EUMS staff talks of 2015.\n",
        knowledge,
    )
    assert ex.release_date is None
    assert ex.meeting is not None and ex.meeting.date is not None
    assert ex.meeting.date.value == "2015-06-04"  # that year's, not the nearer 2016


def test_a_meeting_the_header_dates_over_two_days_began_on_the_first(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "Chiefs of Defence end their session at NATO\n"
        "  • 18 Jan. 2012 - 19 Jan. 2012\n"
        "Brussels, 19 Jan 2012 – Allied Chiefs of Defence today wrapped up a two-day meeting "
        "of the NATO Military Committee at NATO Headquarters.\n",
        knowledge,
    )
    assert ex.meeting is not None and ex.meeting.date is not None
    assert ex.meeting.date.value == "2012-01-18"


def test_at_a_hosted_meeting_the_other_side_is_guest_and_the_hosts_side_takes_part(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "EU defence chiefs meet for the last time this year\n"
        "Brussels, 21 November 2019\n"
        "The EU Chiefs of Defence met in Brussels on 20 November 2019. General Claudio "
        "Graziano chaired it.\n"
        "Air Chief Marshal Sir Stuart Peach, Chairman of the NATO Military Committee, "
        "participated in the session on EU-NATO cooperation.\n",
        knowledge,
    )
    assert roles(ex) == {
        ("eumc", "host"),
        ("claudio-graziano", "chair"),
        ("stuart-peach", "guest"),
    }


def test_a_hosts_colleague_takes_part_rather_than_visits(knowledge: Knowledge) -> None:
    ex = draft(
        "EU Military Staff receives NATO military staff\n"
        "Brussels, 25 November 2022\n"
        "On 25 November 2022, Vice Admiral Hervé Bléjean, Director General of the EU Military "
        "Staff, welcomed Lieutenant General Janusz Adamczak, Director General of the NATO "
        "International Military Staff, to the EUMS headquarters.\n"
        "Opening the talks, Vice Admiral Bléjean and his deputy, Major General Giovanni "
        "Manione, attended a first session on the joint work plan.\n",
        knowledge,
    )
    assert {("herve-blejean", "host"), ("janusz-adamczak", "guest")} <= roles(ex)
    assert ("giovanni-manione", "participant") in roles(ex)


def test_a_second_guest_after_and_with_and_a_post_after_its_owner(knowledge: Knowledge) -> None:
    ex = draft(
        "EU Chiefs of Defence meet\n"
        "Brussels, 8 November 2017\n"
        "The EU Chiefs of Defence met in the European Union Military Committee on 7 November "
        "2017. In the afternoon the Chiefs turned to military mobility together with the "
        "Chairman of the NATO Military Committee, General Petr Pavel, and also with General "
        "Curtis Scaparrotti, NATO's Supreme Allied Commander Europe.\n",
        knowledge,
    )
    assert {("petr-pavel", "guest"), ("curtis-scaparrotti", "guest")} <= roles(ex)
    assert ex.meeting is not None
    posts = {
        p.who.iri.rsplit("/", 1)[-1]: p.capacity.thing.iri.rsplit("/", 1)[-1]
        for p in ex.meeting.participants
        if p.capacity and p.capacity.thing
    }
    assert posts["curtis-scaparrotti"] == "saceur"


# ---------------------------------------------------------------------------- subjects


def subjects(ex: Extraction) -> set[str]:
    assert ex.meeting is not None
    return {a.thing.iri.rsplit("/", 1)[-1] for a in ex.meeting.about if a.thing}


@pytest.mark.parametrize(
    "sentence",
    [
        "Their talks looked at ways to strengthen NATO's cooperation with the European Union.",
        "He made the case for strengthening EU-NATO cooperation further.",
        "Next, the Chiefs examined the state of EU-NATO cooperation.",
        "The Chairman shared his views on NATO-EU cooperation as well.",
        "They looked for avenues for deeper NATO-EU cooperation.",
        "Opening the talks, she underlined the importance of EU-NATO cooperation.",
        "Both sides hoped to enhance NATO-EU cooperation at every level.",
        "He stressed the value of increased NATO-EU cooperation in the years ahead.",
    ],
)
def test_eu_nato_cooperation_taken_up_in_other_words(sentence: str, knowledge: Knowledge) -> None:
    ex = draft(
        "The Secretary General at the European Commission\n"
        "Brussels, 15 December 2020\n"
        "Secretary General Jens Stoltenberg met President Ursula von der Leyen at the European "
        f"Commission on 15 December 2020. {sentence}\n",
        knowledge,
    )
    assert "eu-nato-cooperation" in subjects(ex)


def test_eu_nato_cooperation_named_in_passing_is_no_subject(knowledge: Knowledge) -> None:
    ex = draft(
        "The Secretary General at the European Commission\n"
        "Brussels, 15 December 2020\n"
        "Secretary General Jens Stoltenberg met President Ursula von der Leyen at the European "
        "Commission on 15 December 2020. EU-NATO cooperation has grown for twenty years.\n",
        knowledge,
    )
    assert "eu-nato-cooperation" not in subjects(ex)


def test_a_long_list_of_who_took_part_and_briefed(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO Military Committee in Chiefs of Defence Session\n"
        "Brussels, 18 January 2012\n"
        "The Chiefs of Defence met at NATO Headquarters on 18 January 2012, chaired by General "
        "Knud Bartels.\n"
        "Admiral James Stavridis, Supreme Allied Commander Europe (SACEUR), and General "
        "Stéphane Abrial, Supreme Allied Commander Transformation (SACT), participated in the "
        "session together with the Chairman of the Military Committee of the European Union, "
        "General Hakan Syren.\n"
        "Later, Admiral Stavridis and General Abrial gave the Chiefs a short briefing on "
        "the operations under way.\n",
        knowledge,
    )
    assert roles(ex) == {
        ("nato-military-committee", "host"),
        ("knud-bartels", "chair"),
        ("james-stavridis", "participant"),  # one role each: the first the release gives
        ("stephane-abrial", "participant"),
        ("hakan-syren", "guest"),  # from the other organisation
    }


def test_a_new_documents_name_leaves_its_owner_out(knowledge: Knowledge) -> None:
    ex = draft(
        "IMS and EUMS directors meet\n"
        "Brussels, 6 June 2015\n"
        "The Directors General of the IMS and the EUMS met on 5 June 2015 at NATO Headquarters "
        "and discussed NATO's Readiness Action Plan.\n",
        knowledge,
    )
    assert [d.label for d in ex.documents] == ["Readiness Action Plan"]


def test_a_co_chaired_meeting_has_no_host_body(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO IMS hosts talks with the European Union Military Staff\n"
        "Brussels, 13 May 2016\n"
        "The talks, held at NATO Headquarters on 12 May 2016, had two co-chairs: Air Marshal "
        "Sir Christopher Harper for the IMS and Lieutenant General Wolfgang Wosolsobe for the "
        "EUMS.\n",
        knowledge,
    )
    assert roles(ex) == {("christopher-harper", "co-chair"), ("wolfgang-wosolsobe", "co-chair")}


def test_signatories_each_in_their_own_post_and_not_whom_a_speech_addresses(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "Second Joint Declaration signed\n"
        "Brussels, 10 July 2018\n"
        "Signing today for their institutions were Council President Donald Tusk, Commission "
        "President Jean-Claude Juncker and NATO Secretary General Jens Stoltenberg.\n"
        'After signing the declaration, Tusk told the press: "Dear President Trump, value '
        'your allies."\n',
        knowledge,
    )
    assert ex.meeting is not None
    people = {p.who.iri.rsplit("/", 1)[-1]: p for p in ex.meeting.participants}
    assert set(people) == {"donald-tusk", "jean-claude-juncker", "jens-stoltenberg"}
    juncker = people["jean-claude-juncker"].capacity
    assert juncker is not None and juncker.thing is not None
    assert juncker.thing.iri.endswith("post/commission-president")
    tusk = people["donald-tusk"].capacity  # the post after his name is Juncker's title
    assert tusk is None or tusk.thing is None or not tusk.thing.iri.endswith("commission-president")


def test_witnesses_and_quoted_signings_sign_nothing(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO and EU cyber teams sign an arrangement\n"
        "Brussels, 10 February 2016\n"
        "The arrangement was signed today at NATO Headquarters by Jens Stoltenberg and "
        "Federica Mogherini, in the presence of General Petr Pavel.\n"
        'Mr Serrano called "the signing of this arrangement" a step forward.\n',
        knowledge,
    )
    assert ex.meeting is not None
    assert {p.who.iri.rsplit("/", 1)[-1] for p in ex.meeting.participants} == {
        "jens-stoltenberg",
        "federica-mogherini",
    }


# ---------------------------------------------------------------------------- new posts


def test_posts_the_graph_does_not_know_are_offered_and_held(knowledge: Knowledge) -> None:
    ex = draft(
        "EU Chiefs of Defence meet in Brussels\n"
        "Brussels, 17 May 2017\n"
        "The EU Chiefs of Defence met on 16 May 2017. General Mikhail Kostarakos chaired the "
        "meeting.\n"
        "The Chiefs exchanged views with the Chief Executive of the European Defence Agency "
        "(EDA) Jorge Domecq and with Gen. John Allen, Commander ISAF.\n"
        "NATO's Senior Civilian Representative in Afghanistan, Ambassador Simon Gass, briefed "
        "the Chiefs on the transition.\n",
        knowledge,
    )
    assert ex.meeting is not None
    held = {
        p.who.name: p.capacity.value
        for p in ex.meeting.participants
        if p.capacity and p.capacity.thing and p.capacity.thing.iri.startswith("new:")
    }
    assert held == {
        "Jorge Domecq": "Chief Executive of the European Defence Agency",
        "John Allen": "Commander ISAF",
        "Simon Gass": "NATO Senior Civilian Representative in Afghanistan",
    }
    posts = sorted(c.name for c in ex.candidates if c.kind == "post")
    assert posts == sorted(held.values())
    text = render_draft(ex)
    assert "# posts:" in text and "#     in: TODO" in text


def test_a_post_written_owner_first_is_said_the_other_way_round(knowledge: Knowledge) -> None:
    ex = draft(
        "EU Chiefs of Defence meet in Brussels\n"
        "Brussels, 17 May 2017\n"
        "The EU Chiefs of Defence met on 16 May 2017. General Mikhail Kostarakos chaired the "
        "meeting.\n"
        "In a session of its own, the Ukraine Chief of Defence, General Viktor Muzhenko, "
        "briefed the Chiefs on the situation in his country.\n"
        "Brigadier General Anselme Dorval, the Central Africa Republic Chief of Defence, also "
        "attended.\n",
        knowledge,
    )
    assert ex.meeting is not None
    held = {
        p.who.name: p.capacity.value
        for p in ex.meeting.participants
        if p.capacity and p.capacity.thing and p.capacity.thing.iri.startswith("new:")
    }
    assert held == {
        "Viktor Muzhenko": "Chief of Defence of Ukraine",
        "Anselme Dorval": "Chief of Defence of the Central Africa Republic",
    }


def test_no_new_post_from_a_known_one_or_a_plain_sentence(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO Chiefs of Defence meet\n"
        "Brussels, 18 January 2012\n"
        "The Chiefs of Defence met at NATO Headquarters on 18 January 2012, chaired by General "
        "Knud Bartels, Chairman of the Military Committee.\n"
        "Admiral James Stavridis attended, and the Chiefs thanked him.\n",
        knowledge,
    )
    assert not [c for c in ex.candidates if c.kind == "post"]


@pytest.mark.parametrize(
    ("sentence", "host", "guest"),
    [
        (
            "On Monday (18 May 2015) NATO Secretary General Jens Stoltenberg joined the "
            "meeting of EU Defence and Foreign Ministers in Brussels.",
            "council-of-the-eu",
            "jens-stoltenberg",
        ),
        (
            "On Monday (18 May 2015) the High Representative Federica Mogherini joined the "
            "meeting of NATO Foreign Ministers in Brussels.",
            "north-atlantic-council",
            "federica-mogherini",
        ),
    ],
)
def test_ministers_meet_in_their_council(
    sentence: str, host: str, guest: str, knowledge: Knowledge
) -> None:
    ex = draft(f"A visit to the ministers\nBrussels, 18 May 2015\n{sentence}\n", knowledge)
    assert roles(ex) == {(host, "host"), (guest, "guest")}


def test_the_place_of_an_earlier_signing_is_not_this_ones(knowledge: Knowledge) -> None:
    ex = draft(
        "Second Joint Declaration signed\n"
        "10 July 2018\n"
        "The leaders signed the Joint Declaration today.\n"
        "Today's declaration builds on the one we signed in Warsaw two years ago.\n",
        knowledge,
    )
    assert ex.meeting is not None and ex.meeting.place is None


def test_last_week_names_no_day_and_an_earlier_endorsement_receives_nothing(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "Third progress report on EU-NATO cooperation published\n"
        "Brussels, 11 June 2018\n"
        "The third progress report was presented last week to the EU and NATO Councils.\n"
        "Each year such a report is presented to it as an account of proposals that were "
        "endorsed by the EU and NATO Councils in 2016 and 2017.\n",
        knowledge,
    )
    assert {(a.by.value, a.kind, a.date) for a in ex.adoptions} == {
        ("Council of the European Union", "presented", None),
        ("North Atlantic Council", "presented", None),
    }


def test_the_councils_that_endorsed_earlier_are_not_those_presented_to(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "EU-NATO: eighth progress report\n"
        "Brussels, 16 June 2023\n"
        "Today the Council took note of the eighth progress report.\n"
        "Reports of this kind are presented to the Council of the EU once a year, on proposals "
        "that were endorsed by the EU and NATO Councils in 2016 and 2017.\n",
        knowledge,
    )
    assert {a.by.value for a in ex.adoptions} == {"Council of the European Union"}


def test_an_unnumbered_report_presented_beside_an_endorsement(knowledge: Knowledge) -> None:
    ex = draft(
        "EU and NATO Councils endorse a new set of common proposals\n"
        "date 2017-12-06 BRUSSELS --- Yesterday the EU and NATO Councils endorsed a common set "
        "of new proposals, the second since the Joint Declaration.\n"
        "Also that day, a joint progress report was presented to the respective Councils by "
        "the two organisations' leaders.\n"
        "The new proposals, endorsed by both Councils, add counter-terrorism to the work.\n",
        knowledge,
    )
    assert ex.kind.value == "endorsement"
    presented = {
        (a.document.value, a.by.value, a.date.value if a.date else None)
        for a in ex.adoptions
        if a.kind == "presented"
    }
    report = "Second progress report on the EU–NATO common set of proposals"  # issued 2017-12-05
    assert presented == {
        (report, "Council of the European Union", "2017-12-05"),  # the day of the act before
        (report, "North Atlantic Council", "2017-12-05"),
    }


def test_the_chair_of_the_committee_named_before_his_name_chairs(knowledge: Knowledge) -> None:
    ex = draft(
        "EU military chiefs meet\n"
        "Brussels, 8 November 2017\n"
        "The European Union Military Committee met on 7 November 2017 at the level of Chiefs "
        "of Defence to discuss military mobility.\n"
        "Afterwards, as chair of the committee, General Mikhail Kostarakos told journalists "
        "that the talks had gone well.\n",
        knowledge,
    )
    assert ("mikhail-kostarakos", "chair") in roles(ex)


def test_conclusions_under_their_own_heading_are_the_councils(knowledge: Knowledge) -> None:
    ex = draft(
        "EU and NATO: the Council takes stock of the work in common\n"
        "Council conclusions on the fourth progress report on the implementation of the "
        "common set of proposals\n"
        "1. The Council recalls its earlier conclusions and welcomes the close work with NATO "
        "in all the agreed areas.\n"
        "2. The Council looks forward to the next report.\n",
        knowledge,
    )
    assert ex.kind.value == "endorsement"
    acts = {(a.document.value, a.by.value, a.kind) for a in ex.adoptions}
    heading = (
        "Council conclusions on the fourth progress report on the implementation of the "
        "common set of proposals"
    )
    assert acts == {
        (heading, "Council of the European Union", "adopted"),
        (
            "Fourth progress report on the EU–NATO common set of proposals",
            "Council of the European Union",
            "presented",
        ),
    }
    assert [(d.label, d.type.value if d.type else None) for d in ex.documents] == [
        (heading, "policy")
    ]


@pytest.mark.parametrize("with_cmc", [True, False])
def test_the_chiefs_series_needs_the_chair_of_the_nato_military_committee(
    with_cmc: bool, knowledge: Knowledge
) -> None:
    guest = (
        " General Petr Pavel, Chairman of the NATO Military Committee, attended."
        if with_cmc
        else ""
    )
    ex = draft(
        "EU Chiefs of Defence meet\n"
        "Brussels, 16 May 2018\n"
        "The EU Chiefs of Defence met in the European Union Military Committee on 15 May 2018, "
        f"chaired by General Mikhail Kostarakos.{guest}\n",
        knowledge,
    )
    assert ex.meeting is not None
    series = ex.meeting.series.thing.iri if ex.meeting.series and ex.meeting.series.thing else None
    assert (series is not None and series.endswith("eumc-chods-with-cmc")) == with_cmc


def test_a_committees_meeting_in_light_of_a_summit_is_no_summit(knowledge: Knowledge) -> None:
    ex = draft(
        "Chiefs of Defence meet at NATO\n"
        "Brussels, 18 January 2012\n"
        "With General Knud Bartels in the chair, the Allied Chiefs of Defence met in Brussels "
        "on 18 January 2012, in light of the Chicago Summit planned for May.\n",
        knowledge,
    )
    assert ex.meeting is not None and ex.meeting.series is None


def test_the_common_set_of_proposals_briefed_on_is_every_set_of_its_day(
    knowledge: Knowledge,
) -> None:
    ex = draft(
        "EU Chiefs of Defence meet\n"
        "Brussels, 21 November 2019\n"
        "The EU Chiefs of Defence met on 20 November 2019 and heard a briefing on where the "
        "common set of proposals stands.\n",
        knowledge,
    )
    assert {"common-set-of-proposals-2016", "common-set-of-proposals-2017"} <= subjects(ex)
    ex = draft(
        "NATO and EU ambassadors meet\n"
        "Brussels, 20 March 2024\n"
        "The North Atlantic Council and the EU Political and Security Committee met at NATO "
        "Headquarters on 20 March 2024 to discuss hybrid threats.\n"
        "The North Atlantic Council and the Political and Security Committee had met twice "
        "last year.\n"
        "The exchange drew on the eighth progress report on the implementation of the common "
        "set of proposals.\n",
        knowledge,
    )
    assert not {"common-set-of-proposals-2016", "common-set-of-proposals-2017"} & subjects(ex)


def test_new_signatories_named_after_new_posts(knowledge: Knowledge) -> None:
    ex = draft(
        "NATO and EU cyber teams sign an arrangement\n"
        "Brussels, 10 February 2016\n"
        "The arrangement was signed today at NATO Headquarters by Head of CERT-EU Anna Berg "
        "and Head of NCIRC Tom Hale, in the presence of General Petr Pavel.\n",
        knowledge,
    )
    assert ex.meeting is not None
    signed = {
        (p.who.name, p.capacity.value if p.capacity else None) for p in ex.meeting.participants
    }
    assert signed == {("Anna Berg", "Head of CERT-EU"), ("Tom Hale", "Head of NCIRC")}
    assert {c.name for c in ex.candidates if c.kind == "person"} == {"Anna Berg", "Tom Hale"}


def test_an_acronym_before_words_that_name_a_body_stays_one_name(knowledge: Knowledge) -> None:
    ex = draft(
        "EU and NATO bodies meet\n"
        "Brussels, 20 September 2022\n"
        "General Robert Brieger met experts of the EU Satellite Centre on 20 September 2022.\n",
        knowledge,
    )
    assert "EU Satellite Centre" in {c.name for c in ex.candidates if c.kind == "organisation"}


@pytest.mark.parametrize(
    "sentence",
    [
        "During the meeting they focused on EU military operations and EU military capabilities.",
        "They also reviewed capabilities initiatives of the Union.",
        "The discussion focused on the coherence of their capability priorities.",
    ],
)
def test_defence_capabilities_in_other_words(sentence: str, knowledge: Knowledge) -> None:
    ex = draft(
        "EU Chiefs of Defence meet\n"
        "Brussels, 16 May 2018\n"
        f"The EU Chiefs of Defence met on 15 May 2018. {sentence}\n",
        knowledge,
    )
    assert "defence-capabilities" in subjects(ex)


def test_capabilities_in_passing_are_no_subject(knowledge: Knowledge) -> None:
    ex = draft(
        "EU Chiefs of Defence meet\n"
        "Brussels, 16 May 2018\n"
        "The EU Chiefs of Defence met on 15 May 2018 to discuss military mobility. Their "
        "armed forces have built their military capabilities over decades.\n",
        knowledge,
    )
    assert "defence-capabilities" not in subjects(ex)
