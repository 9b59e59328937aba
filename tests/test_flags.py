"""Tests for trustlab.flags: the red flags that put trust and safety at risk."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.findings import Finding
from trustlab.flags import FLAG_IDS, find_red_flags, red_flags
from trustlab.bench import multilabel_scores

# The labelled coach turns the rules were built and tuned on (held-out sets 1 and 2 were
# measured once, then studied). Held-out set 3 is measured by the bench only, never gated here.
TURN_SETS = ("coach_turns.yaml", "coach_turns_2.yaml", "coach_turns_3.yaml", "coach_turns_4.yaml",
             "holdout_coach_turns.yaml", "holdout2_coach_turns.yaml")

# (client or None, coach, the flag it must raise)
RAISES = [
    # caretaking: rescuing, parent mode, taking over the client's job
    (None, "Don't worry, I'll sort it out.", "caretaking"),
    (None, "Let me call your manager.", "caretaking"),
    (None, "You poor thing.", "caretaking"),
    (None, "I won't let anything bad happen to you.", "caretaking"),
    (None, "I'll draft the email to your boss tonight so you don't have to.", "caretaking"),
    # dismissal: a disclosure made smaller, or skipped for the agenda
    ("I've been crying every night since the layoff.", "It's not that bad.", "dismissal"),
    ("My mum died in March.", "Everyone goes through that at some point.", "dismissal"),
    ("I was diagnosed with MS in January.", "At least they caught it early.", "dismissal"),
    ("I feel like such a failure.", "Look on the bright side, you learned a lot.", "dismissal"),
    ("I'm terrified I'll lose the house.", "You'll be fine.", "dismissal"),
    ("My dog died on Friday.", "It's just a dog, though.", "dismissal"),
    ("I've never told anyone this, but I'm in debt.", "Okay, so back to your goals.", "dismissal"),
    ("I had a miscarriage in the spring.", "Right. Anyway, let's look at the launch plan.", "dismissal"),
    # therapy drift: digging into past pain
    (None, "Tell me more about the pain and where it comes from.", "therapy_drift"),
    (None, "What happened in your childhood that made you like this?", "therapy_drift"),
    (None, "Let's go back to the trauma.", "therapy_drift"),
    # feedback as fact: an interpretation stated as certain
    (None, "You're clearly afraid of conflict.", "feedback_as_fact"),
    (None, "Your problem is that you can't delegate.", "feedback_as_fact"),
    (None, "The truth is you don't want the job.", "feedback_as_fact"),
    (None, "You obviously don't want this.", "feedback_as_fact"),
    # praise: the coach grading the client
    (None, "Great job!", "praise"),
    (None, "I'm so proud of you.", "praise"),
    (None, "Good answer.", "praise"),
    (None, "Well done.", "praise"),
    (None, "Perfect!", "praise"),
    (None, "Amazing!", "praise"),
    (None, "Nice one!", "praise"),
    # mechanical reflection: a formula announcing a paraphrase
    (None, "What I hear you saying is you want more time.", "mechanical_reflection"),
    (None, "If I understand you correctly, the date is fixed.", "mechanical_reflection"),
    (None, "So what you're saying is the budget is the issue.", "mechanical_reflection"),
    # found by trustlab.phrasing and passed through
    (None, "Why did you say yes?", "why_question"),
    (None, "You want the job, don't you?", "leading_question"),
    (None, "What happened, and who was there, and how did you react?", "stacked_questions"),
    (None, "You should just quit.", "advice"),
]

# Near misses: close to a red flag, but a trained listener would let them pass.
PASSES = [
    (None, "It's not that bad.", "dismissal needs the client's turn"),
    ("I'd like to work on my presentation.", "Okay, the presentation. What about it?", "no disclosure to skip"),
    ("I was diagnosed with MS in January.", "That's a big diagnosis to carry. How are you doing with it?",
     "empathy, not dismissal"),
    ("I've never told anyone this, but I'm in debt.", "Thank you for trusting me with it. Anyway, where shall we go?",
     "acknowledged before moving on"),
    (None, "I could be wrong, but I notice you go quiet when your manager comes up. What do you make of that?",
     "a tentative observation is an offer, not a verdict"),
    (None, "Isn't it a great opportunity?", "a question is never feedback stated as fact"),
    (None, "Great. Where shall we start?", '"Great." on its way to a question is not grading'),
    (None, "You spoke up in front of everyone. That took some guts.", "acknowledgment, not praise"),
    (None, "It sounds like you've been carrying a lot.", "a reflection in everyday words, not a formula"),
    (None, "What would you like to be different next month?", "forward-looking, not digging into the past"),
    ("Growing up, I was always the responsible one.", "The responsible one. How does that show up at work now?",
     "uses the client's past in the present"),
    (None, "I'll send the notes from today, as we agreed.", "keeping an agreement is not rescuing"),
]


@pytest.mark.parametrize("client, coach, flag", RAISES)
def test_red_flag_examples(client, coach, flag):
    """Is each red flag raised by words a trainer would point at?"""
    assert flag in red_flags(coach, client)


@pytest.mark.parametrize("client, coach, why", PASSES)
def test_near_misses_raise_nothing(client, coach, why):
    """Are words that only resemble a red flag let through?"""
    assert red_flags(coach, client) == set(), why


def test_dismissal_is_never_raised_without_the_client_turn():
    """Is dismissal raised only when there is a client turn to dismiss?"""
    for coach in ["It's not that bad.", "At least you have your health.", "Anyway, moving on."]:
        assert "dismissal" not in red_flags(coach)
        assert "dismissal" not in red_flags(coach, client="")
        assert "dismissal" in red_flags(coach, client="I'm scared I'll lose my job.")


def test_praise_and_acknowledgment_in_one_turn():
    """Is "Well done!" still praise when an acknowledgment follows it?"""
    assert red_flags("Well done! You took that into your own hands.") == {"praise"}


def test_findings_say_which_words_and_why():
    """Does each finding quote the words that raised it and explain why for a learner?"""
    coach = "So what you're saying is you're stuck. Great job!"
    findings = find_red_flags(coach)
    assert sorted(f.id for f in findings) == ["mechanical_reflection", "praise"]
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.words and finding.words in coach
        assert len(finding.reason) > 40


def test_findings_come_in_the_order_of_the_flag_list():
    """Are findings listed in the documented order of the flags?"""
    findings = find_red_flags("Great job! Why did you wait? You're clearly afraid of her.")
    order = [FLAG_IDS.index(f.id) for f in findings]
    assert order == sorted(order)


@pytest.mark.parametrize("coach, client, name", [
    (None, None, "coach"), (3.5, None, "coach"), (["Hi"], "Hi", "coach"), ("Hi.", 0, "client"), ("Hi.", b"no", "client"),
])
def test_non_text_raises_type_error_naming_the_argument(coach, client, name):
    """Is a non-str coach or client turn refused with a TypeError that names it?"""
    with pytest.raises(TypeError, match=rf"^{name} must be text"):
        red_flags(coach, client)
    with pytest.raises(TypeError, match=rf"^{name} must be text"):
        find_red_flags(coach, client)


@pytest.mark.parametrize("coach", ["", "   ", "...", "!", "\t"])
def test_empty_text_raises_no_flag(coach):
    """Is blank or punctuation-only text reported as raising no flag?"""
    assert red_flags(coach) == set()
    assert red_flags(coach, client="I've been crying every night.") == set()


@settings(max_examples=300, deadline=None)
@given(coach=st.text(max_size=300), client=st.none() | st.text(max_size=300))
def test_any_text_never_raises(coach, client):
    """Does any text at all, for coach and client, give only known flag ids?"""
    assert {f.id for f in find_red_flags(coach, client)} <= set(FLAG_IDS)


@pytest.mark.parametrize("name", TURN_SETS)
def test_agreement_with_every_development_set(name, labelled):
    """Does red_flags agree with the trainers' labels on each file it was built or tuned on
    (micro-F1 at least 0.93, and every label found in at least 60% of the turns that carry it)?"""
    cases = labelled(name)
    gold = [set(case["red_flags"]) for case in cases]
    predicted = [red_flags(case["coach"], case["client"]) for case in cases]
    micro, recall = multilabel_scores(gold, predicted, sorted(set().union(*gold)))
    assert micro >= 0.93, f"micro-F1 {micro:.3f} is below 0.93"
    low = {i: round(r, 3) for i, r in recall.items() if r < 0.6}
    assert not low, f"recall below 0.6 for {low}"


# --- General behaviours, each checked with wording found in neither labelled file ---

@pytest.mark.parametrize("coach, flagged", [
    ("You're clearly still holding on to the old job.", True),
    ("You're obviously avoiding him.", True),
    ("The reason you keep saying yes is that you're scared of being disliked.", True),
    ("You procrastinate because you're afraid of failing.", True),
    ("Leadership is your calling.", True),
    ("You were born to lead.", True),
    ("What you really want is permission to stop.", True),
    ("I wonder if the reason you hold back is that you don't trust the team?", False),
    ("It sounds like you stayed because you were afraid of the gap.", False),
    ("You left because the commute was long, you said.", False),
])
def test_a_reading_of_the_client_stated_as_settled(coach, flagged):
    """Is a motive, cause or calling pronounced as certain flagged, while the same idea offered tentatively or as the client's own words is not?"""
    assert ("feedback_as_fact" in red_flags(coach)) is flagged


