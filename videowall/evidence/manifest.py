"""manifest.json of an evidence package: schema "videowall.evidence-export/1", UTF-8, sorted keys.

It lists every file of the package with its size and SHA-256 except the four that cannot be in it:
itself, its signature, SHA256SUMS (written after it) and the handover protocol PDF (which prints
the manifest's own SHA-256). Those four are named in ``unlisted_files``.
"""

from __future__ import annotations

import json
import platform
import socket
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from videowall import __version__
from videowall.evidence.request import ExportRequest, Exporter
from videowall.evidence.signing import SIGNATURE_FORMAT, SigningIdentity, cert_sha256
from videowall.model.camera import Camera
from videowall.recording.types import TimeGap

SCHEMA = "videowall.evidence-export/1"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.p7s"
SUMS = "SHA256SUMS"
PROTOCOL_PDF = "report/protokol_przekazania.pdf"
UNLISTED_FILES = {
    MANIFEST: "this manifest",
    SIGNATURE: "detached CMS signature over the exact bytes of manifest.json",
    SUMS: "SHA-256 of every file including manifest.json, for sha256sum -c",
    PROTOCOL_PDF: "printable handover protocol; it states the SHA-256 of manifest.json",
}
DERIVATION = "remux, no re-encode"


@dataclass(frozen=True)
class FileRecord:
    path: str
    bytes: int
    sha256: str


@dataclass
class ClipFileRecord:
    clip: FileRecord
    framehash: FileRecord
    first_frame_utc: datetime
    last_frame_utc: datetime
    packets: int


@dataclass
class CameraItem:
    camera: Camera
    stream: dict[str, Any]
    source_uri: str
    first_frame_utc: datetime
    last_frame_utc: datetime
    gaps: list[TimeGap]
    time_sources: list[str]
    files: list[ClipFileRecord] = field(default_factory=list)


def build_manifest(package_id: str, request: ExportRequest, exporter: Exporter, created_utc: datetime,
                   items: list[CameraItem], other_files: dict[str, tuple[FileRecord, str]],
                   audit_anchor: tuple[int, str], identity: SigningIdentity, libs: dict[str, str]) -> dict[str, Any]:
    zone = ZoneInfo(exporter.timezone)

    def when(moment: datetime) -> dict[str, str]:
        return {"utc": utc_text(moment), "local": moment.astimezone(zone).isoformat(timespec="milliseconds")}

    return {
        "schema": SCHEMA,
        "package_id": package_id,
        "exhibit_id": request.exhibit_id,
        "created": {**when(created_utc), "tz": exporter.timezone},
        "exporter": {
            "organisation": exporter.organisation, "unit": exporter.unit,
            "operator": {"id": exporter.operator_id, "name": exporter.operator_name, "role": exporter.operator_role},
            "workstation": {"hostname": socket.gethostname(), "os": platform.platform(),
                            "station_name": exporter.station_name},
            "software": {"name": "videowall", "version": __version__, "libs": libs},
            "clock": {"offset_ms": exporter.clock_offset_ms},
        },
        "request": {
            "authority": request.authority, "case_number": request.case_number, "request_ref": request.request_ref,
            "officer": {"name": request.officer.name, "rank": request.officer.rank, "badge": request.officer.badge},
            "legal_basis": request.legal_basis, "reason": request.reason, "bookmark_ids": list(request.bookmark_ids),
            "incident": {"description": request.incident_description, "place": request.incident_place},
        },
        "items": [_item(item, request, when) for item in items],
        "other_files": [{"path": record.path, "bytes": record.bytes, "sha256": record.sha256, "purpose": purpose}
                        for record, purpose in sorted(other_files.values(), key=lambda v: v[0].path)],
        "working_copies": [],
        "unlisted_files": UNLISTED_FILES,
        "audit_anchor": {"seq": audit_anchor[0], "entry_hash": audit_anchor[1]},
        "signing": {"signer_cert_sha256": cert_sha256(identity.certificate),
                    "ca_cert_sha256": cert_sha256(identity.chain[0]) if identity.chain else None,
                    "hash_alg": identity.hash_alg, "signature_file": SIGNATURE,
                    "signature_format": SIGNATURE_FORMAT, "key_source": identity.source},
    }


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def utc_text(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")


def strip_credentials(url: str) -> str:
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _item(item: CameraItem, request: ExportRequest, when) -> dict[str, Any]:
    camera = item.camera
    return {
        "camera": {"id": camera.id, "name": camera.name, "location": camera.location, "vendor": None,
                   "model": None, "serial": None, "firmware": None},
        "stream": item.stream,
        "source": {"kind": "rtsp", "uri": strip_credentials(item.source_uri)},
        "time": {
            "requested_utc": [utc_text(request.start_utc), utc_text(request.end_utc)],
            "requested_local": [when(request.start_utc)["local"], when(request.end_utc)["local"]],
            "first_frame_utc": utc_text(item.first_frame_utc), "first_frame_local": when(item.first_frame_utc)["local"],
            "last_frame_utc": utc_text(item.last_frame_utc), "last_frame_local": when(item.last_frame_utc)["local"],
            "timestamp_source": item.time_sources,
            "gaps": [{"start_utc": utc_text(g.start_utc), "end_utc": utc_text(g.end_utc), "reason": g.reason}
                     for g in item.gaps],
        },
        "files": [{
            "path": f.clip.path, "bytes": f.clip.bytes, "sha256": f.clip.sha256, "container": "mp4",
            "derivation": DERIVATION, "packets": f.packets,
            "first_frame_utc": utc_text(f.first_frame_utc), "last_frame_utc": utc_text(f.last_frame_utc),
            "framehash": {"path": f.framehash.path, "bytes": f.framehash.bytes, "sha256": f.framehash.sha256,
                          "format": "ffmpeg framehash v2, sha256, h264_mp4toannexb"},
        } for f in item.files],
    }
