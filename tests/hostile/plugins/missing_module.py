# expect: could not be imported from 'skyrack_hostile_no_such_module': ModuleNotFoundError
# entry-point: skyrack_hostile_no_such_module
"""Hostile plugin fixture: missing module."""
