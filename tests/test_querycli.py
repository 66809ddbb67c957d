"""``claimgraph query``: the exact text and JSON users see, and errors without tracebacks."""

from __future__ import annotations

import ast
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

import graph.querycli
from graph.cli import main
from graph.querycli import QUERIES

DATA = """
sides:
  - {id: red, name: Red government}
  - {id: blue, name: Blue coalition}
actors:
  - {id: red-ministry, name: Red Ministry, kind: government-body, side: red}
  - {id: general, name: The General, kind: person, side: red, member_of: [red-ministry]}
  - {id: wire, name: Wire, kind: media-outlet}
  - {id: daily, name: Daily, kind: media-outlet}
  - {id: blue-force, name: Blue force, kind: armed-force, side: blue}
  - {id: blue-spox, name: Blue spokesperson, kind: person, side: blue, member_of: [blue-force]}
sources:
  - {id: doc, title: Doc, publisher: daily}
claims:
  - {id: general-camp, claimant: general, kind: accusation, text: Camp at the base., date: 2017-10-06,
     targets: [blue-force], reports: [{source: doc, via: [wire]}]}
  - {id: ministry-arms, claimant: red-ministry, kind: accusation, text: Arms., date: 2017-10~, targets: [blue-spox],
     reports: [doc]}
  - {id: spox-denies-camp, claimant: blue-spox, kind: denial, text: No camp., date: 2017-10-08?,
     targets: [general], responds_to: [{denies: general-camp}], reports: [doc]}
  - {id: daily-repeats-camp, claimant: daily, kind: accusation, text: Camp., date: 2017-10-09,
     targets: [blue-force], responds_to: [{repeats: general-camp}], reports: [doc]}
  - {id: undated-arms, claimant: general, kind: accusation, text: Arms again., targets: [blue-force], reports: [doc]}
"""


@pytest.fixture
def data(tmp_path: Path) -> str:
    path = tmp_path / "claims.yaml"
    path.write_text(DATA, encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_accusations_against_prints_an_aligned_table(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "accusations-against", "blue-force", "--data", data) == (
        0,
        """\
DATE        CLAIM               BY       ACCUSED
2017-10-06  general-camp        general  blue-force
2017-10-09  daily-repeats-camp  daily    blue-force
-           undated-arms        general  blue-force
""",
        "",
    )


def test_accusations_against_with_members_takes_an_actor_name(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "accusations-against", "Blue force", "--members", "--data", data)
    assert code == 0
    assert out.splitlines()[1] == "2017-10~    ministry-arms       red-ministry  blue-spox"


def test_accusations_by_with_members(capsys: pytest.CaptureFixture[str], data: str) -> None:
    code, out, _ = run(capsys, "accusations-by", "red-ministry", "--members", "--data", data)
    assert code == 0
    assert [line.split()[1] for line in out.splitlines()[1:]] == ["ministry-arms", "general-camp", "undated-arms"]


def test_no_accusations_says_so(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "accusations-by", "blue-spox", "--data", data) == (0, "No accusations by blue-spox.\n", "")


def test_responses_table(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "responses", "general-camp", "--data", data)[1]
        == """\
DATE         CLAIM               HOW      BY
2017-10-08?  spox-denies-camp    denies   blue-spox
2017-10-09   daily-repeats-camp  repeats  daily
"""
    )


def test_unanswered_table_counts_days_to_today_and_says_so(capsys: pytest.CaptureFixture[str], data: str) -> None:
    today = dt.date.today()
    days = str((today - dt.date(2017, 10, 1)).days)
    assert run(capsys, "unanswered", "--data", data)[1] == (
        f"SINCE     {'DAYS'.ljust(len(days))}  PROPOSITION    ASSERTED BY\n"
        f"2017-10~  {days.ljust(4)}  ministry-arms  red-ministry\n"
        f"-         {'-'.ljust(max(4, len(days)))}  undated-arms   general\n"
        f"2 propositions unanswered as of {today} (today).\n"
    )


