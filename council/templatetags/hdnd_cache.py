"""{% cached_fragment seconds key %}...{% endcached_fragment %}: Django's {% cache %} that a
cache outage cannot break (the fragment is then rendered, as if never cached).

The key should name everything the fragment depends on; list pages pass the data version
(bumped by every committed write, council.cache), the user and the full URL."""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

from django import template
from django.core.cache import cache

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, seconds: Any, key: Any) -> None:
        self.nodelist, self.seconds, self.key = nodelist, seconds, key

    def render(self, context: template.Context) -> str:
        seconds = int(self.seconds.resolve(context) or 0)
        if seconds <= 0:
            return self.nodelist.render(context)
        raw = str(self.key.resolve(context))
        key = "hdnd:fragment:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()
        value = None
        with contextlib.suppress(Exception):  # a cache outage costs speed only
            value = cache.get(key)
        if value is None:
            value = self.nodelist.render(context)
            with contextlib.suppress(Exception):
                cache.set(key, value, seconds)
        return value


@register.tag
def cached_fragment(parser: template.base.Parser, token: template.base.Token) -> CachedFragmentNode:
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("Usage: {% cached_fragment seconds key %}")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    )
