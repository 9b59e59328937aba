"""Tests for the project's own files: environment.yml agrees with pyproject.toml, notebooks carry
no outputs, and importing trustlab stays light."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """The bare package name of a requirement ("ipywidgets>=8" -> "ipywidgets")."""
    return re.split(r"[<>=!~\[; ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_packages() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project.get("optional-dependencies", {}).values():
        names |= {_name(r) for r in extra}
    return names


def _environment_packages() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    names = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):  # a "pip:" section
            names |= {_name(r) for r in dep.get("pip", [])}
        else:
            names.add(_name(dep))
    return names - {"python", "pip"}


def test_environment_yml_lists_the_same_packages_as_pyproject():
    """Would a conda user get exactly the packages pip users get?"""
    in_pyproject, in_environment = _pyproject_packages(), _environment_packages()
    assert in_environment == in_pyproject, (
        f"only in pyproject.toml: {sorted(in_pyproject - in_environment)}; "
        f"only in environment.yml: {sorted(in_environment - in_pyproject)}")


def test_no_heavy_or_model_dependencies():
    """Does the project stay light and offline: no PyTorch, TensorFlow or model hubs?"""
    heavy = {"torch", "tensorflow", "transformers", "sentence-transformers", "spacy", "huggingface-hub"}
    assert not (_pyproject_packages() & heavy)


def _notebooks() -> list[Path]:
    return [p for p in ROOT.rglob("*.ipynb")
            if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)]


def test_committed_notebooks_have_no_outputs():
    """Is every notebook stored without outputs or execution counts?"""
    dirty = []
    for path in _notebooks():
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count")):
                dirty.append(str(path.relative_to(ROOT)))
                break
    assert not dirty, f"strip the outputs of: {dirty}"


def test_import_is_light():
    """Does `import trustlab` leave ipywidgets, matplotlib and yaml unloaded until they are used?"""
    probe = ("import sys, trustlab; "
             "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'yaml', 'IPython') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_public_names_resolve():
    """Does every name trustlab promises actually load?"""
    import trustlab

    for name in trustlab.__all__:
        assert getattr(trustlab, name) is not None


def test_unknown_name_says_what_exists():
    """Does a misspelt name say which names exist?"""
    import trustlab

    try:
        trustlab.clasify_question  # noqa: B018
    except AttributeError as err:
        assert "classify_question" in str(err)
    else:
        raise AssertionError("a misspelt name should raise AttributeError")


def test_readme_examples_run():
    """Do the code examples in README.md give the answers they show?"""
    import doctest

    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
