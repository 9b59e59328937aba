"""Tests for the lesson notebooks: does each one keep the contract in docs/lessons.md?

Every ``notebooks/NN_*.ipynb`` present is checked: its title, its sections in order, its first
code cell, that it is stored without outputs, that it uses only the public trustlab API, the
practice it offers (resolved in the banks and counted by type), its reflections and figures.
Lesson 0 must quote ICF's wording exactly. Lessons not written yet are not checked, until
``TRUSTLAB_REQUIRE_ALL_LESSONS=1`` says that lessons 00 to 08 must all be there.

Running the notebooks is nbval's job (``pytest notebooks/``); nothing here is timed.
"""

from __future__ import annotations

import ast
import json
import os
import re
from functools import lru_cache
from pathlib import Path

import pytest

import trustlab

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
LESSONS = sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
ALL_NUMBERS = [f"{n:02d}" for n in range(9)]

# Words a lesson title may begin with: verbs, so a title says what the learner will do.
# Add one here when a new lesson needs it.
TITLE_VERBS = {
    "acknowledge", "adapt", "apply", "ask", "balance", "be", "become", "begin", "bring", "build", "care",
    "catch", "check", "choose", "create", "cultivate", "deepen", "develop", "discover", "do", "earn",
    "explore", "find", "follow", "get", "give", "hear", "hold", "honor", "honour", "invite", "keep", "know",
    "learn", "leave", "let", "listen", "make", "master", "meet", "mind", "name", "navigate", "notice",
    "offer", "open", "partner", "play", "practice", "practise", "protect", "put", "read", "recognise",
    "recognize", "respect", "review", "see", "set", "show", "soften", "speak", "spot", "start", "stay",
    "strengthen", "support", "take", "tell", "treat", "trust", "try", "turn", "understand", "use",
    "value", "walk", "welcome", "work",
}

LEARN, NEED, SUMMARY, TRY = ("What you'll learn", "What you'll need", "Summary", "Try this in your next session")

QUIZ_TYPES = {"single", "multiple", "scenario"}
WIDGET_TYPES = {"quiz": QUIZ_TYPES, "drill": {"drill"}, "spot": {"spotter"}}
FIGURE_CALLS = {"progress", "mastery_chart"}  # besides any call whose name ends in "chart" or "charts"
ALLOWED_IMPORTS = ("trustlab", "matplotlib")  # matplotlib: for a short figure cell the learner only runs

# ICF's own wording (ICF Core Competencies, 2019 model; PCC Markers, 2020), as in ../shared/CONTENT.md.
ICF_DEFINITION = ("Partners with the client to create a safe, supportive environment that allows the client "
                  "to share freely. Maintains a relationship of mutual respect and trust.")
ICF_SUB_POINTS = (
    "Seeks to understand the client within their context which may include their identity, environment, "
    "experiences, values and beliefs",
    "Demonstrates respect for the client's identity, perceptions, style and language and adapts one's "
    "coaching to the client",
    "Acknowledges and respects the client's unique talents, insights and work in the coaching process",
    "Shows support, empathy and concern for the client",
    "Acknowledges and supports the client's expression of feelings, perceptions, concerns, beliefs and "
    "suggestions",
    "Demonstrates openness and transparency as a way to display vulnerability and build trust with the client",
)
ICF_MARKERS = (
    "4.1 Coach acknowledges and respects the client's unique talents, insights and work in the coaching process.",
    "4.2 Coach shows support, empathy or concern for the client.",
    "4.3 Coach acknowledges and supports the client's expression of feelings, perceptions, concerns, beliefs "
    "or suggestions.",
    "4.4 Coach partners with the client by inviting the client to respond in any way to the coach's "
    "contributions and accepts the client's response.",
)


# ---------------------------------------------------------------------------------------
# Reading a notebook


