"""Pure domain rules: business days, voting rights, quorum and tally, routing,
collective recognition and risk bands.

No Qt, no SQLAlchemy, no I/O: every function takes plain values (the frozen
``*View`` dataclasses) and returns values or raises a
:class:`comite.errors.RuleViolation` whose text can be shown as is.
"""
