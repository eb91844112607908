"""Builds web/dist: Pyodide's core, the engine and phonenumbers wheels, the widget, a manifest.

    .venv/bin/python web/build.py [--phonenumbers lite|full] [--force]

Layout (every directory but the root is content- or version-addressed, so Flask can serve
it with a year-long immutable cache; only manifest.json is revalidated):

    dist/manifest.json                    engine version, entry points, every file's sha256 and size
    dist/pyodide/<version>[+<pages>p]/... the core files from the npm package pinned in package-lock.json;
                                          with a snapshot, the wasm starts with the snapshot's memory
    dist/wheels/<sha>/<wheel>             the engine wheel (built here) and phonenumbers' wheel
    dist/app/<sha>/...                    worker, client, widget, styles, plus bundle.mjs naming the above
    dist/snapshot/<key>/worker.snapshot.gz  the worker's Pyodide memory after `import engine` (gzip),
                                          keyed to the wheels' hashes and the Pyodide version
    *.gz                                  gzip of each .wasm/.mjs/.json/.css, sent to browsers that accept it

`pyodide build` needs to download a cross-build environment, so it cannot run offline; the
engine is pure Python, and `pip wheel --no-deps` builds the same py3-none-any wheel Pyodide loads.
The snapshot is made in Node (web/snapshot.mjs runs Pyodide there); it uses private API of the
pinned Pyodide, so it is made only for SNAPSHOT_PYODIDE, and the worker starts the normal way
whenever it is missing, stale or fails to restore.
Each step keeps a stamp of its inputs' hashes in web/build/ and is skipped when nothing changed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

WEB = Path(__file__).resolve().parent
ROOT = WEB.parent
SRC = WEB / "src"
DIST = WEB / "dist"
WORK = WEB / "build"  # git-ignored: stamps and the downloaded wheel cache
NODE_MODULES = WEB / "node_modules"

PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PHONENUMBERS_DIST = {"lite": "phonenumberslite", "full": "phonenumbers"}
ENGINE_DIST = "contactguard_engine"
SOURCE_DATE_EPOCH = "1700000000"  # fixed zip timestamps: the same sources give the same wheel bytes
HASH_LEN = 16
SNAPSHOT_MEMORY_BUDGET = 64 * 2**20  # a worker restoring a snapshot starts with that much memory
SNAPSHOT_PYODIDE = "314.0.7"  # makeMemorySnapshot/_loadSnapshot are private: checked on this version only
SNAPSHOT_NAME = "worker.snapshot.gz"
SNAPSHOT_HEAD = 48  # bytes of the snapshot's header the worker compares before restoring
SNAPSHOT_SOURCES = (WEB / "snapshot.mjs", WEB / "snapshot_warmup.py")


def pinned_phonenumbers(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The server's exact phonenumbers pin from pyproject.toml: the one place the version is written."""
    dependencies = tomllib.loads(pyproject.read_text("utf-8"))["project"]["dependencies"]
    for requirement in dependencies:
        name, sep, version = requirement.replace(" ", "").partition("==")
        if name == "phonenumbers" and sep:
            return version
    raise SystemExit("web: pyproject.toml must pin phonenumbers exactly (phonenumbers==X.Y.Z)")


# Both flavours (full and lite) share the matching metadata, so the browser ships lite at this version.
PHONENUMBERS_VERSION = pinned_phonenumbers()


def sha256_file(path: Path) -> str:
    """Hex sha256 of one file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_tree(paths: list[Path], base: Path) -> str:
    """One sha256 over several files' relative names and bytes."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(sha256_file(path).encode() + b"\0")
    return digest.hexdigest()


def source_files(directory: Path) -> list[Path]:
    """Files under a directory, without caches."""
    return [
        p for p in directory.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")
    ]


def log(message: str) -> None:
    """One line of progress on stderr."""
    print(f"web: {message}", file=sys.stderr, flush=True)


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> None:
    """Run a command, failing loudly with its output."""
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"web: command failed ({result.returncode}): {' '.join(cmd)}")


