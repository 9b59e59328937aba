"""Tests for trustlab.markers: the PCC markers 4.1 to 4.4 of Competency 4."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustlab.findings import Finding
from trustlab.markers import MARKER_IDS, client_says_no, detect_markers, find_markers
from trustlab.bench import multilabel_scores

# The labelled coach turns the rules were built and tuned on (held-out sets 1 and 2 were
# measured once, then studied). Held-out set 3 is measured by the bench only, never gated here.
TURN_SETS = ("coach_turns.yaml", "coach_turns_2.yaml", "coach_turns_3.yaml", "coach_turns_4.yaml",
             "holdout_coach_turns.yaml", "holdout2_coach_turns.yaml")


# (client or None, coach, the markers a trained listener would hear)
SHOWS = [
    # 4.1 acknowledgment of who the client is being and what they did
    (None, "You stuck with that conversation even when it got tense.", {"4.1"}),
    (None, "You've put real thought into this.", {"4.1"}),
    (None, "That's your insight, not mine.", {"4.1"}),
    ("I rewrote the plan twice before it felt right.", "You saw it through until it fitted you.", {"4.1"}),
    (None, "That took courage, telling the board first.", {"4.1"}),
    ("I ran my first half marathon.", "You trained through a wet winter for that, and you crossed the line.", {"4.1"}),
    # 4.2 support, empathy or concern
    (None, "That sounds really hard.", {"4.2"}),
    (None, "It makes sense you'd feel stretched.", {"4.2"}),
    (None, "How are you doing with all this?", {"4.2"}),
    (None, "I can hear how much this matters.", {"4.2"}),
    ("My father is in hospice.", "I'm so sorry. That's a lot to be holding right now.", {"4.2"}),
    ("I'm so anxious I can't sleep.", "Not sleeping is a lot to live with. What would help most today?", {"4.2"}),
    # 4.3 welcoming the client's feelings, views and ideas
    (None, "Thank you for telling me that.", {"4.3"}),
    (None, "It's okay to feel angry.", {"4.3"}),
    (None, "What else are you feeling?", {"4.3"}),
    ("I'm worried the team will think I'm weak.", "Say more about that worry.", {"4.3"}),
    ("I feel torn about the move.", "Torn. What's pulling you each way?", {"4.3"}),
    ("I'm really annoyed with my sister.", "Say more about the annoyance.", {"4.3"}),
    ("What if I asked for a trial month?", "Let's look at your trial-month idea. What would it involve?", {"4.3"}),
    # 4.4 an offer without attachment, and an open door to reply
    (None, "I could be wrong, but I notice you speed up when your sister comes up. What do you make of that?",
     {"4.4"}),
    (None, "How does that land?", {"4.4"}),
    (None, "Take it or leave it: maybe the deadline isn't the real constraint.", {"4.4"}),
    ("No, that's not it.", "Thanks for correcting me. What is it for you?", {"4.4"}),
    ("That metaphor doesn't work for me.", "Fair enough, let's drop it. How would you describe it?", {"4.4"}),
]

# Near misses: words close to a marker that a trained listener would not count.
NEAR_MISSES = [
    (None, "Great job!", "praise grades the client; it is not acknowledgment"),
    (None, "I'm so proud of you!", "praise centres the coach"),
    (None, "Did you finish the report?", "a question asks; it acknowledges nothing"),
    (None, "It sounds like you've decided.", "a reflection of what the client said, not acknowledgment"),
    (None, "That sounds like a plan.", '"sounds like" with nothing felt in it is not empathy'),
    (None, "What would help you decide?", "a neutral question"),
    ("I'm scared I'm not good enough.", "Why are you so scared?", "the client's word turned into a why"),
    ("I'm scared I'm not good enough.", "So what I'm hearing is that you're scared.", "a formula, not a welcome"),
    ("No, that's not it at all.", "I think it is, though.", "the coach presses the idea after the client's no"),
    ("No, that's not really it.", "Hmm, I still think he's at the centre of this.", "the coach holds on"),
]


@pytest.mark.parametrize("client, coach, expected", SHOWS)
def test_marker_examples(client, coach, expected):
    """Does each marker show up in words a trainer would recognise as evidence of it?"""
    assert detect_markers(coach, client) == expected


@pytest.mark.parametrize("client, coach, why", NEAR_MISSES)
def test_near_misses_show_no_marker(client, coach, why):
    """Are words that only resemble a marker left unmarked?"""
    assert detect_markers(coach, client) == set(), why


def test_praise_is_kept_apart_from_acknowledgment():
    """Is praise kept apart from acknowledgment, even in the same turn?"""
    assert "4.1" not in detect_markers("Well done!")
    assert "4.1" in detect_markers("Well done! You took that into your own hands.")


def test_client_words_count_only_with_the_client_turn():
    """Does taking up the client's feeling word count only when the client said it?"""
    assert detect_markers("Flat. Can you say a bit more about flat?", client="I just feel flat.") == {"4.3"}
    assert detect_markers("Flat. Can you say a bit more about flat?") == set()


