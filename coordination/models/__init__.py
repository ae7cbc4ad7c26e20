from coordination.choices import (
    AgencyStatus,
    CategoryKind,
    ContactRole,
    PhoneKind,
    Scope,
    SizeBand,
    Visibility,
)
from coordination.models.agency import Agency, AgencyPhone, AgencyTag
from coordination.models.contact import Contact
from coordination.models.reference import AgencyCategory, SchoolNetwork
from coordination.models.review import ReviewReminder
from coordination.models.self_service import (
    ConfirmationLinkState,
    ConfirmationOutcome,
    ConfirmationRequest,
    CorrectionReport,
    CorrectionReportStatus,
)
from coordination.models.views import InternalViewLog
from coordination.models.workflow import ChainOfCommandApprovalTask

__all__ = [
    "Agency",
    "AgencyCategory",
    "AgencyPhone",
    "AgencyStatus",
    "AgencyTag",
    "CategoryKind",
    "ChainOfCommandApprovalTask",
    "ConfirmationLinkState",
    "ConfirmationOutcome",
    "ConfirmationRequest",
    "Contact",
    "ContactRole",
    "CorrectionReport",
    "CorrectionReportStatus",
    "InternalViewLog",
    "PhoneKind",
    "ReviewReminder",
    "SchoolNetwork",
    "Scope",
    "SizeBand",
    "Visibility",
]
