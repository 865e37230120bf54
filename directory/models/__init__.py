"""The HSDS-shaped data model, one module per cluster of tables; import models from here."""

from .account import ROLES, STAFF_ROLES, User, WeakPassword, provider_organizations
from .audit import ChangeRecord
from .base import new_id, utcnow
from .changelog import IndexChange, IndexServer, services_touched
from .clinic import ClinicProfile
from .contact_request import CONTACT_CHANNELS, CONTACT_TIMES, ContactRequest
from .feed import FeedRecord, FeedSource
from .funding import (
    Funding,
    MetaTableDescription,
    OrganizationIdentifier,
    Program,
    RequiredDocument,
    Url,
)
from .geocode import GeocodeResult
from .location import (
    LOCATION_TYPES,
    Accessibility,
    Address,
    Location,
    Schedule,
    ServiceAtLocation,
)
from .organization import Contact, Organization, Phone
from .provider import SHARED_FIELDS, TASK_STATUSES, ProgramReferral, ProviderToken
from .referral import (
    OPEN_STATUSES,
    REFERRAL_STATUSES,
    ReferralItem,
    ReferralList,
    ReferralListChange,
    ReferralSend,
    ReferralStatusChange,
    ShareLink,
)
from .service import (
    SERVICE_STATUSES,
    CostOption,
    Language,
    Service,
    ServiceArea,
    ServiceCapacity,
    Unit,
)
from .stamp import DataStamp
from .suggestion import SUGGESTION_STATUSES, Suggestion
from .taxonomy import Attribute, Taxonomy, TaxonomyTerm
from .throttle import RateLimitCount
from .transit import TransitFeed, TransitLink, TransitRoute, TransitStop, TransitStopRoute
from .translation import (
    TRANSLATED_FIELDS,
    TRANSLATED_LANGUAGES,
    RecordText,
    Translation,
    translation_id,
)

# The directory's records: every table of HSDS, and the translations of their text
# (hsds/tables.py maps each to its model).
# One list for what moves the data stamp (datastamp.py: ETags) and what the audit records.
DIRECTORY_RECORDS = (
    Organization, Service, Location, Address, Accessibility, ServiceAtLocation, Schedule,
    Phone, Contact, ServiceArea, Language, CostOption, ServiceCapacity, Unit, Attribute,
    Taxonomy, TaxonomyTerm, Funding, Program, OrganizationIdentifier, RequiredDocument, Url,
    MetaTableDescription, Translation,
)

__all__ = [
    "CONTACT_CHANNELS",
    "CONTACT_TIMES",
    "DIRECTORY_RECORDS",
    "LOCATION_TYPES",
    "OPEN_STATUSES",
    "REFERRAL_STATUSES",
    "ROLES",
    "SERVICE_STATUSES",
    "SHARED_FIELDS",
    "STAFF_ROLES",
    "SUGGESTION_STATUSES",
    "TASK_STATUSES",
    "TRANSLATED_FIELDS",
    "TRANSLATED_LANGUAGES",
    "Accessibility",
    "Address",
    "Attribute",
    "ChangeRecord",
    "ClinicProfile",
    "Contact",
    "ContactRequest",
    "CostOption",
    "DataStamp",
    "FeedRecord",
    "FeedSource",
    "Funding",
    "GeocodeResult",
    "IndexChange",
    "IndexServer",
    "Language",
    "Location",
    "MetaTableDescription",
    "Organization",
    "OrganizationIdentifier",
    "Phone",
    "Program",
    "ProgramReferral",
    "ProviderToken",
    "RateLimitCount",
    "RecordText",
    "ReferralItem",
    "ReferralList",
    "ReferralListChange",
    "ReferralSend",
    "ReferralStatusChange",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceCapacity",
    "ShareLink",
    "Suggestion",
    "Taxonomy",
    "TaxonomyTerm",
    "TransitFeed",
    "TransitLink",
    "TransitRoute",
    "TransitStop",
    "TransitStopRoute",
    "Translation",
    "Unit",
    "Url",
    "User",
    "WeakPassword",
    "new_id",
    "provider_organizations",
    "services_touched",
    "translation_id",
    "utcnow",
]
