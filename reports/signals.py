"""What reports tells the floors above it, without knowing who listens: a report rendered
(notifications tells whoever asked for it, issue 23)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by reports.tasks.render_annual_report once the request's PDF is saved and the row done,
# with request_id (the ReportRequest's pk). Sent robustly: a listener that fails is logged and
# never fails the finished report.
report_ready = Signal()
