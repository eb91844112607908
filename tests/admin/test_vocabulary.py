"""Each status, state, action and category is typed once: in admin/enums.py (or the engine).

Roles are left out: their words are also the demo users' names.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from admin.enums import ENUMS, Role

ADMIN = Path(__file__).resolve().parents[2] / "admin"
VALUES = {member.value for enum in ENUMS if enum is not Role for member in enum}
# pydantic's own setting `extra="allow"` is not the action.
ALLOWED = {("schemas.py", "allow")}
# The enumerations themselves, and migrations, which freeze the values they were written with.
EXEMPT = {ADMIN / "enums.py"}


def _python_files() -> list[Path]:
    return [p for p in sorted(ADMIN.rglob("*.py")) if p not in EXEMPT and "migrations" not in p.parts]


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    keys = {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in VALUES
            and id(node) not in docstrings and id(node) not in keys and (path.name, node.value) not in ALLOWED]


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(ADMIN)))
def test_no_status_state_or_action_literal_in_python(path):
    assert _literals(path) == []


def test_no_status_state_or_action_literal_in_templates():
    alternatives = "|".join(sorted(VALUES))
    quoted = re.compile(r"""(['"])(""" + alternatives + r""")\1""")
    found = []
    for path in sorted((ADMIN / "templates").rglob("*.html")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            # Jinja expressions only: HTML attribute values such as name="email" are markup, not statuses.
            for expression in re.findall(r"{[{%](.*?)[%}]}", line):
                if quoted.search(expression):
                    found.append(f"{path.relative_to(ADMIN)}:{number}: {expression.strip()}")
    assert found == []


def test_the_checker_sees_a_literal(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""doc"""\nSTATUS = "blocked"\n')
    assert _literals(sample) == [(2, "blocked")]
