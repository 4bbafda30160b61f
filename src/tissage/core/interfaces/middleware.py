"""Security headers that every response carries."""

import secrets


class ContentSecurityPolicyMiddleware:
    """Scripts only from this site or carrying the request's nonce; nothing framed but the
    programme widget (the views that waive X-Frame-Options)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        framing = "" if getattr(response, "xframe_options_exempt", False) else " frame-ancestors 'none';"
        response.setdefault(
            "Content-Security-Policy",
            f"default-src 'self'; script-src 'self' 'nonce-{request.csp_nonce}'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
            f"base-uri 'self'; form-action 'self';{framing}",
        )
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
