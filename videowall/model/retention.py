"""How long footage is kept, by the law that applies to the deployment, and how much disk stays free.

* Straż Miejska / Gminna: recordings without evidence are kept no shorter than 20 and no longer than
  60 days (Rozporządzenie RM of 16 Dec 2009, § 3); default 30.
* Municipal monitoring: at most 3 months (ustawa o samorządzie gminnym, art. 9a), here 90 days.

Footage secured as evidence (a legal hold) is outside both limits until the hold is lifted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from videowall.runtime.errors import ErrorKind, VideowallError
from videowall.runtime.text import brief

GIB = 1024 ** 3
DEFAULT_RETENTION_DAYS = 30


class Deployment(enum.Enum):
    STRAZ = "straz"     # Straż Miejska / Gminna
    GMINA = "gmina"     # municipal monitoring run by the gmina itself


# (shortest, longest) retention in days the law allows, and the minimum kept even when disk runs short.
RETENTION_LIMITS: dict[Deployment, tuple[int, int]] = {Deployment.STRAZ: (20, 60), Deployment.GMINA: (1, 90)}
LEGAL_MINIMUM_DAYS: dict[Deployment, int] = {Deployment.STRAZ: 20, Deployment.GMINA: 0}


@dataclass(frozen=True)
class RetentionPolicy:
    deployment: Deployment = Deployment.STRAZ
    retention_days: int = DEFAULT_RETENTION_DAYS
    min_free_bytes: int = 5 * GIB      # below this, the oldest unheld footage goes before its time
    warn_free_bytes: int = 20 * GIB    # below this, the operator is warned (nothing is deleted yet)

    def __post_init__(self) -> None:
        if not isinstance(self.deployment, Deployment):
            object.__setattr__(self, "deployment", parse_deployment(self.deployment))
        validate_retention_days(self.deployment, self.retention_days)
        if not (_is_int(self.min_free_bytes) and self.min_free_bytes >= 0):
            raise VideowallError(ErrorKind.INVALID_INPUT, "The free-space floor must be zero or more bytes.")
        if not (_is_int(self.warn_free_bytes) and self.warn_free_bytes >= self.min_free_bytes):
            raise VideowallError(ErrorKind.INVALID_INPUT,
                                 "The free-space warning level must be at or above the free-space floor.")

    @property
    def legal_minimum_days(self) -> int:
        """Footage younger than this is never deleted for space (recording stops instead)."""
        return min(LEGAL_MINIMUM_DAYS[self.deployment], self.retention_days)


def parse_deployment(value: object) -> Deployment:
    try:
        return Deployment(str(value).strip().lower())
    except ValueError:
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"The deployment must be 'straz' (Straż Miejska/Gminna) or 'gmina' "
                             f"(municipal monitoring), not {brief(value)}.") from None


def validate_retention_days(deployment: Deployment, days: object) -> int:
    """Raise INVALID_INPUT unless ``days`` is a whole number the law allows for ``deployment``."""
    low, high = RETENTION_LIMITS[deployment]
    if not (_is_int(days) and low <= days <= high):
        law = ("20–60 days for Straż Miejska/Gminna (Rozporządzenie RM of 16 Dec 2009, § 3)"
               if deployment is Deployment.STRAZ else
               "at most 90 days for municipal monitoring (ustawa o samorządzie gminnym, art. 9a)")
        raise VideowallError(ErrorKind.INVALID_INPUT,
                             f"Retention must be a whole number of days from {low} to {high}, not {brief(days)}: "
                             f"the law allows {law}.")
    return int(days)


def policy_from_settings(settings: object) -> RetentionPolicy:
    """The policy from station settings (fields ``deployment``, ``retention_days``, ``min_free_gb``,
    ``warn_free_gb``); a field the settings do not have yet keeps its default."""
    defaults = RetentionPolicy()
    min_gb = getattr(settings, "min_free_gb", None)
    warn_gb = getattr(settings, "warn_free_gb", None)
    return RetentionPolicy(
        deployment=parse_deployment(getattr(settings, "deployment", defaults.deployment.value)),
        retention_days=getattr(settings, "retention_days", defaults.retention_days),
        min_free_bytes=defaults.min_free_bytes if min_gb is None else int(float(min_gb) * GIB),
        warn_free_bytes=defaults.warn_free_bytes if warn_gb is None else int(float(warn_gb) * GIB))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
