"""An import finished: the one signal every import's confirm service sends once its rows are
written (voters.services.petitions_import, voters.casework.imports.letters_import,
resolutions.services.delegate_votes_import). It lives on the ground floor so the apps that
import stand below whoever listens (notifications tells the user who ran the import) and know
nothing of it.

Sent after the import's transaction commits, never for one rolled back, and robustly: a
listener that fails is logged and never fails the import."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.dispatch import Signal

# Receivers get: sender (the model of the rows imported), user (who ran the import), item (a
# row that stands for this import: its first new row, or the record the rows belong to),
# what (the rows' name, e.g. "kiến nghị cử tri"), count (rows written), url (where to see them).
import_finished = Signal()


def import_finished_send(
    *, sender: type, user: Any, item: Any, what: str, count: int, url: str
) -> None:
    """Announce the import once the caller's transaction commits (at once outside one)."""

    def send() -> None:
        import_finished.send_robust(
            sender=sender, user=user, item=item, what=what, count=count, url=url
        )

    transaction.on_commit(send)
