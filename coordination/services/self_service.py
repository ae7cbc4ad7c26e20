"""Agencies confirming or correcting their own data through a link (issue 11, manual step 5.6).

An officer sends "ขอให้หน่วยงานยืนยันข้อมูล": a random token, e-mailed to the agency and stored only
as its SHA-256 hash, opens a form of that one agency's live data for 30 days, once.

* "ข้อมูลถูกต้อง" records the verification at once (it changes no public data, so it needs no
  approval): the history and the audit log name the person who confirmed through the link;
  the record's "verified by" user stays empty, because no account of ours did it.
* Corrections become a new draft revision of the agency (no user: the named person wrote it),
  logged with the change reason "แจ้งโดยหน่วยงาน" and the person's name, and submitted to the
  approval workflow in the name of the officer who sent the link (the workflow's messages go to
  that officer). Nothing goes live until the supervisors approve. When that revision is published,
  the history rows of the publication carry the same reason, and the agency counts as verified as
  of the moment it sent its corrections (unless someone verified it later).
"""

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from coordination.display import person_name
from coordination.mail import notification_send
from coordination.models import (
    Agency,
    AgencyPhone,
    ConfirmationLinkState,
    ConfirmationOutcome,
    ConfirmationRequest,
    Contact,
)
from coordination.services.review import agencies_verify
from coordination.services.workflow import workflow_submit
from coordination.thai_dates import thai_date

LINK_VALID_DAYS = 30
CORRECTION_LOG_ACTION = "coordination.self_service_correction"
REQUEST_LOG_ACTION = "coordination.confirmation_request"
# simple-history keeps a change reason of at most this many characters.
CHANGE_REASON_LENGTH = 100


