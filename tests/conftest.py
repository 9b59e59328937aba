"""Shared fixtures: the labelled cases in tests/data and the optional ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


def load_cases(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="session")
def labelled():
    """Load a labelled file from tests/data by name: ``labelled("coach_turns_2.yaml")``."""
    return load_cases


@pytest.fixture(scope="session")
def rewrite_cases() -> list[dict]:
    return load_cases("rewrites.yaml")


@pytest.fixture(scope="session")
def annomi_path() -> Path:
    """The AnnoMI development file, or a clean skip where ../shared is absent (a learner's clone)."""
    path = SHARED / "data" / "annomi-dev.csv"
    if not path.is_file():
        pytest.skip("../shared/data/annomi-dev.csv is not on this machine")
    return path
