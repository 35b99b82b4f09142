"""Headless Chromium for the tests that look at a page (the HTML report, the live view).

Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/chromium.sh``), driven by
Playwright without downloading a browser. Without it a test skips, except under ``CI=true``,
where it fails: CI must prove the pages render.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("SKYRACK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def unavailable(reason: str) -> None:
    """Skip for want of a browser, or fail under CI=true."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true needs headless Chromium: {reason}")
    pytest.skip(reason)


def chromium() -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``), closed after use."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:  # pragma: no cover - playwright is a dev dependency
        unavailable(f"playwright is not installed: {error}")
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
        except Exception as error:
            unavailable(f"Chromium at {CHROMIUM} did not start: {error}")
        yield browser
        browser.close()


def not_blank(png: bytes) -> float:
    """The standard deviation of a screenshot's grey levels (0 for a blank page)."""
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(png)).convert("L")
    return float(ImageStat.Stat(image).stddev[0])
