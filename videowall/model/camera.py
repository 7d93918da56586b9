"""Camera as the core sees it. No passwords here: credentials live in the keyring, keyed by camera id."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Transport(enum.Enum):
    """How RTP reaches us: interleaved in the RTSP connection (TCP), on UDP ports, or whichever the camera takes.

    The two automatic choices try one transport and fall back to the other when the camera answers that it
    does not support it (many small servers speak UDP only; some cameras refuse UDP through a firewall).
    """

    AUTO = "auto"               # TCP first, then UDP
    UDP_THEN_TCP = "udp-tcp"    # UDP first, then TCP
    TCP = "tcp"
    UDP = "udp"

    @property
    def order(self) -> tuple[Transport, ...]:
        """The concrete transports to try, in order."""
        if self is Transport.AUTO:
            return (Transport.TCP, Transport.UDP)
        if self is Transport.UDP_THEN_TCP:
            return (Transport.UDP, Transport.TCP)
        return (self,)


class Profile(enum.Enum):
    MAIN = "main"
    SUB = "sub"


@dataclass(frozen=True)
class Camera:
    id: int
    name: str
    main_url: str
    sub_url: str | None = None
    location: str = ""
    group: str = ""
    transport: Transport = Transport.AUTO
    has_credentials: bool = False
    record: bool = False                  # recorded by this station (the recording issue)
    record_profile: Profile = Profile.MAIN

    def url_for(self, profile: Profile) -> str:
        if profile is Profile.SUB and self.sub_url:
            return self.sub_url
        return self.main_url


@dataclass(frozen=True)
class Credentials:
    username: str
    password: str

    def __repr__(self) -> str:  # never print the password, even in a traceback's locals
        return f"Credentials(username={self.username!r}, password='***')"
