"""When the test suite executes the lessons, keep their answers and reflections out of the
learner's real progress file: every kernel started by nbval inherits this temporary location."""

import atexit
import os
import shutil
import tempfile

_folder = tempfile.mkdtemp(prefix="trustlab-lessons-")
os.environ["TRUSTLAB_PROGRESS"] = os.path.join(_folder, "progress.sqlite3")
atexit.register(shutil.rmtree, _folder, ignore_errors=True)
