r"""Untrusted text made safe to show: escaped for terminals, shortened when echoed, checked for XML.

Every string in a claims file (keys, values, even file names) is data that may
reach a terminal in a message. Control characters could clear the screen or fake
lines, and bidirectional overrides could reorder what is shown, so messages show
them as visible escapes, the way Python writes them:

>>> print(printable("\x1b[2J\x1b]0;pwned\x07 and \u202eevil"))
\x1b[2J\x1b]0;pwned\x07 and \u202eevil

A value echoed in a message is shown whole up to 80 characters, then cut:

>>> shown("x" * 100)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
"""

from __future__ import annotations

import re

SHOWN_CHARACTERS = 80
"""How much of a value a message echoes before cutting it."""

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
embeddings, overrides and isolates: characters that move the cursor or reorder text."""

_UNSAFE_OUTSIDE_ASCII_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot carry, not even escaped: most C0 controls, surrogates, U+FFFE, U+FFFF."""


SPACES = "\t\n\x0b\x0c\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
"""The white space validation strips from around text: Unicode's White_Space, as pydantic's
``strip_whitespace`` has it (Python's ``str.strip`` would also strip U+001C-U+001F)."""

SPACE_CLASS = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in SPACES)
"""The same characters written for a regular expression class, in a form Python and JavaScript read alike."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    r"""``text`` with every control, separator and bidi character written as a visible escape.

    Escapes are plain ASCII, so escaping twice changes nothing:

    >>> printable("a\nb"), printable(printable("a\nb"))
    ('a\\x0ab', 'a\\x0ab')
    """
    return _UNSAFE.sub(_escape, text)


def printable_json(text: str) -> str:
    r"""JSON text with the same characters escaped as JSON escapes (``\u202e``): the data is unchanged.

    ``json.dumps`` already escapes C0 controls inside strings; this adds DEL, C1 and bidi characters,
    which ``ensure_ascii=False`` would otherwise print raw.

    >>> import json
    >>> print(printable_json(json.dumps(["\u202eevil"], ensure_ascii=False)))
    ["\u202eevil"]
    """
    return _UNSAFE_OUTSIDE_ASCII_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shown(value: object) -> str:
    """A value as a message echoes it: its ``repr`` (so escaped), cut after 80 characters.

    >>> shown("konashenko"), shown(3)
    ("'konashenko'", '3')
    """
    if isinstance(value, str) and len(value) > SHOWN_CHARACTERS:
        return f"{value[:SHOWN_CHARACTERS] + '…'!r} ({len(value):,} characters)"
    return printable(repr(value))


def shortened(text: str) -> str:
    """Text cut after 80 characters, saying how long it was, and escaped; unquoted, for keys and paths.

    >>> shortened("a" * 81)
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (81 characters)'
    """
    if len(text) > SHOWN_CHARACTERS:
        return printable(text[:SHOWN_CHARACTERS]) + f"… ({len(text):,} characters)"
    return printable(text)


def first_non_xml(text: str) -> int | None:
    r"""The index of the first character XML 1.0 cannot carry, or None if there is none.

    >>> first_non_xml("A\x01B"), first_non_xml("D\ufffe"), first_non_xml("tab\tand newline\n")
    (1, 1, None)
    """
    found = _NOT_XML.search(text)
    return found.start() if found else None


def xml_safe(text: str) -> str:
    r"""The text with each character XML 1.0 cannot carry replaced by U+FFFD, the replacement character.

    >>> xml_safe("bell\x07 here")
    'bell\ufffd here'
    """
    return _NOT_XML.sub("\ufffd", text)


def describe_character(char: str) -> str:
    r"""``U+0001 (a control character)``: how a message names a character it cannot show.

    >>> describe_character("\ufffe"), describe_character("\ud800")
    ('U+FFFE (a noncharacter)', 'U+D800 (half of a surrogate pair)')
    """
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        what = "a control character"
    elif 0xD800 <= code <= 0xDFFF:
        what = "half of a surrogate pair"
    elif code in (0xFFFE, 0xFFFF):
        what = "a noncharacter"
    else:
        what = "a format character"
    return f"U+{code:04X} ({what})"
