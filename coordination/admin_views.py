"""Admin-only endpoints of the registry."""

from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from coordination import geo


@require_GET
@cache_control(private=True, max_age=86400)
def address_reference(request):
    """The Thai address reference for the cascading pickers, served from this server."""
    return JsonResponse(geo.address_reference(), json_dumps_params={"ensure_ascii": False})
