"""`sahelsim teach`: the GIF for slides, and a clear refusal of an unknown scenario."""

from __future__ import annotations

from sim.scenario.loading import load_scenario


def test_teach_writes_an_animated_map_gif(tmp_path, sahelsim):
    target = tmp_path / "map.gif"
    result = sahelsim("teach", "gambia-2017", "--gif", str(target), "--seed", "3", "--every", "40")
    assert result.status == 0, result.err
    from PIL import Image

    with Image.open(target) as gif:
        assert gif.format == "GIF"
        # one frame every 40 days of the horizon, and the last day
        horizon = load_scenario("gambia-2017").days
        assert gif.n_frames == len(range(0, horizon + 1, 40)) + (horizon % 40 != 0)


def test_teach_refuses_an_unknown_scenario_before_starting_anything(sahelsim):
    result = sahelsim("teach", "lesson-9-nowhere", "--no-browser")
    assert result.status == 2
    assert "no bundled scenario of that name" in result.err and "Traceback" not in result.err