def test_unanswered_as_of_a_date(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "unanswered", "--as-of", "2017-10-07", "--data", data)[1]
        == """\
SINCE       DAYS  PROPOSITION   ASSERTED BY
2017-10-06  1     general-camp  general
1 proposition unanswered as of 2017-10-07.
"""
    )


def test_unanswered_when_all_are_answered(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "unanswered", "--as-of", "2017-09", "--data", data)[1]
        == "Every proposition at issue is answered as of 2017-09-30.\n"
    )


def test_status_lists_every_proposition_as_of_a_day(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "status", "--as-of", "2017-10-31", "--data", data)[1]
        == """\
As of 2017-10-31:
STATUS        SINCE        DAYS  PROPOSITION    FOR  AGAINST
unanswered    2017-10~     30    ministry-arms  1    0
disputed      2017-10-08?  23    general-camp   2    1
not yet made  -            -     undated-arms   0    0
not yet made 1, unanswered 1, disputed 1
"""
    )


def test_status_of_one_proposition_lists_who_stands_where(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "status", "general-camp", "--as-of", "2017-10-31", "--data", data)[1]
        == """\
general-camp: Camp at the base.
As of 2017-10-31: disputed since 2017-10-08? (23 days)
DATE         CLAIM               ROLE     BY         ANSWERS       EVIDENCE
2017-10-06   general-camp        asserts  general    -             -
2017-10-08?  spox-denies-camp    denies   blue-spox  general-camp  -
2017-10-09   daily-repeats-camp  asserts  daily      general-camp  -
"""
    )


def test_json_of_status(capsys: pytest.CaptureFixture[str], data: str) -> None:
    result = json.loads(run(capsys, "status", "general-camp", "--as-of", "2017-10-31", "--json", "--data", data)[1])
    assert {k: result[k] for k in ("as_of", "status", "since", "days", "for", "against")} == {
        "as_of": "2017-10-31",
        "status": "disputed",
        "since": "2017-10-08?",
        "days": 23,
        "for": ["general-camp", "daily-repeats-camp"],
        "against": ["spox-denies-camp"],
    }
    assert result["stands"][1] == {
        "claim": "spox-denies-camp",
        "role": "denies",
        "claimants": ["blue-spox"],
        "date": "2017-10-08?",
        "answers": "general-camp",
        "evidence": [],
        "withdrawn": False,
    }


def test_thread_shows_what_each_claim_answers(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "thread", "spox-denies-camp", "--data", data)[1]
        == """\
DATE         CLAIM               KIND        BY         ANSWERS
2017-10-06   general-camp        accusation  general    -
2017-10-08?  spox-denies-camp    denial      blue-spox  denies general-camp
2017-10-09   daily-repeats-camp  accusation  daily      repeats general-camp
"""
    )


def test_timeline_with_filters(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "timeline", "--side", "blue", "--data", data)[1]
        == """\
DATE         WHEN                        CLAIM             KIND    BY
2017-10-08?  8 October 2017 (uncertain)  spox-denies-camp  denial  blue-spox
"""
    )


def test_timeline_with_nothing_matching(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "timeline", "--kind", "rebuttal", "--data", data)[1] == "No claims match.\n"


def test_provenance_prints_one_chain_per_report(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "provenance", "general-camp", "--data", data)[1]
        == """\
CHAIN
doc → daily → wire → general
"""
    )


def test_origins_lists_each_claims_path_back_to_its_origin(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "origins", "general-camp", "--as-of", "2017-10-31", "--data", data)[1]
        == """\
general-camp: 1 independent origin (counted by body) in 2 reports of 2 claims, as of 2017-10-31
ORIGIN        CLAIM               PATH                                     REPORTED
red-ministry  general-camp        general-camp                             doc → daily → wire → general
red-ministry  daily-repeats-camp  daily-repeats-camp repeats general-camp  doc → daily → wire → general
Endorsed by (never origins): none
Circular reporting: none
"""
    )


