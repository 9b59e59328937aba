"""Tests for trustlab.bench: the scoring arithmetic, and the engine's accuracy on AnnoMI kept
from sliding back (skipped where ../shared is absent, as on a learner's clone)."""

import pytest

from trustlab.bench import annotator_agreement, load_annomi, multilabel_scores, naive_rule, scores


def test_scores_on_a_small_example():
    """Are accuracy, per-label F1 and macro-F1 computed as by hand?"""
    gold = ["open", "open", "closed", "none"]
    predicted = ["open", "closed", "closed", "none"]
    result = scores(gold, predicted)
    assert result["accuracy"] == pytest.approx(0.75)
    assert result["labels"]["open"]["f1"] == pytest.approx(2 / 3)
    assert result["labels"]["closed"]["f1"] == pytest.approx(2 / 3)
    assert result["labels"]["none"]["f1"] == pytest.approx(1.0)
    assert result["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert result["confusion"][("open", "closed")] == 1


def test_multilabel_scores_count_misses_and_extras():
    """Does micro-F1 count both a missed label and an extra one?"""
    micro, recall = multilabel_scores([{"a"}, {"b"}], [{"a", "b"}, set()], ["a", "b"])
    assert micro == pytest.approx(0.5)
    assert recall == {"a": 1.0, "b": 0.0}


@pytest.mark.parametrize("text, label", [
    ("That makes sense.", "none"),
    ("What happened?", "open"),
    ("Did it go well?", "closed"),
    ("It went well. Tell me more?", "open"),
])
def test_naive_rule(text, label):
    """Does the yardstick rule behave as documented?"""
    assert naive_rule(text) == label


def test_engine_beats_the_naive_rule_on_annomi(annomi_path):
    """On real counselling talk, does the engine stay clearly ahead of the question-mark rule?"""
    from trustlab import classify_question

    items = load_annomi(annomi_path)
    gold = [label for _, _, label in items]
    engine = scores(gold, [classify_question(text) or "none" for _, text, _ in items])
    naive = scores(gold, [naive_rule(text) for _, text, _ in items])
    assert len(items) > 3000
    assert engine["accuracy"] >= 0.87
    assert engine["macro_f1"] >= 0.80
    assert engine["accuracy"] - naive["accuracy"] >= 0.02


def test_engine_matches_the_expert_majority_as_well_as_an_expert_does(annomi_path):
    """Where several experts labelled an utterance, does the engine agree with their majority
    at least as often as a single expert does?"""
    utterances, expert, _, engine = annotator_agreement(annomi_path)
    assert utterances >= 100
    assert engine >= expert


def test_annotator_habits_find_an_expert_who_never_says_closed(tmp_path):
    """Is an expert who (almost) never uses "closed" found, with the transcripts only they labelled?"""
    from trustlab.bench import annotator_habits

    header = "transcript_id,utterance_id,interlocutor,utterance_text,annotator_id,question_exists,question_subtype\n"
    rows = []
    for i in range(60):  # annotator 1 alone on transcript 1: open every time
        rows.append(f"1,{i},therapist,Did it help?,1,True,open")
    for i in range(60):  # annotator 2 alone on transcript 2: half closed
        rows.append(f"2,{i},therapist,Did it help?,2,True,{'closed' if i % 2 else 'open'}")
    rows.append("2,99,client,Yes.,2,n/a,n/a")
    path = tmp_path / "mini.csv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    habits, odd = annotator_habits(path)
    assert habits == {"1": (60, 0.0), "2": (60, 0.5)}
    assert odd == {"1"}