class Stamps:
    """Input hashes of the last successful run of each step (web/build/stamps.json)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.data = json.loads(path.read_text())
        except (OSError, ValueError):
            self.data = {}

    def fresh(self, step: str, key: str, outputs: list[Path]) -> bool:
        """True when `step` last ran with this key and its outputs are all still there."""
        return self.data.get(step) == key and all(p.exists() for p in outputs)

    def mark(self, step: str, key: str) -> None:
        """Record a successful run."""
        self.data[step] = key
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=1, sort_keys=True))


def npm_ci(stamps: Stamps) -> str:
    """`npm ci` when node_modules is missing or package-lock.json changed; returns pyodide's version."""
    lock = WEB / "package-lock.json"
    key = sha256_file(lock)
    marker = NODE_MODULES / "pyodide" / "package.json"
    if not stamps.fresh("npm", key, [marker]):
        log("npm ci")
        run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB)
        stamps.mark("npm", key)
    version = json.loads(marker.read_text())["version"]
    pinned = json.loads((WEB / "package.json").read_text())["dependencies"]["pyodide"]
    if version != pinned:
        raise SystemExit(f"web: node_modules has pyodide {version}, package.json pins {pinned}; run npm ci")
    return version


def copy_pyodide(version: str, memory: int | None = None) -> Path:
    """Copy the core files into dist/pyodide/<version>/ (skipping identical ones).

    With `memory` (the bytes a snapshot holds), the copy's wasm starts with at least that much
    memory, in dist/pyodide/<version>+<pages>p/: Pyodide restores a snapshot by copying it into the
    memory the module starts with, without growing it, so a snapshot larger than Pyodide's 30 MiB
    would not restore. The address changes with the wasm's bytes, so a cached copy never lies.
    """
    wasm = (NODE_MODULES / "pyodide" / "pyodide.asm.wasm").read_bytes()
    pages = -(-memory // 65536) if memory else 0
    if pages * 65536 > wasm_initial_memory_of(wasm):
        wasm = with_initial_memory(wasm, pages)
        target = DIST / "pyodide" / f"{version}+{pages}p"
    else:
        target = DIST / "pyodide" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE:
        src, dst = NODE_MODULES / "pyodide" / name, target / name
        if name == "pyodide.asm.wasm":
            if not dst.exists() or dst.read_bytes() != wasm:
                tmp = dst.with_name(dst.name + ".tmp")
                tmp.write_bytes(wasm)
                tmp.replace(dst)
        elif not dst.exists() or dst.stat().st_size != src.stat().st_size or dst.stat().st_mtime < src.stat().st_mtime:
            shutil.copy2(src, dst)
    return target


def engine_version() -> str:
    """`engine.__version__`, read without importing the package."""
    for line in (ROOT / "engine" / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("web: engine/__init__.py has no __version__")


ENGINE_PYPROJECT = """\
[build-system]
requires = ["setuptools>=61", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "{name}"
version = "{version}"
description = "contactguard's detector, packaged alone for the browser (Pyodide)"
requires-python = ">=3.11"
dependencies = ["phonenumbers=={phonenumbers}"]

[tool.setuptools]
packages = {packages}

[tool.setuptools.package-data]
{package_data}
"""


def engine_source_hash() -> str:
    """sha256 over engine/'s files: which sources the engine wheel was built from."""
    return sha256_tree(source_files(ROOT / "engine"), ROOT)


def build_engine_wheel(stamps: Stamps) -> Path:
    """The engine alone as a py3-none-any wheel, built in a temporary directory.

    An engine-only wheel keeps server code (admin/) out of users' browsers and out of the
    download, and it changes only when engine/ changes, not on every server edit.
    """
    files = source_files(ROOT / "engine")
    version = engine_version()
    key = engine_source_hash() + ":" + version
    cached = WORK / "engine-wheel"
    wheels = sorted(cached.glob("*.whl")) if cached.is_dir() else []
    if stamps.fresh("engine", key, wheels[:1]) and len(wheels) == 1:
        return wheels[0]
    log(f"building the engine wheel {version}")
    packages = sorted({
        ".".join(p.relative_to(ROOT).parent.parts) for p in files if p.name == "__init__.py"
    })
    # Every non-Python file the engine ships goes in (the whole tree, not a list to keep in step).
    data: dict[str, set[str]] = {}
    for p in files:
        if p.suffix != ".py":
            package = p.relative_to(ROOT).parts[0]
            pattern = p.parent.relative_to(ROOT / package) / f"*{p.suffix}"
            data.setdefault(package, set()).add(pattern.as_posix())
    package_data = "\n".join(f"{k} = {json.dumps(sorted(v))}" for k, v in sorted(data.items()))
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        shutil.copytree(ROOT / "engine", project / "engine", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        (project / "pyproject.toml").write_text(ENGINE_PYPROJECT.format(
            name=ENGINE_DIST, version=version, phonenumbers=PHONENUMBERS_VERSION, packages=json.dumps(packages),
            package_data=package_data,
        ))
        out = Path(tmp) / "out"
        env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH, PIP_DISABLE_PIP_VERSION_CHECK="1")
        # With setuptools in the venv (Python 3.11's venv has it), skip the isolated build
        # environment: no download, about a second. Otherwise pip fetches setuptools itself.
        isolation = [] if importlib.util.find_spec("setuptools") is None else ["--no-build-isolation"]
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", *isolation, "-q",
             "-w", str(out), str(project)], env=env)
        built = sorted(out.glob("*.whl"))
        if len(built) != 1 or not built[0].name.endswith("-py3-none-any.whl"):
            raise SystemExit(f"web: expected one py3-none-any wheel, got {[p.name for p in built]}")
        if cached.exists():
            shutil.rmtree(cached)
        cached.mkdir(parents=True)
        wheel = cached / built[0].name
        shutil.copy2(built[0], wheel)
    stamps.mark("engine", key)
    return wheel


