"""The admin's agency listing and chooser: search with the Thai segmenter, Thai name order.

Editors search drafts, internal-only and unpublished agencies too: the admin passes its own
queryset with ``public=False``; permissions are Wagtail's, as for any snippet listing.
Names sort by their stored Thai sort key (``name_sort``, coordination.thai_sort), not by code
point: the name column's header sorts by it, and it breaks ties of the other columns.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView

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


class AgencyChooseView(ChooseView):
    filter_form_class = AgencyChooserFilterForm
    ordering = ("name_sort", "pk")


class AgencyChooseResultsView(ChooseResultsView):
    filter_form_class = AgencyChooserFilterForm
    ordering = ("name_sort", "pk")


class AgencyChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AgencyChooseView
    choose_results_view_class = AgencyChooseResultsView
