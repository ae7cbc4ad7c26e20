"""Form data for the agency editor, as a browser would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from coordination.models import AgencyCategory


def agency_form_data(*, phones=None, contacts=None, **overrides) -> dict:
    """A valid school in Nong Chang; pass overrides (field=value) to change any field."""
    fields = {
        "name_th": "โรงเรียนบ้านทุ่งโพ",
        "name_en": "Ban Thung Pho School",
        "short_name": "",
        "slug": "ban-thung-pho",
        "scope": "internal",
        "category": AgencyCategory.objects.get(slug="school").pk,
        "parent": "",
        "mission": rich_text("<p>จัดการศึกษาระดับปฐมวัยและประถมศึกษา</p>"),
        "school_code": "1061040101",
        "smis_code": "61010101",
        "obec_code": "610101",
        "tax_id": "",
        "size_band": "small",
        "school_network": "",
        "students": "96",
        "teachers": "8",
        "teaches_primary": "on",
        "house_no": "99",
        "moo": "3",
        "road": "",
        "province_code": "61",
        "district_code": "6104",
        "subdistrict_code": "610407",
        "postcode": "61110",
        "latitude": "",
        "longitude": "",
        "phones": inline_formset(
            phones if phones is not None else [{"kind": "office", "number": "056-531-100"}]
        ),
        "email": "banthungpho@example.go.th",
        "email_saraban": "",
        "website": "",
        "facebook_url": "",
        "line_oa": "",
        "contacts": inline_formset(contacts if contacts is not None else [contact_form_data()]),
        "visibility": "public",
        "status": "active",
        "successor": "",
        "closed_reason": "",
        "tags": "",
        "last_verified_at": "",
        "last_verified_by": "",
        "review_interval_days": "365",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def contact_form_data(**overrides) -> dict:
    data = {
        "name": "นายประสิทธิ์ ทองดี",
        "position": "ผู้อำนวยการโรงเรียนบ้านทุ่งโพ",
        "role": "head",
        "phone": "056-531-100 ต่อ 11",
        "email": "prasit@example.go.th",
        "mobile": "081-234-5678",
        "line_id": "prasit.t",
        "home_address": "",
        "period_from": "",
        "period_until": "",
        "phone_public": "on",
        "email_public": "on",
        "consent_recorded_at": "",
        "consent_note": "",
    }
    data.update(overrides)
    return data


def agency_edit_form_data(agency, **overrides) -> dict:
    """Form data for editing `agency`, carrying its inline ids as the rendered editor would."""
    current = agency.latest_revision.as_object() if agency.latest_revision_id else agency
    # The editor round-trips rich text with its block keys; a fresh conversion would not.
    overrides.setdefault("mission", rich_text(current.mission))
    data = agency_form_data(**overrides)
    for prefix, rows in (("phones", current.phones.all()), ("contacts", current.contacts.all())):
        rows = list(rows)
        data[f"{prefix}-INITIAL_FORMS"] = str(len(rows))
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
    return data


def editor_form_data(client, url: str, **overrides) -> dict:
    """The edit form exactly as the rendered editor would submit it, with `overrides` typed in.

    Like Wagtail's querydict_from_html, but a checked checkbox without a value attribute is
    sent as "on", as browsers do.
    """
    from wagtail.test.utils import WagtailTestUtils
    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(url).content.decode()
    data = querydict_from_html(html, form_id="w-editor-form").dict()
    soup = WagtailTestUtils.get_soup(html).find("form", attrs={"id": "w-editor-form"})
    for box in soup.find_all("input", type="checkbox", checked=True):
        if "value" not in box.attrs and box.attrs.get("name"):
            data[box.attrs["name"]] = "on"
    data.update(overrides)
    return data


class Autosave:
    """The editor's autosave as Wagtail 8's `w-autosave` controller runs it in the browser.

    Each save posts the whole form to the form's action with `Accept: application/json`; the
    first one, on the create view, creates the object as a draft, and the reply moves the form to
    the edit view (`url`) and fills in the ids of the inline rows it created (`field_updates`).
    Later saves overwrite the revision the previous save made (`overwrite_revision_id`), which the
    controller adds to its own copy of the form data only: a click on a button does not send it.
    """

    def __init__(self, client, url: str):
        self.client = client
        self.url = url
        self.revision_id = None

    def save(self, data: dict) -> dict:
        """Autosave the form `data`; return it as the form holds it afterwards."""
        posted = dict(data)
        if self.revision_id:
            posted["overwrite_revision_id"] = str(self.revision_id)
        response = self.client.post(self.url, posted, HTTP_ACCEPT="application/json")
        body = response.json()
        assert body["success"], body
        self.revision_id = body.get("revision_id", self.revision_id)
        data = {**data, **body.get("field_updates", {})}
        if "hydrate_url" in body:
            self.url = body["url"]
            hydrated = self.client.get(body["hydrate_url"])
            assert hydrated.status_code == 200
        return data
