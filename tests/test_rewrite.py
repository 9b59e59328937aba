"""Tests for trustlab.rewrite: the softening drill's check of a learner's rewrite."""

from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab import Feedback, check_rewrite
from trustlab.rewrite import PROBLEMS, example_rewrite
from trustlab.topics import same_topic

GOOD = [
    ("Why didn't you finish the report on time?", "What might have made the report harder to finish?"),
    ("Are you going to apply for the promotion?", "I'm curious what the promotion might mean for you."),
    ("Is your team even listening to you?", "how might your team be responding when you share ideas"),
    ("Did the layoffs catch you off guard?", "That's a big change. What's it like for you, now the layoffs are announced?"),
    ("Have you written a business plan yet?", "Walk me through where the business plan stands."),
    ("Why are you so stressed?", "Help me understand what the stress has been like this week."),
    ("Are you worried about money?", "What comes to mind when you think about your budget?"),
    ("Kenji, are you keeping up with your classes?", "Kenji, could you say a little about how the classes are going?"),
    ("Do you hate your job?", "If you could change one thing about your job, what might it be?"),
    ("Are you scared of failing?", "What might failing mean to you?"),
    ("Why can't you stop apologising at work?", "What might be happening for you when you say sorry at work?"),
]

# Paraphrases: the rewrite keeps the subject in other words.
PARAPHRASES = [
    ("Will the transition work?", "How might the handover go for you?"),
    ("Why do you keep arguing with your boss?", "Tell me a little about what happens with your line manager."),
    ("Why can't you just quit smoking?", "What might stopping cigarettes mean for you?"),
    ("Did you go to the gym this week?", "How might exercise have fitted into your week?"),
    ("Is your partner supportive of the move?", "How might your husband be feeling about the relocation?"),
    ("Why haven't you told your mother?", "What might feel important about how your mum hears the news?"),
    ("Are you sleeping properly?", "I'd love to hear a bit about what your evenings look like before bed."),
    ("Did your startup run out of money?", "Tell me a little about where the finances are now."),
    ("Is working from home making you lonely?", "What might connection with colleagues look like while you're remote?"),
    ("Why haven't you saved anything for retirement?", "What comes to mind when you think about money for later life?"),
]

# (problem id, original, rewrite): one clear example of each problem.
PROBLEM_EXAMPLES = [
    ("not_a_question", "Did the layoffs catch you off guard?", "Layoffs are tough on everyone."),
    ("not_a_question", "Are you ever going to stop?", "Um, okay, sure."),
    ("closed", "Are you going to apply for the promotion?", "Would you like to apply for the senior role?"),
    ("closed", "Did your startup run out of money?", "How long might your runway last?"),
    ("closed", "Is the language barrier the problem?", "Could language be part of what's going on?"),
    ("closed", "Are you going to say yes to the job?", "Which feels better about the job right now: yes or no?"),
    ("off_topic", "Is your team even listening to you?", "What could you do to make your commute more pleasant?"),
    ("off_topic", "Did you exercise at all during the holidays?", "What's your favourite holiday tradition, I wonder?"),
    ("not_softened", "Is your team even listening to you?", "What happens when you speak up in team meetings?"),
    ("not_softened", "Did you finish the online course?", "What is stopping you from finishing the course?"),
    ("why_question", "Why do you keep arguing with your boss?", "Why might the disagreements with your boss keep coming back?"),
    ("why_question", "Why did you miss the session?", "I'm curious why you might have missed our session."),
    ("leading_question", "Do you really think changing careers at 45 is smart?", "Surely you know a new career at 45 is risky?"),
    ("leading_question", "Don't you miss home, Mei?", "Mei, you must be homesick, right?"),
    ("advice", "Why do you keep arguing with your boss?", "Could you maybe ask HR to mediate between you and your boss?"),
    ("advice", "Why haven't you sold the house?", "Have you considered lowering the asking price?"),
    ("advice", "Is screen time ruining your sleep?", "What if you just left your phone in the kitchen overnight?"),
    ("judgmental", "Did you stop vaping?", "What might help you stop vaping, since of course the last attempt slipped?"),
    ("judgmental", "Sofia, will you ever finish your thesis?", "Sofia, what might help you stop making excuses about the thesis?"),
    ("single_answer", "Are you going to apply for the promotion?", "What is the one thing that would decide the promotion for you?"),
    ("single_answer", "Are you sticking to your budget?", "What exactly might you cut to stay on budget?"),
    ("stacked_questions", "Did the layoffs catch you off guard?", "How might the layoffs be affecting you? And what could support look like?"),
    ("stacked_questions", "What's the problem with your sister?", "How might things be with your sister, and what would you like to be different?"),
    ("cluttered", "Why are you still not sleeping properly?",
     "So, um, I was kind of wondering, and please say if this is too much, what perhaps might possibly, "
     "in a small way, be sort of going on with your sleep at the moment?"),
    ("cluttered", "Have you written a business plan yet?",
     "I know this might be a sensitive area and I really don't want to put you on the spot in any way at all today, "
     "but I was hoping we could talk. What might the next step on the business plan be?"),
]


