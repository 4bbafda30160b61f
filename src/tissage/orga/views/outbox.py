"""The outbox: every message with its delivery status, its text as sent, and a button to send a
failed one again."""

import django_filters

from tissage.core.interfaces.filters import SearchFilterSet, field_label
from tissage.outbox.domain.messages import message_retry
from tissage.outbox.enums import MessageStatus
from tissage.outbox.models import Message

from .generic import OrgaActionView, OrgaDetailView, OrgaListView


class MessageFilter(SearchFilterSet):
    search_fields = ("recipient_email", "recipient_name", "subject")
    status = django_filters.ChoiceFilter(label=field_label(Message, "status"), choices=MessageStatus.choices)

    class Meta:
        model = Message
        fields = ["q", "status"]


class MessageListView(OrgaListView):
    model = Message
    permission_required = "outbox.view_message"
    filterset_class = MessageFilter
    template_name = "orga/outbox/list.html"

    def get_queryset(self):
        return Message.objects.defer("body_text", "body_html", "context").order_by("-created_at", "-pk")


class MessageDetailView(OrgaDetailView):
    model = Message
    permission_required = "outbox.view_message"
    template_name = "orga/outbox/detail.html"

    def get_queryset(self):
        return Message.objects.select_related("person", "content_type")

    def get_context_data(self, **kwargs):
        message = self.object
        about = None
        if message.content_type_id:
            about = message.content_type.model_class()._default_manager.filter(pk=message.object_id).first()
        return super().get_context_data(about=about, **kwargs)


class MessageRetryView(OrgaActionView):
    model = Message
    permission_required = "outbox.change_message"

    def act(self) -> str:
        message = message_retry(actor=self.request.user, message=self.object)
        return message.get_status_display()
