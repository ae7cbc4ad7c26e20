"""The page a locked-out login gets (django-axes, settings `AXES_LOCKOUT_CALLABLE`).

Both login forms, the admin's and the one of login-only pages, answer it once a username has had
too many wrong passwords from one address: in Thai, saying how long to wait.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext


def login_locked_out(request, original_response=None, credentials=None):
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    message = gettext(
        "ใส่รหัสผ่านผิดครบ %(limit)d ครั้ง ชื่อผู้ใช้นี้จึงเข้าสู่ระบบจากเครื่องนี้ไม่ได้ชั่วคราว "
        "โปรดลองใหม่ในอีก %(minutes)d นาที หรือติดต่อผู้ดูแลระบบ"
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    # Rendered at once: django-axes swaps it in after the view's response was rendered.
    response = render(
        request,
        "login_locked_out.html",
        {"message": message, "login_url": request.get_full_path()},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response
