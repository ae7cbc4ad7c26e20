"""Stored Thai sort keys: names ordered in the database in Thai dictionary order.

A key (coordination.thai_sort) is derived from the text it sorts and saved beside it, so every
listing orders by an indexed column, in SQL, at any number of rows. Keys are compared by code
point, which is SQLite's default; on PostgreSQL the column is given the "C" collation, so a
database created with a language collation (en_US, th_TH) orders the keys the same way.
"""

from django.db import models

from coordination.thai_sort import thai_sort_key

# The collation that compares text by code point, per database vendor (SQLite's default does).
_CODE_POINT_COLLATIONS = {"postgresql": "C", "mysql": "utf8mb4_bin"}


class ThaiSortKeyField(models.CharField):
    """A derived, non-editable column that holds a Thai sort key, compared by code point."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        params["collation"] = self.db_collation or _CODE_POINT_COLLATIONS.get(connection.vendor)
        return params


class ThaiSortKeysMixin:
    """Keeps a model's Thai sort keys in step with the text they sort, on every save.

    `thai_sort_sources` maps each key field to the field it is made from, and `thai_sort_text()`
    reads that field's text (an agency's district key sorts the district's name, not its code).
    A save limited to some fields (`update_fields`) also saves the keys of those fields.
    Writes that skip `save()` (bulk_create, the demo's scale loader) set the keys with
    `thai_sort_keys_fill()`.
    """

    thai_sort_sources: dict[str, str] = {"name_sort": "name_th"}

    def thai_sort_text(self, source: str) -> str:
        return getattr(self, source)

    def thai_sort_keys_fill(self) -> None:
        for key_field, source in self.thai_sort_sources.items():
            max_length = self._meta.get_field(key_field).max_length
            setattr(self, key_field, thai_sort_key(self.thai_sort_text(source))[:max_length])

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.thai_sort_keys_fill()
        else:
            keys = [k for k, source in self.thai_sort_sources.items() if source in update_fields]
            if keys:
                self.thai_sort_keys_fill()
                kwargs["update_fields"] = [*update_fields, *keys]
        super().save(*args, **kwargs)