def test_origins_by_person(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "origins", "general-camp", "--by", "person", "--data", data)[1]
        .splitlines()[2]
        .startswith("general  ")
    )


def test_grounded_labels_every_claim(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "grounded", "--data", data)[1]
        == """\
LABEL  DATE         CLAIM               BY
in     2017-10~     ministry-arms       red-ministry
out    2017-10-06   general-camp        general
in     2017-10-08?  spox-denies-camp    blue-spox
in     2017-10-09   daily-repeats-camp  daily
in     -            undated-arms        general
in 4, out 1, undec 0
"""
    )


def test_why_grounded_explains_in_a_sentence(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "why-grounded", "general-camp", "--data", data) == (
        0,
        "general-camp is out: spox-denies-camp denies it and is in\n",
        "",
    )


def test_why_grounded_as_of_before_the_denial(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "why-grounded", "general-camp", "--as-of", "2017-10-07", "--data", data)[1]
        == "general-camp is in: nothing denies or rebuts it\n"
    )


def test_why_grounded_before_the_claim_says_it_was_not_yet_made(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "why-grounded", "general-camp", "--as-of", "2017-10-01", "--data", data) == (
        0,
        "general-camp was not yet made: it is dated 2017-10-06, so it was not certainly made by 2017-10-01\n",
        "",
    )


def test_why_explains_a_status_and_a_strength_in_one_paragraph(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "why", "general-camp", "--as-of", "2017-10-31", "--data", data)[1]
        == """\
As of 2017-10-31, general-camp ("Camp at the base.") is disputed since 2017-10-08? (23 days). For
it, from 1 independent origin (red-ministry): general-camp (general, 2017-10-06) asserts it;
daily-repeats-camp (daily, 2017-10-09) asserts it, repeats general-camp. Against it:
spox-denies-camp (blue-spox, 2017-10-08?) denies it. Strength 0.25 (DF-QuAD, how the recorded
argument stands, not a probability): base 0.5, attacked by spox-denies-camp (0.5).
"""
    )


def test_why_before_the_claim_says_it_was_not_yet_made(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert run(capsys, "why", "general-camp", "--as-of", "2017-10-01", "--data", data) == (
        0,
        "As of 2017-10-01, general-camp was not yet made: it is dated 2017-10-06, so not certainly made by\nthen.\n",
        "",
    )


def test_strength_table_says_what_the_numbers_are(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "strength", "--as-of", "2017-10-31", "--data", data)[1]
        == """\
As of 2017-10-31 (DF-QuAD: how the recorded argument stands, not a probability):
STRENGTH  BASE  TYPE   ARGUMENT            FOR  AGAINST
0.25      0.50  claim  general-camp        0    1
0.50      0.50  claim  ministry-arms       0    0
0.50      0.50  claim  spox-denies-camp    0    0
0.25      0.50  claim  daily-repeats-camp  0    0
"""
    )


