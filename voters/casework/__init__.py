"""Casework on citizens' letters (issue 21): cases and their letters, the legal deadlines, the
handling workflow, the outgoing documents, the protection of denunciators, the reception
schedule and register, retention of personal data, figures and the register's import.

One module per concern: numbering (case numbers; documents take theirs from the outgoing
register, documents.services.document_number_issue), deadlines, identity (who may
read a denunciator's identity: the one place that decides), services (writes), selectors
(reads)."""
