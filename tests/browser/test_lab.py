"""Do the practice widgets work for a learner in JupyterLab, in a real (headless) browser?

The expected texts come from the sample bank and the engine, so the test follows them when
they change. Playwright's own waiting paces every step in the page: no fixed sleeps.
"""

from __future__ import annotations

import re
import time

import pytest

import trustlab
from trustlab.banks import FLAG_NAMES, load_bank

pytestmark = pytest.mark.browser

NOTEBOOK = "practice_check.ipynb"
STEP_MS = 30_000  # generous for a busy 2-core machine; Playwright moves on as soon as it can
START_MS = 90_000  # the first page load also starts the kernel

# Starts a clock on the next click anywhere in the page and stops it when `feedback` first
# contains `expected`: the delay a learner sees, measured inside the browser.
START_CLOCK = """([feedback, expected]) => {
    const clock = {start: null, end: null};
    window.trustlabClock = clock;
    window.addEventListener("click", () => { clock.start ??= performance.now(); },
                            {capture: true, once: true});
    const observer = new MutationObserver(() => {
        if (clock.start !== null && feedback.textContent.includes(expected)) {
            clock.end = performance.now();
            observer.disconnect();
        }
    });
    observer.observe(feedback, {childList: true, subtree: true, characterData: true});
}"""


def open_and_run_all(page, lab) -> None:
    """Open the notebook, wait for an idle kernel, then Run > Run All Cells."""
    from playwright.sync_api import expect

    page.goto(lab.notebook_url(NOTEBOOK))
    kernel_status = page.locator("#jp-main-statusbar").get_by_text(re.compile(r"\| Idle$"))
    expect(kernel_status).to_be_visible(timeout=START_MS)
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.locator(".lm-Menu").get_by_text("Run All Cells", exact=True).click()


def check_and_wait(page, widget, expected: str, timings: list, label: str):
    """Click the widget's Check button and wait until its feedback contains `expected`."""
    from playwright.sync_api import expect

    feedback = widget.locator(".widget-html.trustlab-feedback")
    page.evaluate(START_CLOCK, [feedback.element_handle(), expected])
    widget.get_by_role("button", name="Check", exact=True).click()
    expect(feedback).to_contain_text(expected, timeout=STEP_MS)
    elapsed = page.evaluate("window.trustlabClock.end - window.trustlabClock.start")
    timings.append((label, elapsed))
    return feedback


def test_a_learner_answers_a_quiz_a_drill_and_a_spotting_exercise(page, lab, check_timings):
    """Does each exercise answer a learner's click in the browser with the right feedback?"""
    from playwright.sync_api import expect

    bank = load_bank("sample")
    question, exercise, spotting = bank.get("sample-q01"), bank.get("sample-d01"), bank.get("sample-sp02")
    right = next(option for option in question.options if option.correct)
    wrong = next(option for option in question.options if not option.correct)

    open_and_run_all(page, lab)
    quiz = page.locator(".trustlab-quiz")
    drill = page.locator(".trustlab-drill")
    spot = page.locator(".trustlab-spot")
    expect(spot.get_by_role("button", name="Check", exact=True)).to_be_visible(timeout=START_MS)

    # Quiz: a wrong answer is explained, then Try again and the right answer.
    quiz.get_by_label(wrong.text, exact=True).check()
    feedback = check_and_wait(page, quiz, "Not quite", check_timings, "quiz, wrong answer")
    expect(feedback).to_contain_text(wrong.why)
    quiz.get_by_role("button", name="Try again", exact=True).click()
    expect(feedback).to_have_text("", timeout=STEP_MS)
    quiz.get_by_label(right.text, exact=True).check()
    feedback = check_and_wait(page, quiz, "Correct", check_timings, "quiz, right answer")
    expect(feedback).to_contain_text(right.why)

    # Drill: the browser shows what the engine says about the rewrite.
    rewrite = "Did you tell anyone?"
    verdict = trustlab.check_rewrite(exercise.original, rewrite)
    drill.locator("textarea").fill(rewrite)
    headline = str(verdict).splitlines()[0]
    feedback = check_and_wait(page, drill, headline, check_timings, "drill rewrite")
    for message in verdict.messages:
        expect(feedback).to_contain_text(message)

    # Spotting: tick the two red flags the coach's turn shows.
    for flag in spotting.red_flags:
        spot.get_by_label(FLAG_NAMES[flag], exact=True).check()
    check_and_wait(page, spot, "Correct", check_timings, "spotting")

    # Every answer went to the private progress file the server was given.
    expected = ["sample-q01", "sample-q01", "sample-d01", "sample-sp02"]
    assert recorded_items(lab.progress, until=len(expected)) == expected


def recorded_items(path, until: int, seconds: float = 10) -> list[str]:
    """The item ids in the progress file, read until it holds `until` answers (the kernel
    writes them on a helper thread, so the last may land a moment after its feedback)."""
    from trustlab.records import ProgressStore

    deadline = time.monotonic() + seconds
    while True:
        store = ProgressStore(path)
        items = [attempt.item for attempt in store.attempts()]
        store.close()
        if len(items) >= until or time.monotonic() > deadline:
            return items
        time.sleep(0.1)
