"""Errors the rules raise for a move that is not allowed; the UI shows `message_key`."""

from __future__ import annotations


class IllegalAction(Exception):
    """A planned action breaks a rule; `code` is stable (`action/...`), the key is i18n."""

    def __init__(self, code: str, message_key: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail or message_key}")
        self.code = code
        self.message_key = message_key
        self.detail = detail
