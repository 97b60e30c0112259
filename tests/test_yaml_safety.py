"""Hostile and broken YAML is refused with a located message, never a crash or a blow-up."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.errors import SahelsimError, ScenarioError
from sim.scenario.loading import load_scenario
from sim.scenario.yamlfile import MAX_BYTES, parse_yaml

BILLION_LAUGHS = "a: &a ['x','x','x','x','x','x','x','x','x']\n" + "".join(
    f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: 2\na: 3\n", "x.yaml:3:1: a: duplicate key 'a' (first given at line 1)"),
        ("a: &x [1, 2]\nb: *x\n", "x.yaml:2:1: b: aliases (*name) are not allowed"),
        (BILLION_LAUGHS, "aliases (*name) are not allowed"),
        (
            'a: !!python/object/apply:os.system ["true"]\n',
            "x.yaml:1:4: a: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        ),
        ("a: !custom thing\n", "x.yaml:1:4: a: tag '!custom' is not allowed"),
        ("a: !!set {x, y}\n", "tag 'tag:yaml.org,2002:set' is not allowed"),
        ("a: &x {p: 1}\nb:\n  <<: *x\n", "x.yaml:3:3: b: merge keys (<<) are not allowed"),
        ("a: [1, 2\nb: 3\n", "x.yaml:2:2: invalid YAML: did not find expected ',' or ']'"),
        (
            "a:\n\t- 1\n",
            "x.yaml:2:1: invalid YAML: a tab character; expected spaces for indentation",
        ),
        ("a: 1\n---\nb: 2\n", "x.yaml:2:1: valid YAML, but more than one document in the file"),
        ("", "x.yaml: the document is empty"),
        ("# only a comment\n", "x.yaml: the document is empty"),
        ('a: "\x07"\n', "x.yaml:1:5: invalid YAML: character U+0007 is not allowed"),
        ("[" * 200 + "]" * 200, ": nested deeper than 32 levels"),
        ("- " * 2000 + "x", "invalid YAML"),
    ],
)
def test_hostile_yaml_is_refused_with_a_located_message(text, expected):
    with pytest.raises(ScenarioError) as caught:
        parse_yaml(text, "x.yaml")
    assert expected in str(caught.value)


def test_alias_expansion_is_refused_before_anything_is_expanded():
    with pytest.raises(ScenarioError) as caught:
        parse_yaml(BILLION_LAUGHS, "x.yaml")
    # one message, which counts the aliases written; none per value they would expand to (9**9)
    (problem,) = caught.value.problems
    assert f"({BILLION_LAUGHS.count('*')} uses of aliases; this is the first)" in problem.message


def test_bytes_that_are_not_utf8_are_refused():
    with pytest.raises(ScenarioError, match="not UTF-8 text"):
        parse_yaml(b"title: \xff\xfe bad", "x.yaml")


def test_oversized_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    with pytest.raises(ScenarioError, match="file too large"):
        load_scenario(big)


def test_a_one_megabyte_scenario_takes_the_fast_reader(tmp_path):
    """A large file is read by rapidyaml (benchmarks/validate_speed.py times it)."""
    filler = "".join(
        f"  - {{title: source {i}, url: https://example.org/{i}, year: 2023}}\n"
        for i in range(16000)
    )
    text = "title: big\nstart: 2023-08-10\nactors:\n  NER:\n  MLI:\nsources:\n" + filler
    path = tmp_path / "big.yaml"
    path.write_text(text)
    assert path.stat().st_size > 1_000_000
    from sim.scenario.loading import resolve_document

    assert not resolve_document(path, fast=True).layers[-1].located
    scenario = load_scenario(path)
    assert len(scenario.sources) == 16000


def test_dates_that_do_not_exist_are_kept_for_validation():
    assert parse_yaml("d: 2023-02-30\n").data == {"d": "2023-02-30"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_loading_arbitrary_text_raises_only_our_errors(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "s.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    with contextlib.suppress(SahelsimError):  # any other exception fails the test
        load_scenario(path)


YAMLISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["2023-08-10", "2023-02-30", "NER", "ECOWAS", "threat", "strict"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "start",
                    "days",
                    "actors",
                    "pacts",
                    "events",
                    "kind",
                    "date",
                    "by",
                    "target",
                    "parameters",
                    "extends",
                    "NER",
                    "MLI",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_arbitrary_structures_raise_only_our_errors(tmp_path_factory, data):
    import yaml

    path = tmp_path_factory.mktemp("fuzz") / "s.yaml"
    path.write_text(
        yaml.safe_dump(
            {"title": "t", "start": "2023-08-10", "actors": {"NER": None}, "x": data}
            if not isinstance(data, dict)
            else data
        )
    )
    with contextlib.suppress(SahelsimError):  # any other exception fails the test
        load_scenario(path)


def test_the_fast_reader_of_large_files_agrees_with_the_located_reader(tmp_path):
    """A large file read by rapidyaml gives the same scenario as the located PyYAML path."""
    from sim.resources import scenarios_dir
    from sim.scenario.facts import fact_base
    from sim.scenario.loading import resolve_document, validate_document

    text = (scenarios_dir() / "niger-2023-base.yaml").read_text()
    text = text.replace("Leeds", "Leeds")  # no anchors or aliases in the bundled files
    padded = (
        text + "\n" + "".join(f"# padding line {i} to make the file large\n" for i in range(3000))
    )
    path = tmp_path / "large.yaml"
    path.write_text(padded)
    assert path.stat().st_size > 64 * 1024
    fast = resolve_document(path, fast=True)
    slow = resolve_document(path)
    assert not fast.layers[-1].located and slow.layers[-1].located
    facts = fact_base()
    assert validate_document(fast, facts) == validate_document(slow, facts)


def test_a_large_invalid_file_still_gets_located_messages(tmp_path):
    filler = "".join(
        f"  - {{title: source {i}, url: https://example.org/{i}, year: 2023}}\n"
        for i in range(3000)
    )
    path = tmp_path / "big.yaml"
    path.write_text(
        "title: big\nstart: 2023-08-10\ndays: 365\nactors:\n  NRE:\nsources:\n" + filler
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert f"{path}:5:3: actors.NRE: unknown actor 'NRE'" in str(caught.value)
    assert "did you mean 'NER'?" in str(caught.value)


# --------------------------------------------------------------------------- one verdict


TRICKY = [
    *("yes", "no", "on", "off", "Yes", "NO", "y", "n", "true", "False", "~", "null", "Null"),
    *("1_000", "0x1F", "0o17", "017", "0b101", "1:20", "1:20:30", ".inf", "-.inf", ".NaN"),
    *("1e3", "1.5e3", "1.0", "-1", "+1", "1_0.5", "2023-08-10", "2023-02-30"),
    *("2023-08-10T10:00:00", "2023-08-10 10:00:00", "12abc", "text", "two words", "a:b", "-x"),
    "=",
]


def _scalar(token: str, style: str) -> str:
    if style == "single":
        return "'" + token.replace("'", "''") + "'"
    if style == "double":
        return '"' + token + '"'
    return token


scalars = st.builds(
    _scalar, st.sampled_from(TRICKY), st.sampled_from(["plain", "single", "double"])
)
keys = st.sampled_from(["title", "start", "days", "a", "b", "yes", "1_000", "2023-08-10", "x y"])


def _render(tree: dict, indent: str = "") -> str:
    lines = []
    for key, value in tree.items():
        if isinstance(value, dict) and value:
            lines.append(f"{indent}{key}:\n{_render(value, indent + '  ')}")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: [{', '.join(value)}]")
        else:
            lines.append(f"{indent}{key}: {value if not isinstance(value, dict) else ''}")
    return "\n".join(lines)


documents = st.recursive(
    st.dictionaries(keys, scalars | st.lists(scalars, max_size=4), min_size=1, max_size=5),
    lambda inner: st.dictionaries(keys, inner | scalars, min_size=1, max_size=4),
    max_leaves=12,
)


def _both_ways(raw: bytes) -> tuple[object, object]:
    from sim.scenario.yamlfile import fast_data

    try:
        located = repr(parse_yaml(raw, "x.yaml").data)
    except ScenarioError:
        located = None
    fast = fast_data(raw)
    return (None if fast is None else repr(fast)), located


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_both_yaml_readers_give_the_same_data_for_any_document(tree):
    """rapidyaml (large files) and PyYAML (small files, and every message) agree on each input."""
    fast, located = _both_ways((_render(tree) + "\n").encode())
    if fast is not None:  # when the fast reader answers, its answer is the located one
        assert fast == located


def test_the_issues_paired_cases_read_the_same_both_ways():
    for token in TRICKY:
        for style in ("plain", "single", "double"):
            raw = f"title: {_scalar(token, style)}\nlist: [{_scalar(token, style)}]\n".encode()
            fast, located = _both_ways(raw)
            assert fast == located, (token, style)  # refused by both, or the same data
            assert (fast is None) == (token == "=" and style == "plain")  # '=' is YAML's value key


def test_valid_yaml_this_reader_cannot_take_is_named_for_what_it_is():
    for text, named in [
        ("%YAML 1.2\n---\ntitle: x\n", "x.yaml:1:1: valid YAML 1.2 (said by its %YAML line)"),
        ("title: x\n---\ntitle: y\n", "x.yaml:2:1: valid YAML, but more than one document"),
    ]:
        with pytest.raises(ScenarioError) as caught:
            parse_yaml(text, "x.yaml")
        assert named in str(caught.value) and "invalid YAML" not in str(caught.value)
