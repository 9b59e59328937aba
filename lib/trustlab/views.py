"""Notebook widgets for the practice exercises: quizzes, rewrite drills and marker spotting.

Each widget is a thin view over a plain model (:class:`~trustlab.quizzes.Quiz`,
:class:`~trustlab.drills.Drill`, :class:`~trustlab.spotting.Spotter`): the view only reads
the controls, calls the model and shows its result. ipywidgets is loaded when the first
widget is built, so ``import trustlab`` stays fast.

In a lesson::

    trustlab.quiz("psychological_safety")
    trustlab.drill("psychological_safety", ids=["ps-d01"])
    trustlab.spot("sample")

Buttons have fixed texts ("Check", "Try again", "Previous", "Next", "Hint", "Show model answers") and
every part carries a ``trustlab-...`` CSS class, so a browser test can find them. Feedback
always has a symbol and words (never colour alone), and all text is escaped.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

from .banks import FLAG_IDS, FLAG_NAMES, MARKER_IDS, MARKER_NAMES, Bank, Item, load_bank

__all__ = ["DrillView", "QuizView", "SpotView", "drill", "quiz", "spot"]

_STYLE = """<style>
.trustlab-practice .widget-radio-box label, .trustlab-practice .widget-checkbox label,
.trustlab-practice .widget-label { white-space: normal; height: auto; line-height: 1.35; }
.trustlab-practice .widget-radio-box label { margin-bottom: 4px; }
.trustlab-practice .widget-checkbox { height: auto; min-height: 28px; }
</style>"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _message(symbol: str, text: str) -> str:
    return f'<div class="trustlab-feedback trustlab-message">{symbol} {_escape(text)}</div>'


def _select(bank_or_items, ids=None) -> Bank | list[Item]:
    """The items to practise: from a bank name, a path, a Bank, or a list of items.
    A bank stays a bank, so each widget takes the kind of items it practises from it."""
    if isinstance(bank_or_items, (str, Path)):
        bank_or_items = load_bank(bank_or_items)
    if isinstance(bank_or_items, Bank):
        return bank_or_items.filter(ids=ids) if ids is not None else bank_or_items
    items = [bank_or_items] if isinstance(bank_or_items, Item) else list(bank_or_items)
    if ids is None:
        return items
    by_id = {item.id: item for item in items}
    wanted = [ids] if isinstance(ids, str) else list(ids)
    missing = [i for i in wanted if i not in by_id]
    if missing:
        raise ValueError(f'There is no item "{missing[0]}" here. The items are: {", ".join(by_id)}.')
    return [by_id[i] for i in wanted]


