"""Full-text search over meeting records: an SQLite FTS5 table with the trigram tokenizer.

Trigrams find any Chinese substring of three characters or more without a word list;
shorter queries (and PostgreSQL, which has no FTS5) fall back to LIKE / ILIKE in the
service. The FTS table and the triggers that keep it in step with `meetings` are made by migration
0002, so every writer (services, imports, the demo's bulk inserts) is covered.
"""

from __future__ import annotations

MEETINGS_FTS = "meetings_fts"
FTS_COLUMNS = ("title", "topics", "minutes", "resolutions", "guests", "lecturer", "counterpart")
# FTS5 keeps its index in shadow tables named after the virtual table
FTS_TABLES = frozenset({MEETINGS_FTS} | {f"{MEETINGS_FTS}_{s}" for s in ("data", "idx", "docsize", "config", "content")})
MIN_TRIGRAM = 3


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic autogenerate filter: the FTS tables are made by SQL in a migration, not by models."""
    return not (type_ == "table" and name in FTS_TABLES)


def match_query(text: str) -> str:
    """An FTS5 query that finds `text` as a substring (a quoted phrase, quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'
