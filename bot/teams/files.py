"""Files that go with a reply (`export`'s JSON), the Teams way: a file consent card.

Teams lets a bot send a file only in a personal chat, and only after the member accepts: the bot
sends a FileConsentCard; on "Allow", Teams invokes the bot with an upload URL in the member's
OneDrive; the bot PUTs the bytes there and answers with a FileInfoCard. The card's accept
context carries the command that made the file (`export`), so the file is made afresh on
accept and its text never waits in memory or in the database.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from botbuilder.schema import Activity, ActivityTypes, Attachment
from botbuilder.schema.teams import (
    FileConsentCard,
    FileConsentCardResponse,
    FileInfoCard,
    FileUploadInfo,
)

from bot.core.messages import FileAttachment

FILE_CONSENT_CONTENT_TYPE = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO_CONTENT_TYPE = "application/vnd.microsoft.teams.card.file.info"
FILE_CONSENT_INVOKE = "fileConsent/invoke"
UPLOAD_TIMEOUT_SECONDS = 30


class UploadFailed(Exception):
    """The upload URL refused the file; the message carries the HTTP status, never content."""


def consent_card(attachment: FileAttachment, command: str) -> Activity:
    size = len(attachment.content.encode("utf-8"))
    card = FileConsentCard(
        description=f"{attachment.filename} ({size:,} bytes)",
        size_in_bytes=size,
        accept_context={"command": command},
        decline_context={"command": command},
    )
    return Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(
                content_type=FILE_CONSENT_CONTENT_TYPE, name=attachment.filename, content=card
            )
        ],
    )


def consent_response(value: Any) -> FileConsentCardResponse | None:
    """The member's answer to a consent card, or None when the invoke's value is not one."""
    if not isinstance(value, dict) or value.get("action") not in {"accept", "decline"}:
        return None
    try:
        response = FileConsentCardResponse().deserialize(value)
    except Exception:  # msrest raises several kinds on a malformed value
        return None
    if response.action == "accept" and not (
        response.upload_info and response.upload_info.upload_url
    ):
        return None
    return response


def command_of(context: Any) -> str | None:
    """The command a consent card was sent for, from the context Teams hands back."""
    if isinstance(context, dict) and isinstance(context.get("command"), str):
        return context["command"]
    return None


async def upload(upload_info: FileUploadInfo, attachment: FileAttachment) -> Activity:
    """PUT the file to the URL Teams gave; return the FileInfoCard that shows it in the chat."""
    data = attachment.content.encode("utf-8")
    headers = {"Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}"}
    timeout = aiohttp.ClientTimeout(total=UPLOAD_TIMEOUT_SECONDS)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.put(str(upload_info.upload_url), data=data, headers=headers) as response,
    ):
        if response.status >= 300:
            raise UploadFailed(f"upload URL answered HTTP {response.status}")
    return Activity(
        type=ActivityTypes.message,
        attachments=[
            Attachment(
                content_type=FILE_INFO_CONTENT_TYPE,
                name=upload_info.name or attachment.filename,
                content_url=upload_info.content_url,
                content=FileInfoCard(
                    unique_id=upload_info.unique_id, file_type=upload_info.file_type
                ),
            )
        ],
    )
