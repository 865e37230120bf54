"""A referral as a FHIR R4 Bundle for clinics whose record system takes one: a
ServiceRequest and its SDOH Clinical Care referral Task, with the program mapped from
HSDS (organization -> Organization, location -> Location, service -> HealthcareService).
No Patient is included unless the coordinator sent the program details the client agreed
to share, and then only those. Plain dicts: tests validate them with `fhir.resources`."""

import uuid

from ..models.base import utcnow
from ..weblinks import web_link

SDOH = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/"
DIRECTORY = "urn:ietf:rfc:3986"  # identifiers are HSDS ids (UUIDs)
# The Task status says where the referral is; the ServiceRequest what became of the order.
REQUEST_STATUS = {"draft": "draft", "completed": "completed", "cancelled": "revoked",
                  "rejected": "revoked", "entered-in-error": "entered-in-error"}


def _ref(kind, record_id, display=None):
    reference = {"reference": f"urn:uuid:{record_id}", "type": kind}
    return {**reference, "display": display} if display else reference


def _identifier(record_id):
    return [{"system": DIRECTORY, "value": f"urn:uuid:{record_id}"}]


def _telecom(phones, email=None, url=None):
    found = [{"system": "phone", "value": p.number, "use": "work"} for p in phones if p.number]
    found += [{"system": "email", "value": email}] if email else []
    url = web_link(url) if url else None  # a record system may turn it into a link
    return found + ([{"system": "url", "value": url}] if url else [])


def _organization(organization):
    resource = {"resourceType": "Organization", "id": organization.id,
                "identifier": _identifier(organization.id), "active": True,
                "name": organization.name}
    telecom = _telecom(organization.phones, organization.email, organization.website)
    return {**resource, "telecom": telecom} if telecom else resource


def _location(location, organization):
    resource = {"resourceType": "Location", "id": location.id, "status": "active",
                "name": location.name or organization.name,
                "managingOrganization": _ref("Organization", organization.id)}
    if location.addresses:
        a = location.addresses[0]
        resource["address"] = {"line": [x for x in (a.address_1, a.address_2) if x],
                               "city": a.city, "state": a.state_province,
                               "postalCode": a.postal_code, "country": a.country}
    if location.latitude is not None and location.longitude is not None:
        resource["position"] = {"latitude": location.latitude, "longitude": location.longitude}
    return resource


def _healthcare_service(service):
    resource = {"resourceType": "HealthcareService", "id": service.id,
                "identifier": _identifier(service.id), "active": service.is_listed,
                "providedBy": _ref("Organization", service.organization_id),
                "name": service.name,
                "location": [_ref("Location", loc.id) for loc in service.locations]}
    if service.description:
        resource["comment"] = service.description[:1000]
    if service.eligibility_description:
        resource["eligibility"] = [{"comment": service.eligibility_description}]
    telecom = _telecom(service.phones, service.email, service.url)
    return {**resource, "telecom": telecom} if telecom else resource


def _patient(shared, patient_id):
    resource = {"resourceType": "Patient", "id": patient_id}
    if shared.get("first_name"):
        resource["name"] = [{"given": [shared["first_name"]]}]
    if shared.get("phone"):
        resource["telecom"] = [{"system": "phone", "value": shared["phone"]}]
    return resource


def referral_bundle(item, sent=None):
    """Return the FHIR R4 Bundle (a dict) for a referral list item and, when it was sent
    to the program, that ProgramReferral."""
    service = item.service
    organization = service.organization
    shared = sent.shared if sent is not None else {}
    task_status = sent.status if sent is not None else "draft"
    request_id, task_id, patient_id = (str(uuid.uuid5(uuid.NAMESPACE_URL, f"{item.id}/{part}"))
                                       for part in ("request", "task", "patient"))
    authored = (sent.sent_at if sent is not None else utcnow()).isoformat(timespec="seconds")
    subject = _ref("Patient", patient_id) if "first_name" in shared or "phone" in shared \
        else {"display": "Client of the referring clinic (no details shared)"}
    requester = {"display": (sent.coordinator_contact if sent is not None else None)
                 or "Referring clinic"}
    notes = [{"text": f"Preferred contact time: {shared['contact_time']}"}] \
        if shared.get("contact_time") else []
    service_request = {
        "resourceType": "ServiceRequest", "id": request_id,
        "meta": {"profile": [SDOH + "SDOHCC-ServiceRequest"]},
        "status": REQUEST_STATUS.get(task_status, "active"), "intent": "order",
        "code": {"text": service.name}, "subject": subject, "authoredOn": authored + "Z",
        "requester": requester, "performer": [_ref("HealthcareService", service.id),
                                              _ref("Organization", organization.id)],
        "locationReference": [_ref("Location", loc.id) for loc in service.locations]}
    if notes:
        service_request["note"] = notes
    task = {"resourceType": "Task", "id": task_id,
            "meta": {"profile": [SDOH + "SDOHCC-TaskForReferralManagement"]},
            "status": task_status, "intent": "order",
            "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code",
                                 "code": "fulfill"}]},
            "focus": _ref("ServiceRequest", request_id), "for": subject,
            "authoredOn": authored + "Z", "requester": requester,
            "owner": _ref("Organization", organization.id, organization.name)}
    if sent is not None and (sent.reason or sent.reason_text):
        task["statusReason"] = {"text": sent.reason_text or sent.reason}
    if sent is not None:
        task["lastModified"] = sent.status_changed_at.isoformat(timespec="seconds") + "Z"
    resources = [service_request, task, _organization(organization),
                 *[_location(loc, organization) for loc in service.locations],
                 _healthcare_service(service)]
    if subject.get("reference"):
        resources.append(_patient(shared, patient_id))
    return {"resourceType": "Bundle", "type": "collection", "timestamp":
            utcnow().isoformat(timespec="seconds") + "Z",
            "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources]}
