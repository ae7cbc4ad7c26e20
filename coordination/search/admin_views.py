"""The admin's agency listing and chooser: search with the Thai segmenter, Thai name order.

Editors search drafts, internal-only and unpublished agencies too: the admin passes its own
queryset with ``public=False``; permissions are Wagtail's, as for any snippet listing.
Names sort by their stored Thai sort key (``name_sort``, coordination.thai_sort), not by code
point: the name column's header sorts by it, and it breaks ties of the other columns.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)
from wagtail.snippets.views.snippets import IndexView

from coordination.permissions import can_edit_registry, can_view_registry, is_supervisor
from coordination.search.queries import agency_search


class ThaiNameOrderingMixin:
    """For the admin listings of models with a Thai name (`name_th`) and its sort key
    (`name_sort`): the name column sorts by the key, and any order ends with name, then pk, so
    that rows with equal values keep one order from page to page."""

    def _get_custom_column(self, field_name, *args, **kwargs):
        column = super()._get_custom_column(field_name, *args, **kwargs)
        if column.sort_key == "name_th":
            column.sort_key = "name_sort"
        return column

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        ordering = list(queryset.query.order_by)
        if not ordering:  # the model's own order (Meta.ordering) already ends with the key
            return queryset
        named = {str(field).lstrip("-") for field in ordering}
        return queryset.order_by(*ordering, *(f for f in ("name_sort", "pk") if f not in named))


class AgencyIndexView(ThaiNameOrderingMixin, IndexView):
    """The snippet listing; a search keeps the column the editor sorted by, if any."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        results = agency_search(queryset, self.search_query, public=False)
        if self.is_explicitly_ordered:
            return results.order_by(*queryset.query.order_by)
        return results


class AgencyChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("คำค้น"),
        widget=forms.TextInput(attrs={"placeholder": _("ชื่อ ชื่อย่อ อำเภอ รหัส หรือเบอร์โทรศัพท์")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        search_query = self.cleaned_data.get("q")
        if search_query:
            objects = agency_search(objects, search_query, public=False)
            self.is_searching = True
            self.search_query = search_query
        return objects


class RegistryReadersMixin:
    """The chooser lists agencies by name, internal ones included: only for those who may read
    the registry (view_agency); agencies that were never published (drafts) only for those who
    write or approve them."""

    def dispatch(self, request, *args, **kwargs):
        if not can_view_registry(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return chooser_agencies(super().get_object_list(), user=self.request.user)


def chooser_agencies(queryset, *, user):
    if can_edit_registry(user) or is_supervisor(user):
        return queryset
    return queryset.filter(live=True)


class AgencyChooseView(RegistryReadersMixin, ChooseView):
    filter_form_class = AgencyChooserFilterForm
    ordering = ("name_sort", "pk")


class AgencyChooseResultsView(RegistryReadersMixin, ChooseResultsView):
    filter_form_class = AgencyChooserFilterForm
    ordering = ("name_sort", "pk")


class AgencyChosenView(RegistryReadersMixin, SnippetChosenView):
    def get_object(self, pk):
        return chooser_agencies(self.model_class.objects.all(), user=self.request.user).get(pk=pk)


class AgencyChosenMultipleView(RegistryReadersMixin, SnippetChosenMultipleView):
    def get_objects(self, pks):
        objects = chooser_agencies(self.model_class.objects.all(), user=self.request.user)
        return objects.filter(pk__in=pks)


class AgencyChooserCreateView(SnippetCreateView):
    """An agency is created in its editor, where it enters approval; the chooser has no form
    for it, and a post here is answered 400 instead of failing on the missing form."""

    def post(self, request):
        if self.get_creation_form_class() is None:
            return HttpResponseBadRequest(gettext("สร้างหน่วยงานจากหน้าต่างเลือกไม่ได้"))
        return super().post(request)


class AgencyChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AgencyChooseView
    choose_results_view_class = AgencyChooseResultsView
    chosen_view_class = AgencyChosenView
    chosen_multiple_view_class = AgencyChosenMultipleView
    create_view_class = AgencyChooserCreateView
