"""The roles of the chain of command (manual definition 4) and what each may do.

Groups are created by migration 0002; these names are how code and tests find them.
"""

OFFICERS = "เจ้าหน้าที่ (Officers)"
GROUP_DIRECTOR = "ผู้อำนวยการกลุ่มอำนวยการ (Group director)"
DEPUTY_DIRECTOR = "รองผู้อำนวยการ สพป. (Deputy director)"
STAFF = "บุคลากร (Staff)"

APPROVAL_WORKFLOW = "อนุมัติตามลำดับชั้น"
FIRST_APPROVAL_TASK = "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"
FINAL_APPROVAL_TASK = "รองผู้อำนวยการ สพป. อนุมัติและเผยแพร่"

_REGISTRY_VIEW = {
    "coordination.agency": ["view"],
    "coordination.agencycategory": ["view"],
    "coordination.schoolnetwork": ["view"],
}

# app_label.model -> actions, per group. Nobody but the deputy director may publish or delete.
ROLE_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    OFFICERS: {
        **_REGISTRY_VIEW,
        "coordination.agency": ["add", "change", "view", "lock"],
    },
    GROUP_DIRECTOR: {
        **_REGISTRY_VIEW,
        "coordination.agency": ["change", "view", "lock", "unlock"],
    },
    DEPUTY_DIRECTOR: {
        "coordination.agency": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
        "coordination.agencycategory": ["add", "change", "delete", "view"],
        "coordination.schoolnetwork": ["add", "change", "delete", "view"],
    },
    STAFF: dict(_REGISTRY_VIEW),
}