class Lesson:
    """A lesson notebook, read once: its cells, headings, and the trustlab calls in its code."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.number = int(path.name[:2])
        self.nb = json.loads(path.read_text(encoding="utf-8"))
        self.cells = self.nb["cells"]
        for cell in self.cells:
            if isinstance(cell.get("source"), list):
                cell["source"] = "".join(cell["source"])
        self.code = [c for c in self.cells if c["cell_type"] == "code"]
        self.markdown_text = "\n\n".join(c["source"] for c in self.cells if c["cell_type"] == "markdown")
        self.calls = []  # (cell index, section heading, ast.Call)
        self.imports = []  # (cell index, module name)
        section = ""
        for n, cell in enumerate(self.cells):
            if cell["cell_type"] == "markdown":
                section = ([h for h in headings(cell["source"])] or [section])[-1]
                continue
            if cell["cell_type"] != "code":
                continue
            tree = parse(cell["source"], f"{path.name}, cell {n + 1}")
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    self.calls.append((n, section, node))
                elif isinstance(node, ast.Import):
                    self.imports += [(n, alias.name) for alias in node.names]
                elif isinstance(node, ast.ImportFrom):
                    self.imports.append((n, node.module or ""))
        self.trustlab_names = {node.attr for cell in self.code
                               for node in ast.walk(parse(cell["source"], self.path.name))
                               if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                               and node.value.id == "trustlab"}

    def __repr__(self) -> str:
        return self.path.name

    def trustlab_calls(self, name: str):
        """The calls ``trustlab.<name>(...)``, with their cell index and section."""
        return [(n, section, call) for n, section, call in self.calls
                if isinstance(call.func, ast.Attribute) and call.func.attr == name
                and isinstance(call.func.value, ast.Name) and call.func.value.id == "trustlab"]

    def headings(self, level: int = 2) -> list[str]:
        return [h for c in self.cells if c["cell_type"] == "markdown" for h in headings(c["source"], level)]


def parse(source: str, where: str) -> ast.Module:
    """A code cell as Python, with any IPython magic lines (% or !) left out."""
    lines = [("pass" if line.lstrip().startswith(("%", "!")) else line) for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError as err:
        pytest.fail(f"{where} is not valid Python: {err}")


def headings(markdown: str, level: int = 2) -> list[str]:
    """The headings of one *level* in a markdown cell, outside code blocks, with apostrophes straightened."""
    found, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#" * level + " "):
            found.append(line[level + 1:].strip().replace("\u2019", "'"))
    return found


def section(lesson: Lesson, title: str) -> str:
    """The markdown under the ``## title`` heading, up to the next ``##`` heading."""
    text = "\n\n".join(c["source"] for c in lesson.cells if c["cell_type"] == "markdown")
    match = re.search(rf"^## {re.escape(title)}[ \t]*$(.*?)(?=^## |\Z)", text.replace("\u2019", "'"),
                      flags=re.M | re.S)
    return match.group(1) if match else ""


def bullets(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^[-*] \S", line)]


def literal(node, what: str, lesson: Lesson, cell: int):
    try:
        return ast.literal_eval(node)
    except ValueError:
        pytest.fail(f"{lesson}, cell {cell + 1}: {what} must be written out in the call "
                    f"(a text in quotes or a list of them), not computed: {ast.unparse(node)}")


@lru_cache(maxsize=None)
def bank(name: str):
    return trustlab.load_bank(name)


def practice(lesson: Lesson) -> list[tuple[str, str, object]]:
    """Every exercise a lesson offers: (widget, section, item), resolved in its bank by id."""
    found = []
    for widget, types in WIDGET_TYPES.items():
        for n, where, call in lesson.trustlab_calls(widget):
            assert call.args, f"{lesson}, cell {n + 1}: trustlab.{widget} needs a bank name first."
            name = literal(call.args[0], "the bank name", lesson, n)
            ids = [k for k in call.keywords if k.arg == "ids"]
            assert ids, (f"{lesson}, cell {n + 1}: give trustlab.{widget} explicit ids, for example "
                         f'trustlab.{widget}("{name}", ids=["..."]), so the lesson always shows the same items.')
            chosen = literal(ids[0].value, "ids", lesson, n)
            chosen = [chosen] if isinstance(chosen, str) else list(chosen)
            assert chosen, f"{lesson}, cell {n + 1}: trustlab.{widget} has an empty ids list."
            for item_id in chosen:
                try:
                    item = bank(name).get(item_id)
                except ValueError as err:
                    pytest.fail(f"{lesson}, cell {n + 1}: {err}")
                assert item.type in types, (f"{lesson}, cell {n + 1}: {item_id} is a {item.type} item, which "
                                            f"trustlab.{widget} does not show; it shows {', '.join(sorted(types))}.")
                found.append((widget, where, item))
    return found


def counts(lesson: Lesson) -> dict[str, int]:
    """How many different exercises of each kind, reflections and figure sources a lesson has."""
    items = {item.id: item for _, _, item in practice(lesson)}
    return {
        "quiz": sum(i.type in QUIZ_TYPES for i in items.values()),
        "drill": sum(i.type == "drill" for i in items.values()),
        "spotter": sum(i.type == "spotter" for i in items.values()),
        "reflect": len(lesson.trustlab_calls("reflect")),
        "figures": len(figures(lesson)),
    }


def figures(lesson: Lesson) -> list[str]:
    """What draws a figure: trustlab.progress(), a chart call, or matplotlib code."""
    found = []
    for _, _, call in lesson.calls:
        func = call.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in FIGURE_CALLS or name.endswith(("chart", "charts")):
            found.append(ast.unparse(call))
    found += [module for _, module in lesson.imports if module.split(".")[0] == "matplotlib"]
    return found


@lru_cache(maxsize=None)
def read(path: Path) -> Lesson:
    return Lesson(path)


def flat(text: str) -> str:
    """Markdown as plain running text: block-quote marks and line breaks gone, spaces single."""
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)
    return " ".join(text.split())


