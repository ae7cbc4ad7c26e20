"""Thai values in the admin's "compare revisions" view.

Wagtail's generic ``FieldComparison`` prints a value with ``str()``: a checkbox reads
``True``/``False``, an empty number or date ``None``. The comparison classes registered here
(``register_comparison_class``, the hook Wagtail's own apps use) print them with
``coordination.display.field_value_text`` instead, as the agency timeline does.
"""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.html import escape
from wagtail.admin.compare import (
    FieldComparison,
    ForeignObjectComparison,
    TextDiff,
    register_comparison_class,
)

from coordination.display import EMPTY, field_value_text, person_name


class ValueTextComparison(FieldComparison):
    """A field compared by its display text (ใช่/ไม่ใช่, —, Buddhist Era dates)."""

    def htmldiff(self):
        old = field_value_text(self.field, self.val_a)
        new = field_value_text(self.field, self.val_b)
        if self.val_a != self.val_b:
            return TextDiff([("deletion", old), ("addition", new)]).to_html()
        return escape(old)


class PersonComparison(ForeignObjectComparison):
    """A user field (ตรวจสอบโดย) compared by the person's name, not their login."""

    def htmldiff(self):
        old, new = (person_name(user) or EMPTY for user in self.get_objects())
        if old != new:
            return TextDiff([("deletion", old), ("addition", new)]).to_html()
        return escape(old)


# Fields that Wagtail has no comparison class for, and that str() would print in English.
VALUE_TEXT_FIELDS = [
    models.BooleanField,
    models.IntegerField,
    models.DecimalField,
    models.FloatField,
    models.DateField,  # and DateTimeField
]


def register_comparison_classes() -> None:
    for field_class in VALUE_TEXT_FIELDS:
        register_comparison_class(field_class, comparison_class=ValueTextComparison)
    register_comparison_class(
        models.ForeignKey, to=get_user_model(), comparison_class=PersonComparison
    )
