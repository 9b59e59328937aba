"""The graded assignments end to end with nbgrader, as a cohort would meet them.

In a temporary course directory with its own exchange folder, the instructor generates and
releases every assignment from solutions/; seven learners fetch and submit (the solutions, the
untouched exercises, partly right answers, a tampered test cell, a deleted test cell, an endless
loop, a syntax error); the instructor collects, autogrades, generates and releases feedback and
exports the grades. nbgrader runs in this process through its Python API, so only the notebook
kernels are started (about 1.5 minutes on 2 cores).

Run it alone with ``pytest -m nbgrader`` (or ``make test-nbgrader``).
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("nbgrader", reason="nbgrader is in the dev extra: pip install -e '.[dev]'")

from nbgrader.api import Gradebook  # noqa: E402
from nbgrader.apps import NbGraderAPI  # noqa: E402
from nbgrader.coursedir import CourseDirectory  # noqa: E402
from nbgrader.plugins import CsvExportPlugin  # noqa: E402
from traitlets.config import Config, PyFileConfigLoader  # noqa: E402

from trustlab.grading import KEY_FILE, KEYS_ENV, load_keys  # noqa: E402

pytestmark = [
    pytest.mark.nbgrader,
    # nbgrader's own housekeeping, not ours: SQLAlchemy autoflush notes, a misspelt keyword in
    # NbGraderAPI.release_feedback, and the cell id nbgrader leaves off a test cell it puts back
    pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning"),
    pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::nbformat.warnings.MissingIDFieldWarning"),
]

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
ASSIGNMENTS = sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))
A1, A2, A3, A4 = "01_spot_markers", "02_soften_questions", "03_respond_to_disclosures", "04_review_a_session"
TIMEOUT = 10  # seconds per cell, for the endless loop (the course's own setting is in nbgrader_config.py)
HIDDEN = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "grade_choice(", "grade_spotting(", "grade_rewrite(",
          "grade_response(", "grade_number(")

# What each learner submits, by assignment.
SUBMITS = {
    "alice": ASSIGNMENTS,  # (a) the solutions
    "bob": ASSIGNMENTS,    # (b) the untouched exercises
    "carol": ASSIGNMENTS,  # (c) partly right
    "dan": [A1],           # (d) a tampered test cell
    "erin": [A1],          # (e) a deleted test cell
    "frank": [A2],         # (f) an endless loop in an answer cell
    "gina": [A3],          # (g) a syntax error in an answer cell
}

# Carol's answers, and the points each earns (worked out by hand from the keys and the rules in
# trustlab.grading: spotting = right / (right + wrong + missed); a rewrite that does not pass
# earns half its check_rewrite score; a response 60% for the marker, 40% for no red flag; a figure
# full points within the tolerance, half within twice it).
CAROL = {
    A1: {
        "answer_1": ("4.1", 2),                     # exactly the key
        "answer_2": ("why question, advice", 1.33),  # 2 right, 1 missed
        "answer_3": ("4.3, praise", 1),             # 1 right, 1 wrong
        "answer_4": ("none", 0),                    # missed 4.4
        "answer_5": ("4.2, dismissal", 2),          # 4.2 is also accepted: neither for nor against
        "answer_6": ("...", 0),                     # blank
        "answer_7": ("feedback as fact", 1),        # 1 right, 1 missed
        "answer_8": ("none", 2),
        "choice_9": ("a", 0),
        "choice_10": ("b", 1),
    },
    A2: {
        "answer_1": ("Did you speak up in the meeting?", 0.7),    # closed: check_rewrite 0.70, halved, x2
        "answer_2": ("What options might you have for sharing the load?", 2),
        "answer_3": ("Is it your boss?", 0.7),                     # closed
        "answer_4": ("What do you have to fix first?", 0.9),       # not softened: 0.90
        "answer_5": ("", 0),
        "answer_6": ("What options might you have with your landlord?", 2),
        "choice_7": ("a", 1),
        "choice_8": ("c", 0),
    },
    A3: {
        "answer_1": ("I'm sorry. Have you tried talking to HR about some time off?", 1.8),  # 4.2, but advice
        "choice_2": ("b", 1),
        "answer_3": ("Great job! I'm so proud of you.", 0),  # praise, no 4.1
        "answer_4": ("I could be wrong, but I notice you light up when you mention the role. "
                     "What do you make of that?", 3),
        "choice_5": ("a", 0),
    },
    A4: {
        "answer_1": ("57%", 1),     # 5 from 52: within twice the tolerance of 3
        "answer_2": ("9", 1),
        "answer_3": ("7", 0.5),     # 2 from 5: within twice the tolerance of 1
        "choice_4": ("c", 1),
        "choice_5": ("a", 0),
        "answer_6": ("four", 0),    # not digits: read as no number
    },
}
CAROL_REFLECTION = "When my client told me about her illness I paused and thanked her before we went on."
AUTO_POINTS = {A1: 18, A2: 14, A3: 11, A4: 7}
MANUAL_POINTS = {A1: 0, A2: 0, A3: 6, A4: 6}


# ---------------------------------------------------------------------------------
# Editing a fetched notebook as a learner would


def _cells(nb: dict) -> dict[str, dict]:
    return {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"] if "nbgrader" in c["metadata"]}


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _answer_cell(nb: dict, variable: str) -> dict:
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and _source(cell).startswith(f'{variable} = "..."'):
            return cell
    raise AssertionError(f"no answer cell for {variable}")


def _type(nb: dict, variable: str, words: str) -> None:
    """Replace the three dots in an answer cell, as the instructions ask."""
    cell = _answer_cell(nb, variable)
    cell["source"] = _source(cell).replace('"..."', json.dumps(words), 1)


def _solve(nb: dict, solution: dict) -> None:
    """Every answer (and written answer) as in the solutions notebook."""
    source = _cells(solution)
    for gid, cell in _cells(nb).items():
        if cell["metadata"]["nbgrader"].get("solution"):
            cell["source"] = _source(source[gid])


def _test_cell_id(nb: dict, variable: str) -> str:
    cells = nb["cells"]
    i = cells.index(_answer_cell(nb, variable))
    return cells[i + 1]["metadata"]["nbgrader"]["grade_id"]


def _edit(student: str, assignment: str, nb: dict, solution: dict) -> None:
    if student == "bob":
        return
    if student == "carol":
        for variable, (words, _points) in CAROL[assignment].items():
            _type(nb, variable, words)
        for cell in _cells(nb).values():
            meta = cell["metadata"]["nbgrader"]
            if meta.get("solution") and meta.get("grade") and cell["cell_type"] == "markdown":
                cell["source"] = CAROL_REFLECTION
        return
    _solve(nb, solution)
    if student == "alice":
        return
    variable = {"dan": "answer_1", "erin": "answer_2", "frank": "answer_3", "gina": "answer_1"}[student]
    answer, test = _answer_cell(nb, variable), _cells(nb)[_test_cell_id(nb, variable)]
    if student == "dan":  # a wrong answer, and its test cell edited to hand out full points
        answer["source"] = 'answer_1 = "praise"'
        test["source"] = "2"
    elif student == "erin":  # a partly right answer, and its test cell deleted
        answer["source"] = 'answer_2 = "why question"'
        nb["cells"].remove(test)
    elif student == "frank":  # an endless loop before the answer is set
        answer["source"] = 'while True:\n    pass\nanswer_3 = "What might help?"'
    elif student == "gina":  # a missing closing quotation mark
        answer["source"] = 'answer_1 = "Thank you for telling me.'


# ---------------------------------------------------------------------------------
# The course


def _config(course: Path, exchange: Path) -> Config:
    """The repository's nbgrader_config.py, pointed at the temporary course and exchange."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    overrides = Config()
    overrides.CourseDirectory.root = str(course)
    overrides.CourseDirectory.db_url = f"sqlite:///{course / 'gradebook.db'}"
    overrides.Exchange.root = str(exchange)
    overrides.Exchange.cache = str(course.parent / "cache")
    overrides.Execute.timeout = TIMEOUT
    config.merge(overrides)
    return config


