"""The countdown lives on the host: a pause holds the time left, extend adds to it, and a
restart brings a countdown back paused."""

from __future__ import annotations

from game.net.clock import RoundClock


class Now:
    t = 100.0

    def __call__(self) -> float:
        return self.t


def test_pause_holds_and_resume_goes_on():
    now = Now()
    c = RoundClock(now)
    c.start(300)
    now.t += 100
    assert c.remaining() == 200 and not c.expired()
    assert c.pause() and c.paused
    now.t += 1000
    assert c.remaining() == 200 and not c.expired()
    assert c.resume()
    now.t += 199
    assert not c.expired()
    now.t += 1
    assert c.expired()


def test_extend_while_running_paused_or_without_a_countdown():
    now = Now()
    c = RoundClock(now)
    c.start(60)
    c.extend(60)
    assert c.remaining() == 120
    c.pause()
    c.extend(30)
    assert c.remaining() == 150
    c.start(None)
    assert c.remaining() is None and not c.expired()
    c.extend(90)  # a week without a countdown gets one
    assert c.remaining() == 90


def test_a_week_without_a_countdown_can_still_be_paused():
    c = RoundClock(Now())
    c.start(0)
    assert c.pause() and c.paused and c.state()["left_s"] is None
    assert c.resume() and not c.paused


def test_the_log_form_comes_back_paused_with_its_time():
    now = Now()
    c = RoundClock(now)
    c.start(300)
    now.t += 120
    frozen = c.freeze()
    d = RoundClock(Now())
    d.thaw(frozen)
    assert d.paused and d.remaining() == 180
    e = RoundClock(Now())
    e.thaw({"limit": None, "paused": False, "left": None})
    assert not e.paused and e.remaining() is None