@pytest.mark.parametrize("original, rewrite", GOOD)
def test_good_rewrites_pass(original, rewrite):
    """Does one open, softened question on the original's topic pass with full marks?"""
    fb = check_rewrite(original, rewrite)
    assert fb.passed, fb.problems
    assert fb.score == 1.0
    assert fb.problems == ()


@pytest.mark.parametrize("original, rewrite", PARAPHRASES)
def test_paraphrase_stays_on_topic(original, rewrite):
    """Does a rewrite that names the same subject in other words count as on topic?"""
    assert same_topic(original, rewrite)
    assert check_rewrite(original, rewrite).passed


@pytest.mark.parametrize("problem, original, rewrite", PROBLEM_EXAMPLES)
def test_each_problem_is_reported(problem, original, rewrite):
    """Is each kind of problem reported, with its id, and the rewrite failed?"""
    fb = check_rewrite(original, rewrite)
    assert problem in fb.problem_ids
    assert not fb.passed
    assert fb.score < 1.0


def test_problem_words_are_quoted():
    """Does a problem quote the learner's words that caused it?"""
    fb = check_rewrite("Why did you take on more debt?", "What could help you avoid a financial failure like this again?")
    assert fb.problems[0].id == "judgmental"
    assert fb.problems[0].words == "failure"


def test_blank_rewrite_is_reported_not_raised():
    """Is a blank rewrite reported kindly as a failed result, not raised as an error?"""
    for blank in ("", "   ", "\n\t"):
        fb = check_rewrite("Why didn't you finish the report?", blank)
        assert isinstance(fb, Feedback)
        assert not fb.passed and fb.score == 0.0
        assert fb.problem_ids == ("not_a_question",)
        assert "no rewrite yet" in fb.messages[0]
        assert "the report" in fb.messages[0]


@pytest.mark.parametrize("args, name", [((None, "What might help?"), "original"), (("Why?", 42), "rewrite")])
def test_non_text_is_a_type_error_naming_the_argument(args, name):
    """Is a non-string argument refused with a TypeError that names it?"""
    with pytest.raises(TypeError, match=f"^{name} must be text"):
        check_rewrite(*args)


def test_messages_say_what_worked_then_one_change_then_an_example():
    """Do the messages give what worked, the one most important change, then an example?"""
    fb = check_rewrite("Why didn't you finish the report on time?", "Why did the report take so long?")
    praise, change, example = fb.messages
    assert praise.startswith("You ") and "the report" in praise
    assert '"Why"' in change and "what" in change
    assert example.startswith("For example:")


def test_the_one_change_follows_the_priority():
    """When several problems are found, is the most important one named as the change?"""
    fb = check_rewrite("Did you finish the course?", "Why is the course such a failure, and what's next?")
    assert fb.problem_ids[0] == "why_question"
    assert "why" in fb.messages[1].lower()
    assert all("failure" not in m for m in fb.messages[1:2])


def test_example_rewrite_passes_its_own_check(rewrite_cases):
    """Does the example offered for each original pass the check itself?"""
    for original in {case["original"] for case in rewrite_cases}:
        example = example_rewrite(original)
        assert check_rewrite(original, example).passed, (original, example)


def test_passing_feedback_has_no_change_message():
    """Does a passing rewrite get praise and no correction?"""
    fb = check_rewrite("Is your boss fair?", "I'm curious how things are with your manager.")
    assert fb.passed
    assert fb.messages[0].startswith("You ")
    assert "Nothing to change" in fb.messages[1]


def test_open_on_topic_is_worth_more_than_softening():
    """Does an open question on topic without softening score above a softened one off topic,
    and both above a statement?"""
    original = "Is your team even listening to you?"
    unsoftened = check_rewrite(original, "What happens when you speak up in team meetings?").score
    off_topic = check_rewrite(original, "What could make your commute more pleasant?").score
    statement = check_rewrite(original, "Teams can be hard work.").score
    assert unsoftened > off_topic > statement > 0


def test_html_of_a_result_escapes_the_rewrite():
    """Is a rewrite holding markup escaped when the result is shown in Jupyter?"""
    html = check_rewrite("Is your boss fair?", "<img src=x onerror=alert(1)>")._repr_html_()
    assert "<img" not in html and "&lt;img" in html


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_never_raises_and_score_is_consistent(original, rewrite):
    """For any text at all, does it return a result with a score in 0..1 and passed exactly
    when there are no problems?"""
    fb = check_rewrite(original, rewrite)
    assert 0.0 <= fb.score <= 1.0
    assert fb.passed == (not fb.problems)
    assert fb.passed == (fb.score == 1.0)
    assert set(fb.problem_ids) <= set(PROBLEMS)
    assert fb.messages