def test_accepting_a_no_needs_the_no():
    """Is "Okay, what is it then?" partnering only after the client has said no?"""
    assert detect_markers("Okay. What is it, then?", client="No, that's not it.") == {"4.4"}
    assert detect_markers("Okay. What is it, then?", client="I had a good week.") == set()


def test_findings_quote_the_words_and_explain():
    """Does each finding quote words from the turn and give a reason in plain words?"""
    coach = "That sounds really hard. Thank you for telling me."
    findings = find_markers(coach)
    assert [f.id for f in findings] == ["4.2", "4.3"]
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.words and finding.words in coach
        assert finding.reason.endswith(".") and f"({finding.id})" in finding.reason


@pytest.mark.parametrize("coach, client, name", [
    (None, None, "coach"), (3, None, "coach"), (b"hi", None, "coach"), ("Hi.", 7, "client"), ("Hi.", ["x"], "client"),
])
def test_non_text_raises_type_error_naming_the_argument(coach, client, name):
    """Is a non-str coach or client turn refused with a TypeError that names it?"""
    with pytest.raises(TypeError, match=rf"^{name} must be text"):
        detect_markers(coach, client)
    with pytest.raises(TypeError, match=rf"^{name} must be text"):
        find_markers(coach, client)


@pytest.mark.parametrize("coach", ["", "   ", "...", "?", "\n\n"])
def test_empty_text_shows_nothing(coach):
    """Is blank or punctuation-only text reported as showing no marker, not raised?"""
    assert detect_markers(coach) == set()
    assert detect_markers(coach, client="") == set()


@settings(max_examples=300, deadline=None)
@given(coach=st.text(max_size=300), client=st.none() | st.text(max_size=300))
def test_any_text_never_raises(coach, client):
    """Does any text at all, for coach and client, give only known marker ids?"""
    found = find_markers(coach, client)
    assert {f.id for f in found} <= set(MARKER_IDS)
    assert len({f.id for f in found}) == len(found)


@pytest.mark.parametrize("name", TURN_SETS)
def test_agreement_with_every_development_set(name, labelled):
    """Does detect_markers agree with the trainers' labels on each file it was built or tuned on
    (micro-F1 at least 0.93, and every label found in at least 60% of the turns that carry it)?"""
    cases = labelled(name)
    gold = [set(case["markers"]) for case in cases]
    predicted = [detect_markers(case["coach"], case["client"]) for case in cases]
    micro, recall = multilabel_scores(gold, predicted, sorted(set().union(*gold)))
    assert micro >= 0.93, f"micro-F1 {micro:.3f} is below 0.93"
    low = {i: round(r, 3) for i, r in recall.items() if r < 0.6}
    assert not low, f"recall below 0.6 for {low}"


