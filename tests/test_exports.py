import ast
import collections
import types
from pathlib import Path

import pytest

import sellerpolicy
import sellerpolicy.exceptions
import sellerpolicy.testing


class TestPublicApi:
    def test_all_sorted(self):
        """__all__ is sorted the way ruff's RUF022 sorts it: constants, classes, then the rest."""

        def key(name: str) -> tuple[int, str]:
            return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

        assert sorted(sellerpolicy.__all__, key=key) == sellerpolicy.__all__

    def test_all_matches_namespace(self):
        """__all__ lists exactly the public names of the package."""
        public = {
            name
            for name, value in vars(sellerpolicy).items()
            if not name.startswith("_")
            # a union alias (Event) has no module of its own; it is ours if it is exported
            and (
                isinstance(value, types.UnionType)
                or getattr(value, "__module__", "sellerpolicy").startswith("sellerpolicy")
            )
            and not (type(value).__name__ == "module" and name != "exceptions")
        }

        assert public | {"__version__"} == set(sellerpolicy.__all__)

    def test_submodules_have_all(self):
        """Public submodules declare __all__."""
        import sellerpolicy.dask
        import sellerpolicy.plotting

        for module in (
            sellerpolicy.exceptions,
            sellerpolicy.testing,
            sellerpolicy.plotting,
            sellerpolicy.dask,
        ):
            assert all(hasattr(module, name) for name in module.__all__)

    def test_version(self):
        """The package has a version string."""
        assert isinstance(sellerpolicy.__version__, str)


def _top_level_names(source: str) -> list[str]:
    """The names a module's top level binds: its functions, classes and assigned names."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
        elif (
            isinstance(node, ast.AnnAssign)
            and node.value is not None
            and isinstance(node.target, ast.Name)
        ):
            names.append(node.target.id)
    return names


_SOURCES = sorted(Path(sellerpolicy.__file__).parent.rglob("*.py"))


class TestModuleNames:
    """A module-level name bound twice silently replaces the first for every function that reads
    it: twice on 2026-12-07 a new constant took an older one's name in the message rules (an
    SP114 set of review words, SP116's and SP123's list reach) and changed their findings."""

    @pytest.mark.parametrize(
        "path", _SOURCES, ids=[str(p.relative_to(p.parents[1])) for p in _SOURCES]
    )
    def test_no_name_bound_twice(self, path):
        """No module binds a top-level name twice."""
        counts = collections.Counter(_top_level_names(path.read_text(encoding="utf-8")))

        assert [name for name, n in counts.items() if n > 1] == []

    def test_a_second_binding_is_found(self):
        """The reading sees a constant bound again further down, and a function's name reused."""
        names = _top_level_names("_REACH = 40\ndef f(): pass\n_REACH: int = 30\nf = 1\n")

        assert collections.Counter(names) == {"_REACH": 2, "f": 2}
