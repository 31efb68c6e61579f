"""The raw report is immutable: its sidecar records origin, sha256 and size."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from parstats import data, paths
from parstats.data import DataError

BAD = Path(__file__).parent / "fixtures" / "bad"


@pytest.fixture(scope="module")
def sidecar():
    return json.loads(paths.RAW_SIDECAR.read_text(encoding="utf-8"))


def test_raw_file_matches_its_sidecar(sidecar):
    raw = paths.RAW_REPORT.read_bytes()
    assert sidecar["file"] == paths.RAW_REPORT.name
    assert hashlib.sha256(raw).hexdigest() == sidecar["sha256"]
    assert len(raw) == sidecar["size"]
    assert data.verify_raw() == {"file": paths.RAW_REPORT.name, "sha256": sidecar["sha256"], "size": len(raw)}


def test_raw_file_is_the_shared_copy_byte_for_byte(sidecar):
    shared = paths.SHARED_DIR / "report" / paths.RAW_REPORT.name
    if not shared.exists():
        pytest.skip("no ../shared/report next to this checkout")
    assert hashlib.sha256(shared.read_bytes()).hexdigest() == sidecar["sha256"]


def test_sidecar_records_the_origin(sidecar):
    origin = sidecar["origin"]
    assert origin["issuing_body"].startswith("Ban Thường vụ Huyện ủy Tây Sơn")
    assert "Bình Định" in origin["place"]
    assert origin["programme"] == {
        "number": "09-CTr/TU", "date": "14/5/2021", "issuer": "Tỉnh ủy Bình Định",
        "subject": origin["programme"]["subject"]}
    # the report carries no date: recorded as null, with the reason
    assert origin["date"] is None and "30/6/2023" in origin["date_note"]
    assert sidecar["date_accessed"] and sidecar["producer"]
    # the title in the sidecar is the report's own title
    title = paths.RAW_REPORT.read_text(encoding="utf-8")
    assert "09-CTr/TU" in origin["title"] and "ngày 14/5/2021" in title


@pytest.mark.parametrize("offset", [0, 25_000, -1])
def test_a_one_byte_change_is_detected(tmp_path, sidecar, offset):
    copy = tmp_path / paths.RAW_REPORT.name
    raw = bytearray(paths.RAW_REPORT.read_bytes())
    raw[offset] ^= 0x01
    copy.write_bytes(bytes(raw))
    with pytest.raises(DataError) as err:
        data.verify_raw(copy, paths.RAW_SIDECAR)
    message = str(err.value)
    actual = hashlib.sha256(bytes(raw)).hexdigest()
    assert str(copy) in message
    assert f"sha256 {actual}" in message
    assert f"expected sha256 {sidecar['sha256']}" in message


def test_changed_raw_fixture(tmp_path):
    fixture = BAD / "changed_raw"
    meta = json.loads((fixture / "report.meta.json").read_text(encoding="utf-8"))
    actual = hashlib.sha256((fixture / "report.md").read_bytes()).hexdigest()
    with pytest.raises(DataError, match=rf"report\.md: the raw report changed: sha256 {actual} .*"
                                        rf"expected sha256 {meta['sha256']} \(size {meta['size']} bytes\)"):
        data.verify_raw(fixture / "report.md", fixture / "report.meta.json")
    # and validate_all refuses a data directory whose raw report changed
    ddir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, ddir)
    target = ddir / "raw" / paths.RAW_REPORT.name
    target.write_bytes(target.read_bytes().replace("84,11%".encode(), "84,17%".encode(), 1))
    with pytest.raises(DataError, match="the raw report changed"):
        data.validate_all(data_dir=ddir)


def test_missing_sidecar_is_an_error(tmp_path):
    copy = tmp_path / "report.md"
    copy.write_bytes(b"x")
    with pytest.raises(DataError, match="sidecar not found"):
        data.verify_raw(copy)