@pytest.mark.parametrize("coach, flagged", [
    ("People like you never ask for help.", True),
    ("In your community, elders always decide.", True),
    ("In your family, who decides?", False),
    ("What does your culture say about asking for help?", False),
])
def test_a_group_made_to_speak_for_the_client(coach, flagged):
    """Is a stereotype about the client's culture or group stated as fact flagged, while asking about it is not?"""
    assert ("feedback_as_fact" in red_flags(coach)) is flagged


def test_a_reading_pressed_as_fact_after_the_clients_no():
    """After the client says no, is the coach's reading said again as fact flagged, but an owned opinion let through?"""
    no = "No, I don't think it's about my dad."
    assert "feedback_as_fact" in red_flags("It's about your dad, though.", client=no)
    assert red_flags("I still think it is, though. What else could it be?", client=no) == set()
    assert red_flags("Okay, thanks. What is it, then?", client=no) == set()
    assert red_flags("It's a big step, though.", client="I want to move to Lisbon.") == set()


@pytest.mark.parametrize("client, coach", [
    ("My biopsy results came back yesterday.", "Great. Let's look at the quarterly targets."),
    ("They told me the tumour is growing.", "Right, anyway, back to the promotion plan."),
    ("I didn't get the promotion.", "There'll be other chances. You're still young."),
    ("I wasn't selected for the team.", "It's only a club team, honestly."),
    ("I feel like I'm failing my kids.", "Don't talk like that, you're a great mum."),
])
def test_dismissing_medical_news_a_setback_or_a_worry(client, coach):
    """Is medical news or a setback a disclosure, and are consolation ("there'll be other chances") and shutting a worry down dismissal?"""
    assert "dismissal" in red_flags(coach, client)