# --- General behaviours, each checked with wording found in neither labelled file ---

@pytest.mark.parametrize("coach", [
    "That's a conclusion you reached on your own.",
    "The rota you worked out yourself is the one the team kept.",
    "All three options on that list came from you.",
])
def test_credit_for_what_the_client_arrived_at_themselves(coach):
    """Is an idea or answer the client reached on their own credited to them as 4.1?"""
    assert detect_markers(coach) == {"4.1"}


@pytest.mark.parametrize("coach", [
    "The way you saw yourself changed after that.",  # "yourself" is the object: a reflection
    "That rule came from your manager, not from you.",
])
def test_yourself_as_object_or_someone_elses_idea_is_not_credit(coach):
    """Are "you saw yourself" and an idea from someone else kept out of 4.1?"""
    assert "4.1" not in detect_markers(coach)


def test_the_act_itself_as_what_took_courage():
    """Is "Saying no to family took real courage" (the act as subject) acknowledgment, but not a question about it?"""
    assert detect_markers("Saying no to family took real courage.") == {"4.1"}
    assert detect_markers("Did saying no take courage?") == set()


def test_result_put_down_to_the_clients_work():
    """Is the client's work named as what brought the result taken as acknowledgment, but not a cause of trouble?"""
    assert detect_markers("Those early mornings are what carried you through the exams.") == {"4.1"}
    assert detect_markers("Your patience with the new hires is what got the team through the handover.") == {"4.1"}
    assert detect_markers("That's what got you into trouble last time.") == set()


@pytest.mark.parametrize("coach, shows", [
    ("You've got a real eye for detail.", True),
    ("You tailored the pitch to each investor.", True),
    ("You caught yourself before you snapped at him.", True),
    ("You've returned to the draft four days in a row.", True),
    ("That's the patience you've been practising.", True),
    ("You added that you were tired.", False),
    ("You caught a cold on the trip.", False),
    ("That's the stress you've been building up all week.", False),
])
def test_talent_shaping_work_persistence_and_growth(coach, shows):
    """Are a talent, work the client shaped, persistence and growth over time acknowledged, and their look-alikes not?"""
    assert ("4.1" in detect_markers(coach)) is shows


@pytest.mark.parametrize("coach", [
    "Tell me about the weight you carried at home.",
    "Describe how you handled it.",
    "What's the idea you came up with yourself?",
])
def test_an_invitation_or_question_acknowledges_nothing(coach):
    """Is a request to talk about what the client did kept apart from acknowledging it?"""
    assert "4.1" not in detect_markers(coach)


@pytest.mark.parametrize("coach, shows", [
    ("I'm on your side here.", True),
    ("I'm in your corner, whatever happens.", True),
    ("I'm here.", True),
    ("I'm sorry it turned out that way.", True),
    ("I'm here to help you plan the quarter.", False),
    ("I'm sorry I'm late.", False),
    ("What's on your mind today?", False),
])
def test_standing_with_the_client_is_support(coach, shows):
    """Is standing with the client, or sorrow for what happened to them, 4.2, while an apology for the coach or an opener is not?"""
    assert ("4.2" in detect_markers(coach)) is shows


@pytest.mark.parametrize("coach", [
    "I'm glad you're telling me this.",
    "I'm glad you've said it out loud.",
    "Thanks for being that direct with me.",
    "I appreciate you voicing that.",
    "It makes sense to feel angry about that.",
])
def test_welcoming_expression_in_any_tense(coach):
    """Is welcoming what the client says 4.3 whatever the tense or intensifier, and so is calling a feeling legitimate?"""
    assert detect_markers(coach) == {"4.3"}