def fetch_phonenumbers(flavour: str) -> Path:
    """phonenumbers(lite)==9.0.42 as a pure-Python wheel, downloaded once into web/build/wheels."""
    dist = PHONENUMBERS_DIST[flavour]
    cache = WORK / "wheels"
    pattern = f"{dist}-{PHONENUMBERS_VERSION}-*.whl"
    found = sorted(cache.glob(pattern))
    if not found:
        log(f"downloading {dist}=={PHONENUMBERS_VERSION}")
        run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "-q",
             "--disable-pip-version-check", "-d", str(cache), f"{dist}=={PHONENUMBERS_VERSION}"])
        found = sorted(cache.glob(pattern))
    if len(found) != 1 or "none-any" not in found[0].name:
        raise SystemExit(f"web: expected one pure-Python {dist} wheel, got {[p.name for p in found]}")
    return found[0]


def place_wheel(wheel: Path) -> str:
    """Copy a wheel into dist/wheels/<sha>/ under its own name (Pyodide reads the name)."""
    digest = sha256_file(wheel)[:HASH_LEN]
    target = DIST / "wheels" / digest / wheel.name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(wheel, target)
    return target.relative_to(DIST).as_posix()


def snapshot_key(pyodide_version: str, wheels: list[str]) -> str:
    """What a snapshot depends on: the Pyodide version, every wheel's bytes, the snapshot sources."""
    digest = hashlib.sha256(f"pyodide {pyodide_version}\0".encode())
    for rel in wheels:
        digest.update(f"{rel.rsplit('/', 1)[1]}\0{sha256_file(DIST / rel)}\0".encode())
    for path in SNAPSHOT_SOURCES:
        digest.update(f"{path.name}\0{sha256_file(path)}\0".encode())
    return digest.hexdigest()


