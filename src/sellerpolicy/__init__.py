"""Amazon seller-communication policy as a typed, declarative rules engine."""

from sellerpolicy import _parameters, exceptions
from sellerpolicy._api import check_message
from sellerpolicy._codes import RULES, Code, Edition, Family, RuleInfo, RuleStatus, Severity
from sellerpolicy._decisions import EventRef, Finding, MessageReport, NotJudged, Report, Span
from sellerpolicy._events import (
    ActionKind,
    Cancellation,
    CancellationReason,
    Event,
    InformationRequest,
    OptOut,
    OrderProblem,
    Party,
    PhoneCall,
    ProblemKind,
    Refund,
    SellerAction,
)
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
    ProductCategory,
    ReturnReason,
    ReturnRequest,
    Shipment,
)
from sellerpolicy._parameters import Parameters, ParameterSpec
from sellerpolicy._policy import Policy
from sellerpolicy._rules.chargebacks import (
    CancellationAdvice,
    ChargebackDecision,
    Liability,
    cancellation_advice,
    chargeback,
)
from sellerpolicy._rules.claims import AtoZDecision, a_to_z
from sellerpolicy._rules.context import Campaign
from sellerpolicy._rules.obligations import (
    InboxItem,
    Obligation,
    ObligationsReport,
    ObligationStatus,
    inbox,
    obligations,
)
from sellerpolicy._rules.solicitation import SolicitationDecision, solicitation
from sellerpolicy._serialization import from_dict, from_json, to_dict, to_json
from sellerpolicy._time import Duration, TimeUnit
from sellerpolicy._timeline import OrderTimeline
from sellerpolicy.adapters.sp_api import (
    events_from_notification,
    order_from_sp_api,
    order_items_from_sp_api,
    orders_from_sp_api,
    timeline_from_sp_api,
)

__version__ = "0.1.0.dev0"

PARAMETERS = _parameters.parameter_specs()
"""Every rule parameter by name: its family, kind, rule, meaning and value per edition."""

__all__ = [
    "MARKETPLACES",
    "PARAMETERS",
    "RULES",
    "ActionKind",
    "AtoZDecision",
    "Attachment",
    "Campaign",
    "Cancellation",
    "CancellationAdvice",
    "CancellationReason",
    "ChargebackDecision",
    "Claim",
    "ClaimKind",
    "ClaimReason",
    "ClaimStatus",
    "Code",
    "Duration",
    "Edition",
    "Event",
    "EventRef",
    "Family",
    "Feedback",
    "FeedbackClass",
    "Finding",
    "FulfillmentChannel",
    "InboxItem",
    "InformationRequest",
    "ItemCondition",
    "Liability",
    "Marketplace",
    "Message",
    "MessageFormat",
    "MessageKind",
    "MessageReport",
    "MessageSender",
    "Money",
    "NotJudged",
    "Obligation",
    "ObligationStatus",
    "ObligationsReport",
    "OptOut",
    "Order",
    "OrderItem",
    "OrderProblem",
    "OrderStatus",
    "OrderTimeline",
    "ParameterSpec",
    "Parameters",
    "Party",
    "PhoneCall",
    "Policy",
    "ProblemKind",
    "ProductCategory",
    "Refund",
    "Report",
    "ReturnReason",
    "ReturnRequest",
    "RuleInfo",
    "RuleStatus",
    "SellerAction",
    "Severity",
    "Shipment",
    "SolicitationDecision",
    "Span",
    "TimeUnit",
    "__version__",
    "a_to_z",
    "add_business_days",
    "cancellation_advice",
    "chargeback",
    "check_message",
    "events_from_notification",
    "exceptions",
    "from_dict",
    "from_json",
    "inbox",
    "is_business_day",
    "obligations",
    "order_from_sp_api",
    "order_items_from_sp_api",
    "orders_from_sp_api",
    "solicitation",
    "timeline_from_sp_api",
    "to_dict",
    "to_json",
]
