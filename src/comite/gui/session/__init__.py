"""The session workspace: one module per tab, the table models, the undoable
commands, the live quorum indicator and the PDF page view."""
