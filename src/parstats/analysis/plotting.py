"""One figure style for every notebook, Vietnamese number formatting on axes, reproducible saving.

* Colours: the Okabe-Ito palette, safe for the common forms of colour blindness.
* Font: DejaVu Sans, shipped with matplotlib, which has a glyph for every Vietnamese letter
  (``tests/test_plotting.py`` fails on any missing-glyph warning).
* Numbers on axes: :class:`ViFormatter` writes ticks with ``parstats.numbers.format_number``
  (``1.752``, ``84,11``) and optionally a ``%`` sign.
* A source line ("Nguồn: ...") under each figure: :func:`add_source`.
* :func:`save_figure` writes ``figures/NN-slug-what.svg`` and ``.png`` with fixed metadata
  (no date, no software string, a fixed SVG hash salt) and atomically, so that a rerun
  changes no byte.

Figures are built with the object-oriented API (:func:`new_figure` returns a
:class:`matplotlib.figure.Figure` that pyplot does not track), so a notebook never stores a
volatile ``<Figure size ...>`` repr: it displays the :class:`SavedFigure` that
:func:`save_figure` returns instead.

matplotlib is imported inside the functions: ``parstats.cli`` must stay light.

Examples
--------
>>> fig, ax = new_figure()
>>> ax.bar(["2021", "2022"], [84.11, 78.93], color=PALETTE["blue"])  # doctest: +ELLIPSIS
<BarContainer object of 2 artists>
>>> set_number_axis(ax.yaxis, decimals=0, percent=True)
>>> fig.canvas.draw()
>>> [t.get_text() for t in ax.get_yticklabels()][:3]
['0%', '10%', '20%']
"""
from __future__ import annotations

import base64
import contextlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from parstats.files import write_atomic
from parstats.paths import display_path
from typing import Iterator

__all__ = [
    "FONT_FAMILY",
    "MET_COLOUR",
    "NOT_MET_COLOUR",
    "PALETTE",
    "FLAG_LABEL",
    "SEQUENCE",
    "SOURCE_LINE",
    "SavedFigure",
    "ViFormatter",
    "add_source",
    "bar_value_labels",
    "FLAG_GID",
    "INFERRED_ALPHA",
    "flag_note",
    "flagged_patch",
    "mark_flagged",
    "reported_wrong_bar",
    "coordinate",
    "declared_figure",
    "figure_alt",
    "legend_patches",
    "new_figure",
    "percent_label",
    "rc_params",
    "save_figure",
    "set_number_axis",
    "style",
    "wrap_title",
]

#: Okabe & Ito (2008) colour-blind-safe palette.
PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
#: Order in which series take colours (yellow last: weak contrast on white).
SEQUENCE = ["blue", "orange", "green", "vermillion", "sky", "purple", "yellow", "grey"]
#: Met / not met, distinguishable without colour vision (blue vs vermillion differ in lightness).
MET_COLOUR = PALETTE["blue"]
NOT_MET_COLOUR = PALETTE["vermillion"]

FONT_FAMILY = "DejaVu Sans"
#: The source line written under every figure.
SOURCE_LINE = (
    "Nguồn: Báo cáo sơ kết giữa nhiệm kỳ thực hiện Chương trình hành động số 09-CTr/TU "
    "của Tỉnh ủy về cải cách hành chính (Ban Thường vụ Huyện ủy Tây Sơn); số liệu tính lại từ chính báo cáo."
)
#: Figure names: notebook number, notebook slug, what the figure shows.
FIGURE_NAME = re.compile(r"\d\d-[a-z0-9]+(?:-[a-z0-9]+)+")
PNG_DPI = 150
SVG_HASHSALT = "parstats"


def rc_params() -> dict:
    """The rcParams of the house style (fonts, colours, deterministic SVG).

    Examples
    --------
    >>> rc_params()["svg.hashsalt"]
    'parstats'
    """
    from cycler import cycler

    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY],
        "font.size": 10,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "axes.prop_cycle": cycler(color=[PALETTE[c] for c in SEQUENCE]),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.6,
        "legend.frameon": False,
        "figure.dpi": 100,
        "savefig.dpi": PNG_DPI,
        "svg.fonttype": "path",  # glyphs as paths: the SVG shows the same on every machine
        "svg.hashsalt": SVG_HASHSALT,  # fixed ids, not random ones
        "svg.id": None,
        "axes.unicode_minus": True,
    }


