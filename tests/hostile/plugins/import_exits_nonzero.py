# expect: exited (SystemExit 3)
"""Hostile plugin fixture: import exits nonzero."""

raise SystemExit(3)
