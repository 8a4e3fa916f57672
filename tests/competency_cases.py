"""Competency questions with their exact expected answers.

The answers were written from ../shared/reference/facts.md and the source article, not
copied from query output. Each case names the query, its parameters, the column(s) it
compares, and the expected rows; ``ordered`` cases compare the order as well.
docs/competency-questions.md is generated from this file (scripts/make-competency-doc.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ID = "https://w3id.org/nato-eu-graph/id/"
SEED = "https://www.nato.int/cps/en/natohq/news_188657.htm"
MEETING = "id:meeting/ims-eums-2021-11-16"

COMMON_2021 = [
    "Belgium",
    "Bulgaria",
    "Croatia",
    "Czechia",
    "Denmark",
    "Estonia",
    "France",
    "Germany",
    "Greece",
    "Hungary",
    "Italy",
    "Latvia",
    "Lithuania",
    "Luxembourg",
    "Netherlands",
    "Poland",
    "Portugal",
    "Romania",
    "Slovakia",
    "Slovenia",
    "Spain",
]
# Every page the curated data cites: the 48 addresses of facts.md, plus four found while
# curating (the Allied Air Command page for ACO > AIRCOM, NATO's press conference of
# 2019-11-20, and two reports on the succession of the EU Military Committee's chair).
SOURCES = [
    "https://ac.nato.int/archive/2020/NATO_Space_Centre_at_AIRCOM",
    "https://ambasadat.gov.al/otan/en/montenegro-joins-nato-29th-ally",
    "https://ccdcoe.org/incyder-articles/nato-recognises-cyberspace-as-a-domain-of-operations-at-warsaw-summit/",
    "https://en.difesaonline.it/evidenza/eventi/la-nato-conta-ora-32-paesi",
    "https://en.wikipedia.org/wiki/Allied_Air_Command",
    "https://en.wikipedia.org/wiki/Esa_Pulkkinen",
    "https://en.wikipedia.org/wiki/European_Union_Military_Staff",
    "https://eucyberdirect.eu/content_knowledge_hu/eu-nato-joint-declaration/",
    "https://eur-lex.europa.eu/legal-content/EN/AUTO/?uri=CELEX%3A52023JC0009",
    "https://europa.eu/european-union/about-eu/countries_en",
    "https://govconexec.com/2025/01/italian-officer-takes-over-nato-military-committee/",
    "https://index.hu/kulfold/2024/12/09/kaja-kallas-angela-merkel-orban-viktor-europai-unio-kulugyi-fokepviselo/",
    "https://marinebouw.nl/nato-eu-senior-military-officials-deepen-military-eu-nato-cooperation/",
    "https://miragenews.com/chair-of-nato-military-committee-air-chief-585146",
    "https://miragenews.com/nato-and-eu-directors-general-of-military-798914",
    "https://miragenews.com/nato-hosts-19th-ims-eums-directors-general-1020538",
    "https://miragenews.com/nato-to-welcome-finland-as-31st-alliance-member-981725",
    "https://nato.int/cps/en/natohq/news_228973.htm",
    "https://natowatch.org/newsbriefs/2020/north-macedonia-becomes-30th-member-nato",
    "https://news.alayham.com/content/potsdam-agreement-notwithstanding-nato-celebrates-60-years-german-membership",
    "https://simple.wikipedia.org/wiki/High_Representative_of_the_Union_for_Foreign_Affairs_and_Security_Policy",
    "https://tvpworld.com/76689987/seven-cee-nations-mark-20-years-in-nato",
    "https://webarchive.library.unt.edu/eot2008/20090512114922/http://www.america.gov/st/peacesec-english/2009/April/20090401130205dmslahrellek0.6114008.html",
    "https://www.dw.com/en/eu-and-nato-sign-joint-call-for-cooperation-amid-ukraine-war/a-64335117",
    "https://www.europeansources.info/record/a-strategic-compass-for-security-and-defence-for-a-european-union-that-protects-its-citizens-values-and-interests-and-contributes-to-international-peace-and-security/",
    "https://www.forzearmate.org/gen-graziano-al-vertice-del-comitato-militare-unione-europea/",
    "https://www.globalsecurity.org/military/library/news/2023/06/mil-230628-eeas03.htm",
    "https://www.irishtimes.com/ireland/2024/05/16/neutrality-helped-ireland-land-top-eu-military-role-says-defence-forces-chief/",
    "https://www.latimes.com/archives/la-xpm-1999-apr-25-mn-32062-story.html",
    "https://www.lexology.com/library/detail.aspx?g=227f4f5d-d153-4b68-8448-7fb256f17b54",
    "https://www.nato.int/cps/en/natohq/news_120464.htm",
    "https://www.nato.int/cps/en/natohq/news_134267.htm",
    "https://www.nato.int/cps/en/natohq/news_167904.htm",
    "https://www.nato.int/cps/en/natohq/news_170975.htm",
    "https://www.nato.int/cps/en/natohq/news_171020.htm",
    "https://www.nato.int/cps/en/natohq/news_171297.htm",
    "https://www.nato.int/cps/en/natohq/news_185480.htm",
    "https://www.nato.int/cps/en/natohq/news_186878.htm",
    "https://www.nato.int/cps/en/natohq/news_188657.htm",
    "https://www.nato.int/cps/en/natohq/news_197974.htm",
    "https://www.nato.int/cps/en/natohq/news_198037.htm",
    "https://www.nato.int/cps/en/natohq/news_68172.htm",
    "https://www.nato.int/cps/en/natohq/news_84445.htm",
    "https://www.nato.int/cps/en/natohq/official_texts_156626.htm",
    "https://www.nato.int/cps/en/natohq/official_texts_190862.htm",
    "https://www.nato.int/cps/en/natohq/opinions_171022.htm",
    "https://www.nato.int/cps/en/natohq/topics_210907.htm",
    "https://www.nato.int/cps/en/natolive/news_106692.htm",
    "https://www.thejournal.ie/irish-eumc-european-union-military-sean-clancy-rossa-mulcahy-6641208-Mar2025/",
    "https://www.vindobona.org/article/austrian-new-chairman-of-the-european-union-military-committee",
]

NATO_ONLY_2021 = [
    "Albania",
    "Canada",
    "Iceland",
    "Montenegro",
    "North Macedonia",
    "Norway",
    "Türkiye",
    "United Kingdom",
    "United States",
]
EU_ONLY_2021 = ["Austria", "Cyprus", "Finland", "Ireland", "Malta", "Sweden"]


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    query: str
    params: dict[str, str]
    columns: tuple[str, ...]
    expected: list[tuple[str, ...]]
    ordered: bool = False
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


def cited_in(name: str) -> set[str]:
    """Every address a file of data/ cites with dct:source, read from its text (not from a
    store or a query)."""
    text = (Path(__file__).resolve().parents[1] / "data" / name).read_text(encoding="utf-8")
    groups = re.findall(r"dct:source\s+((?:<[^>]+>\s*,\s*)*<[^>]+>)", text)
    return {url for group in groups for url in re.findall(r"<([^>]+)>", group)}


# The second curation round: the post holders of 1999-2025 (data/holders.ttl, one page or
# more per tenure), the meetings of every channel (data/channels.ttl), the series and
# bodies they belong to, and pages found while mending facts of the first round.
ADDED_SOURCES = sorted(
    (
        cited_in("holders.ttl")
        | cited_in("channels.ttl")
        | {
            "https://www.iai.it/en/pubblicazioni/observatory-european-defence-february-2001",
            "https://www.denederlandsegrondwet.nl/id/vk4f71ikl3yg/nieuws/lt_general_esa_pulkkinen_takes_over_as",
            "https://club.bruxelles2.eu/2020/07/letat-major-la-voix-de-lexpertise-militaire-dans-lue-il-faut-que-leurope-apprenne-le-langage-de-la-puissance-entretien-herve-blejean",
            "https://www.bundesheer.at/english/dynmod/artikel.php?id=4094",
            # the citation audit's mends (../shared/reference/citation-audit.md)
            "https://shape.nato.int/page13435216",
            "https://stampinformationday.blogspot.com/search?max-results=10&reverse-paginate=true&updated-max=2024-08-25T06%3A00%3A00%2B05%3A30",
            "https://www.nato.int/cps/en/natohq/opinions_156749.htm",
            "https://www.sta.si/3148320",
            "https://www.pravda.com.ua/eng/news/2024/10/1/7477583/",
            "https://www.dw.com/en/mark-rutte-takes-over-as-nato-chief/a-70371118?maca=en-rss-en-top-1022-rdf",
            "https://www.nato.int/cps/en/natohq/news_113404.htm",
            "https://www.theyworkforyou.com/wms/?id=2019-12-20.HCWS4.h",
            "https://www.aljazeera.com/economy/2019/12/4/nato-declares-space-an-operational-domain",
        }
    )
    - set(SOURCES)
)


def rows(*values: str) -> list[tuple[str, ...]]:
    return [(v,) for v in values]


CASES: list[Case] = [
    Case(
        "CQ01",
        "Which states were members of both NATO and the EU on 16 November 2021?",
        "common-members",
        {"date": "2021-11-16"},
        ("name",),
        rows(*COMMON_2021),
        ordered=True,
        note="the 21 members in common that the source article names",
    ),
    Case(
        "CQ02",
        "... on the UK's last day in the EU, 31 January 2020 (closed intervals)?",
        "common-members",
        {"date": "2020-01-31"},
        ("name",),
        rows(*sorted([*COMMON_2021, "United Kingdom"])),
    ),
    Case(
        "CQ03",
        "... on the day after, 1 February 2020?",
        "common-members",
        {"date": "2020-02-01"},
        ("name",),
        rows(*COMMON_2021),
    ),
    Case(
        "CQ04",
        "... on the day Finland joined NATO, 4 April 2023?",
        "common-members",
        {"date": "2023-04-04"},
        ("name",),
        rows(*sorted([*COMMON_2021, "Finland"])),
    ),
    Case(
        "CQ05",
        "... on 3 April 2023, the day before?",
        "common-members",
        {"date": "2023-04-03"},
        ("name",),
        rows(*COMMON_2021),
    ),
    Case(
        "CQ06",
        "... on the day Sweden joined NATO, 7 March 2024?",
        "common-members",
        {"date": "2024-03-07"},
        ("name",),
        rows(*sorted([*COMMON_2021, "Finland", "Sweden"])),
    ),
    Case(
        "CQ07",
        "Which states were members of NATO on 16 November 2021?",
        "members-on-date",
        {"org": "NATO", "date": "2021-11-16"},
        ("name",),
        rows(*sorted([*COMMON_2021, *NATO_ONLY_2021])),
    ),
    Case(
        "CQ08",
        "How many members did each organisation have on 16 November 2021?",
        "membership-counts",
        {"date": "2021-11-16"},
        ("name", "members"),
        [("European Union", "27"), ("North Atlantic Treaty Organization", "30")],
    ),
    Case(
        "CQ09",
        "How many members did each organisation have on 31 January 2020?",
        "membership-counts",
        {"date": "2020-01-31"},
        ("name", "members"),
        [("European Union", "28"), ("North Atlantic Treaty Organization", "29")],
    ),
    Case(
        "CQ10",
        "Which states were in only one of NATO and the EU on 16 November 2021?",
        "states-in-one-only",
        {"date": "2021-11-16"},
        ("name", "onlyIn"),
        [(s, "EU") for s in EU_ONLY_2021] + [(s, "NATO") for s in NATO_ONLY_2021],
    ),
    Case(
        "CQ11",
        "Which organisations has the United Kingdom belonged to, and when?",
        "state-memberships",
        {"state": "id:state/united-kingdom"},
        ("orgName", "since", "until"),
        [
            ("North Atlantic Treaty Organization", "1949-08-24", ""),
            ("European Union", "1973-01-01", "2020-01-31"),
        ],
        ordered=True,
    ),
    Case(
        "CQ12",
        "Who was Director General of the IMS on 16 November 2021?",
        "post-holder-on-date",
        {"post": "DGIMS", "date": "2021-11-16"},
        ("name",),
        rows("Hans-Werner Wiermann"),
    ),
    Case(
        "CQ13",
        "Who was DGIMS on the handover day, 14 July 2022?",
        "post-holder-on-date",
        {"post": "DGIMS", "date": "2022-07-14"},
        ("name",),
        rows("Hans-Werner Wiermann", "Janusz Adamczak"),
    ),
    Case(
        "CQ14",
        "Who was Deputy Director General of the EU Military Staff on 16 November 2021?",
        "post-holder-on-date",
        {"post": "Deputy Director General of the EU Military Staff", "date": "2021-11-16"},
        ("name",),
        rows("Giovanni Manione"),
        note="attested on that day only; his start and end are not sourced",
    ),
    Case(
        "CQ15",
        "Who has held the post of Director General of the EU Military Staff?",
        "post-history",
        {"post": "DGEUMS"},
        ("name", "from", "to"),
        [
            ("Rainer Schuwirth", "2001-06-11", "2004-03-01"),
            ("Jean-Paul Perruche", "2004-03-01", "2007-02-28"),
            ("David Leakey", "2007-02-28", ""),
            ("Wolfgang Wosolsobe", "2013-05-28", "2016-05-26"),
            ("Wolfgang Wosolsobe", "2013-05-28", "2016-05-26"),
            ("Esa Pulkkinen", "2016-05-26", "2020-06-30"),
            ("Hervé Bléjean", "", "2023-06-28"),
            ("Hervé Bléjean", "", "2023-06-28"),
            ("Michiel van der Laan", "2023-06-28", ""),
        ],
        note="one row per attested day: Wosolsobe is also attested on 2014-01-27 and "
        "2015-06-05, Bléjean (whose first day no source gives) on 2021-11-16 and 2022-06-10; "
        "Leakey's last day (2010) and van Osch's first are not sourced to the day, so van Osch "
        "is left out",
    ),
    Case(
        "CQ16",
        "Which posts has Hans-Werner Wiermann held?",
        "person-posts",
        {"person": "Wiermann"},
        ("postName", "from", "to"),
        [("Director General of the NATO International Military Staff", "2019-07-11", "2022-07-14")],
    ),
    Case(
        "CQ17",
        "Who was in office on 16 November 2021?",
        "officials-on-date",
        {"date": "2021-11-16"},
        ("name",),
        rows(
            "Rob Bauer",
            "Claudio Graziano",
            "Giovanni Manione",
            "Hervé Bléjean",
            "Hans-Werner Wiermann",
            "Josep Borrell",
            "Jens Stoltenberg",
            "Philippe Lavigne",
            "Mircea Geoană",
            "Tod D. Wolters",
            "Charles Michel",
            "Ursula von der Leyen",
            "Stefano Sannino",
        ),
        note="one holder for each of the 13 posts with a holder that day (the High "
        "Representative for the CFSP ended in 2009)",
    ),
    Case(
        "CQ18",
        "Who hosted, attended and briefed at the IMS–EUMS meeting of 16 November 2021, "
        "in which capacity and on whose behalf?",
        "meeting-participants",
        {"meeting": MEETING},
        ("name", "role", "capacity", "onBehalfOf"),
        [
            (
                "Hans-Werner Wiermann",
                "host",
                "Director General of the NATO International Military Staff",
                "",
            ),
            ("NATO International Military Staff", "host", "", ""),
            (
                "Giovanni Manione",
                "guest",
                "Deputy Director General of the European Union Military Staff",
                "Hervé Bléjean",
            ),
            ("European Union Military Staff", "guest", "", ""),
            ("EEAS Security and Defence Policy Directorate", "briefer", "", ""),
            ("Allied Command Transformation", "briefer", "", ""),
        ],
    ),
    Case(
        "CQ19",
        "Who briefed on what at that meeting?",
        "meeting-briefings",
        {"meeting": MEETING},
        ("name", "topicName"),
        [
            ("Allied Command Transformation", "NATO space activities"),
            ("Allied Command Transformation", "Space"),
            ("EEAS Security and Defence Policy Directorate", "EU–NATO Joint Declaration of 2016"),
            ("EEAS Security and Defence Policy Directorate", "EU–NATO Joint Declaration of 2018"),
            (
                "EEAS Security and Defence Policy Directorate",
                "implementation of the EU–NATO Joint Declarations",
            ),
        ],
    ),
    Case(
        "CQ20",
        "Which documents did that meeting discuss, and when were they adopted?",
        "meeting-documents",
        {"meeting": MEETING},
        ("title", "adoptedBy", "kind", "day"),
        [
            (
                "EU Strategic Compass for Security and Defence",
                "Council of the European Union",
                "approved",
                "2022-03-21",
            ),
            (
                "EU Strategic Compass for Security and Defence",
                "European Council",
                "endorsed",
                "2022-03-25",
            ),
            (
                "NATO 2022 Strategic Concept",
                "North Atlantic Treaty Organization",
                "adopted",
                "2022-06-29",
            ),
            *[
                (f"EU–NATO Joint Declaration of {y}", body, "signed", day)
                for y, day in (("2016", "2016-07-08"), ("2018", "2018-07-10"))
                for body in (
                    "European Commission",
                    "European Council",
                    "North Atlantic Treaty Organization",
                )
            ],
        ],
    ),
    Case(
        "CQ21",
        "Which meetings of the IMS–EUMS Directors General conference are known?",
        "series-meetings",
        {"series": "IMS-EUMS Directors General conference"},
        ("day", "ordinal"),
        [
            ("2014-01-27", ""),
            ("2014-12-05", ""),
            ("2015-06-05", ""),
            ("2015-12-15", ""),
            ("2016-05-12", ""),
            ("2018-06-19", ""),
            ("2018-11-26", ""),
            ("2019-05-29", ""),
            ("2019-11-25", ""),
            ("2020-05-19", ""),
            ("2021-11-16", ""),
            ("2022-06-10", "17"),
            ("2022-11-25", "18"),
            ("2023-06-02", "19"),
            ("2023-12-01", "20"),
            ("2024-11-29", "22"),
        ],
        note="every conference a public release records, 2014-2024; the releases number "
        "them only from the 17th",
        ordered=True,
    ),
    Case(
        "CQ22",
        "When was the next meeting planned, at the meeting that announced it?",
        "next-meeting-planned",
        {"series": "IMS-EUMS Directors General conference"},
        ("day", "planned"),
        [("2021-11-16", "2022-05")],
    ),
    Case(
        "CQ23",
        "When was each operational domain recognised, and by whom?",
        "domain-recognitions",
        {},
        ("domainName", "byName", "day"),
        [
            ("Air", "North Atlantic Treaty Organization", ""),
            ("Land", "North Atlantic Treaty Organization", ""),
            ("Maritime", "North Atlantic Treaty Organization", ""),
            ("Cyberspace", "North Atlantic Treaty Organization", "2016-07-08"),
            ("Space", "North Atlantic Treaty Organization", "2019-11-20"),
            ("Space", "North Atlantic Treaty Organization", "2019-12-04"),
        ],
    ),
    Case(
        "CQ24",
        "Which domains had NATO recognised on 1 January 2019?",
        "domains-on-date",
        {"org": "NATO", "date": "2019-01-01"},
        ("name",),
        rows("Air", "Cyberspace", "Land", "Maritime"),
    ),
    Case(
        "CQ25",
        "... and on 20 November 2019?",
        "domains-on-date",
        {"org": "NATO", "date": "2019-11-20"},
        ("name",),
        rows("Air", "Cyberspace", "Land", "Maritime", "Space"),
    ),
    Case(
        "CQ26",
        "Which bodies are under NATO, at any depth?",
        "bodies-under",
        {"org": "NATO"},
        ("name", "parentName"),
        [
            ("Allied Air Command", "Allied Command Operations"),
            ("Allied Command Operations", "North Atlantic Treaty Organization"),
            ("Allied Command Transformation", "North Atlantic Treaty Organization"),
            ("NATO International Military Staff", "NATO Military Committee"),
            ("NATO Military Committee", "North Atlantic Treaty Organization"),
            ("NATO Space Centre", "Allied Air Command"),
            ("North Atlantic Council", "North Atlantic Treaty Organization"),
        ],
    ),
    Case(
        "CQ27",
        "Which bodies are under the EU, at any depth?",
        "bodies-under",
        {"org": "EU"},
        ("name", "parentName"),
        [
            ("Council of the European Union", "European Union"),
            ("EEAS Security and Defence Policy Directorate", "European External Action Service"),
            ("European Commission", "European Union"),
            ("European Council", "European Union"),
            ("European External Action Service", "European Union"),
            ("European Union Military Committee", "European Union"),
            ("European Union Military Staff", "European External Action Service"),
            ("Political and Security Committee", "Council of the European Union"),
        ],
    ),
    Case(
        "CQ28",
        "What does NATO's 2022 Strategic Concept replace?",
        "document-lineage",
        {"document": "id:document/nato-strategic-concept-2022"},
        ("title", "issued"),
        [("NATO 2010 Strategic Concept", "2010-11-19")],
    ),
    Case(
        "CQ29",
        "Who signed the EU–NATO Joint Declaration of 2023?",
        "document-signatories",
        {"document": "id:document/eu-nato-joint-declaration-2023"},
        ("name", "post"),
        [
            ("Charles Michel", "President of the European Council"),
            ("Jens Stoltenberg", "Secretary General of NATO"),
            ("Ursula von der Leyen", "President of the European Commission"),
        ],
    ),
    Case(
        "CQ30",
        "Who stood in for whom at a meeting?",
        "stand-ins",
        {},
        ("day", "name", "onBehalfOf"),
        [("2021-11-16", "Giovanni Manione", "Hervé Bléjean")],
    ),
    Case(
        "CQ31",
        "What changed between 16 November 2021 and the end of 2023?",
        "changes-between",
        {"from": "2021-11-16", "to": "2023-12-31"},
        ("day", "change", "whoName"),
        [
            ("2022-05-16", "appointed", "Robert Brieger"),
            ("2022-05-16", "left office", "Claudio Graziano"),
            ("2022-07-04", "appointed", "Christopher G. Cavoli"),
            ("2022-07-04", "left office", "Tod D. Wolters"),
            ("2022-07-14", "appointed", "Janusz Adamczak"),
            ("2022-07-14", "left office", "Hans-Werner Wiermann"),
            ("2023-04-04", "joined", "Finland"),
            ("2023-06-28", "appointed", "Michiel van der Laan"),
            ("2023-06-28", "left office", "Hervé Bléjean"),
        ],
        ordered=True,
    ),
    Case(
        "CQ32",
        "Which n-ary facts cite no source?",
        "facts-without-source",
        {},
        ("fact",),
        [],
        note="quality check: must be empty",
    ),
    Case(
        "CQ33",
        "What rests on the source article?",
        "facts-from-source",
        {"source": SEED},
        ("fact",),
        rows(
            *[
                ID + f"participation/ims-eums-2021-11-16-{p}"
                for p in (
                    "act",
                    "eeas-security-and-defence-policy",
                    "eums",
                    "ims",
                    "manione",
                    "wiermann",
                )
            ],
            ID + "meeting/ims-eums-2021-11-16",
            ID + "tenure/deputy-dgeums-giovanni-manione",
            ID + "tenure/dgeums-herve-blejean",
            ID + "organisation/act",
            ID + "organisation/eeas-security-and-defence-policy-directorate",
            ID + "organisation/nato-space-centre",
            *[ID + f"recognition/nato-{d}" for d in ("air", "land", "maritime")],
            ID + "recognition/nato-space-2019-11-20",
        ),
        note="the meeting, its six participations, Manione's post on the day, the bodies "
        "and the domains it names",
    ),
    Case(
        "CQ35",
        "What was the IMS–EUMS meeting of 16 November 2021 about?",
        "meeting-subjects",
        {"meeting": MEETING},
        ("name", "kind"),
        [
            ("EU Strategic Compass for Security and Defence", "document"),
            ("EU–NATO Joint Declaration of 2016", "document"),
            ("EU–NATO Joint Declaration of 2018", "document"),
            ("NATO 2022 Strategic Concept", "document"),
            ("Space", "operational domain"),
            ("COVID-19 health measures", "topic"),
            ("EU–NATO cooperation", "topic"),
            ("IMS–EUMS joint work plan", "topic"),
            ("NATO space activities", "topic"),
            ("complementarity of the EU Strategic Compass and the NATO Strategic Concept", "topic"),
            ("implementation of the EU–NATO Joint Declarations", "topic"),
            ("staff-to-staff cooperation", "topic"),
        ],
    ),
    Case(
        "CQ36",
        "When were the strategic documents adopted, and by whom?",
        "document-adoptions",
        {},
        ("title", "by", "kind", "day"),
        [
            (
                "NATO 2010 Strategic Concept",
                "North Atlantic Treaty Organization",
                "adopted",
                "2010-11-19",
            ),
            *[
                (f"EU–NATO Joint Declaration of {y}", body, "signed", day)
                for y, day in (
                    ("2016", "2016-07-08"),
                    ("2018", "2018-07-10"),
                    ("2023", "2023-01-10"),
                )
                for body in (
                    "European Commission",
                    "European Council",
                    "North Atlantic Treaty Organization",
                )
            ],
            (
                "NATO overarching Space Policy",
                "North Atlantic Treaty Organization",
                "approved",
                "2019-06-27",
            ),
            (
                "EU Strategic Compass for Security and Defence",
                "Council of the European Union",
                "approved",
                "2022-03-21",
            ),
            (
                "EU Strategic Compass for Security and Defence",
                "European Council",
                "endorsed",
                "2022-03-25",
            ),
            (
                "NATO 2022 Strategic Concept",
                "North Atlantic Treaty Organization",
                "adopted",
                "2022-06-29",
            ),
            (
                "EU Space Strategy for Security and Defence",
                "European Commission",
                "adopted",
                "2023-03-10",
            ),
            (
                "EU Space Strategy for Security and Defence",
                "Josep Borrell",
                "adopted",
                "2023-03-10",
            ),
        ],
    ),
    Case(
        "CQ37",
        "Which source pages does the graph rest on?",
        "sources",
        {},
        ("source",),
        rows(*SOURCES, *ADDED_SOURCES),
    ),
    Case(
        "CQ39",
        "Who chaired the EU Military Committee on 1 January 2023?",
        "post-holder-on-date",
        {"post": "CEUMC", "date": "2023-01-01"},
        ("name",),
        rows("Robert Brieger"),
        note="his end is unsourced: he counts up to the last day a source shows him in office",
    ),
    Case(
        "CQ40",
        "... on 17 May 2024, after the last day a source shows him in office?",
        "post-holder-on-date",
        {"post": "CEUMC", "date": "2024-05-17"},
        ("name",),
        [],
        note="no checked source names the chair on that day",
    ),
    Case(
        "CQ41",
        "Who was Director General of the EU Military Staff on 10 January 2023?",
        "post-holder-on-date",
        {"post": "DGEUMS", "date": "2023-01-10"},
        ("name",),
        rows("Hervé Bléjean"),
        note="his first day is not sourced: he counts from the first day a source shows him "
        "in office (2021-11-16) to his recorded last day (2023-06-28)",
    ),
    Case(
        "CQ42",
        "... and on 1 January 2021, before any source shows him in office?",
        "post-holder-on-date",
        {"post": "DGEUMS", "date": "2021-01-01"},
        ("name",),
        [],
        note="Pulkkinen's last day was 2020-06-30; the gap is what `coverage` will list",
    ),
    Case(
        "CQ43",
        "Who was Director General of the NATO International Military Staff on 8 July 2016?",
        "post-holder-on-date",
        {"post": "DGIMS", "date": "2016-07-08"},
        ("name",),
        rows("Christopher Harper"),
        note="attested on 2014-01-27 and 2015-06-05; his last day, the handover to Jan Broeks, "
        "was 2016-07-27",
    ),
    Case(
        "CQ38",
        "Which things have a name containing 'military staff'?",
        "search-names",
        {"text": "military staff"},
        ("name",),
        rows(
            "Deputy Director General of the European Union Military Staff",
            "Director General of the European Union Military Staff",
            "Director General of the NATO International Military Staff",
            "EU Military Staff headquarters",
            "European Union Military Staff",
            "IMS–EUMS Directors General conference, 19 May 2020",
            "NATO International Military Staff",
            "military staff",
        ),
        note="the conference of 19 May 2020 is found by its other name, NATO's title for it "
        "('NATO-EU bi-annual military staff meeting')",
        ordered=True,
    ),
    Case(
        "CQ34",
        "Where do NATO, the IMS, the NATO Space Centre and ACT sit?",
        "sites",
        {},
        ("name", "siteName"),
        [
            ("Allied Air Command", "Ramstein Air Base"),
            ("Allied Command Transformation", "Allied Command Transformation headquarters"),
            ("European Union Military Staff", "EU Military Staff headquarters"),
            ("NATO International Military Staff", "NATO headquarters"),
            ("NATO Space Centre", "Ramstein Air Base"),
            ("North Atlantic Treaty Organization", "NATO headquarters"),
        ],
    ),
]


def render_doc() -> str:
    """docs/competency-questions.md: one row per case, expected answer spelled out."""

    def answer(case: Case) -> str:
        if not case.expected:
            return "(no rows)"
        text = "; ".join(" / ".join(v or "—" for v in row) for row in case.expected)
        return text.replace("|", "\\|")

    lines = [
        "# Competency questions",
        "",
        "Each question is a named query in `queries/`, run with the parameters shown. The",
        "expected answer lists the compared column(s) of every row (— for an empty cell);",
        "`tests/test_competency.py` checks it on Oxigraph and on rdflib's engine alike.",
        "This page is generated from `tests/competency_cases.py` by",
        "`python scripts/make-competency-doc.py`.",
        "",
        "| ID | question | query file | parameters | compared | expected answer |",
        "|---|---|---|---|---|---|",
    ]
    for c in CASES:
        params = ", ".join(f"`{k}={v}`" for k, v in c.params.items()) or "—"
        compared = ", ".join(c.columns) + (" (in order)" if c.ordered else "")
        if "subset" in c.tags:
            compared += " (includes)"
        expected = answer(c) + (f" — {c.note}" if c.note else "")
        lines.append(
            f"| {c.id} | {c.question} | `queries/{c.query}.rq` | {params} | "
            f"{compared} | {expected} |"
        )
    return "\n".join(lines) + "\n"
