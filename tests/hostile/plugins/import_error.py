# expect: could not be imported from 'skyrack_hostile_import_error': ImportError: needs numpy 9
"""Hostile plugin fixture: import error."""

raise ImportError("needs numpy 9")