def _ok(result: dict, what: str) -> dict:
    assert result["success"], f"{what} failed:\n{result.get('error')}\n{result.get('log')}"
    return result


def _as_learner(api: NbGraderAPI, app: str, student: str, assignment: str, home: Path):
    coursedir = CourseDirectory(parent=api, assignment_id=assignment, student_id=student)
    exchange = getattr(api.exchange, app)(coursedir=coursedir, authenticator=api.authenticator, parent=api)
    exchange.assignment_dir = str(home)
    exchange.cache = str(home / ".nbgrader_cache")  # each learner's own record of what they submitted
    return exchange


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """Run the whole cohort once; the tests below read what it left behind."""
    tmp = tmp_path_factory.mktemp("cohort")
    course, exchange, homes = tmp / "course", tmp / "exchange", tmp / "home"
    shutil.copytree(SOLUTIONS, course / "solutions")
    exchange.mkdir()
    with pytest.MonkeyPatch.context() as env:
        env.setenv(KEYS_ENV, str(course / "solutions"))  # before the config's setdefault
        env.setenv("TRUSTLAB_COURSE", "trustlab-test")
        api = NbGraderAPI(config=_config(course, exchange))
        for a in ASSIGNMENTS:
            _ok(api.generate_assignment(a), f"generate_assignment {a}")
            _ok(api.release_assignment(a), f"release_assignment {a}")
        for student, assignments in SUBMITS.items():
            for a in assignments:
                home = homes / student
                home.mkdir(parents=True, exist_ok=True)
                _as_learner(api, "FetchAssignment", student, a, home).start()
                solution = json.loads(next((SOLUTIONS / a).glob("*.ipynb")).read_text(encoding="utf-8"))
                for path in (home / a).glob("*.ipynb"):
                    nb = json.loads(path.read_text(encoding="utf-8"))
                    _edit(student, a, nb, solution)
                    path.write_text(json.dumps(nb), encoding="utf-8")
                _as_learner(api, "Submit", student, a, home).start()
        for a in ASSIGNMENTS:
            _ok(api.collect(a), f"collect {a}")
        logs = {}
        for student, assignments in SUBMITS.items():
            for a in assignments:
                logs[student, a] = _ok(api.autograde(a, student), f"autograde {a} for {student}").get("log", "")
                _ok(api.generate_feedback(a, student), f"generate_feedback {a} for {student}")
                _ok(api.release_feedback(a, student), f"release_feedback {a} for {student}")
        for a in SUBMITS["carol"]:
            _as_learner(api, "FetchFeedback", "carol", a, homes / "carol").start()
        plugin = CsvExportPlugin(parent=api)
        plugin.to = str(tmp / "grades.csv")
        with Gradebook(api.coursedir.db_url, api.course_id) as gb:
            plugin.export(gb)
        yield {"tmp": tmp, "course": course, "exchange": exchange, "homes": homes, "api": api, "logs": logs,
               "csv": tmp / "grades.csv"}


