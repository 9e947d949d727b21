"""Files that go with a reply (`export`'s JSON, the digest's chart), uploaded with files.uploadV2.

An app installed before `files:write` was in its manifest cannot upload: then the file's text is
posted in the DM as a code block instead, so the member still gets it.
"""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.messages import FileAttachment, ImageAttachment, Reply, Section
from bot.slack.blocks import render_reply
from bot.slack.client import ChannelPacer, post_message

log = logging.getLogger(__name__)

# Errors that mean "this app may not upload files here", not "try again".
UPLOAD_REFUSED = frozenset({"missing_scope", "not_allowed_token_type", "no_permission"})


async def send_file(
    client: AsyncWebClient,
    pacer: ChannelPacer,
    channel_id: str,
    attachment: FileAttachment,
    *,
    thread_ts: str | None = None,
) -> None:
    try:
        await client.files_upload_v2(
            channel=channel_id,
            thread_ts=thread_ts,
            filename=attachment.filename,
            title=attachment.filename,
            content=attachment.content,
        )
    except SlackApiError as error:
        code = str(error.response.get("error") or "")
        if code not in UPLOAD_REFUSED:
            raise
        log.warning("files.uploadV2 refused (%s); posting the file as a code block", code)
        as_text = Reply(
            text=f"`{attachment.filename}` (I may not upload files here, so here is its text):",
            sections=(Section(text=f"```\n{attachment.content}\n```"),),
        )
        await post_message(
            client, pacer, channel_id, thread_ts=thread_ts, **render_reply(as_text).as_kwargs()
        )


async def send_file_to_member(
    client: AsyncWebClient, pacer: ChannelPacer, user_id: str, attachment: FileAttachment
) -> None:
    """Slash-command replies are ephemeral and cannot carry files: the file goes to the DM."""
    opened = await client.conversations_open(users=user_id)
    await send_file(client, pacer, str(opened["channel"]["id"]), attachment)


async def send_image(client: AsyncWebClient, channel_id: str, image: ImageAttachment) -> bool:
    """Upload a reply's picture under its message, once the message is out; False when it could
    not be. Never raises: the message already holds the same figures as text, and a retry
    would post the whole message again."""
    try:
        await client.files_upload_v2(
            channel=channel_id,
            filename=image.filename,
            title=image.filename,
            content=image.data,
            alt_txt=image.alt_text,
        )
    except Exception as error:
        code = error.response.get("error") if isinstance(error, SlackApiError) else None
        log.warning("image upload failed (%s); it stays as text", code or type(error).__name__)
        return False
    return True
