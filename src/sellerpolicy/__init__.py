"""Amazon seller-communication policy as a typed, declarative rules engine."""

from sellerpolicy import _parameters, exceptions
from sellerpolicy._api import check_message
from sellerpolicy._codes import RULES, Code, Edition, Family, RuleInfo, RuleStatus, Severity
from sellerpolicy._decisions import Finding, MessageReport, Span
from sellerpolicy._marketplaces import (
    MARKETPLACES,
    Marketplace,
    add_business_days,
    is_business_day,
)
from sellerpolicy._model import (
    Attachment,
    Claim,
    ClaimKind,
    ClaimReason,
    ClaimStatus,
    Feedback,
    FeedbackClass,
    FulfillmentChannel,
    ItemCondition,
    Message,
    MessageFormat,
    MessageKind,
    MessageSender,
    Money,
    Order,
    OrderItem,
    OrderStatus,
    ReturnReason,
    ReturnRequest,
    Shipment,
)
from sellerpolicy._parameters import Parameters, ParameterSpec
from sellerpolicy._policy import Policy
from sellerpolicy._serialization import from_dict, from_json, to_dict, to_json
from sellerpolicy.adapters.sp_api import (
    order_from_sp_api,
    order_items_from_sp_api,
    orders_from_sp_api,
)

__version__ = "0.1.0.dev0"

PARAMETERS = _parameters.parameter_specs()
"""Every rule parameter by name: its family, kind, rule, meaning and value per edition."""

__all__ = [
    "MARKETPLACES",
    "PARAMETERS",
    "RULES",
    "Attachment",
    "Claim",
    "ClaimKind",
    "ClaimReason",
    "ClaimStatus",
    "Code",
    "Edition",
    "Family",
    "Feedback",
    "FeedbackClass",
    "Finding",
    "FulfillmentChannel",
    "ItemCondition",
    "Marketplace",
    "Message",
    "MessageFormat",
    "MessageKind",
    "MessageReport",
    "MessageSender",
    "Money",
    "Order",
    "OrderItem",
    "OrderStatus",
    "ParameterSpec",
    "Parameters",
    "Policy",
    "ReturnReason",
    "ReturnRequest",
    "RuleInfo",
    "RuleStatus",
    "Severity",
    "Shipment",
    "Span",
    "__version__",
    "add_business_days",
    "check_message",
    "exceptions",
    "from_dict",
    "from_json",
    "is_business_day",
    "order_from_sp_api",
    "order_items_from_sp_api",
    "orders_from_sp_api",
    "to_dict",
    "to_json",
]
