"""The audit log: append-only, hash-chained entries for exports, holds, deletions and edits."""

from __future__ import annotations

from videowall.audit.entry import AuditEntry
from videowall.audit.log import AuditLog

__all__ = ["AuditEntry", "AuditLog"]
