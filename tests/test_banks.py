"""Tests for trustlab.banks: loading question banks and refusing malformed ones."""

import copy
import time

import pytest
import yaml

from trustlab import banks, check_rewrite
from trustlab.banks import (ELEMENTS, FLAG_IDS, ITEM_TYPES, MARKER_IDS, Bank, DrillItem, QuizItem, SpotterItem,
                            available_banks, load_bank)

SHIPPED = available_banks()

GOOD_ITEMS = [
    {"id": "t-q01", "type": "single", "element": "psychological_safety", "lesson": 1, "level": 1,
     "prompt": "A client pauses. What helps most?",
     "options": [{"text": "Wait quietly.", "correct": True, "why": "Silence gives room."},
                 {"text": "Rephrase.", "correct": False, "why": "Too soon."}]},
    {"id": "t-q02", "type": "multiple", "element": "mutual_respect", "markers": ["4.1"],
     "prompt": "Which acknowledge the client?",
     "options": [{"text": "You kept going.", "correct": True, "why": "Names what they did."},
                 {"text": "Great job!", "correct": False, "why": "Praise."},
                 {"text": "You trusted yourself.", "correct": True, "why": "A quality of theirs."}]},
    {"id": "t-q03", "type": "scenario", "element": "cultural_awareness", "markers": ["4.3"], "level": 2,
     "client": "I just nodded.", "prompt": "Which response shows 4.3?",
     "options": [{"text": "What was that like?", "correct": True, "why": "Invites more."},
                 {"text": "Speak up!", "correct": False, "why": "Advice."}]},
    {"id": "t-d01", "type": "drill", "element": "reliability", "original": "Why were you late?",
     "hints": ["Start with What."], "models": ["What might have made the timing hard?"]},
    {"id": "t-sp01", "type": "spotter", "element": "psychological_safety", "client": "I'm scared.",
     "coach": "Thank you for telling me.", "markers": ["4.3"], "red_flags": [], "explanation": "Welcomes it."},
]


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch):
    """Each test starts with no banks loaded, so ids from one test never clash with another's."""
    monkeypatch.setattr(banks, "_loaded", {})


def write_bank(folder, items=None, name="test_bank.yaml", bank="test_bank", title="Test bank", **extra):
    path = folder / name
    data = {"bank": bank, "title": title, "items": GOOD_ITEMS if items is None else items, **extra}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def broken(index: int, **changes) -> list[dict]:
    """GOOD_ITEMS with one item changed; a value of None removes the field."""
    items = copy.deepcopy(GOOD_ITEMS)
    for key, value in changes.items():
        if value is None:
            items[index].pop(key, None)
        else:
            items[index][key] = value
    return items


# ---------------------------------------------------------------------------------------
# Loading


def test_a_good_bank_loads_into_typed_items(tmp_path):
    """Does a valid bank load, with each item as its own typed object and defaults filled in?"""
    bank = load_bank(write_bank(tmp_path))
    assert isinstance(bank, Bank) and (bank.id, bank.title, len(bank)) == ("test_bank", "Test bank", 5)
    q1, q2, q3, d1, sp1 = bank.items
    assert isinstance(q1, QuizItem) and q1.correct_indices == (0,) and q1.lesson == 1
    assert q2.markers == ("4.1",) and q2.correct_indices == (0, 2) and q2.level == 1 and q2.lesson is None
    assert q3.client == "I just nodded." and q3.level == 2
    assert isinstance(d1, DrillItem) and d1.hints == ("Start with What.",) and d1.context == ""
    assert isinstance(sp1, SpotterItem) and sp1.markers == ("4.3",) and sp1.red_flags == ()
    assert all(item.bank == "test_bank" for item in bank)


def test_a_path_can_be_given_as_text(tmp_path):
    """Can a school load its own file by typing its path?"""
    assert load_bank(str(write_bank(tmp_path))).id == "test_bank"


