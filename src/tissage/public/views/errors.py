import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

# What a driver says when the database is away, rather than when a query is wrong (a bug).
UNREACHABLE = (
    "connection",
    "could not connect",
    "server closed",
    "terminating",
    "unable to open database",
    "disk i/o error",
    "database is locked",
)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: this page must render even when those are what failed.
    if database_unreachable(sys.exc_info()[1]):
        # Each request tries the database again: the site comes back by itself with it.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def database_unreachable(error: BaseException | None) -> bool:
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    text = str(error).lower()
    return any(sign in text for sign in UNREACHABLE)
