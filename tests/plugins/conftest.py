"""Fixtures shared by the built-in plugins' tests."""

from __future__ import annotations

import pytest
from pressline import Pipeline


@pytest.fixture(scope="session")
def news() -> Pipeline:
    """The default ``news`` pipeline, loaded once for every test that runs it."""
    return Pipeline.load("news")
