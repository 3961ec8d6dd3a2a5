"""The pytest plugin: a ``policy`` fixture whose edition an option, an ini value or a marker picks.

pytest loads it through the ``pytest11`` entry point when sellerpolicy is installed::

    from sellerpolicy.testing import assert_compliant

    def test_shipping_notice(policy):
        assert_compliant(DRAFT, kind="unexpected_problem", policy=policy)

    @pytest.mark.sellerpolicy(edition="seed")
    def test_under_the_seed_edition(policy):
        assert policy.edition == "seed"

The edition is, most specific first: the ``sellerpolicy`` marker on the test (or its class or
module), ``--sellerpolicy-edition``, the ``sellerpolicy_edition`` ini value, ``current``.
sellerpolicy itself is imported only when a test asks for the fixture, so the plugin costs
nothing in test runs that do not use it.
"""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from sellerpolicy._policy import Policy

__all__ = ["policy", "pytest_addoption", "pytest_configure", "pytest_report_header"]

_MARKER = "sellerpolicy"
_OPTION = "--sellerpolicy-edition"
_INI = "sellerpolicy_edition"
_DEFAULT = "current"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--sellerpolicy-edition`` and the ``sellerpolicy_edition`` ini value."""
    group = parser.getgroup("sellerpolicy", "sellerpolicy policy checks")
    group.addoption(
        _OPTION,
        dest="sellerpolicy_edition",
        metavar="EDITION",
        default=None,
        help="the policy edition the `policy` fixture builds: current or seed "
        "(default: the sellerpolicy_edition ini value, else current)",
    )
    parser.addini(_INI, help="the policy edition the `policy` fixture builds (current or seed)")


def _configured_edition(config: pytest.Config) -> str:
    option: str | None = config.getoption("sellerpolicy_edition")
    if option:
        return option
    ini = config.getini(_INI)
    return str(ini) if ini else _DEFAULT


def _check_edition(edition: str, where: str) -> str:
    """``edition`` as an edition name, or a usage error naming where it came from."""
    from sellerpolicy._codes import Edition  # noqa: PLC0415 - import sellerpolicy only when used

    try:
        return Edition(edition).value
    except ValueError:
        allowed = ", ".join(e.value for e in Edition)
        raise pytest.UsageError(
            f"{where}: unknown edition {edition!r}; use one of {allowed}"
        ) from None


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``sellerpolicy`` marker and check a configured edition."""
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(edition='current'|'seed'): the policy edition the `policy` fixture builds",
    )
    if config.getoption("sellerpolicy_edition"):
        _check_edition(config.getoption("sellerpolicy_edition"), _OPTION)
    elif config.getini(_INI):
        _check_edition(config.getini(_INI), f"ini {_INI}")


def pytest_report_header(config: pytest.Config) -> str:
    """``sellerpolicy: 0.1.0, policy edition current``."""
    version = metadata.version("sellerpolicy")
    return f"sellerpolicy: {version}, policy edition {_configured_edition(config)}"


@pytest.fixture
def policy(request: pytest.FixtureRequest) -> Policy:
    """The built-in policy of the edition the marker, the option or the ini value picks.

    ``@pytest.mark.sellerpolicy(edition="seed")`` on a test, class or module picks the seed
    edition for its tests; ``--sellerpolicy-edition=seed`` picks it for the run.
    """
    from sellerpolicy._policy import Policy  # noqa: PLC0415 - import sellerpolicy only when used

    edition = _configured_edition(request.config)
    marker = request.node.get_closest_marker(_MARKER)
    if marker is not None:
        unknown = sorted(set(marker.kwargs) - {"edition"})
        if marker.args or unknown:
            got = ", ".join([*map(repr, marker.args), *unknown])
            pytest.fail(f"@pytest.mark.{_MARKER} takes only edition=...; got {got}", pytrace=False)
        if "edition" in marker.kwargs:
            try:
                edition = _check_edition(marker.kwargs["edition"], f"@pytest.mark.{_MARKER}")
            except pytest.UsageError as exc:
                pytest.fail(str(exc), pytrace=False)
    return Policy.for_edition(edition)
