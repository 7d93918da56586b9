"""The audit log: append-only, hash-chained entries for exports, holds, deletions and edits."""

from __future__ import annotations

from collections.abc import Sequence

from videowall.audit.entry import AuditEntry
from videowall.audit.log import AuditLog
from videowall.storage.migrations import MIGRATIONS, Migration
from videowall.storage.schema_audit import STATEMENTS

AUDIT_MIGRATION_DESCRIPTION = "audit log"

__all__ = ["AuditEntry", "AuditLog", "audit_migrations"]


def audit_migrations(base: Sequence[Migration] = MIGRATIONS) -> tuple[Migration, ...]:
    """``base`` with the audit log migration, unless it already has one.

    Bridges the time until ``schema_audit.STATEMENTS`` is part of ``MIGRATIONS`` itself; afterwards
    this returns ``base`` unchanged.
    """
    if any(m.description == AUDIT_MIGRATION_DESCRIPTION for m in base):
        return tuple(base)
    return (*base, Migration(len(base) + 1, AUDIT_MIGRATION_DESCRIPTION, STATEMENTS))
