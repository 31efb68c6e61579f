"""Legacy Vietnamese font encodings: TCVN3 (ABC) converted exactly, VNI detected.

Before Unicode, Vietnamese documents were typed in 8-bit fonts: the bytes are Latin-1
characters, the font draws them as Vietnamese letters. Read without the font, the text comes
out as Latin look-alikes: TCVN3 ``Ph¸t triÓn`` and VNI ``Phaùt trieån`` for "Phát triển".

* **TCVN3** (TCVN 5712:1993, the "ABC" fonts ``.VnTime``, ``.VnArial``, ...) is one character
  per letter: a fixed table (:data:`TCVN3`) converts it exactly. Its uppercase fonts
  (``.VnTimeH``, ``.VnArialH``, ...) draw the same codes as capitals, so their text is converted
  and then upper-cased.
* **VNI** (``VNI-Times``, ...) writes a letter as a base letter followed by one or two mark
  characters, which are also ordinary Latin letters; it is detected and refused with advice
  (convert with Unikey's "Chuyển mã" or EVKey), not guessed at.

A Word file says which font each run uses, so its TCVN3 runs are converted run by run
(:func:`font_encoding`). Other formats carry no font name the reader trusts: their text is
checked with :func:`detect` and a legacy text is refused.
"""
from __future__ import annotations

import re

__all__ = ["TCVN3", "tcvn3_to_unicode", "font_encoding", "detect"]

_TCVN3_SRC = ("µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ"
              "¡¢§£¤¥¦")
_TCVN3_DST = ("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
              "ĂÂĐÊÔƠƯ")
#: TCVN3 (VN3) code, read as Latin-1, -> the Unicode letter it stands for
TCVN3: dict[int, str] = {ord(a): b for a, b in zip(_TCVN3_SRC, _TCVN3_DST, strict=True)}

#: characters of the TCVN3 table that no Unicode Vietnamese text uses (so their presence is
#: evidence of TCVN3)
_TCVN3_ONLY = frozenset(c for c in _TCVN3_SRC if c not in _TCVN3_DST
                        and c not in "àáãâèéêìíòóôõùúý")
_TCVN3_ONLY_RE = re.compile("[" + re.escape("".join(sorted(_TCVN3_ONLY))) + "]")

#: VNI: a vowel followed by a tone or shape mark written as a Latin letter
_VNI_RE = re.compile(r"[aeiouyAEIOUYöÖôÔ][ùøûõïáàåãäéèúüëâêÙØÛÕÏÁÀÅÃÄÉÈÚÜËÂÊ]|ñ|Ñ")

#: letters only Unicode Vietnamese has (outside Latin-1): evidence the text is Unicode
_VIET_RE = re.compile("[ăâđêôơưĂĐƠƯạ-ỹẠ-Ỹ]")


def tcvn3_to_unicode(text: str, upper: bool = False) -> str:
    """Convert TCVN3 text (its codes read as Latin-1 characters) to Unicode.

    Examples
    --------
    >>> tcvn3_to_unicode("Ph¸t triÓn kinh tÕ - x· héi")
    'Phát triển kinh tế - xã hội'
    >>> tcvn3_to_unicode("b¸o c¸o", upper=True)
    'BÁO CÁO'
    """
    out = text.translate(TCVN3)
    return out.upper() if upper else out


def font_encoding(font: str | None) -> tuple[str | None, bool]:
    """The legacy encoding a font name implies, and whether it is an uppercase-only font.

    Examples
    --------
    >>> font_encoding(".VnTime"), font_encoding(".VnTimeH"), font_encoding("VNI-Times")
    (('tcvn3', False), ('tcvn3', True), ('vni', False))
    >>> font_encoding("Times New Roman"), font_encoding("ABCDEF+.VnTimeH,Bold")
    ((None, False), ('tcvn3', True))
    """
    if not font:
        return None, False
    # a PDF's subset prefix and style suffix: "ABCDEF+.VnTimeH,Bold", ".VnArial-Italic"
    f = font.strip().split("+", 1)[-1].split(",", 1)[0]
    if f.startswith((".Vn", "Vn", ".VN")) and "-" in f:
        f = f.split("-", 1)[0]
    if f.startswith(".Vn") or f.startswith("VnTime") or f.startswith(".VN"):
        return "tcvn3", f.endswith("H")
    if f.upper().startswith("VNI-") or f.upper().startswith("VNI "):
        return "vni", False
    return None, False


def detect(text: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when a text looks written in that legacy encoding, else None.

    It counts the signs of each (characters only TCVN3 uses; VNI's vowel-plus-mark pairs)
    against the letters only Unicode Vietnamese has; a few stray signs in a Unicode text do
    not count.

    Examples
    --------
    >>> detect("Ph¸t triÓn kinh tÕ - x· héi cña huyÖn"), detect("Phaùt trieån kinh teá - xaõ hoäi cuûa huyeän")
    ('tcvn3', 'vni')
    >>> detect("Phát triển kinh tế - xã hội của huyện") is None
    True
    """
    sample = text[:200_000]
    viet = len(_VIET_RE.findall(sample))
    tcvn = len(_TCVN3_ONLY_RE.findall(sample))
    vni = len(_VNI_RE.findall(sample))
    best, count = ("tcvn3", tcvn) if tcvn >= vni else ("vni", vni)
    return best if count >= 3 and count > 2 * viet else None


def refuse(text: str, name: str, fix: str = "save it again", why: str = "") -> None:
    """Raise :class:`parstats.audit.reading.LegacyEncodingError` when ``text`` (read from the
    file shown as ``name``) looks written in a legacy encoding (:func:`detect`); ``why`` adds
    to the diagnosis, ``fix`` says what to do after converting.

    Examples
    --------
    >>> refuse("Phát triển kinh tế", "a.docx") is None
    True
    >>> refuse("Ph¸t triÓn kinh tÕ - x· héi cña huyÖn", "a.docx")
    Traceback (most recent call last):
    ...
    parstats.audit.reading.LegacyEncodingError: cannot read 'a.docx': the text looks written in the legacy TCVN3 Vietnamese encoding (letters like 'Ph¸t triÓn'); convert it to Unicode first (Unikey: Công cụ > Chuyển mã) and save it again
    """
    from parstats.audit.reading import LegacyEncodingError

    found = detect(text)
    if found:
        raise LegacyEncodingError(
            f"cannot read '{name}': the text looks written in the legacy {found.upper()} Vietnamese "
            f"encoding (letters like 'Ph¸t triÓn'){why}; convert it to Unicode first (Unikey: Công cụ > "
            f"Chuyển mã) and {fix}")