lesson_params = pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])


# ---------------------------------------------------------------------------------------
# Which lessons there are


def test_lesson_files_are_named_and_numbered():
    """Is every lesson named NN_short_name.ipynb, numbered 00 to 08, one file per number?"""
    numbers = [p.name[:2] for p in LESSONS]
    for p in LESSONS:
        assert re.fullmatch(r"0[0-8]_[a-z0-9]+(_[a-z0-9]+)*\.ipynb", p.name), (
            f"{p.name}: name lessons like 01_psychological_safety.ipynb (00 to 08, lower case, underscores).")
    assert len(numbers) == len(set(numbers)), f"Two notebooks share a number: {[p.name for p in LESSONS]}"


@pytest.mark.skipif(os.environ.get("TRUSTLAB_REQUIRE_ALL_LESSONS") != "1",
                    reason="set TRUSTLAB_REQUIRE_ALL_LESSONS=1 once lessons 00 to 08 are all written")
def test_all_lessons_are_there():
    """Are lessons 00 to 08 all present?"""
    present = {p.name[:2] for p in LESSONS}
    missing = [n for n in ALL_NUMBERS if n not in present]
    assert not missing, f"These lessons are missing from notebooks/: {', '.join(missing)}."


def test_lesson_zero_is_always_there():
    """Is there a lesson 0 to start from (the Makefile opens it)?"""
    assert any(p.name.startswith("00_") for p in LESSONS)


# ---------------------------------------------------------------------------------------
# Shape


@lesson_params
def test_title_is_a_markdown_heading_that_starts_with_a_verb(path):
    """Is the first cell markdown, starting "# " with a title whose first word is a verb?"""
    first = read(path).cells[0]
    assert first["cell_type"] == "markdown", f"{path.name}: the first cell must be markdown with the title."
    line = first["source"].lstrip("\n").splitlines()[0]
    assert line.startswith("# "), f'{path.name}: the first cell must start with "# " and the title, not {line!r}.'
    word = re.sub(r"[^\w'-]", "", line[2:].split()[0]).lower()
    assert word in TITLE_VERBS, (f'{path.name}: the title "{line[2:]}" should begin with a verb ("Make it safe to '
                                 f'speak", not "Psychological safety"). If "{word}" is a verb here, add it to '
                                 "TITLE_VERBS in tests/test_lessons.py.")


@lesson_params
def test_sections_come_in_order(path):
    """Are the sections What you'll learn, What you'll need, teaching, Summary, Try this, in that order?"""
    found = read(path).headings(2)
    assert found[:2] == [LEARN, NEED], (f"{path.name}: the first two sections must be '## {LEARN}' and "
                                        f"'## {NEED}'; found {found[:2]}.")
    assert found[-2:] == [SUMMARY, TRY], (f"{path.name}: the last two sections must be '## {SUMMARY}' and "
                                          f"'## {TRY}'; found {found[-2:]}.")
    assert len(found) >= 5, f"{path.name}: put at least one teaching section between '{NEED}' and '{SUMMARY}'."
    for fixed in (LEARN, NEED, SUMMARY, TRY):
        assert found.count(fixed) == 1, f"{path.name}: '## {fixed}' appears {found.count(fixed)} times."