@contextlib.contextmanager
def style() -> Iterator[None]:
    """Context manager applying :func:`rc_params` (used by every plotting function).

    Examples
    --------
    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["font.sans-serif"]
    ['DejaVu Sans']
    """
    import matplotlib

    with matplotlib.rc_context(rc_params()):
        yield


def new_figure(width: float = 7.5, height: float = 4.2, nrows: int = 1, ncols: int = 1, **kwargs):
    """A figure in the house style, not tracked by pyplot, and its axes.

    Parameters
    ----------
    width, height : float
        Size in inches.
    nrows, ncols : int
        Grid of axes, as :meth:`matplotlib.figure.Figure.subplots`.
    **kwargs
        Passed on to ``Figure.subplots`` (e.g. ``sharey=True``).

    Returns
    -------
    (Figure, Axes or array of Axes)

    Examples
    --------
    >>> fig, axes = new_figure(nrows=1, ncols=2)
    >>> len(axes)
    2
    """
    from matplotlib.figure import Figure

    with style():
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes


def _formatter_class():
    from matplotlib.ticker import Formatter

    from parstats.numbers import format_number

    class _ViFormatter(Formatter):
        def __init__(self, decimals: int | None = None, percent: bool = False, suffix: str = ""):
            self.decimals = decimals
            self.percent = percent
            self.suffix = suffix

        def set_locs(self, locs):
            self._vi_locs = list(locs)
            super().set_locs(locs)

        def _auto_decimals(self) -> int:
            locs = [Decimal(repr(float(v))) for v in getattr(self, "_vi_locs", [])]
            for places in range(0, 4):
                step = Decimal(1).scaleb(-places)
                if all(v == v.quantize(step) for v in locs):
                    return places
            return 3

        def __call__(self, x, pos=None) -> str:
            decimals = self.decimals if self.decimals is not None else self._auto_decimals()
            text = format_number(Decimal(repr(float(x))), decimals)
            if text.startswith("-"):
                text = "\N{MINUS SIGN}" + text[1:]
            if text in ("\N{MINUS SIGN}0", "-0"):
                text = "0"
            return text + ("%" if self.percent else "") + self.suffix

    return _ViFormatter


def ViFormatter(decimals: int | None = None, percent: bool = False, suffix: str = ""):  # noqa: N802
    """A tick formatter that writes numbers the Vietnamese way (``1.752``, ``84,1``).

    Parameters
    ----------
    decimals : int, optional
        Places after the decimal comma; by default the fewest that write every tick exactly
        (at most 3).
    percent : bool
        Append ``%``.
    suffix : str
        Any other text to append.

    Examples
    --------
    >>> f = ViFormatter(decimals=1, percent=True)
    >>> f(84.11)
    '84,1%'
    >>> ViFormatter(decimals=0)(72187)
    '72.187'
    """
    return _formatter_class()(decimals=decimals, percent=percent, suffix=suffix)


def set_number_axis(axis, decimals: int | None = None, percent: bool = False, suffix: str = "") -> None:
    """Write the tick labels of ``axis`` (``ax.xaxis`` or ``ax.yaxis``) the Vietnamese way.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> _ = ax.plot([0, 1], [0, 1500])
    >>> set_number_axis(ax.yaxis)
    >>> fig.canvas.draw()
    >>> "1.000" in [t.get_text() for t in ax.get_yticklabels()]
    True
    """
    axis.set_major_formatter(ViFormatter(decimals=decimals, percent=percent, suffix=suffix))