@lru_cache(maxsize=None)
def _classes() -> dict:
    """Build the widget classes on first use (this is where ipywidgets is imported)."""
    import ipywidgets as w

    from .drills import Drill, drill_items
    from .quizzes import Quiz
    from .records import resolve_store
    from .rewrite import check_rewrite
    from .spotting import Spotter, spotter_items

    def button(description: str, css: str, tooltip: str, disabled: bool = False):
        b = w.Button(description=description, tooltip=tooltip, disabled=disabled,
                     layout=w.Layout(width="auto"))
        b.add_class(css)
        return b

    def html_area(css: str, value: str = ""):
        area = w.HTML(value=value)
        area.add_class(css)
        return area

    class _Practice(w.VBox):
        """What every practice widget shares: a header, a notice about saving, feedback."""

        def _setup(self, css: str, store) -> None:
            self.store = store
            self.add_class("trustlab-practice")
            self.add_class(css)
            self.style_sheet = w.HTML(value=_STYLE)
            self.header = html_area("trustlab-header")
            self.notice = html_area("trustlab-notice")
            self.feedback = html_area("trustlab-feedback")
            self.feedback.layout = w.Layout(min_height="1em")

        def _show_notice(self) -> None:
            text = self.store.notice if self.store is not None else ""
            self.notice.value = _message("⚠", text) if text else ""

    # -- Quiz ------------------------------------------------------------------------

    class QuizView(_Practice):
        """A quiz: the question, its options, Check, Try again, Next, and feedback."""

        def __init__(self, items, shuffle=False, seed=None, record=True) -> None:
            super().__init__()
            self.model = Quiz(items, shuffle=shuffle, seed=seed, record=resolve_store(record))
            self._setup("trustlab-quiz", self.model.store)
            self.client = html_area("trustlab-client")
            self.prompt = html_area("trustlab-prompt")
            self.choices = w.VBox()
            self.choices.add_class("trustlab-choices")
            self.check = button("Check", "trustlab-check", "Check your answer")
            self.try_again = button("Try again", "trustlab-try-again", "Answer this question again", True)
            self.previous = button("Previous", "trustlab-previous", "Go back to the previous question", True)
            self.next = button("Next", "trustlab-next", "Go to the next question")
            self.summary = html_area("trustlab-summary")
            self.check.on_click(self._on_check)
            self.try_again.on_click(self._on_try_again)
            self.previous.on_click(self._on_previous)
            self.next.on_click(self._on_next)
            self.children = [self.style_sheet, self.header, self.notice, self.client, self.prompt, self.choices,
                             w.HBox([self.check, self.try_again, self.previous, self.next]), self.feedback,
                             self.summary]
            self._render()

        def _render(self) -> None:
            item, model = self.model.current, self.model
            self.header.value = (f"<strong>Question {model.position + 1} of {len(model)}</strong>"
                                 f" · {_escape(item.element_name)}")
            self.client.value = (f'<div>The client says: <q>{_escape(item.client)}</q></div>' if item.client else "")
            self.prompt.value = f"<div><strong>{_escape(item.prompt)}</strong></div>"
            if item.type == "multiple":
                self.boxes = [w.Checkbox(value=False, description=text, indent=False,
                                         style={"description_width": "initial"}, layout=w.Layout(width="auto"))
                              for text in model.options]
                self.radio = None
                said = "tick all" in item.prompt.lower()  # the prompt may already say so
                self.choices.children = ([] if said else [w.HTML(value="<em>Tick all that apply.</em>")]) + self.boxes
            else:
                self.radio = w.RadioButtons(options=[(text, n) for n, text in enumerate(model.options)], value=None,
                                            description="Your answer:", style={"description_width": "initial"},
                                            layout=w.Layout(width="auto"))
                self.boxes = []
                self.choices.children = [self.radio]
            self._enable(True)
            self.try_again.disabled = True
            self.feedback.value = ""
            self.previous.disabled = model.position == 0
            self.next.disabled = False
            self.next.tooltip = "Go to the next question"
            earlier = model.last_answer()
            if earlier is not None:  # back to an answered question: show the answer and its feedback
                answer, shown = earlier
                if self.radio is not None:
                    self.radio.value = shown[0]
                for n, box in enumerate(self.boxes):
                    box.value = n in shown
                self.feedback.value = answer._repr_html_()
                self._enable(False)
                self.try_again.disabled = answer.correct
            self._show_notice()

        def _enable(self, on: bool) -> None:
            for control in ([self.radio] if self.radio is not None else self.boxes):
                control.disabled = not on
            self.check.disabled = not on

        def selection(self):
            """The positions of what the learner has chosen (None or a list)."""
            if self.radio is not None:
                return self.radio.value
            return [n for n, box in enumerate(self.boxes) if box.value]

        def _on_check(self, _=None) -> None:
            try:
                answer = self.model.answer(self.selection())
            except ValueError as err:
                self.feedback.value = _message("ℹ", str(err))
                return
            self.feedback.value = answer._repr_html_()
            self._enable(False)
            self.try_again.disabled = answer.correct
            self._show_notice()

        def _on_try_again(self, _=None) -> None:
            if self.radio is not None:
                self.radio.value = None
            for box in self.boxes:
                box.value = False
            self._enable(True)
            self.try_again.disabled = True
            self.feedback.value = ""

        def _on_previous(self, _=None) -> None:
            if self.model.previous():
                self.summary.value = ""
                self._render()

        def _on_next(self, _=None) -> None:
            if self.model.next():
                self.summary.value = ""
                self._render()
                return
            self.summary.value = self.model.summary()._repr_html_()
            self.next.disabled = True
            self.next.tooltip = "This was the last question"

    # -- Drill -----------------------------------------------------------------------

    class DrillView(_Practice):
        """A rewrite drill: the original question, a text box, Check, Hint, Show model answers."""

        def __init__(self, items, record=True) -> None:
            super().__init__()
            store = resolve_store(record)
            self.drills = [Drill(item, record=store) for item in drill_items(items)]
            self.position = 0
            self._setup("trustlab-drill", store)
            self.context = html_area("trustlab-context")
            self.original = html_area("trustlab-original")
            self.rewrite = w.Textarea(value="", description="Your rewrite:", placeholder="Type your softer question here",
                                      style={"description_width": "initial"},
                                      layout=w.Layout(width="95%", height="5em"))
            self.rewrite.add_class("trustlab-rewrite")
            self.check = button("Check", "trustlab-check", "Check your rewrite")
            self.hint = button("Hint", "trustlab-hint", "Show a hint")
            self.show_models = button("Show model answers", "trustlab-models-button",
                                      "Compare with model rewrites (after your first try)", True)
            self.next = button("Next", "trustlab-next", "Go to the next drill", len(self.drills) == 1)
            self.hints = html_area("trustlab-hints")
            self.model_answers = html_area("trustlab-models")
            self.check.on_click(self._on_check)
            self.hint.on_click(self._on_hint)
            self.show_models.on_click(self._on_models)
            self.next.on_click(self._on_next)
            self.children = [self.style_sheet, self.header, self.notice, self.context, self.original, self.rewrite,
                             w.HBox([self.check, self.hint, self.show_models, self.next]),
                             self.feedback, self.hints, self.model_answers]
            self._render()

        @property
        def model(self):
            """The drill being practised now."""
            return self.drills[self.position]

        def _render(self) -> None:
            drill = self.model
            self.header.value = (f"<strong>Drill {self.position + 1} of {len(self.drills)}</strong>"
                                 f" · {_escape(drill.item.element_name)}")
            self.context.value = f"<div><em>{_escape(drill.context)}</em></div>" if drill.context else ""
            self.original.value = (f"<div>Rewrite this question so it is open, curious and kind: "
                                   f"<strong><q>{_escape(drill.original)}</q></strong></div>")
            self.rewrite.value = ""
            self.feedback.value = self.hints.value = self.model_answers.value = ""
            self.show_models.disabled = not drill.models_available
            self.hint.disabled = False
            self._show_notice()
            check_rewrite(drill.original, drill.item.models[0])  # reads the word lists now, so Check answers at once

        def _on_check(self, _=None) -> None:
            text = self.rewrite.value
            if not text.strip():
                self.feedback.value = _message("ℹ", "Type your rewrite in the box first, then press Check.")
                return
            self.feedback.value = self.model.check(text)._repr_html_()
            self.show_models.disabled = False
            self._show_notice()

        def _on_hint(self, _=None) -> None:
            drill = self.model
            message = drill.hint()
            shown = "".join(f"<li>{_escape(h)}</li>" for h in drill.hints)
            extra = "" if message.startswith("Hint ") else f"<div>ℹ {_escape(message)}</div>"
            self.hints.value = f'<div class="trustlab-hint-list"><ul>{shown}</ul>{extra}</div>'
            self.hint.disabled = drill.hints_left == 0

        def _on_models(self, _=None) -> None:
            try:
                models = self.model.models
            except ValueError as err:
                self.model_answers.value = _message("ℹ", str(err))
                return
            listed = "".join(f"<li><q>{_escape(m)}</q></li>" for m in models)
            self.model_answers.value = (f"<div>Model rewrites to compare with yours (there is no single right one):"
                                        f"<ul>{listed}</ul></div>")

        def _on_next(self, _=None) -> None:
            if self.position + 1 < len(self.drills):
                self.position += 1
                self._render()
            self.next.disabled = self.position + 1 >= len(self.drills)

    # -- Spotting --------------------------------------------------------------------

    class SpotView(_Practice):
        """A spotting exercise: the coach's turn, a checkbox per marker and red flag, Check."""

        def __init__(self, items, record=True) -> None:
            super().__init__()
            store = resolve_store(record)
            self.spotters = [Spotter(item, record=store) for item in spotter_items(items)]
            self.position = 0
            self._setup("trustlab-spot", store)
            self.turns = html_area("trustlab-turns")
            self.marker_boxes = {m: self._box(f"{m} {MARKER_NAMES[m]}", "trustlab-marker") for m in MARKER_IDS}
            self.flag_boxes = {f: self._box(FLAG_NAMES[f], "trustlab-flag") for f in FLAG_IDS}
            self.check = button("Check", "trustlab-check", "Check what you ticked")
            self.try_again = button("Try again", "trustlab-try-again", "Change your ticks and check again", True)
            self.next = button("Next", "trustlab-next", "Go to the next exercise", len(self.spotters) == 1)
            self.check.on_click(self._on_check)
            self.try_again.on_click(self._on_try_again)
            self.next.on_click(self._on_next)
            markers = w.VBox([w.HTML(value="<strong>Markers you see</strong>"), *self.marker_boxes.values()])
            flags = w.VBox([w.HTML(value="<strong>Red flags you hear</strong>"), *self.flag_boxes.values()])
            markers.add_class("trustlab-markers")
            flags.add_class("trustlab-flags")
            self.children = [self.style_sheet, self.header, self.notice, self.turns, markers, flags,
                             w.HBox([self.check, self.try_again, self.next]), self.feedback]
            self._render()

        @staticmethod
        def _box(label: str, css: str):
            box = w.Checkbox(value=False, description=label, indent=False, style={"description_width": "initial"},
                             layout=w.Layout(width="auto"))
            box.add_class(css)
            return box

        @property
        def model(self):
            """The exercise being practised now."""
            return self.spotters[self.position]

        def _boxes(self):
            return [*self.marker_boxes.values(), *self.flag_boxes.values()]

        def _render(self) -> None:
            spotter = self.model
            item = spotter.item
            self.header.value = (f"<strong>Exercise {self.position + 1} of {len(self.spotters)}</strong>"
                                 f" · {_escape(item.element_name)} · Tick every marker and red flag you notice.")
            client = f"<div>Client: <q>{_escape(item.client)}</q></div>" if item.client else ""
            self.turns.value = f"{client}<div>Coach: <q>{_escape(item.coach)}</q></div>"
            for box in self._boxes():
                box.value, box.disabled = False, False
            self.check.disabled = False
            self.try_again.disabled = True
            self.feedback.value = ""
            self._show_notice()
            spotter.evidence  # read the engine's word lists now, so that Check answers at once

        def ticked(self) -> tuple[set[str], set[str]]:
            """The markers and the red flags the learner has ticked."""
            return ({m for m, b in self.marker_boxes.items() if b.value},
                    {f for f, b in self.flag_boxes.items() if b.value})

        def _on_check(self, _=None) -> None:
            markers, flags = self.ticked()
            result = self.model.check(markers=markers, red_flags=flags)
            self.feedback.value = result._repr_html_()
            for box in self._boxes():
                box.disabled = True
            self.check.disabled = True
            self.try_again.disabled = result.correct
            self._show_notice()

        def _on_try_again(self, _=None) -> None:
            for box in self._boxes():
                box.disabled = False
            self.check.disabled = False
            self.try_again.disabled = True
            self.feedback.value = ""

        def _on_next(self, _=None) -> None:
            if self.position + 1 < len(self.spotters):
                self.position += 1
                self._render()
            self.next.disabled = self.position + 1 >= len(self.spotters)

    return {"QuizView": QuizView, "DrillView": DrillView, "SpotView": SpotView}