def test_strength_of_one_says_what_made_it(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert (
        run(capsys, "strength", "daily-repeats-camp", "--as-of", "2017-10-31", "--data", data)[1]
        == """\
As of 2017-10-31, daily-repeats-camp: strength 0.25: base 0.5, nothing attacks or supports it, held
down to what it rests on: general-camp (0.25)
Base score: no Admiralty grade (0.5)
"""
    )


def test_json_of_strength(capsys: pytest.CaptureFixture[str], data: str) -> None:
    result = json.loads(run(capsys, "strength", "general-camp", "--as-of", "2017-10-31", "--json", "--data", data)[1])
    assert {k: result[k] for k in ("as_of", "argument", "strength", "base", "basis", "attackers", "supporters")} == {
        "as_of": "2017-10-31",
        "argument": "general-camp",
        "strength": 0.25,
        "base": 0.5,
        "basis": "no Admiralty grade (0.5)",
        "attackers": [{"argument": "spox-denies-camp", "strength": 0.5}],
        "supporters": [],
    }


def test_json_output_has_stable_keys(capsys: pytest.CaptureFixture[str], data: str) -> None:
    rows = json.loads(run(capsys, "responses", "general-camp", "--json", "--data", data)[1])
    assert rows[0] == {"claim": "spox-denies-camp", "how": "denies", "claimant": "blue-spox", "date": "2017-10-08?"}


def test_json_of_unanswered_names_the_day(capsys: pytest.CaptureFixture[str], data: str) -> None:
    result = json.loads(run(capsys, "unanswered", "--as-of", "2017-10", "--json", "--data", data)[1])
    assert result["as_of"] == "2017-10-31"
    assert [(p["proposition"], p["status"], p["since"], p["days"]) for p in result["propositions"]] == [
        ("ministry-arms", "unanswered", "2017-10~", 30)
    ]


def test_json_of_origins(capsys: pytest.CaptureFixture[str], data: str) -> None:
    result = json.loads(run(capsys, "origins", "general-camp", "--as-of", "2017-10-31", "--json", "--data", data)[1])
    assert (result["as_of"], result["count"], result["reports"], list(result["origins"]), result["circular"]) == (
        "2017-10-31",
        1,
        2,
        ["red-ministry"],
        [],
    )
    route = result["origins"]["red-ministry"][1]
    assert (route["claim"], route["steps"], route["links"], route["path"]) == (
        "daily-repeats-camp",
        ["daily-repeats-camp", "general-camp"],
        ["repeats"],
        "daily-repeats-camp repeats general-camp",
    )
    assert route["reports"][0]["path"] == ["daily", "wire", "general"]


def test_json_of_a_repeat_names_the_intermediaries_of_what_it_repeats(
    capsys: pytest.CaptureFixture[str], data: str
) -> None:
    [chain] = json.loads(run(capsys, "provenance", "daily-repeats-camp", "--json", "--data", data)[1])
    assert (chain["repeats"], chain["repeat_relays"], chain["path"]) == (
        ["general-camp"],
        [["wire"]],
        ["daily", "wire", "general"],
    )


def test_json_of_why(capsys: pytest.CaptureFixture[str], data: str) -> None:
    result = json.loads(run(capsys, "why", "general-camp", "--as-of", "2017-10-31", "--json", "--data", data)[1])
    assert {k: v for k, v in result.items() if k != "reason"} == {
        "subject": "general-camp",
        "as_of": "2017-10-31",
        "status": "disputed",
        "strength": 0.25,
        "weighs_for": ["general-camp", "daily-repeats-camp"],
        "weighs_against": ["spox-denies-camp"],
    }
    assert result["reason"].startswith("As of 2017-10-31, general-camp")


def test_json_of_grounded_and_why_grounded(capsys: pytest.CaptureFixture[str], data: str) -> None:
    assert json.loads(run(capsys, "grounded", "--json", "--data", data)[1])["labels"]["general-camp"] == "out"
    assert json.loads(run(capsys, "why-grounded", "general-camp", "--json", "--data", data)[1]) == {
        "claim": "general-camp",
        "label": "out",
        "attackers": ["spox-denies-camp"],
        "reason": "out: spox-denies-camp denies it and is in",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["accusations-against", "generl"], "Error: no actor with id 'generl'; did you mean 'general'?\n"),
        (["responses", "general-cmp"], "Error: no claim with id 'general-cmp'; did you mean 'general-camp'?\n"),
        (["timeline", "--side", "bleu"], "Error: no side with id 'bleu'; did you mean 'blue'?\n"),
        (["timeline", "--place", "nowhere"], "Error: no place with id 'nowhere'\n"),
        (["status", "general-cmp"], "Error: no proposition with id 'general-cmp'; did you mean 'general-camp'?\n"),
        (
            ["status", "spox-denies-camp"],
            "Error: claim 'spox-denies-camp' takes positions on 'general-camp': ask about one of those\n",
        ),
        (
            ["origins", "general-cmp"],
            "Error: no claim or proposition with id 'general-cmp'; did you mean 'general-camp'?\n",
        ),
        (
            ["strength", "general-cmp"],
            "Error: no claim, proposition or evidence item with id 'general-cmp'; did you mean 'general-camp'?\n",
        ),
        (
            ["strength", "general-camp", "--as-of", "2017-10-01"],
            "Error: as of 2017-10-01, general-camp takes no part: it was not yet made\n",
        ),
        (
            ["why", "general-cmp"],
            "Error: no claim, proposition or evidence item with id 'general-cmp'; did you mean 'general-camp'?\n",
        ),
    ],
)
def test_unknown_ids_print_one_error_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], data: str, argv: list[str], message: str
) -> None:
    assert run(capsys, *argv, "--data", data) == (1, "", message)


