"""The app turns the cycle collector back on once its first frame is up (tutor.startup)."""

from __future__ import annotations

import gc

from tutor import startup


async def test_the_app_collects_again_once_its_first_frame_is_up(make_app):
    was = gc.isenabled()
    gc.enable()
    with startup.paused():
        app = make_app()
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
    if not was:
        gc.disable()
