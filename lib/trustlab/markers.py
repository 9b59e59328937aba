"""Which PCC markers of Competency 4 a coach's turn shows, and the words that show them.

The markers (ICF PCC Markers, 2020):

- 4.1 Coach acknowledges and respects the client's unique talents, insights and work in the coaching process.
- 4.2 Coach shows support, empathy or concern for the client.
- 4.3 Coach acknowledges and supports the client's expression of feelings, perceptions, concerns, beliefs or suggestions.
- 4.4 Coach partners with the client by inviting the client to respond in any way to the coach's contributions
  and accepts the client's response.

Markers are evidence, not a checklist: the engine points at words a listener would take
as evidence, and a turn can show none and still be good coaching. The patterns live in
``trustlab/data/markers.yaml``. Pass the client's turn when you have it: some evidence
is only visible against what the client said (their feeling words, their suggestion,
their "no" or "not sure yet").

>>> sorted(detect_markers("You stuck with that conversation even when it got tense."))
['4.1']
>>> sorted(detect_markers("That sounds really hard. Thank you for telling me."))
['4.2', '4.3']
>>> detect_markers("Great job!")
set()
>>> detect_markers("Thanks for correcting me. What is it for you?", client="No, that's not it.")
{'4.4'}
>>> detect_markers("Say more about freedom.", client="It's freedom I want, not money.")  # the client's own word
{'4.3'}
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .findings import Finding, quote
from .questions import find_questions
from .text import clean, require_text, sentences, stem, words

__all__ = ["MARKER_IDS", "client_says_no", "detect_markers", "find_markers", "quote"]

MARKER_IDS = ("4.1", "4.2", "4.3", "4.4")

# Sentences that ask rather than tell: a question mark, or a question word first. A question
# word before a subject ("What you did there says...", "How you handled it...") opens a
# statement, not a question.
_ASKS = re.compile(
    r"\?\s*$|^(?:(?:so|and|but|okay|ok|well|now)\b[\s,]*)*"
    r"(?:(?:what|how|when|where|which|who|why)(?! (?:you|he|she|they|we|i|your)\b)"
    r"|do|does|did|is|are|can|could|would|will|have|has)\b", re.I)
_OPENS_QUESTION = re.compile(
    r"^(?:(?:so|and|but|okay|ok|well|now)\b[\s,]*)*(?:what|how|when|where|which|who|why)\b", re.I)
_ASKS_AFTER = re.compile(r"[;:,]\s*(?:and\s+)?(?:what|how|which|where|does|do|is|would|could)\b", re.I)
_SORRY = re.compile(r"\bsorry\b", re.I)
_SORRY_FLOOD = 3  # "sorry" this many times in one turn is about the coach, not the client
_ECHO_WORDS = 4  # "Proud and a bit scared." is an echo; a longer sentence is a reflection
# Words after "more about" that point at something rather than take up the client's word.
_NOT_THEIR_WORD = frozenset(
    "it that this them him her those these what how why yourself you me us here there today now then later "
    "yesterday tomorrow things stuff everything something anything all both one again lately so too".split())
# The coach's words of agreement, which say nothing about what is agreed to.
_AGREEING = _NOT_THEIR_WORD | frozenset(
    "yes yeah sure okay ok absolutely of course definitely great good fine alright right let's let we can "
    "we'll will happy please do by means then first".split())


class _Patterns:
    """The compiled patterns, built once on first use."""

    def __init__(self) -> None:
        p = lexicon.pattern
        self.empathy = p("markers", "empathy", words=(("hard", "hard_words"), ("feelings", "feeling_nouns")))
        self.welcomes_expression = p("markers", "welcomes_expression", words=(("feelings", "feeling_nouns"),))
        self.invites_response = p("markers", "invites_response")
        self.client_did = p("markers", "client_did")
        self.client_did_plainly = p("markers", "client_did_plainly")
        self.effort_cues = p("markers", "effort_cues")
        self.client_quality = p("markers", "client_quality", words=(("strengths", "strengths"),))
        self.client_credit = p("markers", "client_credit")
        self.reflection_frames = p("markers", "reflection_frames")
        self.feeling_words = frozenset(w for line in lexicon.phrases("markers", "feeling_words") for w in line.split("|"))
        self.unwelcoming = p("markers", "unwelcoming")
        self.offers_view = p("markers", "offers_view")
        self.client_suggests = p("markers", "client_suggests")
        self.takes_up_suggestion = p("markers", "takes_up_suggestion")
        self.agrees_and_goes = p("markers", "agrees_and_goes")
        self.invites_more_of_it = p("markers", "invites_more_of_it")
        self.more_about_their_word = p("markers", "more_about_their_word")
        self.client_rejects = p("markers", "client_rejects")
        self.client_plain_no = p("markers", "client_plain_no")
        self.withdraws = p("markers", "withdraws_idea")
        alt = lexicon.alternation
        self.accepts = re.compile(rf"\b(?:{alt('markers', 'accepts_correction')}|{alt('markers', 'withdraws_idea')})\b", re.I)
        self.insists = p("markers", "insists")
        self.client_unsure = p("markers", "client_unsure")
        self.accepts_not_knowing = p("markers", "accepts_not_knowing")
        self.reasons = lexicon.load("markers")["reasons"]
        lexicon.caseless(self)


@cache
def _compiled() -> _Patterns:
    return _Patterns()




def _listed(key: str, marker: str):
    """A check that finds *marker* wherever a sentence matches the list *key* in markers.yaml."""

    def check(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
        for sentence in said:
            m = getattr(p, key).search(sentence)
            if m:
                return Finding(marker, quote(sentence, m), p.reasons[key])
        return None

    return check


def _acknowledgment(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """4.1: a statement naming what the client did or who they were being.

    Acknowledgment is said, not asked: a question ("Have you done the work?") or an
    invitation ("Tell me about the pain you carried") is no evidence. Nor is a
    reflection of what the client reported ("It sounds like you started").
    """
    for sentence in said:
        if _ASKS.search(sentence):
            continue
        found = _acknowledged(sentence, p)
        # checked only on a match: telling an invitation from a statement costs more
        if found and not find_questions(sentence):
            return found
    return None


def _acknowledged(sentence: str, p: _Patterns) -> Finding | None:
    """The acknowledgment in one sentence, if it holds one, before asking whether it asks."""
    for key in ("client_quality", "client_credit"):
        m = getattr(p, key).search(sentence)
        if m:
            return Finding("4.1", quote(sentence, m), p.reasons[key])
    # A frame governs what follows it: "It sounds like you started" reports, but "You kept
    # going through the part you said you dreaded" names the doing before the report.
    framed = p.reflection_frames.search(sentence)
    m = p.client_did.search(sentence)
    if m and not (framed and framed.start() < m.start()):
        return Finding("4.1", quote(sentence, m), p.reasons["client_did"])
    m = p.client_did_plainly.search(sentence)
    if not m or (framed and framed.start() < m.start()):
        return None
    # the cue must be more than the verb itself: "You took the bus" took nothing
    if p.effort_cues.search(f"{sentence[:m.start()]} {sentence[m.end():]}"):
        return Finding("4.1", quote(sentence, m), p.reasons["client_did_plainly"])
    return None


def _empathy(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """4.2: words that recognise what this is like for the client.

    A flood of apology ("I'm so sorry. I'm so sorry. I'm really sorry.") centres the
    coach's own discomfort, and nothing in that turn counts as empathy.
    """
    if sum(len(_SORRY.findall(sentence)) for sentence in said) >= _SORRY_FLOOD:
        return None
    return _empathy_words(said, client, p)


_empathy_words = _listed("empathy", "4.2")


def _offer_and_ask(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """An observation or idea of the coach's, followed by a question to the client."""
    for n, sentence in enumerate(said):
        m = p.offers_view.search(sentence)
        if not m:
            continue
        if _OPENS_QUESTION.search(sentence):
            continue  # "What would I notice?" asks; it offers nothing
        # "That's one way to see it; how do you see it?" asks after the offer in the same sentence
        asked_here = sentence.endswith("?") and (m.start() > 0 or bool(_ASKS_AFTER.search(sentence, m.end())))
        if asked_here or any(find_questions(later) for later in said[n + 1:]):
            return Finding("4.4", quote(sentence, m), p.reasons["offer_and_ask"])
    return None