@pytest.mark.parametrize("coach, shows", [
    ("Let's build on that idea.", True),
    ("I'd like to hear more about what comes up for you when she calls.", True),
    ("Your worry about the move, I'm curious to hear more about it.", True),
    ("Let's drop that idea.", False),
    ("Tell me more about the project plan.", False),
])
def test_taking_up_an_idea_or_an_inner_experience(coach, shows):
    """Is taking up the client's idea, or inviting more of what they feel or believe, 4.3, but dropping it or asking about a plan not?"""
    assert ("4.3" in detect_markers(coach)) is shows


@pytest.mark.parametrize("coach, shows", [
    ("That sounds important.", True),
    ("Both options sound important to you.", True),
    ("That sounds important to get right before Friday.", False),
    ("Does that sound important to you?", False),
])
def test_calling_what_the_client_raised_important(coach, shows):
    """Is saying that what the client raised sounds important 4.3, but not a task's importance or a question?"""
    assert ("4.3" in detect_markers(coach)) is shows


def test_inviting_the_client_to_change_how_the_coach_works():
    """Is "tell me if you'd like it to work differently" 4.4, while an offer of notes is not?"""
    assert detect_markers("Let me know if you'd prefer we did this another way.") == {"4.4"}
    assert detect_markers("Let me know if you'd like a copy of the notes.") == set()


def test_going_the_way_the_client_suggested():
    """Is agreeing to the client's own suggestion 4.3, and only when the client suggested something?"""
    assert detect_markers("Sure, let's start with that.",
                          client="What if we started with the hardest conversation first?") == {"4.3"}
    assert detect_markers("Okay, let's do that.", client="I'd like to talk about my sister today.") == {"4.3"}
    assert detect_markers("Okay, let's do that.", client="I had a rough week.") == set()
    # "can we skip it" says no to the coach: accepting it is partnering (4.4), not a suggestion taken up
    assert detect_markers("Sure, let's do that.", client="Can we skip the exercise today?") == {"4.4"}


def test_an_offer_of_the_coachs_own_material_then_a_choice():
    """Is offering something of the coach's ("I can share...") and handing the choice back 4.4?"""
    [found] = find_markers("I can share what I noticed, or we can leave it. Which would you like?")
    assert (found.id, found.words) == ("4.4", "I can share what I noticed")


@pytest.mark.parametrize("client, coach, shows", [
    ("No.", "Then I'll let that idea go.", True),
    ("Hmm, no. They're two separate things.", "Got it. I'll let that hunch go.", True),
    ("No.", "Okay. What stops you?", False),
    ("No, not really.", "Okay. How often do you drink?", False),
    ("No problem, Tuesday works.", "Okay, so what's next?", False),
])
def test_a_bare_no_needs_the_coach_to_let_go(client, coach, shows):
    """Is a bare "No." (which may only answer a question) partnering only when the coach lets their idea go?"""
    assert ("4.4" in detect_markers(coach, client)) is shows


def test_accepting_not_sure_yet():
    """Is letting "not sure yet" stand 4.4, while pressing for an answer is not?"""
    assert detect_markers("That's okay, it can wait until next time.", client="I don't know yet.") == {"4.4"}
    assert detect_markers("Well, you need to decide by Friday.", client="I don't know yet.") == set()


def test_but_takes_back_the_acceptance():
    """Is "Okay, but..." after the client's no treated as pressing on, not accepting?"""
    assert detect_markers("Okay, but isn't it partly him?", client="No, that's not it.") == set()
    assert detect_markers("Okay. But what's going on with him?", client="I'd rather not talk about him.") == set()


def test_client_says_no_tells_a_refusal_from_an_answer():
    """Does client_says_no hear a no to the coach's idea, but not a bare answer or "no problem"?"""
    assert client_says_no("I don't think that's the right word for it.")
    assert client_says_no("Can we skip the visualisation today?")
    assert not client_says_no("No.")
    assert not client_says_no("No problem, I can do Tuesday.")
    assert not client_says_no("I don't want to get an infection.")


# --- Word families and frames, each checked with wording found in no labelled file ---

