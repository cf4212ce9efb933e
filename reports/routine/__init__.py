"""Routine documents generated from the records (see reports.routine.base): numbered from the outgoing register, written as PDF and .docx from one documents.composition.Composed."""
