"""Build the Teams app package: `manifest.json` with the bot's app id, plus the two icons, zipped.

The manifest in `app_package/` is a template with zero GUIDs. Teams' own app id (`id`) is
derived from the bot's app id, so rebuilding the package for the same bot gives the same Teams
app, which Teams then treats as an update rather than a second app.
"""

from __future__ import annotations

import json
import re
import struct
import uuid
import zipfile
import zlib
from importlib import resources
from pathlib import Path
from typing import Any

ICON_SIZES = {"color": (192, 192), "outline": (32, 32)}
MANIFEST_VERSION = "1.25"
PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000"
_APP_NAMESPACE = uuid.UUID("6f1f4a0e-3c55-4c63-9d7e-8f0b6c9e2a51")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

Json = dict[str, Any]


class PackageError(ValueError):
    """The package cannot be built as asked; the message says what to change."""


def template_files() -> dict[str, bytes]:
    folder = resources.files("bot.teams").joinpath("app_package")
    return {
        name: folder.joinpath(name).read_bytes()
        for name in ("manifest.json", "color.png", "outline.png")
    }


def teams_app_id(bot_app_id: str) -> str:
    return str(uuid.uuid5(_APP_NAMESPACE, bot_app_id.lower()))


def build_manifest(template: Json, bot_app_id: str, developer_url: str | None = None) -> Json:
    if not _GUID.match(bot_app_id or ""):
        raise PackageError(
            "The app id must be the bot's Microsoft Entra application (client) id, a GUID. "
            "Pass --app-id or set MICROSOFT_APP_ID."
        )
    manifest = json.loads(json.dumps(template))
    manifest["id"] = teams_app_id(bot_app_id)
    for bot in manifest.get("bots", []):
        bot["botId"] = bot_app_id
    if developer_url:
        if not developer_url.startswith("https://"):
            raise PackageError("--developer-url must start with https:// (Teams requires it).")
        base = developer_url.rstrip("/")
        manifest["developer"].update(
            websiteUrl=base, privacyUrl=f"{base}/privacy", termsOfUseUrl=f"{base}/terms"
        )
    return manifest


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise PackageError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_rgba(data: bytes) -> list[list[tuple[int, int, int, int]]]:
    """Decode an 8-bit RGBA, non-interlaced PNG (what Teams icons should be) into rows of pixels."""
    width, height = png_size(data)
    bit_depth, colour_type, _, _, interlace = data[24:29]
    if (bit_depth, colour_type, interlace) != (8, 6, 0):
        raise PackageError("expected an 8-bit RGBA, non-interlaced PNG")
    idat = b""
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            idat += data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 4
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - 4] if i >= 4 else 0
            up = previous[i]
            up_left = previous[i - 4] if i >= 4 else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return [[tuple(row[x * 4 : x * 4 + 4]) for x in range(width)] for row in rows]  # type: ignore[misc]


def manifest_problems(manifest: Json, files: dict[str, bytes]) -> list[str]:
    """Everything Teams would reject in this package, as sentences (empty when it is fine)."""
    problems: list[str] = []
    for key in (
        "$schema",
        "manifestVersion",
        "version",
        "id",
        "developer",
        "name",
        "description",
        "icons",
        "accentColor",
    ):
        if key not in manifest:
            problems.append(f"manifest.json has no {key!r}")
    if manifest.get("manifestVersion") != MANIFEST_VERSION:
        problems.append(f"manifestVersion should be {MANIFEST_VERSION}")
    if f"/v{MANIFEST_VERSION}/" not in str(manifest.get("$schema", "")):
        problems.append("$schema does not point at the manifestVersion's schema")
    if not _GUID.match(str(manifest.get("id", ""))) or manifest.get("id") == PLACEHOLDER_ID:
        problems.append("id must be a real GUID")
    if not re.fullmatch(r"\d+\.\d+\.\d+", str(manifest.get("version", ""))):
        problems.append("version must look like 1.0.0")
    developer = manifest.get("developer", {})
    if not developer.get("name") or len(developer["name"]) > 32:
        problems.append("developer.name is required, 32 characters at most")
    for url_key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        if not str(developer.get(url_key, "")).startswith("https://"):
            problems.append(f"developer.{url_key} must be an https URL")
    name = manifest.get("name", {})
    if not name.get("short") or len(name["short"]) > 30:
        problems.append("name.short is required, 30 characters at most")
    if len(name.get("full", "")) > 100:
        problems.append("name.full is 100 characters at most")
    description = manifest.get("description", {})
    if not description.get("short") or len(description["short"]) > 80:
        problems.append("description.short is required, 80 characters at most")
    if not description.get("full") or len(description["full"]) > 4000:
        problems.append("description.full is required, 4000 characters at most")
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", str(manifest.get("accentColor", ""))):
        problems.append("accentColor must be a #RRGGBB colour")
    problems.extend(_bot_problems(manifest.get("bots", [])))
    problems.extend(_icon_problems(manifest.get("icons", {}), files))
    return problems


def _bot_problems(bots: list[Json]) -> list[str]:
    if len(bots) != 1:
        return ["bots must hold exactly one bot"]
    bot = bots[0]
    problems: list[str] = []
    if not _GUID.match(str(bot.get("botId", ""))) or bot.get("botId") == PLACEHOLDER_ID:
        problems.append("bots[0].botId must be the bot's app id")
    if sorted(bot.get("scopes", [])) != ["groupChat", "personal", "team"]:
        problems.append("bots[0].scopes must be personal, team and groupChat")
    for command_list in bot.get("commandLists", []):
        commands = command_list.get("commands", [])
        if not 1 <= len(commands) <= 10:
            problems.append("each command list holds 1 to 10 commands")
        for command in commands:
            if not command.get("title") or len(command["title"]) > 32:
                problems.append(f"command title {command.get('title')!r}: 1 to 32 characters")
            if not command.get("description") or len(command["description"]) > 128:
                problems.append(
                    f"command {command.get('title')!r}: description 1 to 128 characters"
                )
    return problems


def _icon_problems(icons: Json, files: dict[str, bytes]) -> list[str]:
    problems: list[str] = []
    for kind, size in ICON_SIZES.items():
        name = icons.get(kind)
        if not name or name not in files:
            problems.append(f"the {kind} icon {name!r} is not in the package")
            continue
        try:
            actual = png_size(files[name])
        except PackageError:
            problems.append(f"{name} is not a PNG")
            continue
        if actual != size:
            problems.append(f"{name} is {actual[0]}×{actual[1]}, Teams wants {size[0]}×{size[1]}")
    outline = icons.get("outline")
    if outline in files and not problems:
        pixels = [px for row in png_rgba(files[outline]) for px in row]
        if any(px[3] and px[:3] != (255, 255, 255) for px in pixels):
            problems.append(f"{outline} must be white on a transparent background")
        if all(px[3] for px in pixels):
            problems.append(f"{outline} has no transparent background")
    return problems


def build_package(bot_app_id: str, out: Path, *, developer_url: str | None = None) -> Json:
    files = template_files()
    manifest = build_manifest(json.loads(files["manifest.json"]), bot_app_id, developer_url)
    problems = manifest_problems(manifest, files)
    if problems:
        raise PackageError("The Teams app package would be rejected: " + "; ".join(problems) + ".")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        archive.writestr("color.png", files["color.png"])
        archive.writestr("outline.png", files["outline.png"])
    return manifest
