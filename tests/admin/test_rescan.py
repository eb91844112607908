"""A rescan on a real Dask LocalCluster reports what a direct scan of the same messages finds."""

from __future__ import annotations

from datetime import datetime

from admin_testdata import ADDRESS_TEXT, CLEAN_TEXT, EMAIL_TEXT, LINK_TEXT, PHONE_TEXT, direct_scan

from admin.db import db
from admin.enforcement import send_message
from admin.models import Conversation, User
from admin.rescan import partitions, rescan
from admin.versions import create_version
from engine import RuleSet

TEXTS = [CLEAN_TEXT, PHONE_TEXT, EMAIL_TEXT, ADDRESS_TEXT, LINK_TEXT, "see you at 10", "my number is 415 555"]



def _store_messages(app, demo) -> None:
    with app.app_context():
        for i, text in enumerate(TEXTS * 3):
            state = ("inquiry", "offer", "active")[i % 3]
            conversation = db.session.get(Conversation, demo.conversations[state])
            sender = db.session.get(User, conversation.client_id)
            send_message(conversation, sender, f"{text} ({i})")




def test_rescan_on_a_local_cluster_matches_a_direct_scan(app, demo, dask_client):
    _store_messages(app, demo)
    with app.app_context():
        document = RuleSet.default().to_dict()
        document["actions"]["active"]["phone"] = "block"  # the policy change being rescanned for
        version = create_version(document, None, "phones blocked in active contracts too")
        db.session.commit()
        since = datetime(2000, 1, 1)
        assert len(partitions(since, 4)) > 2
        report = rescan(version, since, dask_client, partition_size=4)

        by_action, by_category, changed = direct_scan(RuleSet.from_dict(document))
    assert report.scanned == len(TEXTS) * 3
    assert (report.by_action, report.by_category) == (by_action, by_category)
    assert [c["id"] for c in report.changed] == changed
    assert changed  # the stricter policy does change stored verdicts


def test_rescan_command_on_an_existing_scheduler_writes_the_csv(app, demo, dask_client, runner, tmp_path):
    _store_messages(app, demo)
    with app.app_context():
        document = RuleSet.default().to_dict()
        document["actions"]["active"]["phone"] = "block"
        number = create_version(document, None, "stricter").number
        db.session.commit()
    app.config["DASK_SCHEDULER"] = dask_client.scheduler.address
    out = tmp_path / "changed.csv"
    result = runner.invoke(args=["rescan", "--since", "2000-01-01", "--rules", str(number), "--csv", str(out)])
    assert result.exit_code == 0, result.output
    assert f"scanned={len(TEXTS) * 3} " in result.output
    rows = out.read_text().splitlines()
    assert rows[0].startswith("message_id,") and len(rows) > 1
    assert all(",active," not in row or "block" in row for row in rows[1:])
    missing = runner.invoke(args=["rescan", "--since", "2000-01-01", "--rules", "99"])
    assert missing.exit_code != 0 and "no rule set version 99" in missing.output