@pytest.mark.parametrize("coach, shows", [
    ("That shows a lot of dedication.", True),
    ("That's tenacity.", True),
    ("What you did there says a lot about the kind of parent you are.", True),
    ("I know how much of yourself went into the audition.", True),
    ("That's a useful distinction you arrived at.", True),
    ("The framing was yours, not mine.", True),
    ("You stayed patient with him the whole afternoon.", True),
    ("You didn't back down when the client pushed.", True),
    ("That's you standing up for your team.", True),
    ("That's you overthinking it again.", False),  # a verdict on the client, not acknowledgment
    ("The choice is yours.", False),  # handing over a choice ahead is not crediting one made
    ("You know your market better than I do.", False),  # deferring to the client, not naming their work
    ("That's a strength we can build on later?", False),
])
def test_strengths_and_credit_in_their_many_forms(coach, shows):
    """Are a named strength, what the client's doing says about them, and credit for their own
    thinking 4.1, while a verdict, a choice still to make, deference or a question are not?"""
    assert ("4.1" in detect_markers(coach)) is shows


@pytest.mark.parametrize("coach, shows", [
    ("That sounds gruelling.", True),
    ("It's been a draining couple of weeks for you.", True),
    ("That can't have been easy.", True),
    ("What a year you've had.", True),
    ("I know this is a tough one for you.", True),
    ("Is everyone at home safe?", True),
    ("I'll be thinking of you on Tuesday.", True),
    ("Take good care of yourself over the holidays.", True),
    ("Of course you're rattled.", True),
    ("That's a hard-won result.", False),  # "hard-won" is not "hard"
    ("That's a terrible idea.", False),
    ("Are you okay with the new time?", False),
    ("I'm sorry, I have to cut us short today.", False),
    ("Oh no. Well, at least you'll get a payout.", False),  # a bare "oh no" before minimising
])
def test_empathy_frames_share_one_word_list(coach, shows):
    """Does every empathy frame hear the whole family of words for a hard time, while a
    compound, a verdict on an idea, a logistics check or an apology for the coach do not count?"""
    assert ("4.2" in detect_markers(coach)) is shows


@pytest.mark.parametrize("client, coach, shows", [
    (None, "Thanks for being so upfront about it.", True),
    (None, "If you need to rant for a bit first, go ahead.", True),
    (None, "Your anger has its place in here.", True),
    (None, "That doesn't sound petty to me.", True),
    (None, "Let's make room for your culture in this decision.", True),
    (None, "What's coming up for you as you say that?", True),
    ("I think my sister resents me.", "That's a fair perception to raise. What tells you that?", True),
    ("Honestly what I want is peace.", "Say a little more about peace.", True),
    ("Honestly what I want is peace.", "Say a little more about Sione.", False),  # not the client's word
    (None, "Say a little more about peace.", False),  # the word is theirs only if they said it
    ("I want to cut down on wine.", "Let's talk some more about wine.", False),  # the coach sets the topic
    ("I get anxious on stage.", "When was the first time you felt that anxious?", False),  # digging for the origin
])
def test_welcoming_expression_in_new_forms(client, coach, shows):
    """Is making room for what the client feels, believes or said 4.3 in new words, while a
    topic the coach picks, or digging for where a feeling began, is not?"""
    assert ("4.3" in detect_markers(coach, client)) is shows


@pytest.mark.parametrize("client, coach, shows", [
    ("Could we try it sitting outside?", "Sure, let's sit outside.", True),
    ("Maybe we start with the contract and leave the team for later?", "The contract first, then.", True),
    ("Can I read you what I wrote?", "Please do.", True),
    ("Could we try it sitting outside?", "Sure, let's get back to your goals.", False),
    ("I had a long day.", "Please do.", False),
])
def test_going_the_clients_way_in_their_words(client, coach, shows):
    """Is a yes that goes the client's way, in the client's words, 4.3, and only after a suggestion?"""
    assert ("4.3" in detect_markers(coach, client)) is shows


