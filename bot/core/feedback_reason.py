"""The short reason a member may give with Wrong flag: `feedback 12 wrong-flag it's a thank-you
note`. Kept with the verdict, never logged."""

from __future__ import annotations

MAX_REASON_CHARS = 200

TOO_LONG = (
    f"That reason is too long: keep it to {MAX_REASON_CHARS} characters, like "
    "`feedback 12 wrong-flag it's a thank-you, not a pitch`. Nothing was kept."
)
ONLY_WITH_WRONG_FLAG = (
    "A reason goes with Wrong flag only: `feedback 12 wrong-flag <why>`. Nothing was kept."
)


def kept_line(reason: str | None) -> str:
    """What the reply says about the reason: where it is stored."""
    if not reason:
        return ""
    return (
        " I stored your reason with that verdict, where your feedback is kept, to help tune the "
        "reviews; `export` includes it and `forget-me` deletes it."
    )
