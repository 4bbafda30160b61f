from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Every form renders with the same accessible markup (labels, help and errors tied to inputs)."""

    form_template_name = "tissage/forms/form.html"
    field_template_name = "tissage/forms/field.html"