@pytest.mark.parametrize("client, coach, shows", [
    (None, "Push back if none of this fits.", True),
    (None, "Which of these, if any, is worth keeping?", True),
    (None, "Is that way off the mark?", True),
    (None, "It's only a half-formed thought. What's your view?", True),
    (None, "I realise I pushed quite hard there. How was that for you?", True),
    ("That tool won't work for me.", "No worries. What would work better?", True),
    ("I don't think I want to make a plan yet.", "Then we won't.", True),
    ("I don't think I want to make a plan yet.", "Okay, but you'll need one by Friday.", False),
    ("My landlord wouldn't help me.", "Okay. What did you do next?", False),  # not a no to the coach
    ("I have a feeling this job isn't for me.", "What makes you say that?", False),
    (None, "Maybe the real question is the money.", False),  # tentative, with no invitation
])
def test_inviting_and_accepting_a_response_in_new_forms(client, coach, shows):
    """Is inviting a response to the coach's own contribution, or taking the client's no, 4.4,
    while a tentative statement alone, or a client's complaint about someone else, is not?"""
    assert ("4.4" in detect_markers(coach, client)) is shows


def test_new_forms_still_say_why():
    """Do findings from the new word families quote the turn and give a reason in plain words?"""
    cases = [("That shows a lot of dedication.", None), ("That sounds gruelling.", None),
             ("Say a little more about peace.", "Honestly what I want is peace."),
             ("Sure, let's sit outside.", "Could we try it sitting outside?"), ("Then we won't.", "I don't think I want to.")]
    for coach, client in cases:
        [finding] = find_markers(coach, client)
        assert finding.words and finding.words in coach
        assert finding.reason.endswith(".") and f"({finding.id})" in finding.reason


@pytest.mark.parametrize("coach", [
    "You took the bus.",  # the verb is no evidence of effort by itself
    "It takes patience to learn a language.",  # a truth about the world, not about the client
    "Signing the lease is a big step.",  # a step still ahead
    "You can pass the form to HR.",
    "It's been a long time since we met.",
    "Your sister gets a say too.",
    "Let me know if you need the room.",
])
def test_everyday_sentences_show_no_marker(coach):
    """Do ordinary sentences that share words with the new frames stay unmarked?"""
    assert detect_markers(coach) == set()


