"""`videowall verify` on packages made to hurt it: every problem becomes a FAIL line, nothing hangs or crashes.

The manifests below are signed with a valid key on purpose: a signature says who wrote a manifest, not that
its file names are harmless, so no check may lean on it.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from hypothesis import given, strategies as st

from tests.fixtures.hostile import FUZZ, NOTE, NOW, finishes, make_small_package
from videowall.cli import run
from videowall.evidence import verify as verify_module
from videowall.evidence.cms_verify import CmsError, verify_detached
from videowall.evidence.manifest import MANIFEST, SCHEMA, SIGNATURE, SUMS
from videowall.evidence.manifest_read import PackageFileError, parse_manifest, parse_sums, path_problem
from videowall.evidence.signing import self_signed_identity, sign_detached
from videowall.evidence.verify import verify_package

ZERO_HASH = "0" * 64


@pytest.fixture(scope="module")
def identity():
    return self_signed_identity("Straż Miejska", "Stanowisko 1", NOW, key_type="ecdsa-p256")


@pytest.fixture(scope="module")
def pristine(identity, tmp_path_factory):
    return make_small_package(tmp_path_factory.mktemp("pristine") / "SM-2026-1", identity)


@pytest.fixture
def package(pristine, tmp_path):
    root = tmp_path / pristine.root.name
    shutil.copytree(pristine.root, root, symlinks=True)
    return type(pristine)(root, pristine.identity)


def problems_of(root, **kwargs) -> list[str]:
    return finishes(lambda: verify_package(root, **kwargs)).problems


def test_the_untouched_package_verifies(package):
    assert problems_of(package.root) == []


def _clip_entry(path: str, framehash: str = "clips/x.framehash") -> dict:
    return {"path": path, "bytes": 1, "sha256": ZERO_HASH,
            "framehash": {"path": framehash, "bytes": 1, "sha256": ZERO_HASH}}


@pytest.mark.parametrize("change, expected", [
    (lambda m: m.update(items=[{"files": [_clip_entry("/etc/passwd")]}]), "'/etc/passwd' is absolute"),
    (lambda m: m.update(items=[{"files": [_clip_entry("../../etc/passwd")]}]), "leaves the package folder"),
    (lambda m: m.update(items=[{"files": [_clip_entry("clips/../../x.mp4")]}]), "leaves the package folder"),
    (lambda m: m.update(items=[{"files": [_clip_entry("C:/Windows/win.ini")]}]), "is absolute"),
    (lambda m: m.update(items=[{"files": [_clip_entry("clips\\..\\..\\x.mp4")]}]), "is absolute"),
    (lambda m: m.update(items=[{"files": [_clip_entry("clips//x.mp4")]}]), "is not plain"),
    (lambda m: m.update(items=[{"files": [_clip_entry("clips/x\x00.mp4")]}]), "control characters"),
    (lambda m: m.update(items=[{"files": [_clip_entry("clips/\u202ethc.mp4")]}]), "control characters"),
    (lambda m: m.update(items=[{"files": [_clip_entry("a.mp4", framehash="a.mp4")]}]), "lists 'a.mp4' twice"),
    (lambda m: m["other_files"].append(dict(m["other_files"][0])), "twice"),
    (lambda m: m.update(items="everything"), "'items' is not a list of objects"),
    (lambda m: m.update(items=[{"files": [{"path": "a.mp4"}]}]), "has no valid size"),
    (lambda m: m.update(items=[{"files": [{**_clip_entry("a.mp4"), "framehash": None}]}]), "no framehash entry"),
    (lambda m: m["other_files"][0].update(sha256="not hex"), "has no valid SHA-256"),
    (lambda m: m["other_files"][0].update(bytes=True), "has no valid size"),
    (lambda m: m.update(signing=["x"]), "'signing' is not an object"),
    (lambda m: m.update(schema="videowall.evidence-export/99"), "unknown schema"),
])
def test_a_malformed_signed_manifest_is_reported_not_followed(package, change, expected):
    manifest = package.manifest()
    change(manifest)
    package.sign_manifest(manifest)
    problems = problems_of(package.root)
    assert any(p.startswith(f"{MANIFEST}: unreadable") and expected in p for p in problems), problems


@pytest.mark.parametrize("data, expected", [
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"schema": "videowall.evidence-export/1", "schema": "other"}', "the key 'schema' appears twice"),
    (b"\xff\xfe{}", "not UTF-8 text"),
    (b'{"schema": ' + b"9" * 5000 + b"}", "not readable JSON"),
    (b"", "not readable JSON"),
    (b"null", "not a JSON object"),
])
def test_manifest_bytes_that_are_no_manifest_are_reported(package, data, expected):
    package.sign(data)
    problems = problems_of(package.root)
    assert any(p.startswith(f"{MANIFEST}: unreadable") and expected in p for p in problems), problems


def test_an_oversized_manifest_is_refused_before_it_is_read_whole(package, monkeypatch):
    monkeypatch.setattr(verify_module, "MAX_MANIFEST_BYTES", 4096)
    package.sign(json.dumps({"schema": SCHEMA, "padding": "x" * 10_000}).encode())
    assert f"{MANIFEST}: unreadable (larger than 4096 bytes, not a file of a package)" in problems_of(package.root)


def test_a_clip_named_outside_the_package_is_never_opened(package, tmp_path):
    # A pipe outside the package: opening it would block the verifier for ever.
    os.mkfifo(tmp_path / "trap")
    manifest = package.manifest()
    manifest["items"] = [{"files": [_clip_entry("../trap", framehash=NOTE)]}]
    package.sign_manifest(manifest)
    assert any("'../trap' leaves the package folder" in p for p in problems_of(package.root))


@pytest.mark.parametrize("make", ["symlink_to_device", "fifo", "symlinked_folder"])
def test_links_pipes_and_devices_in_the_package_are_refused_unread(package, tmp_path, make):
    target = package.root / NOTE
    target.unlink()
    if make == "symlink_to_device":
        target.symlink_to("/dev/zero")   # hashing it would never end
        expected = f"{NOTE}: a symbolic link"
    elif make == "fifo":
        os.mkfifo(target)                # opening it would block for ever
        expected = f"{NOTE}: not a plain file"
    else:
        (tmp_path / "elsewhere").mkdir()
        (package.root / "elsewhere").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
        target.write_text("Notatka służbowa\n", encoding="utf-8")
        expected = "elsewhere: a symbolic link"
    problems = problems_of(package.root)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_symlinked_manifest_is_not_read(package, tmp_path):
    outside = tmp_path / "outside.json"
    shutil.move(package.root / MANIFEST, outside)
    (package.root / MANIFEST).symlink_to(outside)
    problems = problems_of(package.root)
    assert f"{MANIFEST}: missing" in problems
    assert any(p.startswith(f"{MANIFEST}: a symbolic link") for p in problems)


@pytest.mark.parametrize("sums, expected", [
    (f"{ZERO_HASH}  ../../etc/passwd\n", "leaves the package folder"),
    (f"{ZERO_HASH}  /etc/passwd\n", "is absolute"),
    (f"{ZERO_HASH}  a.txt\n{ZERO_HASH}  a.txt\n", "line 2 names 'a.txt' a second time"),
    ("z" * 64 + "  a.txt\n", "line 1 is not '<SHA-256>  <file>'"),
    ("garbage without separator\n", "line 1 is not"),
    ("zażółć  a.txt\n", "not ASCII text"),
])
def test_a_malformed_sha256sums_is_reported(package, sums, expected):
    (package.root / SUMS).write_bytes(sums.encode("utf-8"))
    problems = problems_of(package.root)
    assert any(p.startswith(f"{SUMS}: unreadable") and expected in p for p in problems), problems


@pytest.mark.parametrize("signature, expected", [
    (b"", "truncated DER"),
    (b"\x30\x84\xff\xff\xff\xff", "truncated DER"),
    (b"\x30\x80" + b"\x00" * 10, "unsupported DER length"),
    (b"\x06\x00", "not readable CMS"),
    (b"\x30" + b"\x82\x10\x00" + b"\x00" * 4096, "not readable CMS"),
])
def test_a_garbage_signature_fails_the_check_with_a_reason(package, signature, expected):
    (package.root / SIGNATURE).write_bytes(signature)
    problems = problems_of(package.root)
    assert any(p.startswith(f"{SIGNATURE}: signature check failed") and expected in p for p in problems), problems


def test_an_oversized_signature_is_refused(package):
    (package.root / SIGNATURE).write_bytes(b"\x30" * (2 * 1024 * 1024))
    assert any(p.startswith(f"{SIGNATURE}: signature check failed: larger than 1 MiB") for p in
               problems_of(package.root))


@pytest.mark.parametrize("line", [
    "[1, 2]", '{"seq": 1}', "[" * 50_000, '{"seq": 1, "recorded_utc": "x", "actor": "a", "action": "b", '
                                           '"details": {}, "prev_hash": "0"}', "\x00"])
def test_unreadable_audit_excerpt_lines_are_named(package, line):
    package.write("report/audit_excerpt.jsonl", (line + "\n").encode("utf-8"))
    problems = problems_of(package.root)
    assert "report/audit_excerpt.jsonl: line 1 is unreadable" in problems


def test_file_names_cannot_forge_lines_of_the_report(package, capsys):
    package.write("x\nOK all files match the manifest", b"forged")
    assert run(["verify", str(package.root), "--no-framehash"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("FAIL ") for line in lines), lines
    assert "FAIL x\\u000aOK all files match the manifest: extra file, not in the manifest" in lines


# ---- fuzz: the parsers of package files raise only their own error ----------------------------------------


@FUZZ
@given(st.binary(max_size=2048))
def test_fuzz_manifest_bytes(data):
    try:
        parse_manifest(data)
    except PackageFileError as err:
        assert str(err)


_json_leaf = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
_json = st.recursive(_json_leaf, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                                         kids, max_size=4),
                     max_leaves=30)


@FUZZ
@given(st.dictionaries(st.sampled_from(["items", "other_files", "working_copies", "signing", "audit_anchor",
                                        "files", "path", "framehash"]), _json, max_size=6))
def test_fuzz_manifest_structure(fields):
    try:
        manifest = parse_manifest(json.dumps({"schema": SCHEMA, **fields}).encode())
    except PackageFileError as err:
        assert str(err)
    else:
        assert isinstance(manifest, dict)


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_sums(text):
    try:
        entries = parse_sums(text)
    except PackageFileError as err:
        assert str(err)
    else:
        assert all(path_problem(path) is None for path in entries)


@FUZZ
@given(st.text(max_size=80))
def test_fuzz_paths_stay_inside(path):
    if path_problem(path) is None:
        assert not path.startswith("/") and ".." not in path.split("/") and "\\" not in path


SIGNED_CONTENT = b'{"schema": "videowall.evidence-export/1"}\n'


@pytest.fixture(scope="module")
def signature(identity):
    return sign_detached(SIGNED_CONTENT, identity)   # once: ECDSA signatures differ from run to run


@FUZZ
@given(st.data())
def test_fuzz_a_damaged_signature_only_fails_the_check(signature, data):
    content = SIGNED_CONTENT
    signature = bytearray(signature)
    for _ in range(data.draw(st.integers(1, 4))):
        signature[data.draw(st.integers(0, len(signature) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(signature)))
    try:
        verify_detached(bytes(signature[:cut] if data.draw(st.booleans()) else signature), content)
    except CmsError as err:
        assert str(err)
