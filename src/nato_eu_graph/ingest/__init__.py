"""What comes in: parsing files and fact sheets, resolving names to IRIs, SHACL
validation, building the curated graph, loading and unloading batches, and exporting them.

Depends on store/ and the shared top-level modules; never on query/, views/, extract/ or cli/.
"""