def test_arguing_with_the_clients_judgement_of_themselves():
    """Is flatly contradicting the client's judgement of themselves ("You're not a fraud!") dismissal, while taking up their word is not?"""
    assert "dismissal" in red_flags("You're not a fraud! You're so good at this.", client="I feel like a fraud at work.")
    assert "dismissal" in red_flags("You're not letting anyone down.", client="I'm letting the team down.")
    assert "dismissal" not in red_flags("A failure. What tells you that?", client="I feel like a failure.")


@pytest.mark.parametrize("client, coach", [
    ("I didn't get the promotion.", "That's a real disappointment after all that work. How are you with it?"),
    ("I didn't get the email you sent.", "Okay, I'll resend it."),
    ("I'm not failing any classes.", "Okay. Now, the homework plan."),
    ("I've been so anxious I can't think.", "What feels most pressing right now, the sleep or the work?"),
])
def test_no_dismissal_without_a_disclosure_skipped(client, coach):
    """Are empathy for a setback, a denied worry ("I'm not failing") and "right now" (a time, not a turn away) let through?"""
    assert "dismissal" not in red_flags(coach, client)


def test_a_denied_word_discloses_nothing():
    """Is "I'm not failing" no disclosure, while "I'm failing" is?"""
    coach = "Okay. Now, the homework plan."
    assert "dismissal" not in red_flags(coach, client="I'm not failing any classes.")
    assert "dismissal" in red_flags(coach, client="I'm failing two classes.")


