"""Who is at the workstation: named as the operator on bookmarks, holds and audit entries."""

from __future__ import annotations

import getpass

UNKNOWN_OPERATOR = "unknown operator"


def current_operator() -> str:
    """The logged-in OS user."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):   # no login name in the environment nor in the password database
        return UNKNOWN_OPERATOR
    return name.strip() or UNKNOWN_OPERATOR
