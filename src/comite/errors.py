"""Errors that carry a message meant for the user (in Spanish).

Every refusal the core makes (a rule that forbids a vote, a malformed file, a
locked database) is a :class:`ComiteError` whose ``str()`` is a complete
Spanish sentence that can be shown as is. Code catches these at the edge (CLI,
GUI) and shows them; anything else is a bug and is logged.
"""

from __future__ import annotations


class ComiteError(Exception):
    """Base of every user-facing error. ``str(err)`` is Spanish, ready to show."""


class ValidationError(ComiteError):
    """Input that the rules or the schema refuse; nothing was written."""


class RuleViolation(ValidationError):
    """A domain rule refuses the action (quorum, voting rights, checklist...)."""


class NotFound(ComiteError):
    """A referenced record does not exist."""


class PermissionDenied(ComiteError):
    """The acting user may not do this."""


class AuthenticationError(ComiteError):
    """Login failed, account locked, or the database key could not be unlocked."""


class LockedError(ComiteError):
    """Reserved data was needed but the database key is not unlocked."""


class ConcurrencyConflict(ComiteError):
    """Someone else changed the record since it was read."""


class StorageError(ComiteError):
    """The database cannot be opened, migrated or reached."""


class ServerPasswordRequired(StorageError):
    """The database server asks for a password the URL does not carry, or refused it."""