@pytest.mark.parametrize("coach, flag", [
    ("Good one, champ!", "praise"),
    ("If I've got you right, the deadline moved.", "mechanical_reflection"),
    ("If I have understood this correctly, you want out.", "mechanical_reflection"),
    ("Walk me through the attack, step by step.", "therapy_drift"),
])
def test_formulas_in_their_other_forms(coach, flag):
    """Are praise, a reflecting formula and reliving a frightening event caught in their other grammatical forms?"""
    assert flag in red_flags(coach)


@pytest.mark.parametrize("coach", [
    "Take me back to the moment you decided to apply.",
    "Walk me through the meeting.",
])
def test_going_back_over_an_ordinary_event_is_not_therapy(coach):
    """Is walking back through an ordinary event (a decision, a meeting) let through?"""
    assert "therapy_drift" not in red_flags(coach)


@pytest.mark.parametrize("coach, flagged", [
    ("You just agreed because you wanted the meeting to end.", True),
    ("That's your inner critic talking.", True),
    ("That's textbook people-pleasing.", True),
    ("That's you hiding from it again.", True),
    ("That's you standing up for yourself.", False),  # naming a strength is not a verdict
    ("I wonder if that's the inner critic talking. What do you think?", False),  # offered as a view
])
def test_a_motive_or_label_stated_as_fact(coach, flagged):
    """Is a motive, a label or a part of the client made to speak for them, stated as certain,
    feedback as fact, while the same idea offered tentatively is not?"""
    assert ("feedback_as_fact" in red_flags(coach)) is flagged


@pytest.mark.parametrize("coach, flagged", [
    ("Let's unpack the bullying in detail before anything else.", True),
    ("What happened in your early relationships that made you so guarded?", True),
    ("Something taught you not to trust people. Let's find it.", True),
    ("Let's unpack the project plan before Friday.", False),
    ("What did your first job teach you about managing?", False),
])
def test_opening_up_a_painful_past(coach, flagged):
    """Is making a painful past the work (unpacking abuse, early relationships, what taught the client
    to distrust) therapy drift, while unpacking a plan or learning from a first job is not?"""
    assert ("therapy_drift" in red_flags(coach)) is flagged


@pytest.mark.parametrize("client, coach, flagged", [
    ("My brother died last month.", "Okay. So, last time you said you'd look at the budget. How did that go?", True),
    ("I didn't get onto the apprenticeship.", "Everything happens for a reason.", True),
    ("I'm frightened of the operation.", "It's a very minor procedure.", True),
    ("My brother died last month.", "Last month. I'm so sorry. How are you doing?", False),
    ("I had a good week at work.", "Okay. So, last time you said you'd look at the budget. How did that go?", False),
])
def test_moving_on_or_making_it_smaller_in_new_words(client, coach, flagged):
    """Is going back to last session's agenda, a platitude, or calling the thing minor, dismissal after a
    disclosure (and only after one), while staying with it is not?"""
    assert ("dismissal" in red_flags(coach, client)) is flagged


@pytest.mark.parametrize("client, coach, flag", [
    (None, "That's the perfectionist in you talking.", "feedback_as_fact"),
    (None, "What you're really afraid of is being ordinary.", "feedback_as_fact"),
    (None, "Where do you think this pattern started in your family?", "therapy_drift"),
    (None, "Leave the awkward phone calls to me.", "caretaking"),
    ("I was made redundant on Friday.", "Sounds like a chance for a fresh start!", "dismissal"),
    ("I feel like a failure as a mum.", "Stop it, you're a brilliant mum.", "dismissal"),
    ("My son was arrested last night.", "Okay. Let's get started with the goals for today.", "dismissal"),
])
def test_flags_in_wording_of_their_own(client, coach, flag):
    """Are a label, an origin hunt, taking over, a silver lining, arguing a feeling away and moving on
    caught when worded in ways no labelled file uses?"""
    assert flag in red_flags(coach, client)


@pytest.mark.parametrize("client, coach", [
    ("I was made redundant on Friday.", "This is a chance to talk it through. What happened?"),
    ("My son was arrested last night.", "That's frightening. Let's stay with it."),
])
def test_staying_with_a_disclosure_is_not_dismissal(client, coach):
    """Is a coach who stays with the disclosure let through, even with words that also appear in dismissals?"""
    assert "dismissal" not in red_flags(coach, client)


