"""schema.org JSON-LD of an agency, built from its public card only (public data rule)."""

import json

from django.utils.encoding import iri_to_uri
from django.utils.safestring import SafeString, mark_safe

from coordination.cards import AgencyCard
from coordination.models import CategoryKind
from coordination.selectors.directory import agency_url

SCHEMA_TYPES = {
    CategoryKind.SCHOOL: "EducationalOrganization",
    CategoryKind.NGO: "NGO",
    CategoryKind.PRIVATE_COMPANY: "Corporation",
    CategoryKind.PERSON: "Organization",
}
DEFAULT_SCHEMA_TYPE = "GovernmentOrganization"
FAX = "fax"


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def agency_jsonld(card: AgencyCard, *, url: str, directory_url: str) -> dict:
    """A schema.org Organization (GovernmentOrganization, EducationalOrganization for schools)."""
    if card.audience != "public":
        raise ValueError("JSON-LD is published: build it from the public card only")
    phones = [p for p in card.phones if p.kind != FAX]
    faxes = [p for p in card.phones if p.kind == FAX]
    address = _drop_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": card.street_address,
            "addressLocality": card.subdistrict_name,
            "addressRegion": " ".join(
                part for part in (card.district_name, card.province_name) if part
            ),
            "postalCode": card.postcode,
            "addressCountry": "TH",
        }
    )
    contact_points = [
        _drop_empty(
            {
                "@type": "ContactPoint",
                "contactType": phone.label,
                "telephone": phone.number,
            }
        )
        for phone in phones
    ] + [
        _drop_empty(
            {
                "@type": "ContactPoint",
                "name": contact.name,
                "contactType": contact.position or contact.role,
                "telephone": contact.phone or contact.mobile,
                "email": contact.email,
            }
        )
        for contact in card.contacts
    ]
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(card.category_kind, DEFAULT_SCHEMA_TYPE),
        "@id": f"{url}#organization",
        "name": card.name_th,
        "alternateName": [name for name in (card.name_en, card.short_name) if name],
        "url": url,
        "sameAs": [link for link in (card.website, card.facebook_url) if link],
        "address": address if len(address) > 2 else None,
        "telephone": phones[0].number if phones else "",
        "faxNumber": faxes[0].number if faxes else "",
        "email": card.email,
        "contactPoint": contact_points,
        "identifier": [
            {
                "@type": "PropertyValue",
                "propertyID": fact.key,
                "name": fact.label,
                "value": fact.value,
            }
            for fact in card.identifiers
        ],
        "parentOrganization": (
            {
                "@type": "Organization",
                "name": card.parent_name,
                "url": iri_to_uri(agency_url(directory_url, card.parent_slug)),
            }
            if card.parent_slug
            else None
        ),
        "subOrganization": [
            {
                "@type": "Organization",
                "name": child.name_th,
                "url": iri_to_uri(agency_url(directory_url, child.slug)),
            }
            for child in card.children
        ],
    }
    if card.latitude is not None and card.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(card.latitude),
            "longitude": float(card.longitude),
        }
    return _drop_empty(data)


def jsonld_script(data: dict) -> SafeString:
    """A <script type="application/ld+json"> element; "<", ">" and "&" are escaped so that
    no value can close the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