def test_sample_bank_covers_every_type_and_element():
    """Does the shipped sample bank show every kind of item and every element?"""
    bank = load_bank("sample")
    assert {item.type for item in bank} == set(ITEM_TYPES)
    assert {item.element for item in bank} == set(ELEMENTS)
    assert all(item.id.startswith("sample-") for item in bank)


def test_available_banks_lists_the_shipped_files():
    """Does available_banks name the shipped bank files, sorted?"""
    assert "sample" in SHIPPED and SHIPPED == sorted(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_bank_is_valid(name):
    """Does every bank that ships with trustlab pass the format check?"""
    bank = load_bank(name)
    assert len(bank) > 0 and bank.id


def test_shipped_item_ids_are_unique_across_banks():
    """Can every shipped bank be loaded in one session without an id clash?"""
    ids = [item.id for name in SHIPPED for item in load_bank(name)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_model_rewrite_passes_the_check(name):
    """Does every model rewrite in the shipped drills pass check_rewrite, as docs/banks.md promises?"""
    failing = [(item.id, model, check_rewrite(item.original, model).problem_ids)
               for item in load_bank(name).filter(type="drill") for model in item.models
               if not check_rewrite(item.original, model).passed]
    assert not failing


def test_shipped_banks_are_cached():
    """Is a shipped bank parsed once and then served from memory?"""
    assert load_bank("sample") is load_bank("sample")


def test_a_changed_file_is_read_again(tmp_path):
    """When a school edits its bank and loads it again, does it get the new version?"""
    path = write_bank(tmp_path)
    first = load_bank(path)
    items = copy.deepcopy(GOOD_ITEMS)
    items[0]["prompt"] = "A changed prompt, long enough to change the file size?"
    write_bank(tmp_path, items)
    second = load_bank(path)
    assert second is not first and second.get("t-q01").prompt.startswith("A changed prompt")


def test_a_200_item_bank_loads_quickly(tmp_path):
    """Does a 200-question bank load without a noticeable wait? (a smoke check; the figure is in the benchmark)"""
    items = []
    for n in range(200):
        item = copy.deepcopy(GOOD_ITEMS[n % 5])
        item["id"] = f"big-{n:03d}"
        items.append(item)
    path = write_bank(tmp_path, items)
    start = time.perf_counter()
    bank = load_bank(path)
    assert len(bank) == 200
    assert time.perf_counter() - start < 5  # generous: only catches a pathological slowdown


def test_constants_agree_with_the_engine():
    """Are the marker and red-flag ids a bank may use exactly the ones the engine knows?"""
    from trustlab.flags import FLAG_IDS as ENGINE_FLAGS
    from trustlab.markers import MARKER_IDS as ENGINE_MARKERS
    assert MARKER_IDS == ENGINE_MARKERS and FLAG_IDS == ENGINE_FLAGS
    assert set(banks.MARKER_NAMES) == set(MARKER_IDS) and set(banks.FLAG_NAMES) == set(FLAG_IDS)


def test_unquoted_markers_are_accepted(tmp_path):
    """Is markers: [4.1] (which YAML reads as a number) taken as the marker "4.1"?"""
    path = tmp_path / "b.yaml"
    text = yaml.safe_dump({"bank": "b", "title": "B", "items": broken(1)})
    path.write_text(text.replace("- '4.1'", "- 4.1"), encoding="utf-8")
    assert load_bank(path).get("t-q02").markers == ("4.1",)


# ---------------------------------------------------------------------------------------
# Errors: file, item and field, and what is valid


def test_the_documented_example_error(tmp_path):
    """Is a malformed bank reported with its file, id and field, exactly as the brief shows?"""
    items = broken(0, id="ps-q03", type="singel")
    with pytest.raises(ValueError) as err:
        load_bank(write_bank(tmp_path, items, name="sample.yaml"))
    assert str(err.value) == ('sample.yaml, item "ps-q03", field "type": "singel" is not a type; '
                              "use one of single, multiple, scenario, drill, spotter.")


MALFORMED = [
    # (what is wrong, item index, changes, words the message must contain)
    ("no id", 1, {"id": None}, ['item 2 (it has no id), field "id"', "missing"]),
    ("bad id", 0, {"id": "PS Q1"}, ['item 1, field "id"', '"PS Q1" is not a valid id']),
    ("no type", 0, {"type": None}, ['item "t-q01", field "type"', "missing", "single, multiple"]),
    ("bad element", 0, {"element": "safety"}, ['field "element"', '"safety" is not an element',
                                                "psychological_safety, mutual_respect"]),
    ("bad marker", 1, {"markers": ["4.5"]}, ['field "markers"', '"4.5" is not a marker', "4.1, 4.2, 4.3, 4.4"]),
    ("markers not a list", 1, {"markers": "4.1"}, ['field "markers"', "must be a list"]),
    ("marker twice", 1, {"markers": ["4.1", "4.1"]}, ['field "markers"', "listed twice"]),
    ("lesson too high", 0, {"lesson": 9}, ['field "lesson"', "from 0 to 8", "not 9"]),
    ("lesson as text", 0, {"lesson": "two"}, ['field "lesson"', 'not "two"']),
    ("level zero", 0, {"level": 0}, ['field "level"', "from 1 to 3"]),
    ("unknown field", 0, {"optoins": []}, ['field "optoins"', "not a field of a single item", "prompt, options"]),
    ("client on a single", 0, {"client": "hi"}, ['field "client"', "not a field of a single item"]),
    ("no prompt", 0, {"prompt": None}, ['field "prompt"', "missing", "the question shown to the learner"]),
    ("prompt as number", 0, {"prompt": 42}, ['field "prompt"', "must be text in quotes"]),
    ("blank prompt", 0, {"prompt": "  "}, ['field "prompt"', "is empty"]),
    ("one option", 0, {"options": [{"text": "a", "correct": True, "why": "b"}]},
     ['field "options"', "has 1 option", "2 to 8"]),
    ("no correct option", 0, {"options": [{"text": "a", "correct": False, "why": "x"},
                                          {"text": "b", "correct": False, "why": "y"}]},
     ['field "options"', "exactly one option with correct: true", "has none"]),
    ("two correct in a single", 0, {"options": [{"text": "a", "correct": True, "why": "x"},
                                                {"text": "b", "correct": True, "why": "y"}]},
     ['field "options"', "exactly one", "has 2 (options 1 and 2)"]),
    ("multiple with none correct", 1, {"options": [{"text": "a", "correct": False, "why": "x"},
                                                   {"text": "b", "correct": False, "why": "y"}]},
     ['item "t-q02", field "options"', "at least one"]),
    ("correct as text", 0, {"options": [{"text": "a", "correct": "yes", "why": "x"},
                                        {"text": "b", "correct": False, "why": "y"}]},
     ['field "options"', 'option 1: "correct" must be true or false, not "yes"']),
    ("missing why", 0, {"options": [{"text": "a", "correct": True}, {"text": "b", "correct": False, "why": "y"}]},
     ['field "options"', 'option 1 is missing its "why"']),
    ("unknown option field", 0, {"options": [{"text": "a", "correct": True, "why": "x", "score": 1},
                                             {"text": "b", "correct": False, "why": "y"}]},
     ['field "options"', 'option 1: "score" is not a field of an option']),
    ("same option twice", 0, {"options": [{"text": "a", "correct": True, "why": "x"},
                                          {"text": "a", "correct": False, "why": "y"}]},
     ['field "options"', "options 1 and 2 have the same text"]),
    ("scenario without client", 2, {"client": None}, ['item "t-q03", field "client"', "missing", "what the client says"]),
    ("drill without models", 3, {"models": None}, ['item "t-d01", field "models"', "missing"]),
    ("drill with no hints", 3, {"hints": []}, ['field "hints"', "at least one"]),
    ("drill hint not text", 3, {"hints": ["ok", 3]}, ['field "hints"', "entry 2 must be text"]),
    ("drill without original", 3, {"original": None}, ['field "original"', "the blunt question"]),
    ("spotter without explanation", 4, {"explanation": None}, ['item "t-sp01", field "explanation"', "missing"]),
    ("spotter without a key", 4, {"red_flags": None}, ['field "red_flags"', "missing", "[] for none"]),
    ("spotter bad flag", 4, {"red_flags": ["why"]}, ['field "red_flags"', '"why" is not a red flag',
                                                      "why_question, leading_question"]),
]


@pytest.mark.parametrize("what, index, changes, expected", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_items_are_reported_with_file_item_and_field(tmp_path, what, index, changes, expected):
    """Is each kind of mistake in an item reported with the file, the item and the field, and what is valid?"""
    with pytest.raises(ValueError) as err:
        load_bank(write_bank(tmp_path, broken(index, **changes)))
    message = str(err.value)
    assert message.startswith("test_bank.yaml, ")
    for words in expected:
        assert words in message, message


@pytest.mark.parametrize("data, expected", [
    ("", "the file is empty"),
    ("- just\n- a list\n", 'must start with "bank:"'),
    ("bank: b\ntitle: B\nitems: []\n", 'field "items"'),
    ("bank: B-1\ntitle: B\nitems: [x]\n", 'field "bank": "B-1" is not a valid bank id'),
    ("bank: b\nitems: [x]\n", 'field "title": missing'),
    ("bank: b\ntitle: B\nauthor: me\nitems: [x]\n", '"author" is not a field of a bank'),
    ("bank: b\ntitle: B\nitems:\n  - just text\n", "item 1: each item is a set of fields"),
], ids=["empty", "a list", "no items", "bad bank id", "no title", "unknown key", "item not a mapping"])
def test_malformed_files_are_reported(tmp_path, data, expected):
    """Is a file that is not a bank at all reported in words, naming the file?"""
    path = tmp_path / "bad.yaml"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_bank(path)
    assert str(err.value).startswith("bad.yaml") and expected in str(err.value)


def test_yaml_syntax_errors_name_the_file_and_line(tmp_path):
    """Is a YAML syntax error reported with the file and the line, not a parser traceback?"""
    path = tmp_path / "broken.yaml"
    path.write_text('bank: b\ntitle: "B\nitems:\n  - id: x\n', encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_bank(path)
    assert str(err.value).startswith("broken.yaml, line ") and "not valid YAML" in str(err.value)
    path.write_text("bank: b\ntitle: B\nitems:\n  - id: x\n   type: single\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.yaml, line 5"):
        load_bank(path)


def test_duplicate_ids_in_one_bank_are_refused(tmp_path):
    """Is the same id used twice in one bank reported with both positions?"""
    items = broken(1, id="t-q01")
    with pytest.raises(ValueError, match=r'item "t-q01", field "id": the id "t-q01" is used by items 1 and 2'):
        load_bank(write_bank(tmp_path, items))


def test_duplicate_ids_across_banks_are_refused(tmp_path):
    """Is an id already used by another loaded bank refused, naming both banks?"""
    load_bank(write_bank(tmp_path, name="one.yaml", bank="one"))
    with pytest.raises(ValueError) as err:
        load_bank(write_bank(tmp_path, name="two.yaml", bank="two"))
    message = str(err.value)
    assert message.startswith('two.yaml, item "t-q01", field "id"') and '"one" (one.yaml)' in message


def test_loading_the_same_bank_again_is_fine(tmp_path):
    """Can the same bank be loaded twice, or a newer copy of it, without an id clash?"""
    load_bank(write_bank(tmp_path, name="one.yaml"))
    load_bank(write_bank(tmp_path, name="one.yaml"))
    assert load_bank(write_bank(tmp_path, name="copy.yaml")).id == "test_bank"


def test_an_unknown_bank_name_lists_the_shipped_banks():
    """Does a misspelt bank name get an answer listing the banks there are?"""
    with pytest.raises(ValueError) as err:
        load_bank("sampel")
    assert 'no bank called "sampel"' in str(err.value) and "sample" in str(err.value)
    assert 'load_bank("my_bank.yaml")' in str(err.value)


def test_a_shipped_bank_can_be_named_with_its_file_name():
    """Does load_bank("sample.yaml") find the shipped bank when there is no such file here?"""
    assert load_bank("sample.yaml") is load_bank("sample")


def test_a_missing_file_is_reported(tmp_path):
    """Is a path to a file that does not exist reported in words?"""
    with pytest.raises(ValueError, match="There is no file"):
        load_bank(tmp_path / "nowhere.yaml")


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    """Is a bank saved in another encoding reported, with what to do?"""
    path = tmp_path / "latin.yaml"
    path.write_bytes("bank: b\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ValueError, match="latin.yaml: the file is not UTF-8 text"):
        load_bank(path)


def test_load_bank_needs_a_name_or_path():
    """Is a number given to load_bank a TypeError that says what to give?"""
    with pytest.raises(TypeError, match="name of a bank or the path"):
        load_bank(3)


# ---------------------------------------------------------------------------------------
# Filtering and looking up


def test_filter_by_each_field(tmp_path):
    """Does filter keep exactly the items matching type, element, lesson, level and marker?"""
    bank = load_bank(write_bank(tmp_path))
    assert bank.filter(type="quiz").ids == ("t-q01", "t-q02", "t-q03")
    assert bank.filter(type=["drill", "spotter"]).ids == ("t-d01", "t-sp01")
    assert bank.filter(element="psychological safety").ids == ("t-q01", "t-sp01")
    assert bank.filter(lesson=1).ids == ("t-q01",)
    assert bank.filter(level=2).ids == ("t-q03",)
    assert bank.filter(marker=["4.1", "4.3"]).ids == ("t-q02", "t-q03", "t-sp01")
    assert bank.filter(type="quiz", level=1).ids == ("t-q01", "t-q02")
    assert bank.filter(ids=["t-sp01", "t-q02"]).ids == ("t-sp01", "t-q02")
    assert bank.filter(ids="t-d01").ids == ("t-d01",)
    assert len(bank.filter(lesson=5)) == 0


@pytest.mark.parametrize("kwargs, expected", [
    ({"type": "essay"}, '"essay" is not a type'),
    ({"element": "trust"}, '"trust" is not an element'),
    ({"marker": "4.9"}, '"4.9" is not a marker'),
    ({"ids": ["t-q01", "nope"]}, 'has no item "nope"'),
])
def test_filter_refuses_unknown_values(tmp_path, kwargs, expected):
    """Is a filter value that matches nothing possible reported, rather than silently empty?"""
    bank = load_bank(write_bank(tmp_path))
    with pytest.raises(ValueError, match=expected):
        bank.filter(**kwargs)


def test_get_finds_an_item_or_lists_the_ids(tmp_path):
    """Does get return the item, and for an unknown id say which ids exist?"""
    bank = load_bank(write_bank(tmp_path))
    assert bank.get("t-d01").original == "Why were you late?"
    with pytest.raises(ValueError, match=r'has no item "t-x".*t-q01, t-q02'):
        bank.get("t-x")


def test_bank_shows_as_text_and_escaped_html(tmp_path):
    """Does a bank print as a list and render as an HTML table with its title escaped?"""
    bank = load_bank(write_bank(tmp_path, title="<script>alert(1)</script>"))
    assert str(bank).splitlines()[1] == "- t-q01 (single, psychological safety)"
    assert "<script>" not in bank._repr_html_() and "&lt;script&gt;" in bank._repr_html_()
    assert repr(bank) == "<Bank 'test_bank': 5 items>"