@pytest.mark.parametrize("client, coach, flag", [
    (None, "I've already phoned your landlord to say you're moving out.", "caretaking"),
    (None, "I've gone ahead and declined your invitation to the gala.", "caretaking"),
    (None, "I don't want to pile anything on you, so skip the exercise.", "caretaking"),
    (None, "Don't you fret about the hearing.", "caretaking"),
    (None, "That's all right, hun.", "caretaking"),
    (None, "How old were you when your dad left?", "therapy_drift"),
    (None, "What did losing her do to you?", "therapy_drift"),
    (None, "Take me through what happened that night, moment by moment.", "therapy_drift"),
    (None, "Sounds like you may have an anxiety disorder.", "therapy_drift"),
    (None, "That's clearly the problem.", "feedback_as_fact"),
    (None, "Your manager is walking all over you.", "feedback_as_fact"),
    (None, "You're just not serious about the move.", "feedback_as_fact"),
    (None, "You'd have applied already if you really wanted it.", "feedback_as_fact"),
    (None, "That belief is just negative self-talk.", "feedback_as_fact"),
    (None, "It's a classic sign of burnout.", "feedback_as_fact"),
    ("I got promoted today.", "I bet you're anxious about the new team.", "feedback_as_fact"),
    ("Lately I can't see the point of anything.", "Right, let's look at the agenda.", "dismissal"),
    ("My daughter won't speak to me.", "Kids, eh. She'll come round.", "dismissal"),
    ("I've felt so lonely since the move.", "It's only a phase, honestly.", "dismissal"),
    (None, "You're a wonderful listener!", "praise"),
    (None, "You're so talented.", "praise"),
    (None, "You're one of the bravest people I've met.", "praise"),
])
def test_flags_in_forms_no_labelled_file_uses(client, coach, flag):
    """Are acting for the client, age and reliving probes, diagnosing, verdicts, a feeling handed to the
    client, platitudes and rating the client caught in wordings beyond the labelled files?"""
    assert flag in red_flags(coach, client)


@pytest.mark.parametrize("client, coach, flag", [
    (None, "I've already emailed you the notes from today.", "caretaking"),
    (None, "I've rescheduled your session to Thursday.", "caretaking"),
    (None, "Walk me through each option.", "therapy_drift"),
    (None, "Walk me through what happened in the meeting.", "therapy_drift"),
    (None, "How old were the kids when you moved?", "therapy_drift"),
    (None, "It's a classic sign of burnout.", "therapy_drift"),
    ("I'm anxious about the new team.", "You must be anxious about it.", "feedback_as_fact"),  # their own word
    (None, "You must be so nervous.", "feedback_as_fact"),  # without the client's turn, nothing to check
    (None, "You're not ready yet, and that's okay.", "feedback_as_fact"),
    (None, "I wonder if it's holding you back.", "feedback_as_fact"),
    ("My daughter won't speak to me.", "That sounds painful. What's it like at home now?", "dismissal"),
    ("I had a good week.", "Great, she'll come round.", "dismissal"),
    (None, "You're a great deal further on than last month.", "praise"),
    (None, "The best people I've worked with ask for help.", "praise"),
])
def test_ordinary_sentences_near_the_new_flag_forms_are_let_through(client, coach, flag):
    """Do logistics, ordinary walk-throughs, the client's own feeling word, a tentative view, staying
    with a disclosure and a sentence about other people stay unflagged?"""
    assert flag not in red_flags(coach, client)


def test_a_feeling_handed_to_the_client_says_why():
    """Does a projected feeling quote the words and say what to do instead?"""
    [finding] = find_red_flags("You must be so nervous about leaving.", client="I got the job in Singapore.")
    assert finding.id == "feedback_as_fact" and finding.words.startswith("You must be so nervous")
    assert "never expressed" in finding.reason


