"""Documents and images uploaded by editors are not public until a supervisor approves them.

Officers and the group director may add documents and images only to the collection
PENDING_UPLOADS (home migration 0006); that collection carries a login-only view restriction, so
Wagtail's document view (WAGTAILDOCS_SERVE_METHOD = "serve_view") sends an anonymous visitor to
the login page instead of the file. The deputy director, who publishes (docs/roles.md), approves
an upload by moving it to a public collection: the document's edit form, or the listing's bulk
"add to collection". Allowed types and size limits are settings (cms/settings/base.py).

Images have no view restriction in Wagtail: an image's original file is never linked by the site
(nginx refuses /media/original_images/), and its renditions become public only in a page, which
goes through the same approval workflow as any page.
"""

# The collection that holds new uploads until a supervisor approves them ("awaiting review").
PENDING_UPLOADS = "รอตรวจสอบ (ยังไม่เผยแพร่)"
