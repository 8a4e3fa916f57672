"""How requests reach an endpoint: redirects refused, no proxy for this machine, and the
credentials of the environment (a bearer token with every request; a user and password in
answer to the server's Basic or Digest challenge).
"""

from __future__ import annotations

import ipaddress
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from ..errors import StoreError

ENV_USER = "NATO_EU_GRAPH_ENDPOINT_USER"
ENV_PASSWORD = "NATO_EU_GRAPH_ENDPOINT_PASSWORD"
ENV_TOKEN = "NATO_EU_GRAPH_ENDPOINT_TOKEN"
AUTH_HINT = f"set {ENV_USER} and {ENV_PASSWORD}, or {ENV_TOKEN}, in the environment"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Turn every redirect into an HTTPError, which ``_send`` reports."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def is_loopback(host: str) -> bool:
    """Whether a host name or address stays on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def opener(*urls: str, credentials: tuple[str, str] | None = None) -> urllib.request.OpenerDirector:
    """No redirects; no proxy when every URL is on this machine; and, with credentials, an
    answer to the Basic or Digest challenge of these URLs (Basic then goes unasked)."""
    handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
    if all(is_loopback(urllib.parse.urlsplit(u).hostname or "") for u in urls):
        handlers.append(urllib.request.ProxyHandler({}))
    if credentials:
        passwords = urllib.request.HTTPPasswordMgrWithPriorAuth()
        passwords.add_password(None, list(urls), *credentials, is_authenticated=False)
        handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        handlers.append(_BasicAuth(passwords))
    return urllib.request.build_opener(*handlers)


class _BasicAuth(urllib.request.HTTPBasicAuthHandler):
    """Basic unasked only where Basic was accepted: urllib's handler also took a Digest
    success for one, and Virtuoso answers a Basic header it did not ask for with 401."""

    def http_response(self, req: urllib.request.Request, response: Any) -> Any:
        if str(req.get_header("Authorization", "")).startswith("Basic "):
            return super().http_response(req, response)
        return response

    https_response = http_response


def env_credentials(env: Mapping[str, str]) -> tuple[str, str] | None:
    user = env.get(ENV_USER, "")
    return (user, env.get(ENV_PASSWORD, "")) if user and not env.get(ENV_TOKEN) else None


def env_headers(env: Mapping[str, str]) -> dict[str, str]:
    token, user = env.get(ENV_TOKEN, ""), env.get(ENV_USER, "")
    if token and user:
        raise StoreError(f"both {ENV_TOKEN} and {ENV_USER} are set", hint="unset one of them")
    return {"Authorization": f"Bearer {token}"} if token else {}
