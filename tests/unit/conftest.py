"""The fast tier's one project: the basic sample project, loaded (never built) once per session."""

from __future__ import annotations

import pytest

from lessonkit.model import Catalogue, load
from lessonkit.model.registry import Registry

from ..support import PROJECTS


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    loaded = load(PROJECTS / "basic")
    assert not loaded.problems and len(loaded.modules) == 3
    return loaded


@pytest.fixture(scope="session")
def registry(catalogue: Catalogue) -> Registry:
    return Registry.build(catalogue, ("vi", "en"))
