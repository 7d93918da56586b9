"""Reading the files of a package someone hands in: ``manifest.json``, ``SHA256SUMS`` and the folder tree.

Nothing in a package is trusted before it is checked: sizes are capped before anything is read in
full, JSON keys may appear once, every path must stay inside the package (no ``..``, no absolute or
drive paths, no backslashes, no control characters), a file is listed once, and the tree is walked
without following symbolic links or opening pipes and devices (either would hang a verifier).
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from videowall.evidence.manifest import SCHEMA
from videowall.runtime.text import brief, unsafe_character

_MIB = 1024 * 1024
MAX_MANIFEST_BYTES = 64 * _MIB   # ≈ 1 KB per clip: far beyond a 7-day, 64-camera export
MAX_SUMS_BYTES = 64 * _MIB
MAX_SIGNATURE_BYTES = _MIB       # a CMS signature with a CA chain is a few kB
MAX_AUDIT_EXCERPT_BYTES = 64 * _MIB
_HEX_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_DRIVE = re.compile(r"[A-Za-z]:")


class PackageFileError(ValueError):
    """A package file is malformed; the message says how (it is shown to the operator)."""


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; PackageFileError when it holds more than ``limit``. OSError when unreadable."""
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        size = f"{limit // _MIB} MiB" if limit % _MIB == 0 else f"{limit} bytes"
        raise PackageFileError(f"larger than {size}, not a file of a package")
    return data


def parse_manifest(data: bytes) -> dict[str, Any]:
    """The manifest as a dict whose listings (``items``, ``other_files``, ``working_copies``) are well formed."""
    manifest = _strict_json(data)
    if not isinstance(manifest, dict):
        raise PackageFileError("not a JSON object")
    if manifest.get("schema") != SCHEMA:
        raise PackageFileError(f"unknown schema {brief(manifest.get('schema'))}")
    for key in ("signing", "audit_anchor"):
        if not isinstance(manifest.get(key, {}), dict):
            raise PackageFileError(f"'{key}' is not an object")
    items = _list_of_objects(manifest, "items")
    for number, item in enumerate(items, 1):
        for entry in _list_of_objects(item, "files", f"item {number}"):
            _file_entry(entry, f"item {number}")
            if not isinstance(entry.get("framehash"), dict):
                raise PackageFileError(f"item {number}: a clip has no framehash entry")
            _file_entry(entry["framehash"], f"item {number}")
    for key in ("other_files", "working_copies"):
        for entry in _list_of_objects(manifest, key):
            _file_entry(entry, key)
    listed_paths(manifest)   # raises on a path listed twice
    return manifest


def listed_paths(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every file a parsed manifest lists, by relative path → its entry (``bytes``, ``sha256``)."""
    entries: list[dict[str, Any]] = []
    for item in manifest.get("items", []):
        for entry in item.get("files", []):
            entries += [entry, entry["framehash"]]
    entries += manifest.get("other_files", []) + manifest.get("working_copies", [])
    found: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry["path"] in found:
            raise PackageFileError(f"it lists {brief(entry['path'])} twice")
        found[entry["path"]] = entry
    return found


def parse_sums(text: str) -> dict[str, str]:
    """``SHA256SUMS`` lines (``<hex>  <path>`` or ``<hex> *<path>``) → {path: lower-case hex}."""
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, path = line.partition("  ")
        if not sep:
            digest, sep, path = line.partition(" *")
        if not sep or not _HEX_SHA256.fullmatch(digest):
            raise PackageFileError(f"line {number} is not '<SHA-256>  <file>': {brief(line)}")
        problem = path_problem(path)
        if problem:
            raise PackageFileError(f"line {number}: {problem}")
        if path in entries:
            raise PackageFileError(f"line {number} names {brief(path)} a second time")
        entries[path] = digest.lower()
    return entries


def path_problem(path: object) -> str | None:
    """Why ``path`` cannot name a file inside a package, or None when it can."""
    if not isinstance(path, str) or not path:
        return f"the file name {brief(path)} is not a relative path"
    if unsafe_character(path):
        return f"the file name {brief(path)} contains control characters"
    if path.startswith("/") or "\\" in path or _DRIVE.match(path):
        return f"the file name {brief(path)} is absolute; a package names its files relative to its folder"
    if any(part in ("", ".", "..") for part in path.split("/")):
        return f"the file name {brief(path)} leaves the package folder or is not plain (no '..', '.' or '//')"
    return None


@dataclass
class PackageTree:
    files: set[str] = field(default_factory=set)            # regular files, POSIX relative paths
    refused: dict[str, str] = field(default_factory=dict)   # relative path → why it is not read


def scan_tree(root: Path) -> PackageTree:
    """Every entry below ``root``, without following symbolic links or opening anything."""
    tree = PackageTree()
    for folder, dirs, names in os.walk(root, onerror=_raise):
        for name in (*dirs, *names):
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                tree.refused[relative] = "a symbolic link; a package holds plain files only, links are not followed"
            elif stat.S_ISREG(mode):
                tree.files.add(relative)
            elif not stat.S_ISDIR(mode):
                tree.refused[relative] = "not a plain file (a pipe, socket or device); it is not read"
    return tree


def _raise(err: OSError) -> None:
    raise err


def _strict_json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_no_repeated_keys)
    except UnicodeDecodeError as err:
        raise PackageFileError(f"not UTF-8 text ({err.reason} at byte {err.start})") from None
    except RecursionError:
        raise PackageFileError("nested too deeply") from None
    except PackageFileError:
        raise
    except ValueError as err:
        raise PackageFileError(f"not readable JSON ({brief(str(err), 120, quote=False)})") from None


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two readers could take different copies of a repeated key: a signed manifest must say one thing.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise PackageFileError(f"the key {brief(key)} appears twice in one object")
        out[key] = value
    return out


def _list_of_objects(parent: dict[str, Any], key: str, where: str = "") -> list[dict[str, Any]]:
    value = parent.get(key, [])
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise PackageFileError(f"{where + ': ' if where else ''}'{key}' is not a list of objects")
    return value


def _file_entry(entry: dict[str, Any], where: str) -> None:
    problem = path_problem(entry.get("path"))
    if problem:
        raise PackageFileError(f"{where}: {problem}")
    size, digest = entry.get("bytes"), entry.get("sha256")
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise PackageFileError(f"{where}: {brief(entry['path'])} has no valid size")
    if not isinstance(digest, str) or not _HEX_SHA256.fullmatch(digest):
        raise PackageFileError(f"{where}: {brief(entry['path'])} has no valid SHA-256")
