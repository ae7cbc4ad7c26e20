"""Public views of the agencies' self-service: the confirmation link's form and the
"แจ้งแก้ไขข้อมูล" report of an agency page.

Both are forms with a CSRF token and personal or unpublished data: never cached (by our page
cache, a proxy or a CDN), and never indexed by search engines.
"""

from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.csrf import csrf_protect

from coordination.cards import public_agencies
from coordination.geo import district_name, province_name, subdistrict_name
from coordination.layout import base_template
from coordination.models import Agency, ConfirmationLinkState
from coordination.ratelimit import rate_limit_wait
from coordination.selectors.directory import agency_url
from coordination.self_service_forms import (
    AgencySelfServiceForm,
    CorrectionReportForm,
    RespondentForm,
)
from coordination.services.correction_reports import correction_report_create
from coordination.services.self_service import (
    LinkNotUsable,
    confirmation_confirm,
    confirmation_correct,
    confirmation_request_find,
)

CONFIRM_ACTION = "confirm"
CORRECT_ACTION = "correct"


def _private(response, *, noindex: bool = True):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    if noindex:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render(request, template: str, context: dict, *, status: int = 200):
    context = {"coordination_base_template": base_template(), **context}
    response = TemplateResponse(request, template, context, status=status)
    return _private(response)


def _link_problem(request, state: str):
    """A link that opens nothing: the same page for every reason, saying which, and no data."""
    status = 404 if state == "unknown" else 410
    return _render(
        request, "coordination/self_service/link_problem.html", {"state": state}, status=status
    )


@csrf_protect
def confirmation_view(request, token: str):
    link = confirmation_request_find(token)
    if link is None:
        return _link_problem(request, "unknown")
    state = link.state_at(timezone.now())
    if state != ConfirmationLinkState.ACTIVE:
        return _link_problem(request, state)
    agency = Agency.objects.get(pk=link.agency_id)
    data = request.POST if request.method == "POST" else None
    form = AgencySelfServiceForm(data, instance=agency)
    respondent = RespondentForm(data)
    action = request.POST.get("action") if data is not None else None
    problem = ""
    if action in (CONFIRM_ACTION, CORRECT_ACTION):
        forms_valid = respondent.is_valid() and form.is_valid()
        if forms_valid and action == CONFIRM_ACTION and form.has_any_change():
            problem = "changed"
        elif forms_valid and action == CORRECT_ACTION and not form.has_any_change():
            problem = "unchanged"
        elif forms_valid:
            who = respondent.cleaned_data
            try:
                with transaction.atomic():
                    if action == CONFIRM_ACTION:
                        confirmation_confirm(link, name=who["name"], position=who["position"])
                    else:
                        confirmation_correct(
                            link,
                            agency=form.save(commit=False),
                            name=who["name"],
                            position=who["position"],
                            note=who["note"],
                        )
            except LinkNotUsable as exc:
                return _link_problem(request, exc.state)
            return _render(
                request,
                "coordination/self_service/done.html",
                {"outcome": action, "agency_name": agency.name_th},
            )
    summary = []
    if data is not None:
        summary = respondent_summary(respondent) + form.error_summary()
    return _render(
        request,
        "coordination/self_service/confirmation_form.html",
        {
            "form": form,
            "respondent": respondent,
            "agency": agency,
            "address_place": " ".join(
                part
                for part in (
                    subdistrict_name(agency.subdistrict_code),
                    district_name(agency.district_code),
                    province_name(agency.province_code),
                )
                if part
            ),
            "link": link,
            "error_summary": summary,
            "problem": problem,
        },
        status=400 if data is not None else 200,
    )


def respondent_summary(respondent: RespondentForm) -> list[tuple[str, str, str]]:
    return [
        (respondent[name].id_for_label, respondent.fields[name].label, message)
        for name, messages in respondent.errors.items()
        if name in respondent.fields
        for message in messages
    ]


@csrf_protect
def agency_report_view(request, *, page, slug):
    """แจ้งแก้ไขข้อมูล of one public agency (route of the directory page)."""
    # Only agencies the public may see can be reported (public data rule).
    agency = public_agencies().filter(slug=slug).first()
    if agency is None:
        raise Http404
    agency_page_url = agency_url(page.agency_url_base(request), slug)
    form = CorrectionReportForm(request.POST if request.method == "POST" else None)
    context = {
        "agency_name": agency.name_th,
        "agency_page_url": agency_page_url,
        "form": form,
        "page": page,
    }
    if request.method == "POST":
        if (wait := rate_limit_wait(request, scope="report")) is not None:
            response = _render(
                request, "coordination/self_service/rate_limited.html", context, status=429
            )
            response["Retry-After"] = str(wait)
            return response
        if form.is_spam:
            # A robot filled the hidden field: thank it, keep nothing.
            return _render(request, "coordination/self_service/report_sent.html", context)
        if form.is_valid():
            choices = dict(form.fields["field"].choices)
            correction_report_create(
                agency=agency,
                field=form.cleaned_data["field"],
                field_label=str(choices[form.cleaned_data["field"]]),
                text=form.cleaned_data["text"],
                contact_name=form.cleaned_data["contact_name"],
                contact_email=form.cleaned_data["contact_email"],
                contact_phone=form.cleaned_data["contact_phone"],
            )
            return _render(request, "coordination/self_service/report_sent.html", context)
        context["error_summary"] = form.error_summary()
        return _render(request, "coordination/self_service/report_form.html", context, status=400)
    return _render(request, "coordination/self_service/report_form.html", context)
