"""Notification e-mail that never fails the action it reports.

A notification tells someone that something happened (a report arrived, an approval was
cancelled, an agency answered, an import awaits approval); the action itself is already saved. When
the mail server refuses, times out or rejects the message, the action still succeeds and the
failure is logged for whoever watches the logs. Mail that *is* the action (a confirmation link,
the daily review digest) is sent directly and fails loudly instead.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage

logger = logging.getLogger(__name__)


def notification_send(*, subject: str, body: str, to: list[str]) -> bool:
    """Send one notification; False (and an error in the log) when it could not be sent."""
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to=to)
    try:
        return bool(message.send())
    except OSError:
        # Refused connections, timeouts and every smtplib.SMTPException are OSErrors.
        logger.exception("E-mail not sent (%s) to %s", subject, ", ".join(to))
        return False
