"""The composition root: cheap to import, every dependency overridable, real store by default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.bootstrap import SystemClock, bootstrap
from bot.config import Settings
from bot.core.messages import Incoming
from coach_rules.review import Review

REPO = Path(__file__).resolve().parents[2]


def test_importing_the_core_loads_no_database_or_model_libraries() -> None:
    code = (
        "import sys, bot.bootstrap, bot.core.service, bot.console.session\n"
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'sklearn', 'skops', 'slack_bolt',"
        " 'botbuilder') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == ""


def test_bootstrap_opens_the_database_from_settings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'coach.sqlite3'}"
    services = bootstrap(
        Settings(database_url=url),
        reviewer=lambda text: Review(flagged=False, score=90, probability=0.05),
    )
    try:
        assert isinstance(services.clock, SystemClock)
        reply = services.coach.handle(Incoming("console", "console", "ada", "console", "met Jane"))
        assert "Follow-up #1" in reply.text
        assert (tmp_path / "coach.sqlite3").exists()
        assert services.store.open_follow_ups(
            services.store.get_or_create_member("console", "console", "ada").id
        )
    finally:
        services.store.close()  # type: ignore[attr-defined]
