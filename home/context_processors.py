from django.utils.functional import SimpleLazyObject

from home.chrome import site_chrome


def office(request):
    """`office`: the office's details for every template, read from the cached site frame only
    when a template uses it."""
    return {"office": SimpleLazyObject(lambda: site_chrome(request).office)}