def add_source(fig, text: str = SOURCE_LINE, note: str | None = None) -> None:
    """Write the source line (and an optional note) under the figure, left-aligned.

    :func:`save_figure` saves with a tight bounding box, which takes the line in.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> add_source(fig, note="Số liệu năm 2021")
    >>> fig.texts[-1].get_text().splitlines()[1].startswith("Nguồn:")
    True
    """
    import textwrap

    lines = textwrap.wrap(text, width=120)
    if note:
        lines = textwrap.wrap(note, width=120) + lines
    with style():
        fig.text(0.0, -0.01, "\n".join(lines), ha="left", va="top", fontsize=7.5, color="#444444",
                 linespacing=1.3)


def coordinate(value) -> float:
    """An exact value (Decimal, int, or its string) as a plotting coordinate.

    Floats appear only as coordinates; every number printed on a figure goes through
    :func:`percent_label` or :func:`parstats.numbers.format_number`.

    Examples
    --------
    >>> coordinate(Decimal("84.11")), coordinate("7")
    (84.11, 7.0)
    """
    return float(Decimal(value))


def percent_label(value, places: int = 2) -> str:
    """A percentage written the Vietnamese way, for a label on a figure.

    Examples
    --------
    >>> percent_label(Decimal("6.456"), 1)
    '6,5%'
    """
    from parstats.numbers import format_percent

    return format_percent(Decimal(value), places)


#: How a figure the audit flags (``inconsistent``) is drawn: hatched, outlined in black. On
#: every chart hatching means one thing: the value *as the report writes it*, which is wrong;
#: a recomputed (right) value is never hatched, and nothing else is (an inferred value is a
#: lighter fill, :data:`INFERRED_ALPHA`).
FLAG_HATCH = "////"
#: The legend entry of a flagged figure.
FLAG_LABEL = "Số liệu báo cáo ghi, không nhất quán (xem ghi chú)"
#: The ``gid`` of every hatched artist: what it draws is a reported value the audit flags.
FLAG_GID = "reported-wrong"
#: The opacity of a value inferred rather than stated (a lighter fill of its colour).
INFERRED_ALPHA = 0.4


def bar_value_labels(ax, bars, labels, fontsize: float = 8, pad: float = 3, **kwargs) -> list:
    """Write ``labels`` at the ends of ``bars`` (a ``BarContainer`` or a list of bars), outside.

    The end of a vertical bar is its top (its bottom for a negative one), of a horizontal bar
    its right end (left for a negative one); the label is offset by ``pad`` points, so it
    stands beside the bar whatever the axis range. A horizontal container is recognised by
    ``ax.barh`` having made it (``orientation``); a plain list of bars is taken as vertical
    unless ``horizontal=True`` is passed.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> bars = ax.barh([0, 1], [1.6, 6.46])
    >>> [t.get_text() for t in bar_value_labels(ax, bars, ["1,6%", "6,46%"])]
    ['1,6%', '6,46%']
    >>> [tuple(round(float(v), 2) for v in t.xy) for t in ax.texts]
    [(1.6, 0.0), (6.46, 1.0)]
    """
    horizontal = kwargs.pop("horizontal", getattr(bars, "orientation", "vertical") == "horizontal")
    out = []
    for bar, text in zip(bars, labels):
        x, y, w, h = bar.get_x(), bar.get_y(), bar.get_width(), bar.get_height()
        if horizontal:
            end = x + w
            xy, offset = (end, y + h / 2), (pad if w >= 0 else -pad, 0)
            align = {"ha": "left" if w >= 0 else "right", "va": "center"}
        else:
            end = y + h
            xy, offset = (x + w / 2, end), (0, pad if h >= 0 else -pad)
            align = {"ha": "center", "va": "bottom" if h >= 0 else "top"}
        out.append(ax.annotate(text, xy=xy, xytext=offset, textcoords="offset points", fontsize=fontsize,
                               **align, **kwargs))
    return out


def mark_flagged(bar) -> None:
    """Draw one bar as a figure the audit flags: hatched and outlined (:data:`FLAG_HATCH`).

    Only for a bar whose length *is* the value the report writes (never a recomputed one)."""
    bar.set_hatch(FLAG_HATCH)
    bar.set_edgecolor(PALETTE["black"])
    bar.set_linewidth(1.0)
    bar.set_gid(FLAG_GID)


