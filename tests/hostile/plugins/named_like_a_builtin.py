# expect: plugin 'launchers': another plugin is already loaded under this name
# entry-point: launchers=skyrack_hostile_named_like_a_builtin
"""Hostile plugin fixture: named like a builtin."""

X = 1
