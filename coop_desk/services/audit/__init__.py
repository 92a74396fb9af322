"""The audit trail: every change to any record, written in the same transaction as the change,
chained by SHA-256 so that an edited, deleted or inserted audit row shows.

Modules
    canonical   the record format: a row as canonical JSON, the hash that chains records
    writer      the flush listener ``Database`` installs on its sessions, the chain's append,
                rows inserted in bulk with their records (``insert_audited``), the baseline of
                rows older than the trail, the reason of a change
    reader      pages of records, the history of a row, the chain's head (front ends); a
                record in words people recognise is ``services.audit_words`` (a sibling: it
                names ledger entries and accounts, and the ledger writes to this package)
    checks      ``audit.chain``, ``audit.content``, ``audit.posted``, ``audit.sequence``,
                ``audit.accounts`` and ``audit.closed_years`` for ``coop-desk verify``
    anchors     the trail's head noted outside the database (workbooks, backups, a year
                close, the anchor log) and the proof that the trail still holds it

The model
=========

A record says who (``session.info["actor"]``, set by ``Database.transaction``), when (UTC,
one time for the whole transaction), what (action insert/update/delete, table, record id), the
row's audited columns before and after as canonical JSON (a Decimal "1250.50", a date
"2026-11-27", through the same column types on both sides), the reason when the caller gave
one (``set_reason`` / ``reason``), the SHA-256 of its content and the hash of the previous
record (``prev_hash``). Ids are consecutive from 1; writers of the chain are serialised (an
advisory lock on PostgreSQL, the write lock on SQLite), so the records of one transaction are
contiguous and share their ``at``.

Who writes it: ``Database`` calls ``writer.install`` on the ``sessionmaker`` it owns, so every
session it makes records every flush, whatever modules were imported (no import side effect).
Mapper events collect the rows a flush inserts, updates or deletes (the stored values before
an update or delete are read just before the statement; the values after are read back once
the flush has written them); ``after_flush`` turns them into records. Sign-in throttling
columns are left out and password hashes are recorded as their SHA-256.

One writer inserts rows without the flush and records them itself: ``insert_audited`` (the
roster import's new members, tens of thousands at a time) inserts rows by ``insert_many`` (the
one bulk insert, which every record is written by too) and appends their records, made from
the same values as the listener would have read back (``row_builder``), in the same chain.
Inside ``bulk_inserts`` SQLite runs those inserts in a thread of its own, on the session's
connection, while the caller prepares the next rows; nothing else runs on the connection
until they ran. Other writes that bypass the ORM flush
(Core ``update()``/``delete()``, ``sqlite3`` or ``psql`` on the database, a session not made
by ``Database``) write no record: ``verify`` then finds that
the row's content differs from its last record and names it. Posted journal entries are also
refused by the database itself (triggers of migration 0400) and by a session guard
(``services.ledger.guard``).

What ``verify`` checks: the chain is intact; every audited row equals its latest record; no
record changes a posted entry (an update or deletion of an entry or posting, or a posting
added after its entry's transaction).
"""

from coop_desk.services.audit.anchors import (
    ANCHOR_LOG,
    Anchor,
    AnchorError,
    anchors_from,
    check_anchors,
    copy_head,
    current_anchor,
    database_name,
    default_anchor_logs,
    log_copy,
    log_restore,
    logged_anchors,
    parse_anchor,
    read_anchor_log,
    stamp_workbook,
    stored_head,
)
from coop_desk.services.audit.canonical import (
    AUDIT_TABLE,
    GENESIS_HASH,
    REDACTED_COLUMNS,
    UNAUDITED_TABLES,
    VOLATILE_COLUMNS,
    Action,
    canonical,
    is_audited,
    json_value,
    record_hash,
    record_id_of,
    sha256_text,
    snapshot,
)
from coop_desk.services.audit.checks import (
    MAX_FINDINGS_PER_TABLE,
    check_chain,
    check_content,
    check_posted,
    latest_afters,
)
from coop_desk.services.audit.reader import (
    AuditFilter,
    AuditRow,
    ChainHead,
    Change,
    chain_head,
    child_links,
    count_records,
    history,
    list_records,
    local_day_bounds,
    records_about,
    table_names,
    usernames,
)
from coop_desk.services.audit.writer import (
    BulkInserts,
    bulk_inserts,
    insert_audited,
    install,
    reason,
    row_builder,
    set_reason,
    write_baseline,
)

__all__ = [
    "ANCHOR_LOG",
    "AUDIT_TABLE",
    "GENESIS_HASH",
    "MAX_FINDINGS_PER_TABLE",
    "REDACTED_COLUMNS",
    "UNAUDITED_TABLES",
    "VOLATILE_COLUMNS",
    "Action",
    "Anchor",
    "BulkInserts",
    "AnchorError",
    "AuditFilter",
    "AuditRow",
    "ChainHead",
    "Change",
    "anchors_from",
    "bulk_inserts",
    "canonical",
    "chain_head",
    "check_anchors",
    "check_chain",
    "check_content",
    "check_posted",
    "child_links",
    "copy_head",
    "count_records",
    "current_anchor",
    "database_name",
    "default_anchor_logs",
    "history",
    "insert_audited",
    "install",
    "is_audited",
    "json_value",
    "latest_afters",
    "list_records",
    "local_day_bounds",
    "log_copy",
    "log_restore",
    "logged_anchors",
    "stored_head",
    "parse_anchor",
    "read_anchor_log",
    "reason",
    "record_hash",
    "record_id_of",
    "row_builder",
    "records_about",
    "set_reason",
    "sha256_text",
    "snapshot",
    "stamp_workbook",
    "table_names",
    "usernames",
    "write_baseline",
]