def _leb(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 number at `pos`: (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def _memory_pages_at(data: bytes) -> tuple[int, int, int]:
    """Where a WebAssembly module's memory section holds its initial page count: (start, end, pages)."""
    if data[:4] != b"\0asm":
        raise SystemExit("web: not a WebAssembly module")
    pos = 8  # magic and version
    while pos < len(data):
        section = data[pos]
        size, pos = _leb(data, pos + 1)
        if section == 5:  # memory: count, then flags and the initial number of 64 KiB pages
            _, at = _leb(data, pos)
            start = at + 1
            pages, end = _leb(data, start)
            return start, end, pages
        pos += size
    raise SystemExit("web: the WebAssembly module defines no memory")


def wasm_initial_memory_of(data: bytes) -> int:
    """The initial size in bytes of the memory a WebAssembly module defines."""
    return _memory_pages_at(data)[2] * 65536


def wasm_initial_memory(wasm: Path) -> int:
    """The initial size in bytes of the memory a WebAssembly module file defines."""
    return wasm_initial_memory_of(wasm.read_bytes())


def with_initial_memory(data: bytes, pages: int) -> bytes:
    """The module with its memory's initial page count set to `pages`, in the LEB128 width it had
    (padded LEB128 is valid WebAssembly), so no section size or offset changes."""
    start, end, _ = _memory_pages_at(data)
    width = end - start
    if pages >= 1 << (7 * width):
        raise SystemExit(f"web: {pages} pages do not fit the memory section's {width}-byte field")
    field = bytes(((pages >> (7 * i)) & 0x7F) | (0x80 if i < width - 1 else 0) for i in range(width))
    return data[:start] + field + data[end:]


def snapshot_memory(raw: Path) -> int:
    """The bytes of Pyodide memory a raw snapshot holds (its size less its header)."""
    with raw.open("rb") as fh:
        header = int.from_bytes(fh.read(8)[4:8], "little")
    return raw.stat().st_size - header


def check_snapshot_fits(memory: int, wasm: Path) -> None:
    """Refuse to ship a snapshot larger than the memory the shipped Pyodide starts with: its restore
    copies the snapshot into that memory without growing it ("offset is out of bounds"), so the
    worker would always fall back to the normal start."""
    initial = wasm_initial_memory(wasm)
    if memory > initial:
        raise SystemExit(f"web: the snapshot holds {memory / 2**20:.1f} MiB of memory, more than the "
                         f"{initial / 2**20:.0f} MiB {wasm} starts with, so it could not be restored")


def build_snapshot(stamps: Stamps, pyodide_version: str, wheels: list[str]) -> dict | None:
    """The worker's memory snapshot in dist/snapshot/<key>/, made in Node; None when not made.

    A snapshot restores the engine's code as it was when the snapshot was made, whatever wheel
    the page loads, so it is keyed to the wheels' hashes (and rebuilt when they change) and the
    worker compares the key it restored with the one in bundle.mjs.
    """
    if os.environ.get("CONTACTGUARD_WEB_SNAPSHOT", "1") == "0":
        log("snapshot: off (CONTACTGUARD_WEB_SNAPSHOT=0)")
        return None
    if pyodide_version != SNAPSHOT_PYODIDE:
        log(f"snapshot: skipped, made only for Pyodide {SNAPSHOT_PYODIDE} (private API), not {pyodide_version}")
        return None
    key = snapshot_key(pyodide_version, wheels)
    rel = f"snapshot/{key[:HASH_LEN]}/{SNAPSHOT_NAME}"
    target = DIST / rel
    cached = WORK / "snapshot" / f"{key[:HASH_LEN]}.gz"
    if not (stamps.fresh("snapshot", key, [cached]) and cached.exists()):
        log("making the worker's Pyodide memory snapshot in Node")
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "snapshot.bin"
            spec = Path(tmp) / "spec.json"
            spec.write_text(json.dumps({
                "indexURL": str(NODE_MODULES / "pyodide"), "key": key, "out": str(raw),
                "warmup": str(WEB / "snapshot_warmup.py"),
                "wheels": [{"path": str(DIST / w), "name": w.rsplit("/", 1)[1]} for w in wheels],
            }))
            result = subprocess.run(["node", str(WEB / "snapshot.mjs"), str(spec)], capture_output=True, text=True)
            if result.returncode != 0:
                sys.stderr.write(result.stdout + result.stderr)
                raise SystemExit(f"web: making the snapshot failed ({result.returncode})")
            report = json.loads(result.stdout.strip().splitlines()[-1])
            if report.get("key") != key:
                raise SystemExit(f"web: the snapshot reports key {report.get('key')}, expected {key}")
            memory = snapshot_memory(raw)
            if memory > SNAPSHOT_MEMORY_BUDGET:
                raise SystemExit(f"web: the snapshot holds {memory / 2**20:.1f} MiB of memory, more than the "
                                 f"{SNAPSHOT_MEMORY_BUDGET / 2**20:.0f} MiB budget every worker would start "
                                 "with; make web/snapshot_warmup.py allocate less")
            if cached.parent.exists():
                shutil.rmtree(cached.parent)
            cached.parent.mkdir(parents=True)
            tmp_gz = cached.with_suffix(".tmp")
            with raw.open("rb") as src, tmp_gz.open("wb") as out_raw:
                with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=out_raw, mtime=0) as out:
                    shutil.copyfileobj(src, out)
            tmp_gz.replace(cached)
        log(f"snapshot: {report['bytes'] / 1e6:.1f} MB raw, {cached.stat().st_size / 1e6:.1f} MB gzipped, "
            f"{report['patterns']} patterns compiled, {time.perf_counter() - started:.1f} s")
        stamps.mark("snapshot", key)
    if not target.exists() or target.stat().st_size != cached.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(cached, target)
    # The raw size and first bytes (Pyodide's header: magic number, sizes, build id) let the
    # worker refuse a truncated or foreign snapshot before handing it to Pyodide.
    with gzip.open(cached, "rb") as fh:
        head = fh.read(SNAPSHOT_HEAD)
        size = len(head) + sum(len(chunk) for chunk in iter(lambda: fh.read(1 << 20), b""))
    memory = size - int.from_bytes(head[4:8], "little")
    return {"path": rel, "key": key, "size": size, "memory": memory, "head": head.hex()}


def place_app(pyodide_dir: str, wheels: list[str], version: str, pyodide_version: str, flavour: str,
              snapshot: dict | None) -> str:
    """Copy web/src plus a generated bundle.mjs into dist/app/<sha>/; returns that directory."""
    bundle = (
        "// Generated by web/build.py: where this build's Pyodide and wheels live (relative to dist/).\n"
        f"export const ENGINE_VERSION = {json.dumps(version)};\n"
        f"export const PYODIDE_VERSION = {json.dumps(pyodide_version)};\n"
        f"export const PHONENUMBERS = {json.dumps(PHONENUMBERS_DIST[flavour] + '==' + PHONENUMBERS_VERSION)};\n"
        f"export const PYODIDE_DIR = {json.dumps(pyodide_dir + '/')};\n"
        f"export const WHEELS = {json.dumps(wheels)};\n"
        "// The worker's memory snapshot ({path, key}), or null: the worker then starts the normal way.\n"
        f"export const SNAPSHOT = {json.dumps(snapshot)};\n"
    )
    sources = {p.relative_to(SRC).as_posix(): p.read_bytes() for p in source_files(SRC)}
    sources["bundle.mjs"] = bundle.encode()
    digest = hashlib.sha256()
    for name in sorted(sources):
        digest.update(name.encode() + b"\0" + hashlib.sha256(sources[name]).digest())
    target = DIST / "app" / digest.hexdigest()[:HASH_LEN]
    if not target.is_dir():
        tmp = target.with_name(target.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        for name, data in sources.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data)
        tmp.rename(target)
    return target.relative_to(DIST).as_posix()


GZIP_SUFFIXES = (".wasm", ".mjs", ".json", ".css")  # python_stdlib.zip and wheels are compressed already


def precompress() -> None:
    """A .gz beside every compressible file, so Flask can send 3.6 MB instead of Pyodide's 9.6 MB wasm."""
    for path in source_files(DIST):
        if path.suffix not in GZIP_SUFFIXES or path.name == "manifest.json" or path.stat().st_size < 1024:
            continue
        target = path.with_name(path.name + ".gz")
        if target.exists() and target.stat().st_mtime_ns >= path.stat().st_mtime_ns:
            continue
        tmp = target.with_name(target.name + ".tmp")
        with path.open("rb") as src, tmp.open("wb") as raw:
            # mtime=0 and no file name: the same input always gives the same bytes.
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as out:
                shutil.copyfileobj(src, out)
        tmp.replace(target)


def prune(keep: set[str]) -> None:
    """Remove addressed directories that this build no longer refers to."""
    for parent in ("app", "wheels", "pyodide", "snapshot"):
        root = DIST / parent
        if root.is_dir():
            for child in root.iterdir():
                if f"{parent}/{child.name}" not in keep:
                    shutil.rmtree(child) if child.is_dir() else child.unlink()


def file_table(hashes: Stamps) -> dict:
    """{relative path: {sha256, size}} for every file in dist but the manifest.

    Hashes are cached by (size, mtime) so a rebuild does not re-read Pyodide's 9.6 MB wasm.
    """
    table = {}
    cache = hashes.data.setdefault("files", {})
    for path in sorted(source_files(DIST)):
        rel = path.relative_to(DIST).as_posix()
        if rel == "manifest.json" or (path.suffix == ".gz" and path.with_suffix("").exists()):
            continue  # a .gz beside its file is another encoding of a listed file, not a file of its own
        st = path.stat()
        sig = f"{st.st_size}:{st.st_mtime_ns}"
        entry = cache.get(rel)
        if not entry or entry[0] != sig:
            entry = [sig, sha256_file(path)]
            cache[rel] = entry
        table[rel] = {"sha256": entry[1], "size": st.st_size}
    hashes.data["files"] = {k: v for k, v in cache.items() if k in table}
    return table


def build(flavour: str, force: bool) -> dict:
    """Run every step; returns the manifest."""
    started = time.perf_counter()
    if force and DIST.exists():
        shutil.rmtree(DIST)
    stamps = Stamps(WORK / "stamps.json")
    if force:
        stamps.data = {}
    DIST.mkdir(parents=True, exist_ok=True)
    pyodide_version = npm_ci(stamps)
    version = engine_version()
    engine_wheel = place_wheel(build_engine_wheel(stamps))
    engine_source = stamps.data["engine"].split(":", 1)[0]
    phone_wheel = place_wheel(fetch_phonenumbers(flavour))
    wheels = [phone_wheel, engine_wheel]
    snapshot = build_snapshot(stamps, pyodide_version, wheels)
    pyodide = copy_pyodide(pyodide_version, snapshot["memory"] if snapshot else None)
    if snapshot:
        check_snapshot_fits(snapshot["memory"], pyodide / "pyodide.asm.wasm")
    pyodide_dir = pyodide.relative_to(DIST).as_posix()
    app_dir = place_app(pyodide_dir, wheels, version, pyodide_version, flavour, snapshot)
    keep = {pyodide_dir, app_dir, *("/".join(w.split("/")[:2]) for w in wheels)}
    if snapshot:
        keep.add("/".join(snapshot["path"].split("/")[:2]))
    prune(keep)
    precompress()
    manifest = {
        "engine_version": version,
        "engine_source_sha256": engine_source,
        "pyodide_version": pyodide_version,
        "phonenumbers": f"{PHONENUMBERS_DIST[flavour]}=={PHONENUMBERS_VERSION}",
        "app": app_dir,
        "pyodide": pyodide_dir,
        "wheels": wheels,
        "snapshot": snapshot,
        "files": file_table(stamps),
    }
    stamps.mark("files", stamps.data["files"])
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    path = DIST / "manifest.json"
    if not path.exists() or path.read_text() != text:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text)
        tmp.replace(path)
    total = sum(f["size"] for f in manifest["files"].values())
    log(f"dist ready: {len(manifest['files'])} files, {total / 1e6:.1f} MB, "
        f"{PHONENUMBERS_DIST[flavour]}, {time.perf_counter() - started:.2f} s")
    return manifest


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--phonenumbers", choices=sorted(PHONENUMBERS_DIST),
        default=os.environ.get("CONTACTGUARD_WEB_PHONENUMBERS", "lite"),
        help="which phonenumbers distribution the browser loads (default: lite; env CONTACTGUARD_WEB_PHONENUMBERS)",
    )
    parser.add_argument("--force", action="store_true", help="rebuild everything from scratch")
    args = parser.parse_args(argv)
    build(args.phonenumbers, args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
