"""The audit trail in words (``services.audit_words``): entities and their human keys, field
labels, foreign keys as names, internal columns hidden, what to open; the command line's
``audit log`` prints the same words."""

from __future__ import annotations

from coop_desk.models import Base
from coop_desk.services import audit, audit_words, members
from coop_desk.services.access import SYSTEM
from coop_desk.services.audit import AuditFilter, is_audited


def words_of(db, table, *, record_id=None, limit=5):  # type: ignore[no-untyped-def]
    with db.reading(SYSTEM) as s:
        rows = audit.list_records(
            s, SYSTEM, AuditFilter(table_name=table, record_id=record_id), limit=limit
        )
        return audit_words.describe(s, SYSTEM, rows)


def test_every_column_of_every_audited_table_has_a_label_or_is_internal():
    for table in Base.metadata.sorted_tables:
        if not is_audited(table.name):
            continue
        assert table.name in audit_words.ENTITY_LABELS, table.name
        unnamed = [
            c.name
            for c in table.columns
            if audit_words.is_shown(table.name, c.name) and c.name not in audit_words.FIELD_LABELS
        ]
        assert unnamed == [], table.name


def test_a_payment_is_named_by_its_entry_number_and_accounts_by_name(demo_db):
    (entry,) = words_of(demo_db, "journal_entry", limit=1)
    assert entry.title.startswith("Journal entry 2026-")
    assert entry.target == ("journal_entry", int(entry.record.record_id))
    labels = {f.label: f for f in entry.fields}
    assert labels["Kind"].after in {"Project payment", "Transfer", "Currency exchange"}
    assert "search_key" not in {f.field for f in entry.fields}
    postings = words_of(demo_db, "posting", limit=2)
    for posting in postings:
        fields = {f.field: f for f in posting.fields}
        account = fields["account_id"]
        assert account.label == "Account"
        assert account.after[:4].isdigit() and " " in account.after  # "1030 Cash PEN"
        assert fields["entry_id"].after == entry.key
        assert not {"id", "fiscal_year", "entry_date"} & set(fields)
        assert posting.target == entry.target


def test_a_member_change_speaks_in_labels_and_opens_the_member(demo_db):
    update = next(w for w in words_of(demo_db, "member", limit=50) if w.record.action == "update")
    assert update.title.startswith("Member CPGP-3784-") and "(" in update.title
    status = next(f for f in update.fields if f.field == "status")
    assert (status.label, status.before, status.coded) == ("Status", "Active", True)
    assert update.target == ("member", int(update.record.record_id))
    assert "Status: Active → " in update.summary()


def test_a_deleted_plot_is_still_named(demo_db):
    with demo_db.reading(SYSTEM) as s:
        member = members.get_member(s, SYSTEM, 1)
    removed = member.plots[0]
    with demo_db.transaction(SYSTEM) as s:
        data = member.to_input()
        members.update_member(
            s, SYSTEM, 1, type(data)(**{**data.__dict__, "plots": data.plots[1:]})
        )
    (deleted,) = [
        w
        for w in words_of(demo_db, "plot", record_id=str(removed.id))
        if w.record.action == "delete"
    ]
    assert deleted.title.startswith("Plot ") and "CPGP-3784-1 " in deleted.title
    assert deleted.target == ("member", 1)
    assert {f.label for f in deleted.fields} >= {"Member", "Coffee area (ha)"}


def test_decimals_and_times_read_as_people_write_them(demo_db):
    (plot,) = words_of(demo_db, "plot", limit=1)
    coffee = next(f for f in plot.fields if f.field == "coffee_area_ha")
    assert len(coffee.after.split(".")[1]) == 2  # 0.50, not 0.500000
    (user,) = words_of(demo_db, "app_user", limit=1)
    changed = next(f for f in user.fields if f.field == "password_changed_at")
    assert "T" not in changed.after and len(changed.after) == 16  # 2026-12-01 11:27
    password = next(f for f in user.fields if f.field == "password_hash")
    assert "sha256" not in password.after


def test_the_command_line_log_prints_the_same_words(demo_db, capsys):
    from coop_desk.cli import main

    path = demo_db.url.replace("sqlite:///", "")
    assert main(["--db", path, "audit", "log", "--table", "posting", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert " Posting 2026-" in out and "Account: " in out
    assert "account_id" not in out and "posting " not in out
