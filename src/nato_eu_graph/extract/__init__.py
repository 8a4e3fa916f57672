"""From a press release to a fact-sheet draft: reading the text, finding dates and names,
recognising what the release reports, and writing the draft for a curator to review.

Depends on ingest/ (names, fact-sheet kinds), store/ and the shared modules; never on
query/, views/ or cli/.
"""
