"""A logged-in person and the checks of what they may do. Raised refusals say who, what and why."""

from __future__ import annotations

from dataclasses import dataclass

from videowall.access.roles import CAMERA_BOUND, Permission, Role
from videowall.model.camera import Camera
from videowall.runtime.errors import ErrorKind, VideowallError


@dataclass(frozen=True)
class Session:
    login: str
    full_name: str
    role: Role
    groups: frozenset[str]        # camera groups granted; empty: every group (not for police viewers)

    @property
    def operator(self) -> str:
        """How bookmarks, holds, manifests and the audit log name the person: name and role."""
        return f"{self.full_name} ({self.role.label})"

    def may(self, permission: Permission, camera: Camera | None = None) -> bool:
        return self._refusal(permission, camera) is None

    def require(self, permission: Permission, camera: Camera | None = None) -> None:
        """PERMISSION_DENIED saying why, unless this person may ``permission`` (on ``camera``)."""
        why = self._refusal(permission, camera)
        if why is not None:
            raise VideowallError(ErrorKind.PERMISSION_DENIED, why)

    def _refusal(self, permission: Permission, camera: Camera | None) -> str | None:
        if permission not in self.role.permissions:
            return f"{self.operator} may not {permission.value}: the role {self.role.label!r} does not allow it."
        if camera is None or permission not in CAMERA_BOUND:
            return None
        if not self.groups and not self.role.needs_groups:
            return None
        if camera.group.casefold() in {group.casefold() for group in self.groups}:
            return None
        granted = ", ".join(sorted(self.groups)) or "none"
        return (f"{self.operator} may not {permission.value} on camera {camera.name!r}: its group "
                f"{camera.group or '(no group)'!r} is not granted to them (granted: {granted}).")
