"""Shared fixtures: where ../shared is, a throw-away archive, the loaded pipeline."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "src" / "storyline" / "examples"
POSTGRES_URL = os.environ.get("STORYLINE_TEST_POSTGRES", "postgresql://root@127.0.0.1/test")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from storyline.analysis.pipeline import load_nlp
    return load_nlp()


@pytest.fixture
def archive(tmp_path, nlp):
    import storyline
    a = storyline.open(str(tmp_path / "test.db"))
    a._nlp = nlp
    yield a
    a.close()


def postgres_available() -> bool:
    try:
        import psycopg
        with psycopg.connect(POSTGRES_URL.replace("postgresql://", "postgresql://", 1),
                             connect_timeout=2):
            return True
    except Exception:
        return False
