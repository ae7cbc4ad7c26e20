"""The site's answer to an unhandled error: a Thai 503 while the database is unreachable.

Django calls `server_error` (handler500 in cms/urls.py) inside the `except` block that caught the
error, wherever it was raised (a middleware, Wagtail's page lookup, a view), so
`sys.exc_info()` names it here. A database that refuses or drops connections is an outage the
visitor can wait out (503 with Retry-After, which also tells crawlers and proxies not to keep the
page); anything else stays Django's 500. Both pages render without a request context or a query.
"""

import sys

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

from coordination.outages import RETRY_AFTER_SECONDS, database_outage


@requires_csrf_token
def server_error(request, template_name="500.html"):
    if not database_outage(sys.exc_info()[1]):
        return django_server_error(request, template_name=template_name)
    response = HttpResponseServerError(loader.get_template("503.html").render())
    response.status_code = 503
    response.reason_phrase = "Service Unavailable"
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
