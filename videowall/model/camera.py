"""Camera as the core sees it. No passwords here: credentials live in the keyring, keyed by camera id."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Transport(enum.Enum):
    TCP = "tcp"
    UDP = "udp"


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
    transport: Transport = Transport.TCP
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
