"""What drf-spectacular needs told: how a token is sent (the «Authorize» button of /api/docs/)."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "opendata.authentication.ApiTokenAuthentication"
    name = "ApiToken"
    # Anonymous use is allowed: the token is optional on every operation.
    optional = True

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Khóa của hệ thống tin cậy, dạng «Token <khóa>»: hạn mức cao hơn.",
        }
