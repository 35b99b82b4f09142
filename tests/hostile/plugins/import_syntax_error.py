# expect: could not be imported from 'skyrack_hostile_import_syntax_error': SyntaxError
"""Hostile plugin fixture: import syntax error."""
def broken(:
    pass
