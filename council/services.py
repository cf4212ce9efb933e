"""Writes of the council registry. Every write goes through full_clean() so the rules of the
model (constraints included) answer in Vietnamese before the database has to."""

from __future__ import annotations


# --- two-factor enrolment ---------------------------------------------------------------------
