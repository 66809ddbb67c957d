"""The package's modules import one another in one direction only: no import cycles."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "graph"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_between_modules() -> nx.DiGraph:
    """module -> module it imports (relative imports, type-checking ones included)."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    edges = nx.DiGraph()
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
                for alias in node.names:  # `from . import dates` imports the module graph.dates
                    if f"{target}.{alias.name}" in modules:
                        edges.add_edge(name, f"{target}.{alias.name}")
                if target in modules and target != name and target != "graph":
                    edges.add_edge(name, target)
    return edges


def test_no_module_imports_one_that_imports_it_back() -> None:
    cycles = sorted(nx.simple_cycles(imports_between_modules()))
    assert cycles == []


def test_the_records_and_problems_sit_below_both_their_readers() -> None:
    edges = imports_between_modules()
    assert edges.has_edge("graph.load", "graph.dataset") and edges.has_edge("graph.checks", "graph.dataset")
    assert not edges.has_edge("graph.checks", "graph.load")
    assert not edges.has_edge("graph.types", "graph.render")


EXPLORER = PACKAGE / "assets" / "explorer"


def test_every_page_script_module_is_inlined_once_with_main_last() -> None:
    from graph.render import EXPLORER_MODULES

    assert sorted(EXPLORER_MODULES) == sorted(path.name for path in EXPLORER.glob("*.js"))
    assert len(set(EXPLORER_MODULES)) == len(EXPLORER_MODULES)
    assert EXPLORER_MODULES[-1] == "main.js"


def test_every_page_script_module_is_defined_before_the_modules_that_use_it() -> None:
    from graph.render import EXPLORER_MODULES

    defined: list[str] = []
    for name in EXPLORER_MODULES:
        text = (EXPLORER / name).read_text(encoding="utf-8")
        used = set(re.findall(r"\bCG\.(\w+)\b(?!\s*=[^=])", text))
        assert used <= {*defined, *re.findall(r"^CG\.(\w+) =", text, re.M)}, name
        defined += re.findall(r"^CG\.(\w+) =", text, re.M)
