import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Import every view at start-up rather than at the first request, then move everything built
# so far out of the collector's sight: a full collection otherwise walks the whole framework
# again (~40 ms, in the middle of some request) although none of it is ever garbage.
get_resolver().url_patterns  # noqa: B018
gc.freeze()