@pytest.mark.parametrize("client, coach, marker", [
    # 4.1: the client's words ranked above the coach's; the quality of their work named
    (None, "The way you phrased it is clearer than anything I could have put together.", "4.1"),
    (None, "That was thorough preparation.", "4.1"),
    (None, "You cut your hours by half, which is real progress.", "4.1"),
    # 4.1: the doing tied to the client's own intention or habit
    (None, "You spoke to your dad first, which you've said you wanted to do for years.", "4.1"),
    (None, "You paused and asked for a day, instead of answering on the spot like you said you usually do.", "4.1"),
    (None, "You kept going through the part you said you dreaded.", "4.1"),  # the report comes after the doing
    # 4.1: doing kept up, with what it took
    (None, "You kept writing for six weeks and the draft is done.", "4.1"),
    (None, "You've been quietly practising the scales every evening, even when you were tired.", "4.1"),
    (None, "That's the kind of patience that got you through the audit.", "4.1"),
    (None, "You rewrote the rota so every nurse could have a weekend off.", "4.1"),
    (None, "And you're still here, still showing up.", "4.1"),
    (None, "You kept the family calm through the whole move.", "4.1"),
    (None, "You're pouring so much energy into this launch.", "4.1"),
    # 4.2: time on the client's terms, a feeling called human, glad they reached out, held in mind
    (None, "You don't have to decide on anyone else's timeline.", "4.2"),
    (None, "Guilt is a natural reaction after a loss like that.", "4.2"),
    (None, "I'm so glad you got in touch.", "4.2"),
    (None, "I've been thinking about you since Tuesday.", "4.2"),
    (None, "I've been hoping the interview went well.", "4.2"),
    (None, "Caring for him must take so much out of you.", "4.2"),
    # 4.3: the feeling called legitimate, the right to it, a belief or value taken seriously
    (None, "Your frustration makes total sense.", "4.3"),
    (None, "Feeling stuck makes sense after a year like this.", "4.3"),
    (None, "You have every right to feel let down.", "4.3"),
    (None, "Your values seem like an important anchor for you here.", "4.3"),
    (None, "It sounds like fairness matters so much to you.", "4.3"),
    (None, "That's a completely understandable reaction.", "4.3"),
    ("I feel so lonely in this team.", "That loneliness sounds heavy. What would you like to do with it today?", "4.3"),
    ("Maybe I could call her on Sunday?", "Sunday, let's do that.", "4.3"),
    # 4.4: several readings offered with room for none; a correction invited after a reflection
    (None, "Do any of these fit, or none of them?", "4.4"),
    (None, "Here's my summary. Is that close, or did I get it wrong?", "4.4"),
    ("Not really, no.", "Okay, let's drop that.", "4.4"),
])
def test_markers_in_forms_no_labelled_file_uses(client, coach, marker):
    """Are acknowledgment, support, welcoming and partnering heard in word families and frames
    beyond the sentences the rules were written from?"""
    assert marker in detect_markers(coach, client)


@pytest.mark.parametrize("client, coach", [
    (None, "You kept putting it off for months."),  # a habit against the client is not effort
    (None, "You kept saying yes to everything for years."),
    (None, "You've been worrying about it every night."),
    (None, "That's real work for next week."),
    (None, "If you stuck with it for a month, what would change?"),  # a condition, not a statement
    (None, "I'm glad you came in early, the room is free."),
    (None, "From what you've laid out, the budget is the issue."),  # a summary of the client's report
    (None, "You moved the meeting so the team could join."),
    (None, "You're still trying to please him."),
    (None, "Your culture is a big obstacle here."),
    (None, "It sounds like the deadline matters to your boss."),
    (None, "We'll look at your plan next."),  # the agenda, not the client's proposal
    (None, "That's a big thing to see through."),
    ("I don't think it's fair that I have to care for Mum.", "Where would you like to go with it?"),  # a view, not a no
])
def test_ordinary_sentences_near_the_new_forms_stay_unmarked(client, coach):
    """Do everyday sentences that share words with the new frames show no marker?"""
    assert detect_markers(coach, client) == set()


def test_a_flood_of_apology_is_not_empathy():
    """Is "sorry" said again and again taken as the coach's discomfort, not empathy, while one is empathy?"""
    assert "4.2" not in detect_markers("Oh, I'm so sorry. I'm so sorry. I'm really sorry, that's awful.")
    assert "4.2" in detect_markers("I'm so sorry. That's awful.")


def test_quotes_keep_the_coachs_capitals():
    """Do findings quote the coach's own words as written, though patterns match lower-cased text?"""
    [finding] = find_markers("That's The Kind Of Patience That Got You Through.")
    assert finding.words in "That's The Kind Of Patience That Got You Through."
    assert finding.reason.endswith("(4.1).")


