"""How long does nbgrader take to autograde a cohort, against the floor of simply running the same
notebooks? Prints the figures; asserts nothing.

Run from the repository: ``python benchmarks/bench_autograde.py`` (about 8 minutes on 2 cores).
In a temporary course, every assignment in solutions/ is generated and 30 learners' submissions are
written straight into submitted/ (the exchange is not what is measured). The learners answer in
turn with the model answers, partly right answers and nothing, so the grading code meets full,
partial and blank answers alike. Then:

- autograde: nbgrader's Autograde, in this process, over every submission, as `make autograde`
  does in one `nbgrader autograde '*'` (which adds about 5 s of start-up once);
- floor: nbclient executing each autograded notebook again (hidden tests in place, outputs cleared),
  one fresh kernel per notebook, as nbgrader does, and nothing else;
- kernel alone: nbclient running a one-cell notebook (``import trustlab.grading``) ten times, the
  part of the floor that is starting Python and loading trustlab rather than grading.

The difference between autograde and the floor is nbgrader's own work: checking and restoring
cells, the gradebook, writing files.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"

# What a partly right learner types, by answer variable (unlisted answers stay as the model's).
PARTLY = {
    "answer_1": "4.1, praise", "answer_2": "Did you finish it?", "answer_3": "Is it your boss?",
    "choice_2": "a", "choice_4": "a", "choice_5": "a", "answer_4": "none", "choice_9": "c",
}


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _submission(exercise: dict, solution: dict, style: str) -> dict:
    """The exercise as a learner hands it in: the model answers, partly right ones, or untouched."""
    nb = json.loads(json.dumps(exercise))
    if style == "untouched":
        return nb
    model = {c["metadata"]["nbgrader"]["grade_id"]: _source(c) for c in solution["cells"] if "nbgrader" in c["metadata"]}
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if not meta.get("solution"):
            continue
        cell["source"] = model[meta["grade_id"]]
        variable = _source(cell).split(" ", 1)[0]
        if style == "partly" and variable in PARTLY:
            cell["source"] = f"{variable} = {json.dumps(PARTLY[variable])}"
    return nb


def _config(course: Path):
    from traitlets.config import Config, PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    overrides = Config()
    overrides.CourseDirectory.root = str(course)
    overrides.CourseDirectory.db_url = f"sqlite:///{course / 'gradebook.db'}"
    overrides.Exchange.root = str(course / "exchange")
    config.merge(overrides)
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the temporary course and print where it is")
    args = parser.parse_args()

    import logging
    import warnings

    import nbformat
    from nbclient import NotebookClient
    from nbgrader.apps import NbGraderAPI
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    work = Path(tempfile.mkdtemp(prefix="trustlab-bench-autograde-"))
    course = work / "course"
    shutil.copytree(SOLUTIONS, course / "solutions")
    os.environ["TRUSTLAB_KEYS"] = str(course / "solutions")
    assignments = sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))

    api = NbGraderAPI(config=_config(course))
    api.log.setLevel(logging.WARNING)
    for a in assignments:
        result = api.generate_assignment(a)
        if not result["success"]:
            sys.exit(result.get("error"))

    styles = ("model", "partly", "untouched")
    for n in range(args.students):
        student = f"learner{n + 1:02d}"
        for a in assignments:
            released = course / "exercises" / a
            dest = course / "submitted" / student / a
            shutil.copytree(released, dest)
            for path in dest.glob("*.ipynb"):
                solution = json.loads((SOLUTIONS / a / path.name).read_text(encoding="utf-8"))
                exercise = json.loads(path.read_text(encoding="utf-8"))
                path.write_text(json.dumps(_submission(exercise, solution, styles[n % 3])), encoding="utf-8")
    count = args.students * len(assignments)
    print(f"Cohort: {args.students} learners x {len(assignments)} assignments = {count} notebooks "
          f"({', '.join(assignments)})")

    coursedir = CourseDirectory(parent=api, assignment_id="*", student_id="*")
    app = Autograde(coursedir=coursedir, parent=api)
    app.force = True
    app.log.setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy autoflush notes from nbgrader's gradebook
    start = time.perf_counter()
    app.start()
    graded = time.perf_counter() - start
    print(f"Autograde (nbgrader, in process): {graded:6.1f} s, {graded / count:.2f} s a notebook", flush=True)

    notebooks = sorted((course / "autograded").glob("*/*/*.ipynb"))
    assert len(notebooks) == count, f"autograded {len(notebooks)} of {count}"
    timeout = api.config.Execute.timeout
    start = time.perf_counter()
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    floor = time.perf_counter() - start

    bare = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import trustlab.grading")])
    start = time.perf_counter()
    for _ in range(10):
        NotebookClient(bare, timeout=timeout, kernel_name="python3").execute()
    kernel = (time.perf_counter() - start) / 10

    from nbgrader.api import Gradebook

    with Gradebook(api.coursedir.db_url, api.course_id) as gb:
        scores = [s.code_score for a in assignments for s in gb.find_assignment(a).submissions]
    print(f"Floor (nbclient, same notebooks): {floor:6.1f} s, {floor / count:.2f} s a notebook")
    print(f"Kernel alone (start, import):     {kernel:6.2f} s a notebook, "
          f"{kernel * count / floor:.0%} of the floor")
    print(f"Ratio autograde / floor:          {graded / floor:6.2f}")
    print(f"nbgrader's own work:              {(graded - floor) / count:6.2f} s a notebook")
    print(f"Scores: {len(scores)} submissions, median {statistics.median(scores):g}, "
          f"from {min(scores):g} to {max(scores):g} autograded points")
    print("Add about 5 s once for `nbgrader autograde '*'` starting up (make autograde).")
    if args.keep:
        print(f"Course kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
