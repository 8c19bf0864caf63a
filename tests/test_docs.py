"""The README is part of the product: it must not drift from the code."""
from __future__ import annotations

import re

from storyline.cli import app

from .conftest import REPO


def test_every_cli_command_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = {c.name or c.callback.__name__ for c in app.registered_commands}
    documented = set(re.findall(r"`storyline (\w+)", readme))
    assert commands - documented == set(), "commands missing from the README"
    assert documented - commands == set(), "README documents commands that do not exist"


def test_the_readme_gives_the_two_commands_and_ci_runs_the_same_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
