"""The delegates' room keeps its own records here (registrations, notes); a session's documents
belong to the session (sessions.models), a delegate's votes to the resolution
(resolutions.models)."""
