"""Roles and what each may do (issue #14). Camera-bound permissions are further limited to the camera groups
granted to a person (``Session.require``)."""

from __future__ import annotations

import enum


class Permission(enum.Enum):
    LIVE = "watch live video"
    PLAYBACK = "play back recordings"
    PTZ = "move PTZ cameras"
    BOOKMARK = "make and edit bookmarks"
    LEGAL_HOLD = "place or lift legal holds"
    EXPORT = "export evidence"
    UNLOCK_USERS = "unlock user accounts"
    MANAGE_USERS = "manage users"
    MANAGE_CAMERAS = "manage cameras"
    SETTINGS = "change the settings"
    READ_ACCESS_LOG = "read the access log"


# Permissions about footage of a camera: limited to the camera groups granted to the person.
CAMERA_BOUND = frozenset({Permission.LIVE, Permission.PLAYBACK, Permission.PTZ, Permission.BOOKMARK,
                          Permission.LEGAL_HOLD, Permission.EXPORT})


class Role(enum.Enum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    POLICE = "police"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def permissions(self) -> frozenset[Permission]:
        return _PERMISSIONS[self]

    @property
    def needs_groups(self) -> bool:
        """A police viewer sees only the groups granted to the unit; the others, without a grant, see all."""
        return self is Role.POLICE


_LABELS = {Role.OPERATOR: "operator", Role.SUPERVISOR: "shift supervisor", Role.POLICE: "police viewer",
           Role.ADMINISTRATOR: "administrator"}
_OPERATOR = frozenset({Permission.LIVE, Permission.PTZ, Permission.BOOKMARK, Permission.PLAYBACK})
_PERMISSIONS = {
    Role.OPERATOR: _OPERATOR,
    Role.SUPERVISOR: _OPERATOR | {Permission.LEGAL_HOLD, Permission.EXPORT, Permission.UNLOCK_USERS,
                                  Permission.READ_ACCESS_LOG},
    Role.POLICE: frozenset({Permission.LIVE, Permission.PLAYBACK, Permission.EXPORT}),
    # Administrators run the system; they watch no footage unless also given another account.
    Role.ADMINISTRATOR: frozenset({Permission.MANAGE_CAMERAS, Permission.MANAGE_USERS, Permission.SETTINGS,
                                   Permission.UNLOCK_USERS, Permission.READ_ACCESS_LOG}),
}


def parse_role(text: str) -> Role:
    from videowall.runtime.errors import ErrorKind, VideowallError

    try:
        return Role(str(text).strip().lower())
    except ValueError:
        raise VideowallError(ErrorKind.INVALID_INPUT, "A role is one of " + ", ".join(r.value for r in Role)
                             + f", not {text!r}.") from None
