"""The Teams app package: manifest fields Teams requires, icon sizes and colours, the CLI."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.teams.package import (
    PackageError,
    build_manifest,
    build_package,
    manifest_problems,
    png_rgba,
    png_size,
    teams_app_id,
    template_files,
)
from tests.teams.payloads import BOT_APP_ID


def test_the_package_holds_a_complete_manifest_and_both_icons(tmp_path: Path):
    out = tmp_path / "teams.zip"

    manifest = build_package(BOT_APP_ID, out)

    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        stored = json.loads(archive.read("manifest.json"))
        files = {name: archive.read(name) for name in archive.namelist()}
    assert stored == manifest
    assert manifest_problems(stored, files) == []
    assert stored["manifestVersion"] == "1.25"
    assert stored["$schema"].endswith("/v1.25/MicrosoftTeams.schema.json")
    for key in ("id", "version", "developer", "name", "description", "icons", "accentColor"):
        assert stored[key]
    [bot] = stored["bots"]
    assert bot["botId"] == BOT_APP_ID
    assert sorted(bot["scopes"]) == ["groupChat", "personal", "team"]
    titles = {c["title"] for lst in bot["commandLists"] for c in lst["commands"]}
    assert {"help", "review", "met", "follow-up", "list", "done", "snooze", "digest here"} <= titles


def test_the_icons_are_192_colour_and_32_white_outline_on_transparent():
    files = template_files()

    assert png_size(files["color.png"]) == (192, 192)
    assert png_size(files["outline.png"]) == (32, 32)
    colour = [px for row in png_rgba(files["color.png"]) for px in row]
    assert len({px[:3] for px in colour if px[3] == 255}) > 2  # really coloured
    outline = [px for row in png_rgba(files["outline.png"]) for px in row]
    assert {px[:3] for px in outline if px[3]} == {(255, 255, 255)}
    assert any(px[3] == 0 for px in outline) and any(px[3] == 255 for px in outline)


def test_the_teams_app_id_is_stable_for_a_bot_and_differs_between_bots():
    other = "11111111-2222-3333-4444-555555555555"

    assert teams_app_id(BOT_APP_ID) == teams_app_id(BOT_APP_ID.upper())
    assert teams_app_id(BOT_APP_ID) != teams_app_id(other)
    assert teams_app_id(BOT_APP_ID) != BOT_APP_ID


def test_problems_are_reported_in_words():
    files = template_files()
    manifest = build_manifest(json.loads(files["manifest.json"]), BOT_APP_ID)
    manifest["name"]["short"] = "N" * 31
    del manifest["accentColor"]
    manifest["bots"][0]["commandLists"][0]["commands"].append(
        {"title": "x" * 33, "description": "d"}
    )
    swapped = dict(files, **{"outline.png": files["color.png"]})

    problems = manifest_problems(manifest, swapped)

    assert "name.short is required, 30 characters at most" in problems
    assert "manifest.json has no 'accentColor'" in problems
    assert "each command list holds 1 to 10 commands" in problems
    assert any("command title" in p for p in problems)
    assert "outline.png is 192×192, Teams wants 32×32" in problems


def test_the_template_itself_is_not_a_valid_package():
    files = template_files()
    problems = manifest_problems(json.loads(files["manifest.json"]), files)

    assert "id must be a real GUID" in problems
    assert "bots[0].botId must be the bot's app id" in problems


@pytest.mark.parametrize("app_id", ["", "not-a-guid", "28:9af71375-70c2-473a-9a2f-ff4f1526b5ca"])
def test_a_bad_app_id_is_refused(tmp_path: Path, app_id: str):
    with pytest.raises(PackageError, match="GUID"):
        build_package(app_id, tmp_path / "x.zip")


def test_the_cli_builds_the_zip_with_the_configured_app_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.setenv("MICROSOFT_APP_ID", BOT_APP_ID)
    out = tmp_path / "pkg" / "teams.zip"

    assert main(["teams-package", "--out", str(out)]) == 0

    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("manifest.json"))["bots"][0]["botId"] == BOT_APP_ID
    assert "Wrote" in capsys.readouterr().out


def test_the_cli_app_id_flag_and_developer_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    out = tmp_path / "teams.zip"

    code = main(
        [
            "teams-package",
            "--app-id",
            BOT_APP_ID,
            "--out",
            str(out),
            "--developer-url",
            "https://coach.example.org/",
        ]
    )

    assert code == 0
    with zipfile.ZipFile(out) as archive:
        developer = json.loads(archive.read("manifest.json"))["developer"]
    assert developer["privacyUrl"] == "https://coach.example.org/privacy"


def test_the_cli_explains_a_missing_app_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)

    assert main(["teams-package", "--out", str(tmp_path / "x.zip")]) == 2
    assert "Pass --app-id or set MICROSOFT_APP_ID" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists()