class LinkNotUsable(Exception):
    """The link was used, revoked or has expired in the meantime."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def self_service_change_reason(name: str) -> str:
    """What the history says about data the agency sent itself."""
    return (_("แจ้งโดยหน่วยงาน") + f": {name}")[:CHANGE_REASON_LENGTH]


def self_service_confirm_reason(name: str) -> str:
    return (_("ยืนยันข้อมูลโดยหน่วยงาน") + f": {name}")[:CHANGE_REASON_LENGTH]


def public_base_url() -> str:
    """Where links point when no request says (commands): the site's address, the setting
    WAGTAILADMIN_BASE_URL (Wagtail's own e-mails use it too)."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "")


def confirmation_link_url(token: str, *, base_url: str) -> str:
    path = reverse("coordination:confirmation", args=[token])
    return base_url.rstrip("/") + path


@dataclass
class SendResult:
    sent: list[ConfirmationRequest] = field(default_factory=list)
    # Agencies that have no e-mail address to send to.
    skipped: list[Agency] = field(default_factory=list)


def confirmation_default_email(agency: Agency) -> str:
    """Where a link goes when the officer does not choose: the agency's general e-mail, its
    official-correspondence e-mail, else its first contact's."""
    if agency.email:
        return agency.email
    if agency.email_saraban:
        return agency.email_saraban
    for contact in agency.contacts.all():
        if contact.email:
            return contact.email
    return ""


def _send_link_mail(link: ConfirmationRequest, *, token: str, base_url: str, user) -> None:
    names = {
        "agency": link.agency.name_th,
        "office": getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "expires": thai_date(link.expires_at),
        "url": confirmation_link_url(token, base_url=base_url),
        "officer": person_name(user) if user else "",
    }
    subject = _("ขอให้ตรวจสอบและยืนยันข้อมูลหน่วยงาน: %(agency)s") % names
    paragraphs = [
        _("เรียน ผู้ประสานงานของ%(agency)s") % names,
        _(
            "%(office)s ขอความร่วมมือตรวจสอบข้อมูลพื้นฐานของหน่วยงานท่านที่สำนักงานใช้ในการประสานงาน "
            "(ชื่อ ที่อยู่ หมายเลขโทรศัพท์ อีเมล และผู้ประสานงาน)"
        )
        % names,
        _("เปิดแบบฟอร์มได้ที่ลิงก์นี้ ใช้ได้ครั้งเดียว ภายในวันที่ %(expires)s:\n%(url)s") % names,
        _(
            "หากข้อมูลถูกต้องทั้งหมด กด “ข้อมูลถูกต้อง” หากมีสิ่งที่ต้องแก้ไข แก้ในแบบฟอร์มแล้วกด "
            "“ส่งข้อมูลที่แก้ไข” ข้อมูลที่แก้ไขจะเผยแพร่หลังผู้บังคับบัญชาของสำนักงานอนุมัติแล้ว"
        ),
        _("หากท่านไม่เกี่ยวข้องกับหน่วยงานนี้ โปรดเพิกเฉยต่ออีเมลฉบับนี้"),
    ]
    if names["officer"]:
        paragraphs.append(_("%(officer)s\nเจ้าหน้าที่ผู้ประสานงาน %(office)s") % names)
    send_mail(subject, "\n\n".join(paragraphs), settings.DEFAULT_FROM_EMAIL, [link.email])


def confirmation_request_send(
    *, agency: Agency, email: str, user, base_url: str, now=None
) -> ConfirmationRequest:
    """Create one link for `agency`, e-mail it to `email`, and log it on the agency."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = ConfirmationRequest.objects.create(
            agency=agency,
            email=email,
            token_hash=token_hash(token),
            created_by=user,
            created_at=now,
            expires_at=now + timedelta(days=LINK_VALID_DAYS),
        )
        log(instance=agency, action=REQUEST_LOG_ACTION, user=user, data={"email": email})
        transaction.on_commit(
            lambda: _send_link_mail(link, token=token, base_url=base_url, user=user)
        )
    return link


def confirmation_requests_send(
    agencies, *, user, base_url: str, now=None, progress=None
) -> SendResult:
    """Send each agency a link at its default address (`confirmation_default_email`)."""
    result = SendResult()
    agencies = list(agencies)
    for done, agency in enumerate(agencies, start=1):
        email = confirmation_default_email(agency)
        if not email:
            result.skipped.append(agency)
        else:
            result.sent.append(
                confirmation_request_send(
                    agency=agency, email=email, user=user, base_url=base_url, now=now
                )
            )
        if progress:
            progress(done, len(agencies))
    return result


def _tell_sender(link: ConfirmationRequest, *, outcome: str, who: str) -> None:
    """Tell the officer who sent the link that the agency answered."""
    sender = link.created_by
    if sender is None or not sender.email:
        return
    names = {"agency": link.agency.name_th, "who": who, "officer": person_name(sender)}
    if outcome == ConfirmationOutcome.CONFIRMED:
        subject = _("หน่วยงานยืนยันข้อมูลแล้ว: %(agency)s") % names
        news = _("%(who)s ยืนยันว่าข้อมูลของ%(agency)s ถูกต้อง บันทึกการตรวจสอบข้อมูลแล้ว") % names
    else:
        subject = _("หน่วยงานส่งข้อมูลแก้ไข: %(agency)s") % names
        news = (
            _(
                "%(who)s ส่งข้อมูลแก้ไขของ%(agency)s เป็นฉบับร่างที่เข้าขั้นตอนการอนุมัติในนามของคุณแล้ว "
                "ดูสิ่งที่แก้ไขได้ในรายการลิงก์ยืนยันข้อมูล"
            )
            % names
        )
    body = "\n\n".join([_("เรียน %(officer)s") % names, news])
    transaction.on_commit(lambda: notification_send(subject=subject, body=body, to=[sender.email]))


def confirmation_request_find(token: str) -> ConfirmationRequest | None:
    """The link a token opens, or None for a token we never issued (forged or mistyped)."""
    if not token or len(token) > 100:
        return None
    return (
        ConfirmationRequest.objects.select_related("agency", "created_by")
        .filter(token_hash=token_hash(token))
        .first()
    )


def _lock_active(link: ConfirmationRequest, now) -> ConfirmationRequest:
    """The link, locked for this transaction; raises LinkNotUsable unless it is still open."""
    locked = (
        ConfirmationRequest.objects.select_for_update(of=("self",))
        .select_related("agency", "created_by")
        .get(pk=link.pk)
    )
    state = locked.state_at(now)
    if state != ConfirmationLinkState.ACTIVE:
        raise LinkNotUsable(state)
    return locked


def confirmation_confirm(
    link: ConfirmationRequest, *, name: str, position: str = "", now=None
) -> None:
    """The agency says its data is correct: verified now, in the named person's name."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_active(link, now)
        agency = Agency.objects.get(pk=locked.agency_id)
        who = f"{name} ({position})" if position else name
        agencies_verify(
            [agency],
            user=None,
            now=now,
            note=_("ยืนยันโดย %(who)s ผ่านลิงก์ที่ส่งถึง %(email)s") % {"who": who, "email": locked.email},
            reason=self_service_confirm_reason(who),
        )
        locked.used_at = now
        locked.outcome = ConfirmationOutcome.CONFIRMED
        locked.respondent_name = name
        locked.respondent_position = position
        locked.save(update_fields=["used_at", "outcome", "respondent_name", "respondent_position"])
        _tell_sender(locked, outcome=ConfirmationOutcome.CONFIRMED, who=who)


def confirmation_correct(
    link: ConfirmationRequest,
    *,
    agency: Agency,
    name: str,
    position: str = "",
    note: str = "",
    now=None,
):
    """The agency sends corrections: `agency` is its live record with the corrections applied
    in memory (a validated form's instance). Saves a draft revision and submits it for approval;
    returns the revision. Writes nothing to the live record's data."""
    now = now or timezone.now()
    if agency.pk != link.agency_id:
        raise ValueError("a link corrects only its own agency")
    with transaction.atomic():
        locked = _lock_active(link, now)
        who = f"{name} ({position})" if position else name
        reason = self_service_change_reason(who)
        revision = agency.save_revision(user=None, clean=False, log_action=False)
        log(
            instance=agency,
            action=CORRECTION_LOG_ACTION,
            user=None,
            revision=revision,
            content_changed=True,
            data={
                "name": name,
                "position": position,
                "email": locked.email,
                "note": note,
                "comment": reason,
            },
        )
        workflow_submit(agency, user=locked.created_by, workflow=agency.get_workflow())
        locked.used_at = now
        locked.outcome = ConfirmationOutcome.CORRECTED
        locked.respondent_name = name
        locked.respondent_position = position
        locked.revision = revision
        locked.save(
            update_fields=[
                "used_at",
                "outcome",
                "respondent_name",
                "respondent_position",
                "revision",
            ]
        )
        _tell_sender(locked, outcome=ConfirmationOutcome.CORRECTED, who=who)
    return revision


def confirmation_request_revoke(link: ConfirmationRequest, *, user, now=None) -> bool:
    """Close an outstanding link; False when it was no longer open."""
    now = now or timezone.now()
    updated = ConfirmationRequest.objects.filter(
        pk=link.pk, revoked_at__isnull=True, used_at__isnull=True
    ).update(revoked_at=now, revoked_by=user)
    return bool(updated)


def self_service_published(sender=None, *, instance, revision=None, **kwargs) -> None:
    """Receiver of Wagtail's `published` signal (connected by the app config). After a revision
    is published: if it is an agency's own correction, name the agency in
    the history rows the publication wrote, and count the agency as verified as of the moment
    it sent the correction (a later verification is kept)."""
    if not isinstance(instance, Agency) or revision is None:
        return
    link = (
        ConfirmationRequest.objects.filter(revision=revision, outcome=ConfirmationOutcome.CORRECTED)
        .order_by("-used_at")
        .first()
    )
    if link is None:
        return
    who = (
        f"{link.respondent_name} ({link.respondent_position})"
        if link.respondent_position
        else link.respondent_name
    )
    reason = self_service_change_reason(who)
    since = instance.last_published_at
    if since is not None:
        recent = Q(history_date__gte=since, history_change_reason__isnull=True)
        Agency.history.filter(recent, id=instance.pk).update(history_change_reason=reason)
        Contact.history.filter(recent, agency_id=instance.pk).update(history_change_reason=reason)
        AgencyPhone.history.filter(recent, agency_id=instance.pk).update(
            history_change_reason=reason
        )
    if instance.last_verified_at is None or instance.last_verified_at < link.used_at:
        agencies_verify(
            [instance],
            user=None,
            now=link.used_at,
            note=_("ข้อมูลที่หน่วยงานแจ้งแก้ไข (โดย %(who)s) ได้รับอนุมัติและเผยแพร่แล้ว") % {"who": who},
            reason=self_service_confirm_reason(who),
        )
