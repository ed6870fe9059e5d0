"""Properties every figure of convdims.draw must have, whatever it draws.

Also holds the small SVG-reading helpers the other test_draw_* modules import.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convdims import draw

NS = "{http://www.w3.org/2000/svg}"


def parse(fig: draw.Figure) -> ET.Element:
    """The root element of a figure's markup (raises if the XML is malformed)."""
    return ET.fromstring(fig.svg)


def find_group(root: ET.Element, cls: str) -> ET.Element:
    """The first <g> whose class list holds ``cls``."""
    for g in root.iter(NS + "g"):
        if cls in g.get("class", "").split():
            return g
    raise AssertionError(f"no <g class={cls!r}> in the figure")


def groups(root: ET.Element, cls: str) -> list[ET.Element]:
    return [g for g in root.iter(NS + "g") if cls in g.get("class", "").split()]


def classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


# Figures of every kind from small random arguments; invalid combinations are skipped.
paddings = st.one_of(
    st.integers(0, 2),
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.sampled_from(["valid", "same", "full", "causal"]),
)


@st.composite
def builders(draw_: st.DrawFn) -> functools.partial:
    """A call that draws a figure of a random kind from small random arguments."""
    kind = draw_(
        st.sampled_from(["window", "pool", "window2d", "transpose", "receptive", "volumes"])
    )
    if kind == "window":
        return functools.partial(
            draw.window,
            draw_(st.integers(1, 16)),
            draw_(st.integers(1, 5)),
            draw_(st.integers(1, 3)),
            draw_(paddings),
            draw_(st.integers(1, 3)),
        )
    if kind == "pool":
        return functools.partial(
            draw.window,
            draw_(st.integers(1, 16)),
            draw_(st.integers(1, 4)),
            draw_(st.none() | st.integers(1, 3)),
            draw_(st.integers(0, 2)),
            ceil_mode=draw_(st.booleans()),
            pool=True,
        )
    if kind == "window2d":
        return functools.partial(
            draw.window2d,
            (draw_(st.integers(1, 16)), draw_(st.integers(1, 16))),
            draw_(st.integers(1, 4)),
            draw_(st.integers(1, 3)),
            draw_(paddings),
        )
    if kind == "transpose":
        return functools.partial(
            draw.transpose,
            draw_(st.integers(1, 8)),
            draw_(st.integers(1, 4)),
            draw_(st.integers(1, 3)),
            draw_(st.integers(0, 2) | st.sampled_from(["valid", "same"])),
            draw_(st.none() | st.integers(0, 2)),
        )
    if kind == "receptive":
        layers = draw_(
            st.lists(
                st.tuples(st.integers(1, 4), st.integers(1, 2), st.integers(0, 1)),
                min_size=1,
                max_size=3,
            )
        )
        return functools.partial(draw.receptive_field, draw_(st.integers(4, 24)), layers)
    n = draw_(st.integers(1, 6))
    shapes = draw_(
        st.lists(
            st.tuples(st.integers(1, 300), st.integers(1, 300), st.integers(1, 600)),
            min_size=n,
            max_size=n,
        )
    )
    return functools.partial(
        draw.volumes, [(f"layer{i}", s, i * 7) for i, s in enumerate(shapes)]
    )


def build(builder: functools.partial) -> draw.Figure:
    """The figure, or skip the example when the core refuses the arguments."""
    try:
        return builder()
    except ValueError:
        assume(False)
        raise  # unreachable: assume(False) stops the example


@settings(max_examples=150, deadline=None)
@given(builders())
def test_every_figure_is_accessible_scoped_and_small(builder):
    fig = build(builder)
    root = parse(fig)
    assert root.tag == NS + "svg"
    assert root.get("role") == "img"
    fid = root.get("id")
    assert fid == fig.id and re.fullmatch(r"[A-Za-z][\w-]*", fid)
    # aria-labelledby names the title and the description, which come first.
    title, desc = root[0], root[1]
    assert (title.tag, desc.tag) == (NS + "title", NS + "desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert title.text and title.text.strip() and desc.text and len(desc.text) > 20
    # Unique ids, all prefixed by the figure's id.
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i == fid or i.startswith(fid + "-") for i in ids)
    # Every style rule is scoped to this figure, so two figures never clash.
    style = root.find(NS + "style").text
    body = re.sub(r"@media[^{]*\{", "", style)
    selectors = re.findall(r"(?:^|})([^{}]+)\{", body)
    assert selectors and all(
        all(part.strip().startswith(("#" + fid, "svg#" + fid)) for part in sel.split(","))
        for sel in selectors
    )
    # Light and dark: text follows the page's colour, no fixed black or white.
    assert "fill:currentColor" in style
    assert not re.search(
        r"#000\b|#000000|#fff\b|#ffffff|\bblack\b|\bwhite\b", fig.svg, re.IGNORECASE
    )
    # Crisp and sized: integer viewBox matching width and height.
    w, h = int(root.get("width")), int(root.get("height"))
    assert root.get("viewBox") == f"0 0 {w} {h}" and w > 0 and h > 0
    assert len(fig.svg.encode("utf-8")) < 20_000


@settings(max_examples=60, deadline=None)
@given(builders())
def test_same_arguments_give_the_same_bytes(builder):
    fig = build(builder)
    again = builder()
    assert again.svg == fig.svg and again.id == fig.id
    assert fig.svg == str(fig) == fig._repr_svg_()


@pytest.mark.parametrize(
    "make",
    [
        lambda: draw.window(11, 2, stride=2),
        lambda: draw.window(11, 2, 2, ceil_mode=True),
        lambda: draw.window2d(7, 3, 2, "same"),
        lambda: draw.transpose(4, 3, 2, 1, 1),
        lambda: draw.receptive_field(16, [(3, 1, 1), (2, 2)]),
        lambda: draw.volumes([("a", (8, 8, 3), 0), ("b", (6, 6, 4), 112)]),
    ],
)
def test_known_figures_are_byte_for_byte_repeatable(make):
    assert make().svg == make().svg


def test_different_figures_get_different_ids_and_a_caller_id_wins():
    a, b = draw.window(11, 2, stride=2), draw.window(11, 2, stride=2, padding="same")
    assert a.id != b.id
    custom = draw.window(11, 2, stride=2, id="fig-a")
    root = parse(custom)
    assert root.get("id") == "fig-a" and root[0].get("id") == "fig-a-title"
    assert "#fig-a " in custom.svg and a.id not in custom.svg


@pytest.mark.parametrize("bad", ["1abc", "has space", "", "a#b", 3])
def test_an_invalid_id_is_refused(bad):
    with pytest.raises(ValueError, match="id="):
        draw.window(11, 2, id=bad)


def test_save_writes_the_markup(tmp_path):
    fig = draw.window(5, 3)
    path = fig.save(tmp_path / "w.svg")
    assert path.read_bytes() == fig.svg.encode("utf-8")
    assert fig._repr_svg_() == str(fig) == fig.svg


def test_public_names_are_exported_and_documented():
    for name in draw.__all__:
        obj = getattr(draw, name)
        assert obj.__doc__ and obj.__doc__.strip(), name
