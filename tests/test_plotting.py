"""The figure style: Vietnamese glyphs, Vietnamese tick labels, byte-reproducible saving."""
from __future__ import annotations

import hashlib
import subprocess
import sys
import unicodedata
import warnings
from decimal import Decimal

import pytest

from parstats.analysis import plotting
from parstats.numbers import format_number

# Every Vietnamese letter: the 29 base letters, and the 12 vowels with each of the 5 tone marks
# (grave, acute, hook above, tilde, dot below), lower and upper case.
BASE = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
VOWELS = "aăâeêioôơuưy"
TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LETTERS = sorted(
    {c for c in BASE}
    | {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES}
)
LETTERS = sorted(set(LETTERS) | {c.upper() for c in LETTERS})


def test_vietnamese_alphabet_is_complete_and_precomposed():
    # 29 letters + 12 * 5 toned vowels = 89 lower-case letters, doubled for upper case.
    assert len(LETTERS) == 2 * (len(BASE) + len(VOWELS) * len(TONES))
    assert all(len(c) == 1 for c in LETTERS), "every Vietnamese letter has a precomposed code point"


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_every_vietnamese_letter_renders_without_missing_glyph(fmt):
    fig, ax = plotting.new_figure(8, 3)
    text = "".join(LETTERS)
    ax.set_title(text)
    ax.set_xlabel(text[: len(text) // 2])
    ax.set_ylabel(text[len(text) // 2:])
    ax.text(0.5, 0.5, "Cán bộ, công chức cấp xã; Thạc sỹ; Đại học; Sơ cấp lý luận chính trị", ha="center")
    plotting.add_source(fig)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plotting.render(fig, fmt)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []


def test_missing_glyph_check_can_fail():
    """The check above must be able to see a missing glyph: a CJK character is not in DejaVu Sans."""
    fig, ax = plotting.new_figure(2, 1)
    ax.set_title("\u4e2d")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plotting.render(fig, "png")
    assert any("missing from" in str(w.message) for w in caught)


def test_style_uses_dejavu_and_okabe_ito():
    from matplotlib import font_manager

    with plotting.style():
        path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False)
    assert path.endswith("DejaVuSans.ttf")
    assert plotting.PALETTE["blue"] == "#0072B2" and plotting.PALETTE["vermillion"] == "#D55E00"
    assert plotting.MET_COLOUR != plotting.NOT_MET_COLOUR


@pytest.mark.parametrize(
    "value, decimals, percent",
    [(1752, 0, False), (72187, 0, False), (84.11, 2, True), (6.9, 1, True), (0.5, 1, False), (-10, 0, True)],
)
def test_tick_labels_use_decimal_comma(value, decimals, percent):
    label = plotting.ViFormatter(decimals=decimals, percent=percent)(value)
    expected = format_number(Decimal(repr(float(abs(value)))), decimals) + ("%" if percent else "")
    if value < 0:
        expected = "\u2212" + expected
    assert label == expected
    assert "." not in label or label.replace(".", "").replace("%", "").isdigit(), "a dot may only group thousands"


def test_auto_decimals_follow_tick_spacing():
    fig, ax = plotting.new_figure()
    ax.plot([0, 1], [0, 2.5])
    plotting.set_number_axis(ax.yaxis)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "0,5" in labels and "2,0" in labels
    assert all("." not in lab for lab in labels)


def _draw_example():
    fig, ax = plotting.new_figure(4, 2.5)
    ax.bar(["Năm 2021", "Năm 2022"], [84.11, 78.93], color=plotting.PALETTE["blue"])
    plotting.set_number_axis(ax.yaxis, percent=True)
    ax.set_title("Chỉ số cải cách hành chính")
    plotting.add_source(fig)
    return fig


def test_save_figure_is_byte_reproducible(tmp_path):
    a = plotting.save_figure(_draw_example(), "99-test-example", directory=tmp_path / "a")
    b = plotting.save_figure(_draw_example(), "99-test-example", directory=tmp_path / "b")
    assert a.svg.read_bytes() == b.svg.read_bytes()
    assert a.png.read_bytes() == b.png.read_bytes()
    svg = a.svg.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert b"Software" not in a.png.read_bytes() and b"tIME" not in a.png.read_bytes()


def test_save_figure_is_reproducible_across_processes(tmp_path):
    """A fresh interpreter (new hash seed, new ids) writes the same bytes."""
    code = (
        "import sys; sys.path.insert(0, {tests!r}); from test_plotting import _draw_example; "
        "from parstats.analysis.plotting import save_figure; save_figure(_draw_example(), '99-test-example', {out!r})"
    )
    digests = []
    for run in ("x", "y"):
        out = tmp_path / run
        subprocess.run(
            [sys.executable, "-c", code.format(tests=str(__import__("pathlib").Path(__file__).parent), out=str(out))],
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": "1" if run == "x" else "2"},
        )
        digests.append(
            [hashlib.sha256((out / f"99-test-example.{ext}").read_bytes()).hexdigest() for ext in ("svg", "png")]
        )
    assert digests[0] == digests[1]


def test_save_figure_rejects_bad_name_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="not of the form 'NN-slug-what'"):
        plotting.save_figure(_draw_example(), "figure 1", directory=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_save_figure_leaves_no_temp_file_on_failure(tmp_path, monkeypatch):
    def boom(fig, fmt):
        raise RuntimeError("render failed")

    monkeypatch.setattr(plotting, "render", boom)
    with pytest.raises(RuntimeError):
        plotting.save_figure(_draw_example(), "99-test-example", directory=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_saved_figure_repr_is_machine_independent(tmp_path):
    saved = plotting.save_figure(_draw_example(), "99-test-example", directory=tmp_path)
    bundle, metadata = saved._repr_mimebundle_()
    assert set(bundle) == {"image/png", "text/plain"}
    assert str(tmp_path) not in bundle["text/plain"]
    assert "0x" not in bundle["text/plain"]
    # the metadata name the figure, by which the site finds its caption and files
    assert metadata["parstats"] == {"figure": "99-test-example"}
    assert str(tmp_path) not in str(metadata)


def test_saved_figure_carries_an_alt_text_that_says_what_it_shows(tmp_path):
    fig = _draw_example()
    fig.axes[0].set_title("Tỷ lệ hồ sơ trực tuyến tăng")
    saved = plotting.save_figure(fig, "99-test-example", directory=tmp_path)
    # no module declares this figure: its alt text is the title drawn on it
    assert saved._repr_mimebundle_()[1]["image/png"] == {"alt": "Tỷ lệ hồ sơ trực tuyến tăng"}
    given = plotting.save_figure(fig, "99-test-example", directory=tmp_path, alt="Hai cột")
    assert given._repr_mimebundle_()[1]["image/png"] == {"alt": "Hai cột"}
    # a declared figure's alt text ends with the caption its module declares in FIGURES
    from parstats.analysis import staffing_qualifications as module

    title, caption = module.FIGURES["mix"]
    declared = plotting.save_figure(_draw_example(), "02-staffing-qualifications-mix", directory=tmp_path)
    assert declared.alt.endswith(caption) and declared.alt != caption