def _scores(cohort, assignment: str, student: str) -> dict[str, float | None]:
    """The autograded points of each test cell, by question variable (answer_1, choice_2, ...)."""
    release = json.loads(next((cohort["course"] / "exercises" / assignment).glob("*.ipynb")).read_text(encoding="utf-8"))
    by_cell = {}
    with Gradebook(cohort["api"].coursedir.db_url, cohort["api"].course_id) as gb:
        sub = gb.find_submission(assignment, student)
        for nb in sub.notebooks:
            for grade in nb.grades:
                by_cell[grade.name] = grade.auto_score
    out = {}
    for cell in release["cells"]:
        m = re.match(r'(\w+) = "\.\.\."', _source(cell))
        if cell["cell_type"] == "code" and m:
            out[m.group(1)] = by_cell[_test_cell_id(release, m.group(1))]
    return out


def _code_score(cohort, assignment: str, student: str) -> float:
    with Gradebook(cohort["api"].coursedir.db_url, cohort["api"].course_id) as gb:
        return gb.find_submission(assignment, student).code_score


# ---------------------------------------------------------------------------------
# exercises/ is what `make exercises` generates


def _normalized(path: Path):
    """A notebook without what may change between runs (outputs, execution counts, and metadata other
    than the kernel and nbgrader's own); any other file as it is."""
    if path.suffix != ".ipynb":
        return path.read_bytes()
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["metadata"] = {k: v for k, v in nb["metadata"].items() if k in ("kernelspec", "language_info")}
    for cell in nb["cells"]:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        cell["source"] = _source(cell)
        cell["metadata"] = {k: v for k, v in cell["metadata"].items() if k in ("nbgrader", "deletable", "editable")}
    return nb


