"""Helpers of the self-service tests: links sent as an officer would, and the form's data as the
agency's browser would post it."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from coordination.self_service_forms import AgencySelfServiceForm
from coordination.services.self_service import confirmation_request_send

BASE_URL = "http://testserver"


def send_link(agency, user, *, email="school@example.go.th", now=None) -> tuple[object, str]:
    """Send a link as `user` would from the admin; returns (the request, the link's path)."""
    outbox_before = len(mail.outbox)
    with TestCase.captureOnCommitCallbacks(execute=True):
        link = confirmation_request_send(
            agency=agency, email=email, user=user, base_url=BASE_URL, now=now
        )
    message = mail.outbox[outbox_before]
    url = next(line for line in message.body.split() if "/confirm/" in line)
    return link, url.removeprefix(BASE_URL)


def confirmation_path(token: str) -> str:
    return reverse("coordination:confirmation", args=[token])


def _value(bound) -> str:
    value = bound.value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    return str(value)


def form_data(agency, *, action="correct", name="นางสาวมาลี ศรีสุข", position="ธุรการ", **changes):
    """The form as the browser posts it, unchanged, then `changes` (field name -> value)."""
    form = AgencySelfServiceForm(instance=agency)
    data = {}
    for bound in form:
        data[bound.html_name] = _value(bound)
    for formset in form.formsets.values():
        management = formset.management_form
        for bound in management:
            data[bound.html_name] = _value(bound)
        for row in formset.forms:
            for bound in row:
                value = _value(bound)
                if value:
                    data[bound.html_name] = value
    data.update({"respondent-name": name, "respondent-position": position, "respondent-note": ""})
    data["action"] = action
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}