@pytest.mark.parametrize("client, coach, flag", [
    # caretaking: doing the client's part, deciding it is too much, absolving them
    (None, "Shall I ring your landlord and explain? Then it's handled.", "caretaking"),
    (None, "Do you want me to talk to her for you?", "caretaking"),
    (None, "I'm happy to be the one to break the news.", "caretaking"),
    (None, "Let me take over from here and you can just sit back.", "caretaking"),
    (None, "I'll tell you which offer to accept.", "caretaking"),
    (None, "This is all far too hard for you at the moment.", "caretaking"),
    (None, "We'll keep things nice and gentle today.", "caretaking"),
    (None, "None of this was your fault, you know.", "caretaking"),
    (None, "I'll write the agenda, that way you won't need to think about it.", "caretaking"),
    # dismissal: consolation that argues the loss away, or moving on
    ("I didn't get into medicine. I was banking on it.", "Nursing's still a great career!", "dismissal"),
    ("My husband left me in May.", "Still, you've got your health and the kids.", "dismissal"),
    ("I think I'm drinking too much.", "Everyone overdoes it at Christmas.", "dismissal"),
    ("It would have been Dad's birthday today.", "Anyway. Your goals for the quarter?", "dismissal"),
    ("I'm exhausted, I can't cope.", "You're just stressed. It'll pass.", "dismissal"),
    ("I regret taking this job so much.", "Right. So, the appraisal. Where are we?", "dismissal"),
    ("My mum's in hospital again.", "Okay. Did you get to the two emails you planned?", "dismissal"),
    ("I was crying in the car park, but I did finish the deck.", "Good, the deck. Next up, pricing.", "dismissal"),
    # feedback_as_fact: a cause, a label or a verdict stated as certain
    (None, "It's just because you hate conflict.", "feedback_as_fact"),
    (None, "You've got real trust issues.", "feedback_as_fact"),
    (None, "You're obviously too close to it.", "feedback_as_fact"),
    (None, "Your manager doesn't deserve you.", "feedback_as_fact"),
    # therapy_drift: a clinical label, a childhood cause, reliving an event
    (None, "That could be postnatal depression.", "therapy_drift"),
    (None, "That's your father complex again.", "therapy_drift"),
    (None, "It goes back to your parents' divorce.", "therapy_drift"),
    (None, "What did you hear that night? Tell me everything that happened.", "therapy_drift"),
    # praise: grading the client or ranking them against others
    (None, "You're doing brilliantly well.", "praise"),
    (None, "If only more of my clients worked like you.", "praise"),
    (None, "You're the most capable manager in that building.", "praise"),
])
def test_flags_in_the_forms_a_third_writer_used(client, coach, flag):
    """Are the word families and frames behind the second held-out set's missed flags caught in
    other wordings too?"""
    assert flag in red_flags(coach, client)


@pytest.mark.parametrize("client, coach, flag", [
    (None, "It's because you showed up every week.", "feedback_as_fact"),  # credit, not a verdict
    (None, "You never thought you'd say that out loud, and you did.", "feedback_as_fact"),
    (None, "Then you wouldn't have to worry.", "caretaking"),  # a reflection of the client's own plan
    (None, "What's too much for you right now?", "caretaking"),
    (None, "Would you like me to tell you what I noticed?", "caretaking"),
    (None, "I'll take the notes and send them over.", "caretaking"),
    (None, "Maybe it got started somewhere in your family.", "therapy_drift"),
    (None, "What did you see in the data?", "therapy_drift"),
    ("I was expecting a promotion and didn't get it.", "That's a big disappointment. What are you making of it?", "dismissal"),
    ("I've had panic attacks most nights this week.", "Panic attacks most nights. How are you, really?", "dismissal"),
    ("I feel like a failure.", "You kept sending it out anyway. What keeps you going?", "dismissal"),
    (None, "You're doing well with the draft so far, by the look of it.", "praise"),
])
def test_ordinary_sentences_near_the_third_writers_flag_forms_are_let_through(client, coach, flag):
    """Do everyday sentences sharing words with the newest flag forms stay free of that flag?"""
    assert flag not in red_flags(coach, client)


@pytest.mark.parametrize("coach, flag, expected", [
    ("I've an idea, but it's only an idea. You could try the library two mornings. What's your reaction?", "advice", False),
    ("You could try the library two mornings a week.", "advice", True),
    ("Just say so.", "advice", False),
    ("Take it away with you.", "advice", False),
    ("Why don't I sit in on the call?", "why_question", False),
    ("That must feel good now, mustn't it?", "leading_question", True),
])
def test_offers_free_to_refuse_and_other_phrasing_edges(coach, flag, expected):
    """An idea the client is free to refuse is not advice; an offer ("Why don't I...") is
    not a why question; "mustn't it?" is a tag seeking agreement."""
    assert (flag in red_flags(coach)) is expected