def reported_wrong_bar(ax, position: float, start: float, value: float, thickness: float = 0.14,
                       horizontal: bool = True):
    """A thin hatched bar from ``start`` to ``start + value`` at ``position``: the value the
    report writes where the audit finds it inconsistent, drawn beside the right (recomputed)
    value, which keeps its plain fill.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> bar = reported_wrong_bar(ax, 0.5, 0, 98.45)
    >>> bar.get_hatch() == FLAG_HATCH, bar.get_gid(), round(float(bar.get_width()), 2)
    (True, 'reported-wrong', 98.45)
    """
    draw = ax.barh if horizontal else ax.bar
    kwargs = {"left": start, "height": thickness} if horizontal else {"bottom": start, "width": thickness}
    (bar,) = draw([position], [value], color="white", **kwargs)
    mark_flagged(bar)
    bar.set_linewidth(0.8)
    return bar


def flagged_patch():
    """The legend handle of a flagged bar (:data:`FLAG_LABEL`)."""
    from matplotlib.patches import Patch

    return Patch(facecolor="white", edgecolor=PALETTE["black"], hatch=FLAG_HATCH, label=FLAG_LABEL, gid=FLAG_GID)


def flag_note(items) -> str:
    """The note under a figure that names each flagged figure and its recomputed value.

    Parameters
    ----------
    items : iterable of (what, reported, recomputed, how)
        What the figure is, the report's text, the recomputed text, and how it was
        recomputed (e.g. ``"979/17.328"``); empty when there is nothing flagged.

    Examples
    --------
    >>> flag_note([("cấp huyện, năm 2022", "5,68%", "5,65%", "979/17.328")])
    'Gạch chéo: số liệu báo cáo ghi, không nhất quán. Cấp huyện, năm 2022: báo cáo ghi 5,68%, tính lại 979/17.328 = 5,65%.'
    >>> flag_note([])
    ''
    """
    parts = []
    for what, reported, recomputed, how in items:
        where = what[:1].upper() + what[1:]
        computed = f"{how} = {recomputed}" if how else recomputed
        parts.append(f"{where}: báo cáo ghi {reported}, tính lại {computed}.")
    return ("Gạch chéo: số liệu báo cáo ghi, không nhất quán. " + " ".join(parts)) if parts else ""


def wrap_title(ax, title: str, width: int = 70) -> None:
    """Set a title that states a finding, wrapped at ``width`` characters."""
    import textwrap

    ax.set_title("\n".join(textwrap.wrap(title, width)))


def legend_patches(items):
    """Legend handles for ``(label, colour)`` pairs (filled squares)."""
    from matplotlib.patches import Patch

    return [Patch(facecolor=c, label=lab) for lab, c in items]


@dataclass(frozen=True)
class SavedFigure:
    """What :func:`save_figure` wrote; shows as the PNG in a notebook.

    Its text form is the figure's path relative to the project root, which does not depend
    on the machine.
    """

    name: str
    svg: Path
    png: Path
    root: Path
    alt: str = ""

    def __repr__(self) -> str:
        return f"Hình {self.name}: {display_path(self.svg, self.root)}, {display_path(self.png, self.root)}"

    def _repr_png_(self) -> bytes:
        return self.png.read_bytes()

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {
            "image/png": base64.b64encode(self.png.read_bytes()).decode("ascii"),
            "text/plain": repr(self),
        }
        # the image's alt text (nbconvert writes it into <img alt>) and the figure's name, by
        # which the site finds its caption and its files
        metadata = {"image/png": {"alt": self.alt}} if self.alt else {}
        metadata["parstats"] = {"figure": self.name}
        return data, metadata


def declared_figure(name: str) -> tuple[str, str] | None:
    """``(title, caption)`` that the analysis module of figure ``name``'s notebook declares in
    ``FIGURES``, or None when no module declares it.

    Examples
    --------
    >>> from parstats.analysis import staffing_qualifications
    >>> declared_figure("02-staffing-qualifications-mix") == staffing_qualifications.FIGURES["mix"]
    True
    >>> declared_figure("99-example-empty") is None
    True
    """
    from parstats.analysis import declared

    return declared(name, "FIGURES")