@lesson_params
def test_learn_and_summary_are_bulleted_lists(path):
    """Do What you'll learn and Summary list their points, and Try this give one to three things?"""
    lesson = read(path)
    for title in (LEARN, SUMMARY):
        assert bullets(section(lesson, title)), f"{path.name}: write '## {title}' as a bulleted list."
    tries = bullets(section(lesson, TRY))
    assert len(tries) <= 3, f"{path.name}: '## {TRY}' should give one to three things, not {len(tries)}."
    assert section(lesson, TRY).strip(), f"{path.name}: '## {TRY}' is empty."


@lesson_params
def test_what_you_need_gives_the_time(path):
    """Does What you'll need say how long the lesson takes (30 to 60 minutes for lessons 1 to 8)?"""
    text = section(read(path), NEED)
    minutes = [int(m) for m in re.findall(r"(\d+)(?=(?:\s*(?:to|-|–|and)\s*\d+)?\s*min)", text)]
    assert minutes, f"{path.name}: '## {NEED}' should say how many minutes the lesson takes."
    if read(path).number >= 1:
        assert all(30 <= m <= 60 for m in minutes), (f"{path.name}: lessons 1 to 8 take 30 to 60 minutes; "
                                                     f"'## {NEED}' says {minutes}.")


@lesson_params
def test_first_code_cell_imports_trustlab(path):
    """Is the first code cell exactly `import trustlab`?"""
    code = read(path).code
    assert code and code[0]["source"].strip() == "import trustlab", (
        f"{path.name}: the first code cell must be exactly `import trustlab`.")


@lesson_params
def test_stored_without_outputs(path):
    """Is the notebook stored without outputs or execution counts?"""
    for n, cell in enumerate(read(path).cells):
        if cell["cell_type"] == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None, (
                f"{path.name}, cell {n + 1}: clear outputs before committing (Edit > Clear Outputs of All Cells).")


@lesson_params
def test_valid_notebook_format(path):
    """Is the file a valid notebook (nbformat 4)?"""
    nbformat = pytest.importorskip("nbformat")
    nbformat.validate(nbformat.read(path, as_version=4))


@lesson_params
def test_no_path_tricks_and_only_trustlab_imports(path):
    """No sys.path tricks, and no imports but trustlab (and matplotlib for a figure cell)?"""
    lesson = read(path)
    for n, cell in enumerate(lesson.cells):
        if cell["cell_type"] == "code":
            assert "sys.path" not in cell["source"], f"{path.name}, cell {n + 1}: never change sys.path in a lesson."
    for n, module in lesson.imports:
        assert module.split(".")[0] in ALLOWED_IMPORTS, (
            f"{path.name}, cell {n + 1}: a lesson imports only trustlab (and matplotlib for a figure), "
            f"not {module}.")


@lesson_params
def test_only_the_public_trustlab_api(path):
    """Does the lesson use only names trustlab offers publicly?"""
    unknown = sorted(read(path).trustlab_names - set(trustlab.__all__))
    assert not unknown, (f"{path.name} uses trustlab.{unknown[0]}, which is not public. "
                         f"Public: {', '.join(trustlab.__all__)}.")


# ---------------------------------------------------------------------------------------
# Practice, reflection, figures


@lesson_params
def test_practice_items_exist_and_fit_their_widget(path):
    """Does every quiz, drill and spot call name a bank and explicit ids that exist and fit the widget?"""
    practice(read(path))  # fails with the cell, the id and what is valid


@lesson_params
def test_practice_counts(path):
    """Lessons 1 to 6: 8 or more quiz items and 4 or more drills or spotters; lesson 8: 20 or more items."""
    lesson = read(path)
    c = counts(lesson)
    if 1 <= lesson.number <= 6:
        assert c["quiz"] >= 8, f"{path.name}: lessons 1 to 6 need at least 8 quiz items; it has {c['quiz']}."
        assert c["drill"] + c["spotter"] >= 4, (f"{path.name}: lessons 1 to 6 need at least 4 drills or spotting "
                                                f"exercises; it has {c['drill'] + c['spotter']}.")
    if lesson.number == 8:
        total = c["quiz"] + c["drill"] + c["spotter"]
        assert total >= 20, f"{path.name}: the capstone needs at least 20 items; it has {total}."


