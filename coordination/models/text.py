"""Model cleaning that keeps invisible control characters out of every text field."""

from django.db import models

from coordination.text import text_without_controls


class TextCleaningMixin:
    """Strips control characters from every CharField and TextField (rich text included) when
    the model is cleaned, before Django's own field validation.

    Cleaning is where every way in meets: Wagtail's page, snippet and settings editors and their
    inline panels (each ModelForm cleans its instance), imports and `Page.save()`. Text fields
    (TextField, RichTextField) keep their line breaks and tabs; single-line fields don't.
    """

    def clean_fields(self, exclude=None):
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            value = getattr(self, field.attname)
            if isinstance(value, str):
                multiline = isinstance(field, models.TextField)
                setattr(self, field.attname, text_without_controls(value, multiline=multiline))
        super().clean_fields(exclude=exclude)