@pytest.mark.parametrize("client, coach, marker", [
    # 4.1: the client's own doing, in words a new writer reaches for
    (None, "You've zeroed in on the real sticking point there.", "4.1"),
    (None, "You pinpointed exactly where the week goes wrong.", "4.1"),
    (None, "You put the hours in on those scales, every single evening.", "4.1"),
    (None, "You've already got the childcare lined up and the forms in place.", "4.1"),
    (None, "You didn't settle for the easy version of that letter.", "4.1"),
    (None, "You never once took the easy route with the audit.", "4.1"),
    (None, "You put yourself forward for the panel, for the first time in years.", "4.1"),
    (None, "Back in January you told me speaking up felt impossible.", "4.1"),
    (None, "You've gone from dreading Mondays to running the stand-up.", "4.1"),
    (None, "You're still showing up for every rehearsal after the knock-back.", "4.1"),
    (None, "It shows how you respond to a setback.", "4.1"),
    (None, "That was a really perceptive observation about yourself.", "4.1"),
    (None, "You found that link on your own, and it's yours.", "4.1"),
    (None, "How you talk it through with others seems to be how you find your best ideas.", "4.1"),
    # 4.2: concern, checking in, staying steady, what it has cost
    (None, "I'm a bit worried about how little sleep you're getting.", "4.2"),
    (None, "I'm mindful that this month has asked a great deal.", "4.2"),
    (None, "Before the agenda, I'd like to check in. How are you, really?", "4.2"),
    (None, "I wanted to hear how you're holding up.", "4.2"),
    (None, "It's been so much lately, with the move and your mum.", "4.2"),
    (None, "That was a lot of bad news to absorb in one week.", "4.2"),
    (None, "However the hearing goes, I'll still be here on Thursday.", "4.2"),
    (None, "That longing for your old team sounds so strong.", "4.2"),
    # 4.3: the client's view or feeling given its due
    (None, "Your gut about this deserves a hearing.", "4.3"),
    (None, "That hesitation is well worth paying attention to.", "4.3"),
    (None, "I won't brush that aside.", "4.3"),
    (None, "Let's keep your values on the table as we plan.", "4.3"),
    (None, "Both feelings can coexist.", "4.3"),
    (None, "It's yours to decide here, whatever your family thinks.", "4.3"),
    # 4.4: an offer held loosely, with room to refuse or correct it
    (None, "I might be way off here, but is the money the real issue?", "4.4"),
    (None, "Stop me at any point if this isn't useful.", "4.4"),
    (None, "Use whatever you like from it and drop the rest.", "4.4"),
    (None, "I'd be curious whether that fits how it felt for you.", "4.4"),
    (None, "Tell me what I've got wrong.", "4.4"),
    (None, "Fix anything that doesn't fit.", "4.4"),
    (None, "I've got one more idea if you'd like to hear it.", "4.4"),
    (None, "My gut says the role isn't the problem. What's your sense?", "4.4"),
    (None, "You've used that phrase, 'holding the fort', a lot. What strikes you about it?", "4.4"),
    ("I'm not sure I buy this whole vision-board thing.", "Fair enough, we don't have to use it.", "4.4"),
    ("It's not a cage. It's more like a waiting room.", "Let's go with waiting room.", "4.4"),
])
def test_markers_in_the_forms_a_third_writer_used(client, coach, marker):
    """Are the word families and frames behind the second held-out set's misses heard in
    other wordings too (a different verb, object, noun or time)?"""
    assert marker in detect_markers(coach, client)


@pytest.mark.parametrize("client, coach", [
    (None, "You've moved from London to Leeds since we last spoke."),  # a move, not a distance travelled
    (None, "You've gone from bad to worse, by the sound of it."),
    (None, "That's because of the traffic."),
    (None, "You're making room for the new sofa."),
    (None, "I wanted to check in with you and see how the trial went."),  # a progress check, not concern
    (None, "I'd like to check in on the action plan."),
    (None, "There's been a lot of progress since March."),
    (None, "The deadline is worth hearing about."),
    (None, "You've mentioned your sister twice now. How is she?"),
    ("Sorry, that's not really relevant.", "No worries. What's next on your list?"),  # not a no to the coach
])
def test_ordinary_sentences_near_the_third_writers_forms_stay_unmarked(client, coach):
    """Do everyday sentences sharing words with the newest frames show none of the new markers?"""
    assert detect_markers(coach, client) == set()