def test_konashenko_typo_on_the_shipped_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "accusations-by", "konashenko") == (
        1,
        "",
        "Error: no actor with id 'konashenko'; did you mean 'konashenkov'?\n",
    )


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str], data: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "unanswered", "--as-of", "2017-13", "--data", data])
    assert exit_info.value.code == 2
    assert "argument --as-of: 2017-13 is not a real date: there is no month 13" in capsys.readouterr().err


def test_a_date_in_other_digits_is_a_usage_error_with_the_fix(capsys: pytest.CaptureFixture[str], data: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "unanswered", "--as-of", "٢٠١٧-١٠", "--data", data])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(
        "argument --as-of: '٢٠١٧-١٠' is not a date: its digits are not 0-9 "
        "(write dates with the digits 0-9: try '2017-10')\n"
    )


@pytest.mark.parametrize("option", ["--as-of", "--start", "--end"])
@pytest.mark.parametrize("date", ["0000", "0000-01", "0000-01-01?"])
def test_year_zero_is_a_usage_error(capsys: pytest.CaptureFixture[str], data: str, option: str, date: str) -> None:
    query = "unanswered" if option == "--as-of" else "timeline"
    with pytest.raises(SystemExit) as exit_info:
        main(["query", query, option, date, "--data", data])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}: " in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["provenance", "lions-of-the-east-us-instructors"],
        ["provenance", "lions-of-the-east-us-instructors", "--json"],
        ["origins", "tasnim-us-support-daesh"],
    ],
)
def test_arrows_reach_a_latin_1_terminal_as_escapes(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graph", "query", *argv],
        capture_output=True,
        text=True,
        encoding="latin-1",
        cwd=ROOT,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "latin-1"},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "\\u2192" in result.stdout


def test_missing_data_file_is_an_error_not_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "grounded", "--data", str(tmp_path / "missing.yaml"))
    assert (code, out) == (1, "")
    assert "missing.yaml:1:1: cannot read the file" in err and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_has_help(capsys: pytest.CaptureFixture[str], name: str) -> None:
    with pytest.raises(SystemExit):
        main(["query", name, "--help"])
    assert "--json" in capsys.readouterr().out


def test_shipped_pentagon_denial_puts_gerasimov_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "why-grounded", "gerasimov-training") == (
        0,
        "gerasimov-training is out: rebarich-denies-training denies it and is in\n",
        "",
    )


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_handler_says_what_it_prints_in_one_line(name: str) -> None:
    doc = QUERIES[name][0].__doc__ or ""
    assert doc.strip() and "\n" not in doc.strip()


def test_the_cli_leaves_walking_the_graph_to_graph_queries() -> None:
    tree = ast.parse(Path(graph.querycli.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    assert not {"queries.walk", "networkx"} & imported
    used = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not {"succ", "pred", "adj", "edges", "in_edges", "out_edges", "successors", "predecessors"} & used