@lesson_params
def test_practice_is_woven_through_the_lesson(path):
    """Is practice spread over the teaching sections, not all at the end?"""
    lesson = read(path)
    if lesson.number == 0:
        return
    teaching = set(lesson.headings(2)[2:-2])
    sections = {where for _, where, _ in practice(lesson)} & teaching
    if len(teaching) >= 2 and practice(lesson):
        assert len(sections) >= 2, (f"{path.name}: spread the practice over the teaching sections; it is all in "
                                    f"{sorted(sections) or 'the closing sections'}.")


@lesson_params
def test_reflections(path):
    """Is there at least one reflection, each with a written-out lesson id and question, the same lesson id
    throughout, and no question asked twice (which would share one answer)?"""
    lesson = read(path)
    calls = lesson.trustlab_calls("reflect")
    assert calls, f'{path.name}: add at least one trustlab.reflect("lesson-id", "Your question") cell.'
    keys = []
    for n, _, call in calls:
        assert len(call.args) == 2, f'{path.name}, cell {n + 1}: write trustlab.reflect("lesson-id", "Your question").'
        keys.append((literal(call.args[0], "the lesson id", lesson, n),
                     literal(call.args[1], "the question", lesson, n)))
    lesson_ids = sorted({k[0] for k in keys})
    assert len(lesson_ids) == 1, f"{path.name}: use one lesson id for every reflection; found {lesson_ids}."
    repeated = [k[1] for k in keys if keys.count(k) > 1]
    assert not repeated, f"{path.name}: the reflection question {repeated[0]!r} is asked twice."


def test_reflection_lesson_ids_differ_between_lessons():
    """Does each lesson keep its reflections under its own lesson id?"""
    owners = {}
    for path in LESSONS:
        for n, _, call in read(path).trustlab_calls("reflect"):
            if call.args and isinstance(call.args[0], ast.Constant):
                owners.setdefault(call.args[0].value, set()).add(path.name)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, f"These lessons share a reflection lesson id: {shared}"


@lesson_params
def test_at_least_one_figure(path):
    """Does the lesson show a figure: trustlab.progress(), a chart, or a matplotlib sketch?"""
    assert figures(read(path)), (f"{path.name}: show at least one figure, for example trustlab.progress() or a "
                                 "short matplotlib cell.")


# ---------------------------------------------------------------------------------------
# Lesson 0: ICF's own wording


def lesson_zero() -> Lesson:
    found = [p for p in LESSONS if p.name.startswith("00_")]
    if not found:
        pytest.skip("there is no lesson 0 yet")
    return read(found[0])


@pytest.mark.parametrize("wording", [ICF_DEFINITION, *ICF_SUB_POINTS, *ICF_MARKERS],
                         ids=["definition", *[f"sub-point {n}" for n in range(1, 7)], "4.1", "4.2", "4.3", "4.4"])
def test_lesson_zero_quotes_icf_exactly(wording):
    """Does lesson 0 quote ICF's definition, six sub-points and four markers word for word?"""
    quoted = wording in flat(lesson_zero().markdown_text)
    assert quoted, f"Lesson 0 should quote ICF's wording exactly: {wording!r}"


def test_lesson_zero_attributes_and_dates_the_wording():
    """Does lesson 0 credit ICF and say the lessons follow the 2019 model and 2020 markers, revised in
    September 2025, with a pointer to the current documents?"""
    text = flat(lesson_zero().markdown_text)
    missing = [needed for needed in ("International Coaching Federation", "2019", "2020", "September 2025",
                                     "not a checklist") if needed not in text]
    assert not missing, f"Lesson 0 should mention {missing}."


# ---------------------------------------------------------------------------------------
# The checks themselves: does each one catch the mistake it is there for?

GOOD = [
    ("markdown", "# Make it safe\n\n## What you'll learn\n- One skill\n\n## What you'll need\n- About 40 minutes."),
    ("code", "import trustlab"),
    ("markdown", "## Part one"),
    ("code", 'trustlab.quiz("psychological_safety", ids=["ps-q01", "ps-q02", "ps-q03", "ps-q04"])'),
    ("code", 'trustlab.spot("psychological_safety", ids=["ps-sp01", "ps-sp02"])'),
    ("markdown", "## Part two"),
    ("code", 'trustlab.quiz("psychological_safety", ids=["ps-q05", "ps-q06", "ps-q07", "ps-q08"])'),
    ("code", 'trustlab.drill("psychological_safety", ids=["ps-d01", "ps-d02"])'),
    ("code", 'trustlab.reflect("test-01", "What do you notice?")'),
    ("code", "trustlab.progress()"),
    ("markdown", "## Summary\n- A point\n\n## Try this in your next session\n- One thing"),
]


