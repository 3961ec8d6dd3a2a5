import types

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
