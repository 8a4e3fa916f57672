"""The static site: a page per named thing, a timeline, the query catalogue, search."""