def _agreement(cases):
    agree = 0
    found, missed = Counter(), Counter()
    for case in cases:
        fb = check_rewrite(case["original"], case["rewrite"])
        agree += fb.passed == case["passed"]
        for problem in case["problems"]:
            (found if problem in fb.problem_ids else missed)[problem] += 1
    recall = {p: found[p] / (found[p] + missed[p]) for p in set(found) | set(missed)}
    return agree / len(cases), recall


def test_labelled_cases_are_well_formed(rewrite_cases):
    """Does every labelled case use known problem ids, with passed true exactly when none?"""
    for case in rewrite_cases:
        assert set(case["problems"]) <= set(PROBLEMS), case["id"]
        assert case["passed"] == (not case["problems"]), case["id"]


def test_agreement_with_labelled_cases(rewrite_cases):
    """Does the check agree with the trainers' labels: pass/fail on at least 88% of cases,
    and each problem found in at least 70% of the cases labelled with it?"""
    agreement, recall = _agreement(rewrite_cases)
    assert agreement >= 0.88
    low = {p: round(r, 2) for p, r in recall.items() if r < 0.7}
    assert not low, f"problems found too rarely: {low}"


def test_hedges_and_loaded_words_are_not_a_new_subject():
    """Are a hedge ("no pressure") and a loaded word ("the blame") read as how the question
    is put, not as a change of subject?"""
    hedged = check_rewrite("Why did you go back to smoking?", "No pressure, but what might have been going on for you then?")
    assert hedged.passed, hedged.problems
    loaded = check_rewrite("Is your co-founder the problem?", "What part of the blame might you be carrying?")
    assert loaded.problem_ids == ("judgmental",)


@pytest.mark.parametrize("rewrite, problems", [
    ("I was hoping you might share a little about how tired you are?", ()),
    ("I'm curious, if I may, about what the tiredness is like?", ()),
    ("I was hoping you might share whether you are tired?", ("closed",)),
    ("You've been wondering about how tired you are?", ("closed",)),
])
def test_a_statement_asking_what_or_how_is_open(rewrite, problems):
    """Is a coach's statement ending in "?" that hands the client a "what" or "how" to fill
    in read as an open question, while one asking "whether", or a reflection checked back
    ("You've been...?"), stays closed?"""
    assert check_rewrite("Are you burned out?", rewrite).problem_ids == problems


@pytest.mark.parametrize("rewrite, problems", [
    ("Perhaps you could tell me where you are with the thesis right now.", ()),
    ("Maybe you might say a bit more about the thesis.", ()),
    ("You could tell your supervisor tonight.", ("not_a_question", "advice")),
])
def test_a_tentative_you_could_tell_me_is_an_invitation(rewrite, problems):
    """Is "Perhaps you could tell me..." read as a softened invitation to talk, while
    "You could tell your supervisor" stays a suggestion that asks nothing?"""
    assert check_rewrite("Are you going to finish the PhD or quit?", rewrite).problem_ids == problems


def test_an_either_or_question_is_closed_not_advice():
    """Is "Will you finish, or leave the programme?" reported as closed (a choice of two),
    not as advice?"""
    fb = check_rewrite("Are you going to finish the PhD or quit?", "Will you finish, or leave the programme?")
    assert fb.problem_ids == ("closed",)


def test_an_aside_between_commas_leaves_one_open_question():
    """Does a question with ", if any," in the middle pass as one open question?"""
    fb = check_rewrite("Is the new routine helping?", "What differences, if any, might you be noticing?")
    assert fb.passed, fb.problems


def _second_development_set() -> list[dict]:
    path = Path(__file__).resolve().parent / "data" / "rewrites_2.yaml"
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


# The labelled rewrites the rules were built and tuned on (held-out sets 1 and 2 were measured
# once, then studied). Held-out set 3 is measured by the bench only, never gated here.
REWRITE_SETS = ("rewrites.yaml", "rewrites_2.yaml", "rewrites_3.yaml", "rewrites_4.yaml",
                "holdout_rewrites.yaml", "holdout2_rewrites.yaml")


@pytest.mark.parametrize("name", REWRITE_SETS)
def test_pass_fail_agreement_with_every_development_set(name, labelled):
    """Does the check agree on pass or fail with the trainers on at least 92% of each file?"""
    agreement, _ = _agreement(labelled(name))
    assert agreement >= 0.92, f"{agreement:.3f}"


