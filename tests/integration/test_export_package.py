"""A real export of recorded simulator footage (2 cameras), checked with the recipients' own tools."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import av
import pytest

from tests.fixtures.footage import ExportEnv, build_export_env
from videowall.evidence.av_io import framehash_body
from videowall.evidence.job import ExportResult
from videowall.evidence.verify import verify_package

FFPROBE_FIELDS = "codec_name,profile,level,width,height,pix_fmt,extradata_size,extradata_hash"


@dataclass
class Exported:
    env: ExportEnv
    result: ExportResult
    request: object
    manifest: dict

    @property
    def root(self) -> Path:
        return self.result.package_dir

    def clip(self, camera_index: int) -> dict:
        return self.manifest["items"][camera_index]["files"][0]

    def copy(self, target: Path) -> Path:
        return Path(shutil.copytree(self.root, target / self.root.name))


@pytest.fixture(scope="module")
def exported(footage, simulator, station_identity, tmp_path_factory) -> Exported:
    base = tmp_path_factory.mktemp("export")
    env = build_export_env(footage, simulator, station_identity, base / "station")
    (base / "usb").mkdir()
    request = env.request()
    result = env.export(base / "usb", request)
    manifest = json.loads((result.package_dir / "manifest.json").read_bytes())
    yield Exported(env, result, request, manifest)
    env.conn.close()


def _openssl_verify(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
                           "-content", "manifest.json", "-noverify", "-out", "/dev/null"],
                          cwd=root, capture_output=True, text=True, timeout=30)


def _sha256sum_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=root, capture_output=True, text=True, timeout=30)


def _ffprobe(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", f"stream={FFPROBE_FIELDS}",
                          "-show_data_hash", "sha256", "-of", "json", str(path)],
                         capture_output=True, text=True, timeout=30, check=True).stdout
    return json.loads(out)["streams"][0]


def _source_packets(segments) -> list[tuple[datetime, datetime, bool, str]]:
    """(pts time, dts time, keyframe, SHA-256 of the bytes) of every recorded packet, in order."""
    packets = []
    for segment in segments:
        with av.open(str(segment.path)) as container:
            stream = container.streams.video[0]
            anchor = None
            for packet in container.demux(stream):
                if packet.pts is None or packet.size == 0:
                    continue
                anchor = packet.pts if anchor is None else anchor
                at = lambda ticks: segment.start_utc + timedelta(microseconds=round((ticks - anchor) * stream.time_base * 10**6))
                packets.append((at(packet.pts), at(packet.dts), packet.is_keyframe,
                                hashlib.sha256(bytes(packet)).hexdigest()))
    return packets


def _clip_packet_hashes(path: Path) -> list[str]:
    with av.open(str(path)) as container:
        return [hashlib.sha256(bytes(p)).hexdigest() for p in container.demux(container.streams.video[0]) if p.size]


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_openssl_and_sha256sum_accept_the_package(exported):
    assert _openssl_verify(exported.root).stderr.strip() == "CMS Verification successful"
    check = _sha256sum_check(exported.root)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK") == len((exported.root / "SHA256SUMS").read_text().splitlines()) == 14
    assert not exported.root.with_name(exported.root.name + ".partial").exists()


def test_layout_names_are_ascii_and_as_designed(exported):
    files = sorted(p.relative_to(exported.root).as_posix() for p in exported.root.rglob("*") if p.is_file())
    assert all(name.isascii() for name in files)
    stem1 = f"CAM001_Rynek_Glowny_{exported.request.start_utc:%Y%m%dT%H%M%SZ}_{exported.request.end_utc:%Y%m%dT%H%M%SZ}"
    assert f"video/{stem1}.mp4" in files and f"video/{stem1}.framehash.txt" in files
    assert {"CZYTAJ_MNIE.txt", "README.txt", "WERYFIKACJA.txt", "VERIFY.txt", "manifest.json", "manifest.json.p7s",
            "SHA256SUMS", "certs/signer.crt", "certs/FINGERPRINTS.txt", "report/protokol_przekazania.pdf",
            "report/audit_excerpt.jsonl"} <= set(files)


def test_clips_are_packet_copies_with_the_source_codec_parameters(exported):
    for index, camera in enumerate(exported.env.footage.camera_ids):
        segments = exported.env.footage.segments(camera)
        clip = exported.root / exported.clip(index)["path"]
        copied = _clip_packet_hashes(clip)
        # The codec parameters of the segment the clip starts in (segments may lay them out differently).
        first = next(seg for seg in segments if copied[0] in {p[3] for p in _source_packets([seg])})
        assert _ffprobe(clip) == _ffprobe(first.path)
        source = [p[3] for p in _source_packets(segments)]
        start = source.index(copied[0])
        assert source[start:start + len(copied)] == copied   # every packet byte-identical, none missing
        assert exported.clip(index)["packets"] == len(copied)


def test_clip_covers_the_request_and_the_manifest_states_the_real_frame_times(exported):
    request = exported.request
    for index, camera in enumerate(exported.env.footage.camera_ids):
        packets = _source_packets(exported.env.footage.segments(camera))
        first = max(p[0] for p in packets if p[2] and p[0] <= request.start_utc)     # keyframe before the start
        last = max(p[0] for p in packets if p[1] < request.end_utc)
        time = exported.manifest["items"][index]["time"]
        assert abs(_utc(time["first_frame_utc"]) - first) <= timedelta(microseconds=1)
        assert abs(_utc(time["last_frame_utc"]) - last) <= timedelta(microseconds=1)
        assert _utc(time["first_frame_utc"]) <= request.start_utc < _utc(time["last_frame_utc"]) < request.end_utc
        assert time["requested_utc"] == [request.start_utc.isoformat().replace("+00:00", "Z"),
                                         request.end_utc.isoformat().replace("+00:00", "Z")]
        assert time["first_frame_local"].endswith(("+01:00", "+02:00"))
        sources = sorted({s.time_source.value for s in exported.env.footage.segments(camera)})
        assert time["gaps"] == [] and time["timestamp_source"] == sources
        with av.open(str(exported.root / exported.clip(index)["path"])) as clip:
            first_pts = next(p.pts for p in clip.demux(clip.streams.video[0]) if p.size)
        assert first_pts == 0   # every clip (part) starts at zero, as players and the ffmpeg tool expect


def test_framehash_lists_match_the_ffmpeg_tool(exported):
    for index in range(2):
        entry = exported.clip(index)
        tool = subprocess.run(["ffmpeg", "-v", "error", "-i", str(exported.root / entry["path"]), "-map", "0:v",
                               "-bsf:v", "h264_mp4toannexb", "-c", "copy", "-f", "framehash", "-hash", "sha256", "-"],
                              capture_output=True, text=True, timeout=60, check=True).stdout
        ours = (exported.root / entry["framehash"]["path"]).read_text()
        assert framehash_body(ours) == framehash_body(tool)
        assert len(framehash_body(ours)) > entry["packets"]
        assert ours.startswith("#format: frame checksums\n#version: 2\n#hash: SHA256\n")


def test_videowall_verify_accepts_the_untouched_package(exported):
    report = verify_package(exported.root)
    assert report.problems == []
    assert report.checked_files == 11
    assert "Stanowisko 3" in report.signer


def test_manifest_is_sorted_utf8_and_names_request_exporter_and_signer(exported):
    raw = (exported.root / "manifest.json").read_bytes()
    manifest = exported.manifest
    assert raw == (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    assert "Straż Miejska Miasta Krakowa".encode() in raw
    assert manifest["schema"] == "videowall.evidence-export/1"
    assert manifest["exhibit_id"] == "SM-2026-000123"
    assert manifest["request"]["officer"] == {"name": "Anna Nowak", "rank": "st. asp.", "badge": "12345"}
    assert manifest["request"]["case_number"] == "RSD-123/26"
    assert manifest["exporter"]["operator"]["name"] == "Jan Kowalski"
    assert manifest["signing"]["signer_cert_sha256"] == exported.result.signer_cert_sha256
    assert manifest["signing"]["hash_alg"] == "RSA-3072 PKCS#1 v1.5 SHA-256"
    assert manifest["items"][0]["camera"]["name"] == "Rynek Główny"
    assert manifest["items"][0]["source"]["uri"].startswith("rtsp://127.0.0.1:")
    assert manifest["items"][0]["stream"]["width"] == 1280
    assert manifest["items"][0]["files"][0]["derivation"] == "remux, no re-encode"
    assert hashlib.sha256(raw).hexdigest() == exported.result.manifest_sha256


def test_audit_records_start_and_completion_and_the_package_holds_the_anchor(exported):
    entries = [e for e in exported.env.audit.entries() if e.details.get("package_id") == exported.result.package_id]
    assert [e.action for e in entries] == ["evidence.export.started", "evidence.export.completed"]
    assert entries[0].actor == "op7"
    assert entries[0].details["station"] == "Stanowisko 3"       # the access log names where it was exported
    assert entries[1].details["manifest_sha256"] == exported.result.manifest_sha256
    assert exported.manifest["audit_anchor"] == {"seq": entries[0].seq, "entry_hash": entries[0].entry_hash}
    excerpt = [json.loads(line) for line in (exported.root / "report/audit_excerpt.jsonl").read_text().splitlines()]
    assert excerpt == [entries[0].to_json()]
    assert exported.env.audit.verify() == []


def test_texts_certificates_and_protocol(exported):
    readme = (exported.root / "CZYTAJ_MNIE.txt").read_bytes()
    assert readme.startswith("\ufeffPAKIET DOWODOWY SM-2026-000123".encode())
    assert readme.index("Zawartość".encode()) < readme.index(b"Contents")
    assert b"\r\n" in readme and readme == (exported.root / "README.txt").read_bytes()
    verify_text = (exported.root / "WERYFIKACJA.txt").read_text(encoding="utf-8-sig")
    assert "openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify" in verify_text
    assert "certutil -hashfile manifest.json SHA256" in verify_text
    assert "sha256sum -c SHA256SUMS" in verify_text and "SignedCms" in verify_text
    cert_pem = (exported.root / "certs/signer.crt").read_bytes()
    der = subprocess.run(["openssl", "x509", "-outform", "DER"], input=cert_pem, capture_output=True, check=True).stdout
    fingerprints = (exported.root / "certs/FINGERPRINTS.txt").read_text(encoding="utf-8-sig")
    assert hashlib.sha256(der).hexdigest().upper() in fingerprints
    assert hashlib.sha1(der).hexdigest().upper() in fingerprints
    pdf = (exported.root / "report/protokol_przekazania.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert b"DejaVuSans" in pdf or b"Arial" in pdf   # an embedded font that has Polish letters


def test_a_flipped_byte_in_a_clip_is_found(exported, tmp_path):
    root = exported.copy(tmp_path)
    entry = exported.clip(0)
    offset, packet_index = _inside_a_slice(root / entry["path"])
    listing = framehash_body((root / entry["framehash"]["path"]).read_text())
    packet_line = sum(line.startswith("#") for line in listing) + packet_index + 1
    _flip(root / entry["path"], offset)
    assert verify_package(root).problems == [
        f"{entry['path']}: changed (size or SHA-256 differs from the manifest)",
        f"{entry['path']}: its frames do not match {entry['framehash']['path']} "
        f"(first difference at line {packet_line})",
    ]
    check = _sha256sum_check(root)
    assert check.returncode == 1 and f"{entry['path']}: FAILED" in check.stdout
    assert _openssl_verify(root).returncode == 0   # the manifest itself is intact: its signature still holds


def test_a_flipped_nal_length_makes_the_clip_unreadable(exported, tmp_path):
    root = exported.copy(tmp_path)
    entry = exported.clip(0)
    with av.open(str(root / entry["path"])) as container:
        packet = max(container.demux(container.streams.video[0]), key=lambda p: p.size or 0)
        offset = packet.pos   # the first byte of the 4-byte NAL length prefix
    _flip(root / entry["path"], offset, 0x40)
    assert verify_package(root).problems == [
        f"{entry['path']}: changed (size or SHA-256 differs from the manifest)",
        f"{entry['path']}: its packets cannot be read (InvalidDataError)",
    ]


def _inside_a_slice(clip: Path) -> tuple[int, int]:
    """(file offset of a byte deep inside the largest packet's slice data, the packet's index).

    Slice data is only hashed, never parsed by the bitstream filter, so the clip stays readable.
    """
    with av.open(str(clip)) as container:
        packets = [p for p in container.demux(container.streams.video[0]) if p.size]
    index, packet = max(enumerate(packets), key=lambda item: item[1].size)
    assert packet.size > 256
    return packet.pos + packet.size - 64, index


def _flip(path: Path, offset: int, mask: int = 0x01) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


def test_an_added_file_is_found(exported, tmp_path):
    root = exported.copy(tmp_path)
    (root / "video" / "extra.mp4").write_bytes(b"not evidence")
    assert verify_package(root).problems == ["video/extra.mp4: extra file, not in the manifest"]


def test_a_removed_file_is_found(exported, tmp_path):
    root = exported.copy(tmp_path)
    framehash = exported.clip(1)["framehash"]["path"]
    (root / framehash).unlink()
    assert verify_package(root).problems == [f"{framehash}: missing (listed in the manifest)"]
    check = _sha256sum_check(root)
    assert check.returncode == 1 and f"{framehash}: FAILED open or read" in check.stdout


def test_an_edited_manifest_is_found(exported, tmp_path):
    root = exported.copy(tmp_path)
    manifest = root / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b"RSD-123/26", b"RSD-124/26"))
    problems = verify_package(root).problems
    assert problems[0] == ("manifest.json.p7s: signature check failed: the manifest does not match the signature "
                           "(message digest differs: the manifest was changed)")
    assert "manifest.json: changed (SHA-256 differs from SHA256SUMS)" in problems
    failed = _openssl_verify(root)
    assert failed.returncode != 0 and "Verification failure" in failed.stderr


def _city_ca_pkcs12(password: bytes) -> tuple[bytes, object]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    from tests.fixtures.certs import city_ca_chain
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca, leaf = city_ca_chain(ca_key, key, datetime.now().astimezone())
    return pkcs12.serialize_key_and_certificates(b"sm", key, leaf, [ca],
                                                 serialization.BestAvailableEncryption(password)), ca


def test_package_signed_with_an_imported_city_ca_certificate(export_env, tmp_path):
    from videowall.config.secrets import open_secrets
    from videowall.evidence.keystore import SigningKeyStore
    from videowall.evidence.secret_names import NamedSecrets
    from videowall.evidence.signing import cert_sha256
    data, ca = _city_ca_pkcs12(b"tajne")
    export_env.identity = SigningKeyStore(tmp_path / "keys", NamedSecrets(open_secrets("memory"))).import_pkcs12(
        data, "tajne")
    (tmp_path / "usb").mkdir()
    root = export_env.export(tmp_path / "usb", export_env.request(exhibit="SM-CA-1")).package_dir
    manifest = json.loads((root / "manifest.json").read_bytes())
    assert manifest["signing"]["ca_cert_sha256"] == cert_sha256(ca)
    assert manifest["signing"]["key_source"] == "imported"
    assert manifest["signing"]["hash_alg"] == "ECDSA secp256r1 SHA-256"
    chain = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
                            "-content", "manifest.json", "-CAfile", "certs/ca.crt", "-purpose", "any", "-out",
                            "/dev/null"], cwd=root, capture_output=True, text=True, timeout=30)
    assert chain.stderr.strip() == "CMS Verification successful"
    assert "-CAfile certs/ca.crt -purpose any" in (root / "WERYFIKACJA.txt").read_text(encoding="utf-8-sig")
    assert verify_package(root).problems == []
