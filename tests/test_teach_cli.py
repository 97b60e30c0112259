"""`sahelsim teach`: the GIF for slides, and a clear refusal of an unknown scenario."""

from __future__ import annotations


def test_teach_writes_an_animated_map_gif(tmp_path, sahelsim):
    target = tmp_path / "map.gif"
    result = sahelsim("teach", "gambia-2017", "--gif", str(target), "--seed", "3")
    assert result.status == 0, result.err
    data = target.read_bytes()
    assert data[:6] in (b"GIF87a", b"GIF89a")
    assert data.count(b"\x21\xf9\x04") > 3  # several frames (graphic control extensions)


def test_teach_refuses_an_unknown_scenario_before_starting_anything(sahelsim):
    result = sahelsim("teach", "lesson-9-nowhere", "--no-browser")
    assert result.status == 2
    assert "no bundled scenario of that name" in result.err and "Traceback" not in result.err
