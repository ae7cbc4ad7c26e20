"""Who may read what of the registry: the one place each permission check lives.

Writes (add, change, publish) are Wagtail's own permission policy on the Agency snippet, given to
the roles by data migrations; these are the checks the app's own views and hooks make.
"""

VIEW_REGISTRY = "coordination.view_agency"
ADD_AGENCY = "coordination.add_agency"
CHANGE_AGENCY = "coordination.change_agency"
SUPERVISE_REVIEW = "coordination.supervise_review"


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


def can_verify_agencies(user) -> bool:
    """Confirm that agencies' data is still correct ("ยืนยันข้อมูลถูกต้อง"): whoever may change
    agencies (officers and supervisors). Staff read only."""
    return bool(user is not None and user.is_authenticated and user.has_perm(CHANGE_AGENCY))


def is_supervisor(user) -> bool:
    """The chain of command of manual definition 4 (the group director and the deputy director,
    granted by migration 0012) or a superuser: they reassign responsibility and read the
    office-wide review figures. A permission, not a group lookup: Django caches a user's
    permissions, so the admin menu asks no extra query on every page."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(SUPERVISE_REVIEW)
    )


def can_assign_officers(user) -> bool:
    """Make another officer responsible for agencies (bulk "มอบหมายผู้รับผิดชอบ")."""
    return is_supervisor(user)


def is_author_of_change(user, obj) -> bool:
    """Separation of duties: `user` submitted the change of `obj` (an agency or a page) now in
    approval, or wrote the revision under review or the latest one. Such a person approves no
    step of it, superusers included: an approval is a second person's word."""
    if user is None or not user.is_authenticated:
        return False
    state = obj.current_workflow_state
    if state is not None:
        if state.requested_by_id == user.pk:
            return True
        task_state = state.current_task_state
        if task_state is not None and task_state.revision.user_id == user.pk:
            return True
    latest = obj.latest_revision
    return latest is not None and latest.user_id == user.pk
