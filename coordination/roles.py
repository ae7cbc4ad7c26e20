"""The roles of the chain of command (manual definition 4) and what each may do.

Groups and their permissions are created by migration 0002; these names are how code and tests
find them. A change of what a role may do is a new data migration, never an edit of an applied one.
"""

OFFICERS = "เจ้าหน้าที่ (Officers)"
GROUP_DIRECTOR = "ผู้อำนวยการกลุ่มอำนวยการ (Group director)"
DEPUTY_DIRECTOR = "รองผู้อำนวยการ สพป. (Deputy director)"
STAFF = "บุคลากร (Staff)"

APPROVAL_WORKFLOW = "อนุมัติตามลำดับชั้น"
FIRST_APPROVAL_TASK = "ผู้อำนวยการกลุ่มอำนวยการพิจารณา"
FINAL_APPROVAL_TASK = "รองผู้อำนวยการ สพป. อนุมัติและเผยแพร่"
