"""The YAML reader: plain data, duplicate keys, refused tags, alias bombs, nesting, encodings."""

from __future__ import annotations

import time

import pytest

from graph.yamlparse import MAX_DEPTH, YamlError, decode_yaml_bytes, parse_yaml


def test_dates_stay_text_so_partial_dates_keep_their_precision() -> None:
    assert parse_yaml("a: 2017-10-06\nb: 2017-10\nc: 2017\n").data == {"a": "2017-10-06", "b": "2017-10", "c": 2017}


def test_yes_and_no_stay_words_not_booleans() -> None:
    assert parse_yaml("a: yes\nb: no\nc: true\n").data == {"a": "yes", "b": "no", "c": True}


def test_quoted_numbers_stay_text() -> None:
    assert parse_yaml("a: '12'\nb: 12\nc: 1.5\nd: ~\n").data == {"a": "12", "b": 12, "c": 1.5, "d": None}


def test_duplicate_key_is_reported_with_both_lines() -> None:
    parsed = parse_yaml("claims:\n  - id: a\n    kind: denial\n    kind: accusation\n", locate=True)
    [dup] = parsed.duplicates
    assert (dup.line, dup.column, dup.path) == (4, 5, ("claims", 0, "kind"))
    assert "first written at line 3" in dup.message


def test_duplicate_key_keeps_the_first_value() -> None:
    assert parse_yaml("a: 1\na: 2\n").data == {"a": 1}


def test_marks_point_at_keys_and_values() -> None:
    parsed = parse_yaml("claims:\n  - id: a\n    claimant: b\n", locate=True)
    assert parsed.marks[("claims", 0, "claimant")] == ((3, 5), (3, 15))


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !custom thing\n",
        "!!python/object:collections.OrderedDict {}\n",
    ],
)
def test_tags_that_would_construct_objects_are_refused(text: str) -> None:
    with pytest.raises(YamlError, match="is not allowed"):
        parse_yaml(text)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    with pytest.raises(YamlError, match="alias bomb"):
        parse_yaml("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2


def test_small_aliases_still_work() -> None:
    assert parse_yaml("a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, "- " * 50_000 + "x", "{a: " * 10_000 + "}" * 10_000])
def test_deep_nesting_is_refused_instead_of_crashing(text: str) -> None:
    # Our depth check or libyaml's own limit may refuse first (PyYAML 6.0.4's libyaml stops at 1,000 flow
    # levels); either way the user gets one located refusal in our words, with a hint.
    with pytest.raises(YamlError) as info:
        parse_yaml(text)
    assert info.value.message == f"the data is nested more than {MAX_DEPTH} levels deep"
    assert info.value.line == 1 and info.value.column >= MAX_DEPTH
    assert "brackets or indentation" in info.value.hint


def test_tab_indentation_gets_a_hint_about_spaces() -> None:
    with pytest.raises(YamlError) as info:
        parse_yaml("claims:\n\t- id: a\n")
    assert (info.value.line, info.value.column) == (2, 1)
    assert "spaces" in info.value.hint


def test_second_document_is_refused() -> None:
    with pytest.raises(YamlError, match="more than one YAML document") as info:
        parse_yaml("a: 1\n---\nb: 2\n")
    assert info.value.line == 2


def test_undefined_alias_names_the_alias() -> None:
    with pytest.raises(YamlError, match=r"\*nowhere has no anchor"):
        parse_yaml("a: *nowhere\n")


def test_merge_keys_are_refused() -> None:
    with pytest.raises(YamlError, match="merge keys"):
        parse_yaml("a: &x {b: 1}\nc:\n  <<: *x\n")


def test_invalid_utf8_is_located() -> None:
    with pytest.raises(YamlError, match="not valid UTF-8") as info:
        decode_yaml_bytes(b"actors:\n  - name: caf" + b"\xe9\n")
    assert (info.value.line, info.value.column) == (2, 14)


def test_binary_file_is_refused() -> None:
    with pytest.raises(YamlError, match="binary"):
        decode_yaml_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_byte_order_mark_is_accepted() -> None:
    assert parse_yaml(decode_yaml_bytes(b"\xef\xbb\xbfa: 1\n")).data == {"a": 1}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(encoding: str) -> None:
    raw = "\ufeffclaims:\n  - text: Аль-Танф\n".encode(encoding)
    assert parse_yaml(decode_yaml_bytes(raw)).data == {"claims": [{"text": "Аль-Танф"}]}


@pytest.mark.parametrize(
    ("encoding", "name"), [("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32")]
)
def test_utf16_without_a_byte_order_mark_is_named(encoding: str, name: str) -> None:
    with pytest.raises(YamlError) as info:
        decode_yaml_bytes("claims:\n  - id: c1\n".encode(encoding))
    assert str(info.value) == f"1:1: the file is {name} without a byte-order mark; save it as UTF-8"
    assert info.value.hint == "most editors offer the encoding under 'Save with encoding' or 'Save as'"


def test_broken_utf16_is_located() -> None:
    raw = "a: 1\nb: x".encode("utf-16") + b"\x00\xdc"  # a lone low surrogate
    with pytest.raises(YamlError) as info:
        decode_yaml_bytes(raw)
    assert str(info.value) == "2:5: the file is not valid UTF-16 (at byte 20)"


def test_control_characters_are_located() -> None:
    with pytest.raises(YamlError, match="character YAML does not allow") as info:
        parse_yaml("a: ok\nb: x\x07y\n")
    assert info.value.line == 2


def test_aliases_of_long_text_cannot_multiply_memory() -> None:
    text = 's: &s "' + "x" * 19_000 + '"\n'
    text += "l: &l [" + ", ".join(["*s"] * 200) + "]\n"
    text += "c: [" + ", ".join(["*l"] * 60) + "]\n"
    with pytest.raises(YamlError, match="aliases expand the document"):
        parse_yaml(text)


def test_huge_integers_stay_text_instead_of_crashing() -> None:
    assert parse_yaml("a: " + "9" * 5000 + "\n").data == {"a": "9" * 5000}
