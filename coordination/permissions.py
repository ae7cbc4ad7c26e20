"""Who may read what of the registry: the one place each permission check lives.

Writes (add, change, publish) are Wagtail's own permission policy on the Agency snippet, given to
the roles by data migrations; these are the checks the app's own views and hooks make.
"""

VIEW_REGISTRY = "coordination.view_agency"


def can_view_registry(user) -> bool:
    """Read the registry beyond its public face: the staff directory view, every agency's
    history and internal contacts (officers, supervisors and staff; not the public)."""
    return bool(user is not None and user.is_authenticated and user.has_perm(VIEW_REGISTRY))
