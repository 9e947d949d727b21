"""`netcoach feedback export FILE`: members' Helpful / Wrong flag verdicts as labelled JSONL.

Only reviews whose text was kept are exported, i.e. those of members who turned
`settings store-drafts on`; the rows follow the corpus schema (see `coach_rules.feedback`), so
`netcoach train --extra FILE` can add them to training.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="feedback_action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write reviews marked Helpful or Wrong flag (text kept) as JSONL"
    )
    export.add_argument("file", type=Path, metavar="FILE", help="the JSONL file to write")
    export.add_argument(
        "--database-url", help="database to use instead of DATABASE_URL (or the default file)"
    )


def run(args: argparse.Namespace) -> int:
    from bot.cli.db import safe_url
    from bot.config import Settings, SettingsError

    try:
        database_url = args.database_url or Settings.for_console().database_url
    except SettingsError as error:
        print(f"Settings problem: {error}", file=sys.stderr)
        return 2

    from coach_rules.feedback import Feedback, corpus_rows
    from storage import open_store

    try:
        store = open_store(database_url)
    except Exception as error:
        print(
            f"Cannot use the database {safe_url(database_url)}: {type(error).__name__}. "
            "Check DATABASE_URL and that the database server is running.",
            file=sys.stderr,
        )
        return 1
    try:
        reviews = store.labelled_reviews()
    finally:
        store.close()
    export = corpus_rows(Feedback(r.text, r.flagged, r.verdict, r.rule_ids) for r in reviews)
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in export.rows)
    try:
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text(lines, encoding="utf-8")
    except OSError as error:
        print(f"Cannot write {args.file}: {error.strerror}.", file=sys.stderr)
        return 1
    labels = [row["label"] for row in export.rows]
    print(
        f"Wrote {len(export.rows)} labelled reviews to {args.file} "
        f"({labels.count('flag')} flag, {labels.count('ok')} ok)."
    )
    skipped = {
        "longer than the corpus allows": export.too_long,
        "marked again later (the latest verdict counts)": export.repeated,
        "past the 9,999-row limit of one file": export.over_limit,
    }
    for why, count in skipped.items():
        if count:
            print(f"Left out {count}: {why}.")
    if not export.rows:
        print(
            "Only reviews of members who turned `settings store-drafts on` keep their text; "
            "none of those has Helpful or Wrong flag feedback yet."
        )
    return 0
