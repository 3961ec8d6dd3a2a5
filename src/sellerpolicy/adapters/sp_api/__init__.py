"""Turn Amazon Selling Partner API (SP-API) responses into sellerpolicy values."""

# One module per API over one shared reader (_reader): orders_v0, orders_2026 and orders (the
# public order functions, which accept either version), notifications, messaging, and timeline
# (which combines them). Callers import from here; the modules are the implementation.

from sellerpolicy.adapters.sp_api.messaging import (
    buyer_locale_from_sp_api,
    message_from_messaging_request,
    messaging_actions_from_sp_api,
)
from sellerpolicy.adapters.sp_api.notifications import (
    events_from_notification,
    order_from_notification,
)
from sellerpolicy.adapters.sp_api.orders import (
    order_from_sp_api,
    order_items_from_sp_api,
    orders_from_sp_api,
)
from sellerpolicy.adapters.sp_api.timeline import timeline_from_sp_api

__all__ = [
    "buyer_locale_from_sp_api",
    "events_from_notification",
    "message_from_messaging_request",
    "messaging_actions_from_sp_api",
    "order_from_notification",
    "order_from_sp_api",
    "order_items_from_sp_api",
    "orders_from_sp_api",
    "timeline_from_sp_api",
]