def test_off_topic_is_rarely_raised_on_a_paraphrase(rewrite_cases):
    """When the check says a rewrite went off topic, did the trainers agree at least 80% of
    the time (on both labelled files)? Telling a learner who paraphrased that they changed
    the subject is a bad experience."""
    said = agreed = 0
    for case in [*rewrite_cases, *_second_development_set()]:
        if "off_topic" in check_rewrite(case["original"], case["rewrite"]).problem_ids:
            said += 1
            agreed += "off_topic" in case["problems"]
    assert said and agreed / said >= 0.8


@pytest.mark.parametrize("original, rewrite, problem", [
    ("Why do you always give in to your kids?", "What might make you such a pushover at bedtime?", "judgmental"),
    ("Did you ask your landlord about the repairs?", "What might have made you chicken out of asking?", "judgmental"),
    ("Why can't you get up on time?", "What might be the one habit that fixes your mornings?", "single_answer"),
])
def test_loaded_idioms_and_single_answers(original, rewrite, problem):
    assert problem in {p.id for p in check_rewrite(original, rewrite).problems}


def test_career_is_not_a_car():
    """Stemming must not turn "career" into "car": a question about a dream car leaves a
    question about a career."""
    from trustlab.topics import same_topic

    assert not same_topic("Are you happy in your career?", "What would your dream car be?")


def test_a_presumed_feeling_is_leading():
    """Handing the client a feeling they never named ("guilty") hints at the answer."""
    result = check_rewrite("Why have you stopped going to choir?", "What might you be feeling guilty about?")
    assert "leading_question" in {p.id for p in result.problems}
    named = check_rewrite("Why do you feel guilty about choir?", "What might the guilt be about?")
    assert "leading_question" not in {p.id for p in named.problems}


def test_clutter_is_the_one_problem_when_the_question_is_buried():
    """Under heaps of hedging, only "cluttered" is reported, not a stacked or closed reading
    of the clutter."""
    rewrite = ("I know this might be a sensitive thing, and I really don't want to pry, and you can tell me "
               "to back off, but I was kind of wondering, if it's alright to ask, and only if you want to, "
               "what perhaps may have been, in some way, part of the change with the food bank?")
    ids = {p.id for p in check_rewrite("Why did you quit volunteering at the food bank?", rewrite).problems}
    assert ids == {"cluttered"}


@pytest.mark.parametrize("original, rewrite, problem", [
    ("Why do you volunteer so much?", "What could be behind this martyr routine?", "judgmental"),
    ("Why won't you delegate the rota?", "What might be behind your control-freak tendencies?", "judgmental"),
    ("Why do you volunteer so much?", "I wonder what you might be trying to prove.", "leading_question"),
    ("Why check emails on holiday?", "What might be the number-one thing pulling you back?", "single_answer"),
])
def test_more_loaded_words_presumed_motives_and_single_answers(original, rewrite, problem):
    assert problem in {p.id for p in check_rewrite(original, rewrite).problems}


def test_asking_leave_first_does_not_make_the_rewrite_closed():
    result = check_rewrite("Why didn't you speak up in the panel?",
                           "May I share something I noticed? When you describe the panel, your voice drops; "
                           "what do you make of that?")
    assert result.passed, result.problems


def test_do_you_suppose_softens():
    assert check_rewrite("How did you get into this much debt?",
                         "What do you suppose led, step by step, to the amount you owe now?").passed


@pytest.mark.parametrize("original, rewrite, problem", [
    ("Why aren't you training like you said you would?",
     "How much better might you feel once you're back on the plan?", "leading_question"),
    ("Why didn't you speak up in the meeting?",
     "How might things have turned out better if you'd spoken up?", "leading_question"),
    ("Why are you on your phone at 2am?", "What might the scrolling be helping you avoid?", "leading_question"),
    ("Why haven't you asked for the promotion?", "What if you raised it at your next one-to-one?", "advice"),
    ("Why haven't you opened the bank letters?",
     "What might help you stop burying your head in the sand?", "judgmental"),
    ("Is your thesis late?", "When is the new deadline?", "closed"),
    ("Are you going to cut down or not?", "I wonder if you're ready to cut down.", "closed"),
])
def test_hoped_outcomes_what_ifs_idioms_and_fact_questions(original, rewrite, problem):
    assert problem in {p.id for p in check_rewrite(original, rewrite).problems}


@pytest.mark.parametrize("original, rewrite", [
    ("Why don't you ever finish your paintings?", "Could you tell me about the moment you tend to put the brush down?"),
    ("Why did you agree to chair the residents' committee?", "What might the role mean to you?"),
    ("Why are you still on your phone at 2am?", "I'm curious what those late hours are like for you."),
])
def test_more_paraphrases_keep_the_topic(original, rewrite):
    assert same_topic(original, rewrite)