def replace(old: str, new: str):
    return lambda cells: [(kind, source.replace(old, new)) for kind, source in cells]


def without(fragment: str):
    return lambda cells: [(kind, source) for kind, source in cells if fragment not in source]


def with_cell(kind: str, source: str):
    return lambda cells: cells + [(kind, source)]


BROKEN = {
    "a noun for a title": (replace("# Make it safe", "# Psychological safety"),
                           test_title_is_a_markdown_heading_that_starts_with_a_verb),
    "sections out of order": (replace("## Summary\n- A point\n\n## Try this in your next session\n- One thing",
                                      "## Try this in your next session\n- One thing\n\n## Summary\n- A point"),
                              test_sections_come_in_order),
    "no teaching section": (lambda cells: [c for c in cells if c[1] not in ("## Part one", "## Part two")],
                            test_sections_come_in_order),
    "a summary in prose": (replace("## Summary\n- A point", "## Summary\nA point."),
                           test_learn_and_summary_are_bulleted_lists),
    "too long": (replace("About 40 minutes", "About 90 minutes"), test_what_you_need_gives_the_time),
    "another first code cell": (replace("import trustlab", "import trustlab as t"),
                                test_first_code_cell_imports_trustlab),
    "sys.path": (with_cell("code", "import sys\nsys.path.insert(0, '../lib')"),
                 test_no_path_tricks_and_only_trustlab_imports),
    "another import": (with_cell("code", "import pandas"), test_no_path_tricks_and_only_trustlab_imports),
    "a private name": (with_cell("code", "trustlab.journal"), test_only_the_public_trustlab_api),
    "no ids": (replace(', ids=["ps-d01", "ps-d02"]', ""), test_practice_items_exist_and_fit_their_widget),
    "an unknown id": (replace("ps-q08", "ps-q99"), test_practice_items_exist_and_fit_their_widget),
    "a drill in a quiz": (replace("ps-q08", "ps-d03"), test_practice_items_exist_and_fit_their_widget),
    "too few quiz items": (replace('"ps-q07", "ps-q08"', '"ps-q01"'), test_practice_counts),
    "practice all in one place": (lambda cells: replace("## Part two", "More on part one.")(cells[:-1]) + [
        ("markdown", "## Part three\nReading only."), cells[-1]], test_practice_is_woven_through_the_lesson),
    "no reflection": (without("trustlab.reflect"), test_reflections),
    "a question asked twice": (with_cell("code", 'trustlab.reflect("test-01", "What do you notice?")'),
                               test_reflections),
    "no figure": (without("trustlab.progress"), test_at_least_one_figure),
}


def write_lesson(folder: Path, cells, name: str = "01_check_me.ipynb") -> Path:
    nb = {"cells": [{"cell_type": kind, "metadata": {}, "source": source,
                     **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                    for kind, source in cells],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
    path = folder / name
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def test_a_good_lesson_passes_every_check(tmp_path):
    """Does a lesson that keeps the contract pass every check (so the checks below fail for their reason)?"""
    path = write_lesson(tmp_path, GOOD)
    for check in {check for _, check in BROKEN.values()} | {test_stored_without_outputs}:
        check(path)


@pytest.mark.parametrize("mistake", sorted(BROKEN))
def test_each_check_catches_its_mistake(tmp_path, mistake):
    """Is a lesson with this one mistake refused, with a message?"""
    change, check = BROKEN[mistake]
    path = write_lesson(tmp_path, change(list(GOOD)))
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        check(path)


def test_outputs_are_caught(tmp_path):
    """Is a notebook stored with outputs refused?"""
    path = write_lesson(tmp_path, GOOD)
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][1].update(execution_count=1, outputs=[{"output_type": "stream", "name": "stdout", "text": "hi"}])
    path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(AssertionError, match="clear outputs"):
        test_stored_without_outputs(path)
