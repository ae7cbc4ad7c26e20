"""Friendly Thai error pages: 404 through the site frame, 500 without request or database."""

from django.template import loader
from django.test import RequestFactory
from django.views.defaults import server_error


def test_404_is_thai_with_status_404(client, home_page, office):
    response = client.get("/ไม่มีหน้านี้/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="th">' in html
    assert "ขออภัย ไม่พบหน้าที่คุณต้องการ" in html
    assert 'href="/"' in html
    assert "สพป.อุทัยธานี เขต 1" in html  # the footer and header still show the office


# No `db` fixture: pytest-django makes any database access in these two tests an error.
def test_500_template_renders_standalone_without_request_or_database():
    html = loader.get_template("500.html").render()
    assert '<html lang="th">' in html
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in html


def test_500_view_answers_in_thai_without_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "ระบบขัดข้องชั่วคราว" in response.content.decode()
