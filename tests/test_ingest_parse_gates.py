"""The parse speed-ups of issue 11 (branch i11-parse) say the same as the plain tests they
stand for: the no-value seed matched at the start of a cell instead of searched, and the
prose paragraphs chosen for all of a pack at once (polars substring search, `re` only where a
word is found) instead of one paragraph at a time. Checked on the sample packs' own text and
on generated text of other shapes (case, non-ASCII letters and digits, words inside words)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from ingest import prose
from ingest.caseless import fold
from ingest.value_tokens import _no_value_pattern, _no_value_test, is_no_value
from tests.conftest import PACKS, REPO

PACK_FILES = sorted(PACKS.glob("*.txt")) + sorted((REPO / "tests" / "data").glob("**/*.txt"))

PIECES = [
    "a", "B", " ", "  ", "-", "–", "—", "n/a", "N / A", "NIL", "nil.", "None", "TBC",
    "to be confirmed", "not  known", "unknown", "n/k", "NA", "*", "\n", ".", "0", "12", "é",
    "\u212a", "ı", "ſ", "٣", "LAC", "lac", "place", "class", "cla", "CAMHS", "someone", "One",
    "ten", "Twenty-one", "often", "third", "half", "complaint", "Complaints", "looked after",
    "waiting", "placements", "foster", "budget", "school", "staff", "(", ")", "%", "2019/20",
]  # fmt: skip


def _generated(count: int, seed: int, longest: int = 12) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(PIECES, k=rng.randint(0, longest))) for _ in range(count)]


# --------------------------------------------------------------------------- no-value tokens


def _pack_cells() -> list[str]:
    cells = set()
    for path in PACK_FILES:
        for line in path.read_text(encoding="utf-8").split("\n"):
            if "\t" in line:
                cells.update(cell.strip() for cell in line.split("\t"))
    return sorted(cells)


def test_no_value_tokens_are_matched_at_the_start():
    """Every row of the seed opens with `^`: the fast path (a match) is the one taken."""
    assert _no_value_test().__name__ == "match"


def test_no_value_match_finds_what_the_seed_search_finds():
    texts = _pack_cells() + _generated(20_000, seed=11, longest=4)
    search = _no_value_pattern().search
    found = [text for text in texts if is_no_value(text)]
    assert found == [text for text in texts if search(text) is not None]
    assert {"-", "N/A", "NIL"} <= set(found)  # the packs print these
    assert "Number of complaints" not in found


@pytest.mark.parametrize(
    ("pattern", "text"),
    [("tbd", "figure tbd"), ("(?m)^tbd$", "figure\ntbd"), ("(?m:^x$)|^y$", "a\nx")],
)
def test_a_seed_pattern_not_opening_with_a_caret_is_searched(
    tmp_path: Path, pattern: str, text: str
):
    seed = tmp_path / "value_tokens.csv"
    seed.write_text(f'pattern,meaning,notes\n"^-$",none,\n"{pattern}",unknown,\n', "utf-8")
    test = _no_value_test(seed)
    assert test.__name__ == "search"
    assert test(text) is not None


# --------------------------------------------------------------------------- prose paragraphs


def _read_one_at_a_time(paras: list, lows: list) -> list[bool]:
    """The paragraph test as it was, one paragraph at a time: may hold a number, and names a
    fact domain or is short after one that does."""
    words, acronyms = prose._domain_patterns()

    def names(low: str) -> bool:
        return words.search(low) is not None or acronyms.search(low) is not None

    read, before = [], ""
    for para, low in zip(paras, lows, strict=True):
        speaks = names(para.text.lower() if low is None else low) or (
            len(para.text) < prose.SHORT_PARAGRAPH and names(before.lower())
        )
        read.append(prose._may_hold_a_number(para.text, low) and speaks)
        before = para.text
    return read


def _paragraph_sets() -> list[list[str]]:
    """Each pack's lines, and generated paragraphs (a blank line between each)."""
    sets = [path.read_text(encoding="utf-8").split("\n") for path in PACK_FILES]
    for seed in range(5):
        lines = []
        for text in _generated(400, seed=seed, longest=30):
            lines += [text.replace("\n", " "), ""]
        sets.append(lines)
    return sets


def test_paragraphs_read_are_those_the_one_at_a_time_test_reads():
    read_in_all = 0
    for lines in _paragraph_sets():
        paras = prose.paragraphs(lines)
        lows = [fold(para.text) for para in paras]
        read = prose._read_paragraphs(paras, lows)
        assert read == _read_one_at_a_time(paras, lows)
        read_in_all += sum(read)
    assert read_in_all > 100  # the packs' complaint and placement paragraphs are read


def test_a_pack_without_prose_reads_no_paragraph():
    assert prose._read_paragraphs([], []) == []
    assert prose.prose_numbers(["a\tb", "1\t2"]) == []


def test_generated_text_holds_unfoldable_and_uncased_paragraphs():
    """The generated paragraphs reach both paths: text `fold` declines ('ı', 'ſ': the
    case-insensitive patterns run) and text it folds."""
    paras = [p for lines in _paragraph_sets()[-5:] for p in prose.paragraphs(lines)]
    lows = [fold(para.text) for para in paras]
    assert any(low is None for low in lows) and any(low is not None for low in lows)


def test_sentence_gates_are_the_per_sentence_tests():
    """The number-hint, fraction and number-word tests of every sentence, told for all of a
    pack's sentences at once, are those `_Sentence` and `_may_hold_a_number` make alone."""
    told = 0
    for lines in _paragraph_sets():
        texts = [para.text for para in prose.paragraphs(lines)]
        sentences = [text[a:b] for text in texts for a, b in prose.sentence_spans(text)]
        lows = [fold(sentence) for sentence in sentences]
        gates = prose._sentence_gates(lows)
        for sentence, low, (hint, fraction, words) in zip(sentences, lows, gates, strict=True):
            assert prose._may_hold_a_number_hinted(sentence, low, hint) == (
                prose._may_hold_a_number(sentence, low)
            )
            alone = prose._Sentence(sentence, low)
            assert (fraction, words) == (alone.may_hold_a_fraction, alone.may_hold_words)
        told += sum(hint for hint, _fraction, _words in gates)
    assert told > 100


def test_an_empty_word_list_rules_no_text_out():
    """An empty list's pattern (an empty trie) matches anywhere: its gate must say so."""
    assert prose._contains_any(["abc", ""], {"none": [], "unknown": None, "b": ["b"]}) == {
        "none": [True, True],
        "unknown": [True, True],
        "b": [True, False],
    }
