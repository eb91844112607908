"""The engine must import in Pyodide: only the standard library and phonenumbers."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "engine"
ALLOWED_THIRD_PARTY = {"phonenumbers"}
# Standard modules Pyodide lacks or that cannot work in a browser worker.
FORBIDDEN = {"threading", "multiprocessing", "subprocess", "socket", "sqlite3", "ssl", "asyncio", "concurrent",
             "ctypes", "regex", "js", "pyodide", "admin", "web", "flask", "sqlalchemy", "select", "selectors"}


def _imports() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(path.name)
    return found


def test_engine_imports_only_stdlib_and_declared_dependencies():
    for top, files in _imports().items():
        assert top not in FORBIDDEN, f"{top} imported by {files}"
        assert top == "engine" or top in ALLOWED_THIRD_PARTY or top in sys.stdlib_module_names, (top, files)


def test_every_engine_module_is_importable():
    import importlib
    import pkgutil

    import engine

    for info in pkgutil.walk_packages(engine.__path__, "engine."):
        if info.name != "engine.__main__":
            importlib.import_module(info.name)
