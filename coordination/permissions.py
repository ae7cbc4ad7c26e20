"""Who may read what of the registry: the one place each permission check lives.

Writes (add, change, publish) are Wagtail's own permission policy on the Agency snippet, given to
the roles by data migrations; these are the checks the app's own views and hooks make.
"""

VIEW_REGISTRY = "coordination.view_agency"
ADD_AGENCY = "coordination.add_agency"
CHANGE_AGENCY = "coordination.change_agency"


def can_view_registry(user) -> bool:
    """Read the registry beyond its public face: the staff directory view, every agency's
    history and internal contacts (officers, supervisors and staff; not the public)."""
    return bool(user is not None and user.is_authenticated and user.has_perm(VIEW_REGISTRY))


def can_edit_registry(user) -> bool:
    """Write agencies in the admin (officers and supervisors): add one or change one."""
    return bool(
        user is not None
        and user.is_authenticated
        and (user.has_perm(ADD_AGENCY) or user.has_perm(CHANGE_AGENCY))
    )