def _tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): _normalized(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def test_exercises_match_what_make_exercises_generates(tmp_path, monkeypatch):
    """Are the committed exercises exactly what `make exercises` generates from solutions/ today?"""
    course = tmp_path / "course"
    shutil.copytree(SOLUTIONS, course / "solutions")
    monkeypatch.setenv(KEYS_ENV, str(course / "solutions"))
    api = NbGraderAPI(config=_config(course, tmp_path / "exchange"))
    for a in ASSIGNMENTS:
        _ok(api.generate_assignment(a), f"generate_assignment {a}")
    generated, committed = _tree(course / "exercises"), _tree(ROOT / "exercises")
    drift = sorted(set(generated) ^ set(committed)) + sorted(
        name for name in set(generated) & set(committed) if generated[name] != committed[name])
    assert not drift, f"exercises/ has drifted from solutions/ in {drift}: run `make exercises` and commit exercises/"


def test_validate_tells_a_learner_which_answers_cannot_be_read_yet(tmp_path):
    """Does nbgrader's Validate button fail an untouched exercise with plain messages, and pass a
    finished one?"""
    from nbgrader.validator import Validator

    path = tmp_path / "spot_markers.ipynb"
    shutil.copy(ROOT / "exercises" / A1 / path.name, path)
    failed = Validator().validate(str(path))["failed"]
    assert len(failed) == 10
    assert all(f["error"].startswith("✗ ") and "Traceback" not in f["error"] for f in failed)
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in _cells(nb).values():
        if cell["metadata"]["nbgrader"]["solution"]:
            cell["source"] = _source(cell).replace('"..."', '"none"' if "answer_" in _source(cell) else '"a"', 1)
    path.write_text(json.dumps(nb), encoding="utf-8")
    assert Validator().validate(str(path)) == {}


# ---------------------------------------------------------------------------------
# The scores


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_solutions_earn_every_autograded_point(cohort, assignment):
    """(a) Does a learner who submits the solutions get full autograded points?"""
    assert _code_score(cohort, assignment, "alice") == AUTO_POINTS[assignment]
    with Gradebook(cohort["api"].coursedir.db_url, cohort["api"].course_id) as gb:
        sub = gb.find_submission(assignment, "alice")
        assert sub.max_code_score == AUTO_POINTS[assignment]
        assert sub.max_written_score == MANUAL_POINTS[assignment]
        # a written answer waits for the instructor instead of being scored by the machine
        assert sub.needs_manual_grade == (MANUAL_POINTS[assignment] > 0)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_untouched_exercises_earn_nothing(cohort, assignment):
    """(b) Does an untouched notebook score zero, with nothing left for manual grading?"""
    assert _code_score(cohort, assignment, "bob") == 0
    assert set(_scores(cohort, assignment, "bob").values()) == {0}
    with Gradebook(cohort["api"].coursedir.db_url, cohort["api"].course_id) as gb:
        assert gb.find_submission(assignment, "bob").score == 0


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_partly_right_answers_earn_partial_credit(cohort, assignment):
    """(c) Does each of Carol's answers earn exactly the partial credit the rules give it?"""
    expected = {variable: points for variable, (_words, points) in CAROL[assignment].items()}
    assert _scores(cohort, assignment, "carol") == pytest.approx(expected, abs=0.005)
    assert _code_score(cohort, assignment, "carol") == pytest.approx(sum(expected.values()), abs=0.02)


def test_a_tampered_test_cell_is_restored(cohort):
    """(d) Does a test cell edited to print full points get its original back, and grade the answer?"""
    scores = _scores(cohort, A1, "dan")
    assert scores["answer_1"] == 0  # "praise" is wrong, whatever the edited cell said
    assert _code_score(cohort, A1, "dan") == AUTO_POINTS[A1] - 2


def test_a_deleted_test_cell_is_put_back(cohort):
    """(e) Is a deleted test cell added back and the answer above it graded?"""
    assert _scores(cohort, A1, "erin")["answer_2"] == pytest.approx(0.67)  # 1 of 3 right: 2 x 1/3
    assert _code_score(cohort, A1, "erin") == pytest.approx(AUTO_POINTS[A1] - 2 + 0.67)
    assert "Missing grade cell" in cohort["logs"]["erin", A1]


def test_an_endless_loop_costs_only_its_own_part(cohort):
    """(f) Is a runaway answer cell stopped after the timeout, scoring zero for that part only?"""
    scores = _scores(cohort, A2, "frank")
    assert scores["answer_3"] == 0
    assert sum(scores.values()) == AUTO_POINTS[A2] - 2
    autograded = _autograded(cohort, "frank", A2)
    failed = [c for c in autograded["cells"] if any(o["output_type"] == "error" for o in c.get("outputs", []))]
    assert len(failed) == 1 and _source(failed[0]).startswith("while True")
    assert "CellTimeoutError" in {o.get("ename") for o in failed[0]["outputs"]}


def test_a_syntax_error_is_graded_not_crashed_on(cohort):
    """(g) Does a syntax error in one answer cost that part only, with a kind message and no traceback?"""
    scores = _scores(cohort, A3, "gina")
    assert scores["answer_1"] == 0
    assert _code_score(cohort, A3, "gina") == AUTO_POINTS[A3] - 3
    feedback = _text(_feedback_file(cohort, "gina", A3))
    assert "There is no answer yet: the answer cell has not run, or it has a typing slip" in feedback


def _autograded(cohort, student: str, assignment: str) -> dict:
    path = next((cohort["course"] / "autograded" / student / assignment).glob("*.ipynb"))
    return json.loads(path.read_text(encoding="utf-8"))


def _feedback_file(cohort, student: str, assignment: str) -> Path:
    return next((cohort["course"] / "feedback" / student / assignment).glob("*.html"))


def _text(path: Path) -> str:
    """What a reader of an HTML or notebook file sees: tags stripped, entities decoded."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        nb = json.loads(raw)
        parts = []
        for cell in nb["cells"]:
            parts.append(_source(cell))
            for out in cell.get("outputs", []):
                parts.append("".join(out.get("text", "")))
                parts.extend("".join(v) if isinstance(v, list) else str(v) for v in out.get("data", {}).values())
                parts.extend(out.get("traceback", []))
        raw = "\n".join(parts)
    raw = re.sub(r"<(style|script)\b.*?</\1>", "", raw, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", raw))
    return " ".join(text.split())


# ---------------------------------------------------------------------------------
# Nothing leaks


def _released_files(cohort) -> list[Path]:
    """Every file a learner can read: the release, the exchange, their own folders, their feedback."""
    roots = [cohort["course"] / "exercises", cohort["exchange"], cohort["homes"], cohort["course"] / "feedback"]
    return [p for root in roots for p in root.rglob("*") if p.is_file()]


def test_released_files_and_feedback_exist(cohort):
    """Did the cohort produce a release, learners' copies and a feedback page for every submission?"""
    files = _released_files(cohort)
    assert sum(p.suffix == ".ipynb" for p in files) >= 2 * len(ASSIGNMENTS)
    for student, assignments in SUBMITS.items():
        for a in assignments:
            assert _feedback_file(cohort, student, a).stat().st_size > 0
    fetched = list((cohort["homes"] / "carol").glob("*/feedback/*/*.html"))
    assert len(fetched) == len(SUBMITS["carol"]), "carol did not get her released feedback"


def test_no_answer_key_file_is_released(cohort):
    """Is answer_key.yaml absent from the release, the exchange, learners' folders and autograded folders?"""
    roots = [cohort["course"] / "exercises", cohort["exchange"], cohort["homes"], cohort["course"] / "submitted",
             cohort["course"] / "autograded", cohort["course"] / "feedback"]
    leaked = [p for root in roots for p in root.rglob(KEY_FILE)]
    assert not leaked
    # the transcript for assignment 4 does travel with it
    assert (cohort["course"] / "exercises" / A4 / "session.txt").is_file()


def test_no_hidden_test_or_key_text_is_released(cohort):
    """Does any released notebook or feedback page show a hidden test, an instructor's note or a
    model answer (except in the feedback of a learner who typed it themselves)?"""
    keys = load_keys(SOLUTIONS)
    notes = [k.note for k in keys.values() if k.note]
    models = _model_answers()
    # Learners other than bob and carol typed model answers as their own words; anything of theirs
    # may quote them. Exercises, the outbound exchange and bob's and carol's files may not.
    clean = [cohort["course"] / "exercises", cohort["exchange"] / "trustlab-test" / "outbound"]
    clean += [root / s for root in (cohort["homes"], cohort["course"] / "feedback") for s in ("bob", "carol")]
    problems, checked = [], 0
    for path in _released_files(cohort):
        if path.suffix not in (".ipynb", ".html"):
            continue
        text = _text(path)
        checked += any(root in path.parents for root in clean)
        for needle in (*HIDDEN, *notes):
            if needle in text:
                problems.append(f"{path}: {needle[:40]!r}")
        if any(root in path.parents for root in clean):
            for model in models:
                if model in text:
                    problems.append(f"{path}: model answer {model[:40]!r}")
    assert not problems, "\n".join(problems[:20])
    assert checked >= 3 * len(ASSIGNMENTS)  # the release, and bob's and carol's copies and feedback


def _model_answers() -> list[str]:
    """The model answers in the solutions: each solution region's string, and each model reflection."""
    models = []
    for path in SOLUTIONS.glob("*/*.ipynb"):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            source = _source(cell)
            if meta.get("solution") and cell["cell_type"] == "code":
                region = source.split("### BEGIN SOLUTION", 1)[1]
                # the longer ones: a spotting answer such as "praise" is an ordinary word
                models += [m for m in re.findall(r'= "([^"]+)"', region) if len(m.split()) >= 4]
            elif meta.get("solution"):
                models.append(" ".join(source.split()[8:30]))  # a stretch from the middle of the model
    return models


def test_feedback_keeps_the_learners_messages(cohort):
    """Does feedback show what the check cells printed for the learner, hints included?"""
    text = _text(_feedback_file(cohort, "carol", A1))
    assert "This turn shows one more marker or red flag to find." in text
    assert "Hint: Read each question on its own" in text
    assert "most recent call last" not in text


def test_the_csv_has_every_learner_and_assignment(cohort):
    """Does the exported CSV hold a row for every learner and assignment, with the right totals?"""
    with open(cohort["csv"], newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["student_id"] for r in rows} == set(SUBMITS)
    assert {r["assignment"] for r in rows} == set(ASSIGNMENTS)
    assert len(rows) == len(SUBMITS) * len(ASSIGNMENTS)
    by = {(r["student_id"], r["assignment"]): r for r in rows}
    for a in ASSIGNMENTS:
        assert float(by["alice", a]["score"]) == AUTO_POINTS[a]  # written answers not yet graded
        assert float(by["alice", a]["max_score"]) == AUTO_POINTS[a] + MANUAL_POINTS[a]
        assert float(by["bob", a]["score"]) == 0
    assert float(by["gina", A1]["score"]) == 0  # never submitted
