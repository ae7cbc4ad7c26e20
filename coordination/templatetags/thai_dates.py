from django import template

from coordination.thai_dates import thai_date as format_thai_date

register = template.Library()


@register.filter
def thai_date(value, arg: str = ""):
    """{{ value|thai_date }} → 24 พฤศจิกายน 2569; arg "short" and/or "time": {{ v|thai_date:"short,time" }}."""
    options = {option.strip() for option in (arg or "").split(",")}
    return format_thai_date(value, short="short" in options, with_time="time" in options)
