from coordination.models.agency import (
    Agency,
    AgencyPhone,
    AgencyStatus,
    AgencyTag,
    PhoneKind,
    SizeBand,
    Visibility,
)
from coordination.models.contact import Contact, ContactRole
from coordination.models.directory import DirectoryPage
from coordination.models.reference import AgencyCategory, CategoryKind, SchoolNetwork, Scope
from coordination.models.views import InternalViewLog

__all__ = [
    "Agency",
    "AgencyCategory",
    "AgencyPhone",
    "AgencyStatus",
    "AgencyTag",
    "CategoryKind",
    "Contact",
    "ContactRole",
    "DirectoryPage",
    "InternalViewLog",
    "PhoneKind",
    "SchoolNetwork",
    "Scope",
    "SizeBand",
    "Visibility",
]