def figure_alt(fig, name: str) -> str:
    """The alt text of a figure: what it shows, in Vietnamese.

    The titles drawn on the figure (which may state its finding), or else the title its
    module declares in ``FIGURES``, then the caption declared there.

    Examples
    --------
    >>> fig, ax = new_figure(2, 1)
    >>> _ = ax.set_title("Ba chỉ tiêu đạt")
    >>> figure_alt(fig, "02-staffing-qualifications-mix").split(". ")[0]
    'Ba chỉ tiêu đạt'
    >>> figure_alt(new_figure(2, 1)[0], "99-example-empty")
    ''
    """
    declared = declared_figure(name) or ("", "")
    drawn = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) is not None else []
    drawn += [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center", "right")]
    titles = "; ".join(dict.fromkeys(t.strip() for t in drawn if t and t.strip())) or declared[0]
    return ". ".join(p.rstrip(".") for p in (titles, declared[1]) if p) + ("." if declared[1] else "")


def render(fig, fmt: str) -> bytes:
    """Render ``fig`` as ``"svg"`` or ``"png"`` bytes with fixed metadata (no date, no software).

    Raises
    ------
    ValueError
        For a format other than ``svg`` or ``png``.

    Examples
    --------
    >>> fig, ax = new_figure(2, 1)
    >>> render(fig, "svg") == render(fig, "svg")
    True
    >>> b"<dc:date>" in render(fig, "svg")
    False
    """
    if fmt == "svg":
        metadata = {"Date": None}
    elif fmt == "png":
        metadata = {"Software": None}
    else:
        raise ValueError(f"cannot render a figure as {fmt!r}: expected 'svg' or 'png'")
    buf = io.BytesIO()
    with style():
        fig.savefig(buf, format=fmt, metadata=metadata, dpi=PNG_DPI, bbox_inches="tight", pad_inches=0.08,
                    facecolor="white")
    return buf.getvalue()


def save_figure(fig, name: str, directory: Path | str | None = None, *, alt: str | None = None) -> SavedFigure:
    """Write ``fig`` as ``<directory>/<name>.svg`` and ``.png``, reproducibly and atomically.

    Both files are rendered in memory first, then each is written to a temporary file and
    moved into place, so a failure never leaves half a figure behind; the SVG carries no
    date and fixed ids, the PNG no software string, so a rerun changes no byte.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    name : str
        ``NN-slug-what``: the notebook's number and slug, then what the figure shows,
        e.g. ``"02-staffing-qualifications-mix"``.
    directory : path, optional
        Defaults to ``parstats.paths.FIGURES_DIR``.
    alt : str, optional
        What the figure shows, in Vietnamese, for readers who cannot see it (the ``alt`` of
        its image on the site); by default :func:`figure_alt`: the titles drawn on it and the
        caption its module declares in ``FIGURES``.

    Returns
    -------
    SavedFigure

    Raises
    ------
    ValueError
        If ``name`` is not of the form ``NN-slug-what`` (lower-case letters, digits, hyphens).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> fig, ax = new_figure(2, 1)
    >>> saved = save_figure(fig, "99-example-empty", directory=d)
    >>> sorted(p.name for p in d.iterdir())
    ['99-example-empty.png', '99-example-empty.svg']
    >>> save_figure(fig, "Example figure", directory=d)
    Traceback (most recent call last):
    ...
    ValueError: figure name 'Example figure' is not of the form 'NN-slug-what' (e.g. '02-staffing-qualifications-mix')
    """
    from parstats.paths import FIGURES_DIR, PROJ_ROOT

    if not FIGURE_NAME.fullmatch(name):
        raise ValueError(
            f"figure name {name!r} is not of the form 'NN-slug-what' (e.g. '02-staffing-qualifications-mix')"
        )
    out = Path(directory) if directory is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    svg, png = render(fig, "svg"), render(fig, "png")
    svg_path, png_path = out / f"{name}.svg", out / f"{name}.png"
    write_atomic(svg_path, svg)
    write_atomic(png_path, png)
    return SavedFigure(name=name, svg=svg_path, png=png_path, root=PROJ_ROOT,
                       alt=figure_alt(fig, name) if alt is None else alt)
