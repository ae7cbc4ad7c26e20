"""vCard 4.0 (RFC 6350) of an agency and its public contacts, from the public card only."""

import re
from collections.abc import Callable, Iterable, Iterator

from coordination.cards import AgencyCard, ContactCard
from coordination.phones import phone_tel_uri
from coordination.text import text_without_controls

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
PHONE_TYPES = {
    "office": "work,voice",
    "fax": "work,fax",
    "mobile": "cell,voice",
    "hotline": "work,voice",
}


_LINE_BREAK = re.compile("\r\n|\r|\n")
# Whatever is left of the C0 and C1 controls once values are escaped: none belongs in a line.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def _escape(value: str) -> str:
    """TEXT value escaping (RFC 6350 §3.4). Every line break (a lone carriage return too) is
    written as "\\n" and every other control character is dropped, so no value can start a
    content line of its own."""
    text = text_without_controls(str(value), multiline=True).replace("\t", " ")
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return _LINE_BREAK.sub("\\\\n", text)


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2)."""
    parts = []
    current = ""
    limit = MAX_LINE_OCTETS
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
            limit = MAX_LINE_OCTETS - 1  # continuation lines start with a space
        else:
            current += char
    parts.append(current)
    return (CRLF + " ").join(parts)


def _tel_uri(number: str) -> str:
    """tel: URI with the extension as RFC 3966 ";ext=" (phone_tel_uri writes it as a pause)."""
    uri = phone_tel_uri(number)
    if "," in uri:
        base, extension = uri.split(",", 1)
        return f"{base};ext={extension}"
    return uri


def _contact_lines(contact: ContactCard, *, organisation: str) -> list[str]:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:individual",
        f"FN:{_escape(contact.name)}",
        f"ORG:{_escape(organisation)}",
    ]
    if contact.position:
        lines.append(f"TITLE:{_escape(contact.position)}")
    if contact.role:
        lines.append(f"ROLE:{_escape(contact.role)}")
    if contact.phone:
        lines.append(f'TEL;VALUE=uri;TYPE="work,voice":{_tel_uri(contact.phone)}')
    if contact.mobile:
        lines.append(f'TEL;VALUE=uri;TYPE="cell,voice":{_tel_uri(contact.mobile)}')
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{_escape(contact.email)}")
    if contact.line_id:
        lines.append(f"IMPP:line:{_escape(contact.line_id)}")
    lines.append("END:VCARD")
    return lines


def agency_vcard(card: AgencyCard, *, url: str) -> str:
    """The agency as a vCard (KIND:org), followed by one vCard per public contact."""
    if card.audience != "public":
        raise ValueError("vCards are published: build them from the public card only")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"FN:{_escape(card.name_th)}",
        f"ORG:{_escape(card.name_th)}",
    ]
    nicknames = [name for name in (card.short_name, card.name_en) if name]
    if nicknames:
        lines.append("NICKNAME:" + ",".join(_escape(name) for name in nicknames))
    if card.category:
        lines.append(f"CATEGORIES:{_escape(card.category)}")
    if card.address_line:
        # ADR: po box; extended; street (with ตำบล); locality (อำเภอ); region (จังหวัด); code; country.
        street = ", ".join(p for p in (card.street_address, card.subdistrict_name) if p)
        adr = ";".join(
            _escape(part)
            for part in (
                "",
                "",
                street,
                card.district_name,
                card.province_name,
                card.postcode,
                "ประเทศไทย",
            )
        )
        label = _escape(card.address_line).replace('"', "'")
        lines.append(f'ADR;TYPE=work;LABEL="{label}":{adr}')
    for phone in card.phones:
        phone_type = PHONE_TYPES.get(phone.kind, "work,voice")
        lines.append(f'TEL;VALUE=uri;TYPE="{phone_type}":{_tel_uri(phone.number)}')
    for email in (card.email, card.email_saraban):
        if email:
            lines.append(f"EMAIL;TYPE=work:{_escape(email)}")
    if card.latitude is not None and card.longitude is not None:
        lines.append(f"GEO:geo:{card.latitude},{card.longitude}")
    for link in (card.website, card.facebook_url):
        if link:
            lines.append(f"URL:{link}")
    lines.append(f"SOURCE:{url}vcard.vcf")
    lines.append(f"URL;TYPE=work:{url}")
    lines.append("END:VCARD")
    for contact in card.contacts:
        lines.extend(_contact_lines(contact, organisation=card.name_th))
    # A value that is not TEXT (a URI, a number) cannot break its line either.
    return CRLF.join(_fold(_CONTROLS.sub("", line)) for line in lines) + CRLF


def directory_vcards(cards: Iterable[AgencyCard], *, url_of: Callable[[str], str]) -> Iterator[str]:
    """The vCards of a whole directory, one agency (with its contacts) at a time, for a file
    that streams; `url_of(slug)` is the agency page's absolute address."""
    for card in cards:
        yield agency_vcard(card, url=url_of(card.slug))
