"""The words ``extract`` reads names by: ranks and titles written before names, the head
words that say a run of capitalised words names a body, a place or a document, and the
capitalised words that name nothing by themselves.
"""

from __future__ import annotations

from ..ingest.resolve import RANKS

# Ranks and titles written before names, beyond the ones the resolver strips.
TITLES = sorted(
    {
        *RANKS,
        "brigadier general",
        "brig gen",
        "brigadier",
        "colonel",
        "lieutenant colonel",
        "lt col",
        "col",
        "commodore",
        "captain",
        "capt",
        "commander",
        "cdr",
        "major",
        "air vice-marshal",
        "air vice marshal",
        "vice-admiral",
        "rear-admiral",
        "ambassador",
        "minister",
        "professor",
        "prof",
        "president",
        "madam",
        "mr",
        "ms",
        "mrs",
        "dr",
        "air commodore",
        "group captain",
        "wing commander",
    }
    - {"the"},
    key=len,
    reverse=True,
)
# Head words of the names of bodies: a capitalised run ending in one names a body.
ORG_HEADS = {
    "staff", "command", "committee", "council", "commission", "agency", "service", "centre",
    "center", "directorate", "division", "branch", "office", "headquarters", "secretariat",
    "college", "academy", "institute", "parliament", "ministry", "board", "unit", "cell",
    "mission", "capability", "group",
}  # fmt: skip
# Head words of places and documents: "the EEAS Schuman Building", "the Vilnius Summit
# Communiqué" are a new site and a new document, not the EEAS or Vilnius.
PLACE_HEADS = {
    "building", "palace", "hall", "castle", "barracks", "residence", "base", "airbase",
    "auditorium", "chateau", "château", "hotel", "campus",
}  # fmt: skip
DOC_HEADS = {
    "communique", "communiqué", "declaration", "strategy", "concept", "compass", "policy",
    "plan", "report", "agreement", "arrangements", "statement", "conclusions", "framework",
    "roadmap", "charter", "pledge", "initiative", "review",
}  # fmt: skip
# Capitalised words that name no one and nothing by themselves.
GENERIC = {
    "conference", "conferences", "meeting", "meetings", "summit", "talks", "session",
    "directors", "director", "general", "generals", "chiefs", "heads", "defence", "defense",
    "staff", "staffs", "members", "ambassadors", "ministers", "allies", "nations", "state",
    "states", "government", "agenda", "iteration", "edition", "press", "release", "news",
    "today", "photo", "video", "read", "more", "share", "home", "bi-annual",
}  # fmt: skip
