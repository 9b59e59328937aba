"""nbgrader settings for trustlab's graded cohort assignments (docs/instructors.md walks through a cohort).

nbgrader reads this file whenever it runs in this folder (the `make` targets, the formgrader,
`nbgrader ...` by hand). The repository root is the course directory: the source assignments are
in solutions/, the student versions generated from them in exercises/.

Settings a school may change without editing this file, through environment variables:

- TRUSTLAB_COURSE: the course id learners fetch from (default "trustlab");
- TRUSTLAB_EXCHANGE: the exchange folder shared by instructors and learners on one machine
  (nbgrader's default is /srv/nbgrader/exchange);
- TRUSTLAB_GRADEBOOK: the gradebook database URL, such as
  postgresql://grader@db.example.org/trustlab when several instructors grade at once
  (default: gradebook.db, SQLite, in this folder);
- TRUSTLAB_KEYS: where the answer keys are (default: solutions/, beside this file).
"""

import os
from pathlib import Path

try:
    c = get_config()  # noqa: F821 - traitlets provides get_config when nbgrader reads this file
except NameError:  # imported as a plain module (pytest's doctest collection, an editor): nothing to configure
    from traitlets.config import Config

    c = Config()

HERE = Path(__file__).resolve().parent

c.CourseDirectory.course_id = os.environ.get("TRUSTLAB_COURSE", "trustlab")
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# The answer keys stay with the instructor: this keeps answer_key.yaml out of exercises/ (and so
# out of every release) and out of the folders that autograding copies from solutions/.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "answer_key.yaml"]

if os.environ.get("TRUSTLAB_GRADEBOOK"):
    c.CourseDirectory.db_url = os.environ["TRUSTLAB_GRADEBOOK"]
if os.environ.get("TRUSTLAB_EXCHANGE"):
    c.Exchange.root = os.environ["TRUSTLAB_EXCHANGE"]

# The hidden tests call trustlab.grading, which finds the keys through this variable. Setting it
# here means every kernel nbgrader starts (autograde, the formgrader) inherits it.
os.environ.setdefault("TRUSTLAB_KEYS", str(HERE / "solutions"))

# Answer cells read `answer_1 = "..."` above a ### BEGIN SOLUTION region; the region becomes this
# line in the released notebook, and a written answer (a Markdown cell) becomes text_stub.
c.ClearSolutions.code_stub = {
    "python": "# ↑ Replace the three dots with your answer, keep the quotation marks, then press Shift + Enter."
}
c.ClearSolutions.text_stub = "Double-click this cell and replace this sentence with your answer."

# A runaway cell (an endless loop typed into an answer cell) is stopped after this many seconds;
# only the part that depends on it scores zero, and the rest of the notebook is still graded.
c.Execute.timeout = 20

# A learner who deletes a locked test cell gets it back before grading (an edited one is always
# restored from the gradebook).
c.OverwriteCells.add_missing_cells = True

# Feedback shows each test cell without its hidden part. (nbgrader keeps hidden tests in feedback
# unless ClearHiddenTests runs here; trustlab's tests never raise, so no traceback quotes them.)
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
