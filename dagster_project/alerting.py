"""Send pipeline alerts. They are built and sent by the one alert module,
``expectations.alerts`` (alerts.jsonl, and the webhook when configured); sending never raises.
"""

from __future__ import annotations

from expectations.alerts import send_event as send

__all__ = ["send"]
