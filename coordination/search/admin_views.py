"""The admin's agency listing and chooser search with the Thai segmenter.

Editors search drafts, internal-only and unpublished agencies too: the admin passes its own
queryset with ``public=False``; permissions are Wagtail's, as for any snippet listing.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView

from coordination.search.queries import agency_search


class AgencyIndexView(IndexView):
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


class AgencyChooseResultsView(ChooseResultsView):
    filter_form_class = AgencyChooserFilterForm


class AgencyChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AgencyChooseView
    choose_results_view_class = AgencyChooseResultsView