def __getattr__(name: str):
    if name in ("QuizView", "DrillView", "SpotView"):
        return _classes()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def quiz(bank_or_items, ids=None, shuffle: bool = False, seed=None, record=True):
    """A quiz widget over the quiz questions of a bank (its name, a path, or a loaded bank)
    or a list of items. ``ids`` picks questions by id, in that order; ``shuffle`` (with an
    optional ``seed``) mixes questions and options. Answers are saved to your progress
    unless ``record=None``.

    >>> view = quiz("sample", ids=["sample-q01"], record=None)
    >>> view.radio.value = 0
    >>> view.check.click()
    >>> "✓ Correct" in view.feedback.value
    True
    """
    return _classes()["QuizView"](_select(bank_or_items, ids), shuffle=shuffle, seed=seed, record=record)


def drill(bank_or_items, ids=None, record=True):
    """A rewrite-drill widget over the drills of a bank or a list of items (``ids`` picks them).

    >>> view = drill("sample", ids=["sample-d01"], record=None)
    >>> view.rewrite.value = "What might have made it hard to tell your manager about it?"
    >>> view.check.click()
    >>> "✓ Passed" in view.feedback.value, view.show_models.disabled
    (True, False)
    """
    return _classes()["DrillView"](_select(bank_or_items, ids), record=record)


def spot(bank_or_items, ids=None, record=True):
    """A marker-spotting widget over the spotting exercises of a bank or a list of items.

    >>> view = spot("sample", ids=["sample-sp02"], record=None)
    >>> view.flag_boxes["praise"].value = view.flag_boxes["why_question"].value = True
    >>> view.check.click()
    >>> "✓ Correct" in view.feedback.value
    True
    """
    return _classes()["SpotView"](_select(bank_or_items, ids), record=record)
