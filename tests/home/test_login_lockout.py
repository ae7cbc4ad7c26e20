"""Wrong passwords: both login forms lock a username out from an address for a while, in Thai;
and an admin session ends after a working day."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
PAGE_LOGIN = "/_util/login/"  # Wagtail's login for login-only pages
LOCKED_OUT = "ใส่รหัสผ่านผิดครบ 5 ครั้ง"
# Any fixed moment: the lock-out's wait is counted from the clock, moved below.
MORNING = datetime(2026, 6, 15, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok"))


def log_in(client, path, username, password, address="203.0.113.7"):
    return client.post(
        path, {"username": username, "password": password}, REMOTE_ADDR=address, follow=False
    )


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def wrong_passwords(client, path, username, times=5, address="203.0.113.7"):
    """`times` wrong passwords: the form again with its error, and the fifth says locked out."""
    for attempt in range(1, times + 1):
        response = log_in(client, path, username, "not-the-password", address)
        assert response.status_code == (429 if attempt == 5 else 200)


@pytest.mark.parametrize("path", [ADMIN_LOGIN, PAGE_LOGIN])
def test_five_wrong_passwords_refuse_even_the_right_one_in_thai(client, officer, path):
    with time_machine.travel(MORNING, tick=False):
        wrong_passwords(client, path, "officer")
        response = log_in(client, path, "officer", "password")
        assert response.status_code == 429
        page = response.content.decode()
        assert LOCKED_OUT in page and "โปรดลองใหม่ในอีก 15 นาที" in page
        assert not signed_in(client)


def test_a_lock_out_on_one_form_holds_on_the_other(client, officer):
    with time_machine.travel(MORNING, tick=False):
        wrong_passwords(client, PAGE_LOGIN, "officer")
        assert log_in(client, ADMIN_LOGIN, "officer", "password").status_code == 429
        assert not signed_in(client)


def test_another_user_and_another_address_are_unaffected(client, officer, staff_member):
    with time_machine.travel(MORNING, tick=False):
        wrong_passwords(client, ADMIN_LOGIN, "officer")
        assert log_in(client, ADMIN_LOGIN, "staff", "password").status_code == 302
        assert signed_in(client)
        client.logout()
        response = log_in(client, ADMIN_LOGIN, "officer", "password", address="198.51.100.20")
        assert response.status_code == 302


def test_the_lock_out_ends_after_the_cool_off(client, officer):
    with time_machine.travel(MORNING, tick=False) as clock:
        wrong_passwords(client, ADMIN_LOGIN, "officer")
        clock.shift(timedelta(minutes=14))
        assert log_in(client, ADMIN_LOGIN, "officer", "password").status_code == 429
        # The refused attempt started the wait again.
        clock.shift(timedelta(minutes=16))
        assert log_in(client, ADMIN_LOGIN, "officer", "password").status_code == 302
        assert signed_in(client)


def test_a_successful_login_clears_the_count(client, officer):
    with time_machine.travel(MORNING, tick=False):
        wrong_passwords(client, ADMIN_LOGIN, "officer", times=4)
        assert log_in(client, ADMIN_LOGIN, "officer", "password").status_code == 302
        client.logout()
        wrong_passwords(client, ADMIN_LOGIN, "officer", times=4)
        assert log_in(client, ADMIN_LOGIN, "officer", "password").status_code == 302


def test_an_admin_session_ends_after_a_working_day_and_with_the_browser(client, officer):
    with time_machine.travel(MORNING, tick=False) as clock:
        response = log_in(client, ADMIN_LOGIN, "officer", "password")
        assert response.status_code == 302
        # A browser-session cookie: closing the browser signs out.
        cookie = response.cookies["sessionid"]
        assert not cookie["max-age"] and not cookie["expires"]
        clock.shift(timedelta(hours=7, minutes=50))
        assert signed_in(client)
        clock.shift(timedelta(hours=8, minutes=1) - timedelta(hours=7, minutes=50))
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith(ADMIN_LOGIN)
