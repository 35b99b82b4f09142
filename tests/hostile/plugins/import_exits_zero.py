# expect: could not be imported from 'skyrack_hostile_import_exits_zero': exited (SystemExit 0)
"""Hostile plugin fixture: import exits zero."""

import sys

sys.exit(0)
