# expect: could not be imported from 'skyrack_hostile_missing_attribute:nothing'
# entry-point: skyrack_hostile_missing_attribute:nothing
"""Hostile plugin fixture: missing attribute."""

X = 1
