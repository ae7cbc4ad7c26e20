"""Model cleaning that keeps invisible control characters out of every text field."""

from django.db import models
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField

from coordination.text import text_without_controls


def _without_controls(data):
    """`data` (a StreamField's stored form: lists, dicts, strings) with no control character."""
    if isinstance(data, str):
        return text_without_controls(data, multiline=True)
    if isinstance(data, list):
        return [_without_controls(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_controls(item) for key, item in data.items()}
    return data


class TextCleaningMixin:
    """Strips control characters from every CharField and TextField (rich text included) when
    the model is cleaned, before Django's own field validation.

    Cleaning is where every way in meets: Wagtail's page, snippet and settings editors and their
    inline panels (each ModelForm cleans its instance), imports and `Page.save()`. Text fields
    (TextField, RichTextField) and the text inside StreamField blocks keep their line breaks and
    tabs; single-line fields don't.
    """

    def clean_fields(self, exclude=None):
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            if isinstance(field, StreamField) and isinstance(value, StreamValue):
                stored = field.stream_block.get_prep_value(value)
                cleaned = _without_controls(stored)
                if cleaned != stored:
                    setattr(self, field.attname, field.to_python(cleaned))
                continue
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if isinstance(value, str):
                multiline = isinstance(field, models.TextField)
                setattr(self, field.attname, text_without_controls(value, multiline=multiline))
        super().clean_fields(exclude=exclude)