def _same_feeling(a: str, b: str) -> bool:
    """Are two feeling words forms of one word ("annoyed", "annoyance"; "worry", "worried")?"""
    return stem(a) == stem(b) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _reused_feeling(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """A feeling word of the client's that the coach takes up to invite more of it.

    The word counts inside a question ("Say more about flat?"), as a short echo
    before one ("Torn. What's pulling you each way?"), or named just before an
    invitation to say more about it ("The sadness has a place here. Say more about
    it."), never in a turn that argues with it ("Why so anxious?"), digs for where
    it began ("your earliest memory of feeling anxious"), or a statement alone,
    which is only a reflection.
    """
    offered = {w for w in words(client or "") if w in p.feeling_words}
    if not offered:
        return None
    asks = [bool(find_questions(sentence)) for sentence in said]
    if not any(asks):
        return None
    for n, (sentence, asked) in enumerate(zip(said, asks)):
        if p.unwelcoming.search(sentence):
            continue
        invited_next = n + 1 < len(said) and bool(p.invites_more_of_it.search(said[n + 1]))
        if not (asked or invited_next or len(words(sentence)) <= _ECHO_WORDS):
            continue
        for word in words(sentence):
            if word in p.feeling_words and any(_same_feeling(word, w) for w in offered):
                return Finding("4.3", word, p.reasons["client_words"])
    return None


def _took_up_suggestion(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """The client proposed something and the coach goes that way ("Yes, let's do that.").

    A client's "Can we skip this?" is a no to the coach, not a suggestion: taking it is 4.4.
    """
    if not client:
        return None
    # the coach's words first: they are short, and rarely agree to anything
    taken = next(((sentence, m) for sentence in said if (m := p.takes_up_suggestion.search(sentence))), None)
    going = None if taken or not said else p.agrees_and_goes.search(said[0])
    if not taken and not going:
        return None
    proposal = clean(client)
    if not p.client_suggests.search(proposal) or p.client_rejects.search(proposal):
        return None
    if taken:
        sentence, m = taken
        return Finding("4.3", quote(sentence, m), p.reasons["takes_up_suggestion"])
    # "Sure, let's walk." after "Could we do this one walking?": the yes goes the client's way
    # only if it uses the client's own words for the proposal
    theirs = _content_stems(proposal)
    if any(stem(w) in theirs for w in words(said[0]) if w not in _AGREEING):
        return Finding("4.3", said[0], p.reasons["agrees_and_goes"])
    return None


def _content_stems(text: str) -> set[str]:
    """The stems of the words in *text* that can carry its subject (not "it", "that", "now")."""
    return {stem(w) for w in words(text) if len(w) > 2 and "'" not in w and w not in _NOT_THEIR_WORD}


def _their_word(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """An invitation to say more about a bare word from the client's turn ("Say more about freedom.").

    Backtracking the client's own word, without the coach's article or frame, invites more of
    what the client expressed; so does echoing it and asking with it ("Unbearable. What makes
    them unbearable?"). A word the client never used, a name ("Sione") or a pointer ("more
    about that") is not theirs.
    """
    if not client:
        return None
    theirs = _content_stems(client)
    echo = words(said[0]) if len(said) > 1 and not _ASKS.search(said[0]) else []
    if 0 < len(echo) < _ECHO_WORDS:
        echoed = {stem(w) for w in echo if w not in _NOT_THEIR_WORD}
        asked = said[1]
        if (echoed and echoed <= theirs and echoed & {stem(w) for w in words(asked)}
                and not p.unwelcoming.search(asked) and find_questions(asked)):
            return Finding("4.3", said[0], p.reasons["more_about_their_word"])
    for sentence in said:
        m = p.more_about_their_word.search(sentence)
        if not m:
            continue
        word = m.group(1)
        if not word.islower() or word in _NOT_THEIR_WORD or len(word) < 3 or p.unwelcoming.search(sentence):
            continue
        if stem(word) in theirs:
            return Finding("4.3", quote(sentence, m), p.reasons["more_about_their_word"])
    return None


def _first(said: list[str], pattern: re.Pattern, reason: str, p: _Patterns) -> Finding | None:
    """4.4 for the first sentence that *pattern* matches, or None."""
    for sentence in said:
        m = pattern.search(sentence)
        if m:
            return Finding("4.4", quote(sentence, m), p.reasons[reason])
    return None


def _accepted_no(said: list[str], client: str | None, p: _Patterns) -> Finding | None:
    """The coach accepting the client's response to an idea, without pressing.

    After a clear "no" to the idea, taking it or asking the client's own view counts.
    After a bare "No.", which may only answer a question, the coach must let the idea
    go ("I'll drop that"). After "not sure yet", only words that let the question rest
    count ("That's fine, it can wait").
    """
    if not client:
        return None
    response = clean(client)
    if p.client_rejects.search(response):
        acceptance, reason = p.accepts, "accepts_correction"
    elif p.client_plain_no.search(response):
        acceptance, reason = p.withdraws, "accepts_correction"
    elif p.client_unsure.search(response):
        acceptance, reason = p.accepts_not_knowing, "accepts_not_knowing"
    else:
        return None
    text = " ".join(said)
    if p.insists.search(text):
        return None
    found = _first(said, acceptance, reason, p)
    if found or acceptance is not p.accepts:
        return found
    # after a clear no, asking for the client's own view is acceptance too
    opened = next((q for q in find_questions(text) if q.kind == "open"), None)
    if opened:
        return Finding("4.4", opened.text, p.reasons["accepts_correction"])
    return None


# Each check looks for one kind of evidence; the first that finds a marker names it.
_CHECKS = (
    ("4.1", _acknowledgment),
    ("4.2", _empathy),
    ("4.3", _listed("welcomes_expression", "4.3")),
    ("4.4", _listed("invites_response", "4.4")),
    ("4.4", _offer_and_ask),
    ("4.3", _reused_feeling),  # these four need the client's turn
    ("4.3", _took_up_suggestion),
    ("4.3", _their_word),
    ("4.4", _accepted_no),
)


def find_markers(coach: str, client: str | None = None) -> list[Finding]:
    """The markers the coach's turn shows: one :class:`Finding` per marker, in marker order.

    Each finding quotes the first words that show the marker and says why they count.
    *client*, when given, is what the client said just before.

    >>> for f in find_markers("It's okay to feel angry. I could be wrong, but what do you make of that?"):
    ...     print(f.id, "|", f.words)
    4.3 | It's okay to feel angry
    4.4 | I could be wrong
    >>> [f.id for f in find_markers("Say more about stuck.", client="I feel stuck.")]
    ['4.3']
    """
    require_text(coach, "coach")
    if client is not None:
        require_text(client, "client")
    p = _compiled()
    said = sentences(coach)
    found: dict[str, Finding] = {}
    for marker, check in _CHECKS:
        if marker not in found:
            finding = check(said, client, p)
            if finding:
                found[marker] = finding
    return [found[m] for m in MARKER_IDS if m in found]


def detect_markers(coach: str, client: str | None = None) -> set[str]:
    """The ids of the markers the coach's turn shows (see :func:`find_markers`).

    >>> detect_markers("How are you doing with all this?")
    {'4.2'}
    >>> detect_markers("")
    set()
    """
    return {f.id for f in find_markers(coach, client)}


def client_says_no(client: str) -> bool:
    """Does the client's turn say no to the coach's idea, word or direction?

    >>> client_says_no("No, that's not really it. It's more about me.")
    True
    >>> client_says_no("No.")  # may only answer a question
    False
    >>> client_says_no("No problem, I can do Tuesday.")
    False
    """
    require_text(client, "client")
    return bool(_compiled().client_rejects.search(clean(client)))
