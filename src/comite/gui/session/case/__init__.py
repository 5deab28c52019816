"""«Casos en sesión», split by what changes together (after Anki's ``browser/``):

- :mod:`.tab` -- the tab: the case shown, read when the user moves or a change concerns it;
- :mod:`.navigation` -- the agenda's cases, previous and next;
- :mod:`.deliberation` -- the hour the case was treated, restoration, the deliberation text;
- :mod:`.observations` -- the invitees' observations;
- :mod:`.recognition` -- a collective's social recognition;
- :mod:`.votes` -- the votes grid and its tally;
- :mod:`.decision` -- the decision form and its drafts.
"""

from comite.gui.session.case.tab import CaseTab

__all__ = ["CaseTab"]
